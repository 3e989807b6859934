package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/storyline/storyline/extract"
)

// RoleItem is one annotated sentence of the role test set
// (testdata/roles/*.jsonl, one JSON object a line): an event trigger and
// the participants a reader expects for it.
//
// Each slot (Agent, Patient, Place, Time) lists the expected participants;
// an empty list means the slot is empty ("none"). One entry may give
// alternatives separated by "|" ("Obama|Barack Obama"): any of them
// matches. See slotRight for when a system slot counts as right.
type RoleItem struct {
	// ID names the item in reports ("ecb-017").
	ID string `json:"id"`
	// Source is the document: "ecbplus/…" and "bbc/…" are relative to
	// the shared data folder (--data), "testdata/…" to the repository
	// that holds the set (two folders above the set's own).
	Source string `json:"source"`
	// Sentence is the sentence's text as Storyline reads the document.
	Sentence string `json:"sentence"`
	// Trigger is the event's trigger as written, and Offset its byte
	// offset in the document's text as the extract pipeline produces it.
	Trigger string   `json:"trigger"`
	Offset  int      `json:"offset"`
	Agent   []string `json:"agent"`
	Patient []string `json:"patient"`
	Place   []string `json:"place"`
	Time    []string `json:"time"`
	// Note explains a hard case.
	Note string `json:"note,omitempty"`
}

// Span is the trigger's byte range in the document's text.
func (it RoleItem) Span() extract.Span {
	return extract.Span{Start: it.Offset, End: it.Offset + len(it.Trigger)}
}

// Corpus is the first element of Source: "ecbplus", "bbc" or "seeds"
// (for testdata/seeds/…).
func (it RoleItem) Corpus() string {
	first, rest, _ := strings.Cut(it.Source, "/")
	if first == "testdata" {
		first, _, _ = strings.Cut(rest, "/")
	}
	return first
}

// fromSharedData tells whether the item's document lives in ../shared/data.
func (it RoleItem) fromSharedData() bool {
	return !strings.HasPrefix(it.Source, "testdata/")
}

// RoleSlots are the scored slots, in report order.
var RoleSlots = []string{"agent", "patient", "place", "time"}

func (it RoleItem) slot(name string) []string {
	switch name {
	case "agent":
		return it.Agent
	case "patient":
		return it.Patient
	case "place":
		return it.Place
	default:
		return it.Time
	}
}

// ReadRoleItems reads every *.jsonl file in dir, in name order. A line that
// is not a complete item is an error naming the file and line.
func ReadRoleItems(dir string) ([]RoleItem, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("roles: %s: %w", dir, err)
	}
	if len(files) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("roles: %w", err)
		}
		return nil, fmt.Errorf("roles: %s: no *.jsonl file", dir)
	}
	sort.Strings(files)
	var items []RoleItem
	seen := map[string]string{}
	for _, f := range files {
		its, err := readRoleFile(f)
		if err != nil {
			return nil, err
		}
		for _, it := range its {
			if prev, ok := seen[it.ID]; ok {
				return nil, fmt.Errorf("roles: %s: id %q used twice (first in %s)", f, it.ID, prev)
			}
			seen[it.ID] = f
		}
		items = append(items, its...)
	}
	return items, nil
}

func readRoleFile(path string) ([]RoleItem, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	var items []RoleItem
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		it, err := parseRoleItem(b)
		if err != nil {
			return nil, fmt.Errorf("roles: %s:%d: %w", path, line, err)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("roles: %s: %w", path, err)
	}
	return items, nil
}

// parseRoleItem decodes one line. Every slot must be present (an empty
// list says "none"), so a forgotten slot is an error, not a "none".
func parseRoleItem(b []byte) (RoleItem, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return RoleItem{}, fmt.Errorf("invalid JSON: %w", err)
	}
	for _, k := range append([]string{"id", "source", "sentence", "trigger", "offset"}, RoleSlots...) {
		if _, ok := raw[k]; !ok {
			return RoleItem{}, fmt.Errorf("missing %q", k)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var it RoleItem
	if err := dec.Decode(&it); err != nil {
		return RoleItem{}, fmt.Errorf("invalid item: %w", err)
	}
	switch {
	case it.ID == "":
		return it, errors.New("empty id")
	case it.Trigger == "":
		return it, fmt.Errorf("%s: empty trigger", it.ID)
	case it.Offset < 0:
		return it, fmt.Errorf("%s: negative offset %d", it.ID, it.Offset)
	case !strings.Contains(it.Sentence, it.Trigger):
		return it, fmt.Errorf("%s: trigger %q not in the sentence", it.ID, it.Trigger)
	case strings.HasPrefix(it.Source, "/") || strings.Contains(it.Source, ".."):
		return it, fmt.Errorf("%s: source %q must be a relative path inside the data or the repository", it.ID, it.Source)
	}
	for _, s := range RoleSlots {
		for _, v := range it.slot(s) {
			if strings.TrimSpace(strings.ReplaceAll(v, "|", "")) == "" {
				return it, fmt.Errorf("%s: empty %s entry", it.ID, s)
			}
		}
	}
	return it, nil
}

// CheckRoleItem checks that the item fits the document's text: the
// trigger is at its offset and the sentence holds it there.
func CheckRoleItem(text string, it RoleItem) error {
	sp := it.Span()
	if sp.End > len(text) || text[sp.Start:sp.End] != it.Trigger {
		got := ""
		if sp.End <= len(text) {
			got = text[sp.Start:sp.End]
		}
		return fmt.Errorf("%s: %s: trigger %q is not at byte %d (found %q)", it.ID, it.Source, it.Trigger, it.Offset, got)
	}
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], it.Sentence)
		if i < 0 {
			break
		}
		start := from + i
		if start <= sp.Start && sp.End <= start+len(it.Sentence) {
			return nil
		}
		from = start + 1
	}
	return fmt.Errorf("%s: %s: the sentence does not hold byte %d of the text", it.ID, it.Source, it.Offset)
}

// RoleResult is one item scored.
type RoleResult struct {
	Item RoleItem
	// Found is false when no system event's trigger overlaps the gold
	// trigger; its slots are then not scored.
	Found bool
	// SystemTrigger is the trigger of the event scored.
	SystemTrigger string
	// Got holds, for each slot, what the system gives (display text of
	// each participant); Right whether the slot is right.
	Got   map[string][]string
	Right map[string]bool
}

// ScoreRoleItem finds the system event for it in doc and scores each slot.
// The event is the one whose trigger overlaps the gold trigger's span by
// the most bytes (the first such in document order on a tie).
func ScoreRoleItem(doc *extract.Document, it RoleItem) RoleResult {
	res := RoleResult{Item: it}
	gold := it.Span()
	best, bestOver := -1, 0
	for i, ev := range doc.Events {
		if !ev.Trigger.Overlaps(gold) {
			continue
		}
		over := min(ev.Trigger.End, gold.End) - max(ev.Trigger.Start, gold.Start)
		if over > bestOver {
			best, bestOver = i, over
		}
	}
	if best < 0 {
		return res
	}
	ev := doc.Events[best]
	res.Found = true
	res.SystemTrigger = ev.TriggerText
	res.Got = map[string][]string{}
	res.Right = map[string]bool{}
	for _, s := range RoleSlots {
		var parts []rolePart
		if s == "time" {
			parts = systemTime(doc, ev)
		} else {
			parts = systemParts(doc, ev, s)
		}
		got := make([]string, len(parts))
		for i, p := range parts {
			got[i] = p.display
		}
		res.Got[s] = got
		res.Right[s] = slotRight(it.slot(s), parts, s == "time")
	}
	return res
}

// rolePart is one participant the system put in a slot: the text shown
// in reports and every name it answers to.
type rolePart struct {
	display string
	names   []string
}

// systemParts lists the participants of ev in slot ("agent", "patient",
// "place"): entity arguments (the mention's words, the entity's canonical
// name and aliases; two arguments of one entity are one participant) and
// unnamed noun phrases (the phrase and its head noun).
func systemParts(doc *extract.Document, ev extract.Event, slot string) []rolePart {
	var args []extract.Arg
	nomRole := slot
	switch slot {
	case "agent":
		args = ev.Agents
	case "patient":
		args = ev.Patients
	case "place":
		args, nomRole = ev.Locations, "location"
	}
	var out []rolePart
	// Arguments naming one entity (its name and a pronoun, say) are one
	// participant, and so are an argument and the unnamed phrase of the
	// same words (a resolved pronoun kept as the phrase "It" too).
	byEntity := map[int]int{}
	byWords := map[extract.Span]int{}
	for _, a := range args {
		var p rolePart
		if a.Mention >= 0 && a.Mention < len(doc.Mentions) {
			p.display = doc.Mentions[a.Mention].Text
			p.names = append(p.names, p.display)
		}
		if a.Entity >= 0 && a.Entity < len(doc.Entities) {
			e := doc.Entities[a.Entity]
			if p.display == "" {
				p.display = e.Name
			}
			p.names = append(p.names, e.Name)
			p.names = append(p.names, e.Aliases...)
			if i, ok := byEntity[a.Entity]; ok {
				out[i].display += "/" + p.display
				out[i].names = append(out[i].names, p.names...)
				byWords[a.Words] = i
				continue
			}
		}
		if p.display != "" {
			if a.Entity >= 0 && a.Entity < len(doc.Entities) {
				byEntity[a.Entity] = len(out)
			}
			byWords[a.Words] = len(out)
			out = append(out, p)
		}
	}
	for _, n := range ev.Nominals {
		if n.Role != nomRole {
			continue
		}
		p := rolePart{display: n.Text, names: []string{n.Text}}
		if n.Head.Start >= 0 && n.Head.Start < n.Head.End && n.Head.End <= len(doc.Text) {
			p.names = append(p.names, doc.Text[n.Head.Start:n.Head.End])
		}
		if i, ok := byWords[n.Span]; ok {
			out[i].display += "/" + p.display
			out[i].names = append(out[i].names, p.names...)
			continue
		}
		out = append(out, p)
	}
	return out
}

// systemTime is the event's time expression when it lies in the event's
// own sentence: the set annotates what the sentence says, so a time
// inherited from another sentence or from the article counts as none.
func systemTime(doc *extract.Document, ev extract.Event) []rolePart {
	if ev.Timex < 0 || ev.Timex >= len(doc.Timexes) || ev.Sentence < 0 || ev.Sentence >= len(doc.Sentences) {
		return nil
	}
	tx := doc.Timexes[ev.Timex]
	if !doc.Sentences[ev.Sentence].Contains(extract.Span{Start: tx.Start, End: tx.End}) {
		return nil
	}
	return []rolePart{{display: tx.Text, names: []string{tx.Text}}}
}

// slotRight tells whether the system's participants answer the gold slot.
// An empty gold slot ("none") is right only when the system leaves the
// slot empty. Otherwise the two must correspond both ways: every gold
// entry is matched by some system participant, and every system
// participant matches some gold entry (an extra participant,
// such as a country named elsewhere in the sentence, makes the slot
// wrong). A gold entry matches a participant when one of its alternatives
// matches one of the participant's names (nameMatch; for time,
// timeMatch).
func slotRight(gold []string, sys []rolePart, isTime bool) bool {
	if len(gold) == 0 || len(sys) == 0 {
		return len(gold) == 0 && len(sys) == 0
	}
	match := func(g string, p rolePart) bool {
		for _, alt := range strings.Split(g, "|") {
			for _, n := range p.names {
				if isTime && timeMatch(alt, n) || !isTime && nameMatch(alt, n) {
					return true
				}
			}
		}
		return false
	}
	for _, g := range gold {
		if !slices.ContainsFunc(sys, func(p rolePart) bool { return match(g, p) }) {
			return false
		}
	}
	for _, p := range sys {
		if !slices.ContainsFunc(gold, func(g string) bool { return match(g, p) }) {
			return false
		}
	}
	return true
}

// nameMatch compares an expected name or head word with a system name,
// case-insensitively after normName: they match when equal, or when the
// expected one is a single word equal to the last word (the head) of the
// system's phrase ("pilot" matches "the Russian pilot", "Putin" matches
// "Russian President Vladimir Putin"; "Russia" does not match "Russian").
func nameMatch(want, got string) bool {
	w, g := normName(want), normName(got)
	if w == "" || g == "" {
		return false
	}
	if w == g {
		return true
	}
	if strings.Contains(w, " ") {
		return false
	}
	f := strings.Fields(g)
	return f[len(f)-1] == w
}

// timeMatch compares an expected time expression with the system's: equal
// after normName, or one holds the other as whole words ("Monday" and
// "Monday night", "November 24" and "On November 24").
func timeMatch(want, got string) bool {
	w, g := normName(want), normName(got)
	if w == "" || g == "" {
		return false
	}
	return w == g || strings.Contains(" "+g+" ", " "+w+" ") || strings.Contains(" "+w+" ", " "+g+" ")
}

// normName lower-cases s, makes curly quotes straight, drops a possessive
// "'s", punctuation at either end and a leading article, and collapses
// spaces.
func normName(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	s = strings.TrimSuffix(strings.TrimSpace(s), "'s")
	s = strings.TrimSuffix(s, "'")
	s = strings.Trim(s, " \t\n.,;:!?\"'()[]")
	f := strings.Fields(s)
	if len(f) > 1 {
		switch f[0] {
		case "the", "a", "an":
			f = f[1:]
		}
	}
	return strings.Join(f, " ")
}

// RolesOptions configures Roles.
type RolesOptions struct {
	// Data is the shared data folder (../shared/data); items from it are
	// skipped when it is absent.
	Data    string
	Verbose bool
	// Out receives the verbose listing and the skip messages.
	Out io.Writer
}

// RoleCounts are the figures of one corpus (or all of them).
type RoleCounts struct {
	Items int
	Found int
	Right map[string]int
}

// Acc is the accuracy of slot over the items whose trigger was found.
func (c RoleCounts) Acc(slot string) float64 { return pct(c.Right[slot], c.Found) }

func (c *RoleCounts) add(r RoleResult) {
	if c.Right == nil {
		c.Right = map[string]int{}
	}
	c.Items++
	if !r.Found {
		return
	}
	c.Found++
	for _, s := range RoleSlots {
		if r.Right[s] {
			c.Right[s]++
		}
	}
}

// RolesReport is the result of Roles.
type RolesReport struct {
	Results []RoleResult
	// Corpora holds the counts by corpus; Total over all items scored.
	Corpora map[string]*RoleCounts
	Total   RoleCounts
	// Skipped counts the items not scored because ../shared/data is
	// absent.
	Skipped int
}

// Roles runs the extract pipeline on the document of every item of the
// role set in dir and scores the items.
func Roles(ctx context.Context, dir string, opt RolesOptions) (*RolesReport, error) {
	items, err := ReadRoleItems(dir)
	if err != nil {
		return nil, err
	}
	root := filepath.Join(dir, "..", "..")
	haveData := false
	if opt.Data != "" {
		if st, err := os.Stat(opt.Data); err == nil && st.IsDir() {
			haveData = true
		}
	}
	p, err := extract.New()
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	rep := &RolesReport{Corpora: map[string]*RoleCounts{}}
	docs := map[string]*extract.Document{}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("roles: %w", err)
		}
		if it.fromSharedData() && !haveData {
			rep.Skipped++
			continue
		}
		doc := docs[it.Source]
		if doc == nil {
			path := filepath.Join(root, filepath.FromSlash(it.Source))
			if it.fromSharedData() {
				path = filepath.Join(opt.Data, filepath.FromSlash(it.Source))
			}
			in, err := RoleInput(ctx, path)
			if err != nil {
				return nil, fmt.Errorf("roles: item %s: %w", it.ID, err)
			}
			if doc, err = p.Annotate(ctx, in); err != nil {
				return nil, fmt.Errorf("roles: item %s: %w", it.ID, err)
			}
			docs[it.Source] = doc
		}
		if err := CheckRoleItem(doc.Text, it); err != nil {
			return nil, fmt.Errorf("roles: %w", err)
		}
		r := ScoreRoleItem(doc, it)
		rep.Results = append(rep.Results, r)
		c := rep.Corpora[it.Corpus()]
		if c == nil {
			c = &RoleCounts{}
			rep.Corpora[it.Corpus()] = c
		}
		c.add(r)
		rep.Total.add(r)
	}
	if rep.Skipped > 0 && opt.Out != nil {
		if _, err := fmt.Fprintf(opt.Out, "skipped %d items from the shared data: %s not found\n", rep.Skipped, opt.Data); err != nil {
			return nil, fmt.Errorf("roles: %w", err)
		}
	}
	if opt.Verbose && opt.Out != nil {
		if err := rep.writeVerbose(opt.Out); err != nil {
			return nil, fmt.Errorf("roles: writing verbose output: %w", err)
		}
	}
	return rep, nil
}

// RoleInput reads the document at path as the pipeline reads it: an ECB+
// XML file rebuilt as text from its tokens (as eval ecbplus does), else
// the one article the input reader finds in the file.
func RoleInput(ctx context.Context, path string) (extract.Input, error) {
	if strings.HasSuffix(path, ".xml") {
		data, err := os.ReadFile(path)
		if err != nil {
			return extract.Input{}, err
		}
		d, err := ecbParse(data)
		if err != nil {
			return extract.Input{}, fmt.Errorf("%s: %w", path, err)
		}
		return extract.Input{Name: path, Text: d.Text}, nil
	}
	ins, errs := extract.ReadInputs(ctx, []string{path}, nil)
	if len(errs) > 0 {
		return extract.Input{}, errs[0]
	}
	if len(ins) != 1 {
		return extract.Input{}, fmt.Errorf("%s: want one article, read %d", path, len(ins))
	}
	return ins[0], nil
}

func (r *RolesReport) writeVerbose(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, res := range r.Results {
		it := res.Item
		if !res.Found {
			fmt.Fprintf(bw, "MISS trigger %s %s %q @%d\n  %s\n", it.ID, it.Source, it.Trigger, it.Offset, it.Sentence)
			continue
		}
		for _, s := range RoleSlots {
			if res.Right[s] {
				continue
			}
			fmt.Fprintf(bw, "WRONG %s %s %s trigger %q (system %q)\n  %s\n  expected %s  got %s\n",
				s, it.ID, it.Source, it.Trigger, res.SystemTrigger, it.Sentence, roleList(it.slot(s)), roleList(res.Got[s]))
			if it.Note != "" {
				fmt.Fprintf(bw, "  note: %s\n", it.Note)
			}
		}
	}
	return bw.Flush()
}

func roleList(v []string) string {
	if len(v) == 0 {
		return "none"
	}
	return "[" + strings.Join(v, "; ") + "]"
}

// Write prints the table: by corpus, then all items.
func (r *RolesReport) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%-8s %5s %9s %7s %7s %7s %7s\n", "corpus", "n", "triggers", "agent", "patient", "place", "time")
	names := make([]string, 0, len(r.Corpora))
	for n := range r.Corpora {
		names = append(names, n)
	}
	sort.Strings(names)
	row := func(name string, c RoleCounts) {
		fmt.Fprintf(bw, "%-8s %5d %9s %7.1f %7.1f %7.1f %7.1f\n", name, c.Items,
			fmt.Sprintf("%d/%d", c.Found, c.Items), c.Acc("agent"), c.Acc("patient"), c.Acc("place"), c.Acc("time"))
	}
	for _, n := range names {
		row(n, *r.Corpora[n])
	}
	row("all", r.Total)
	fmt.Fprintf(bw, "(accuracy in %% of the items whose trigger was found; %d items skipped)\n", r.Skipped)
	return bw.Flush()
}
