package eval

// SemEval-2015 Task 4, "TimeLine: Cross-Document Event Ordering", track A
// (raw text to timelines): Storyline reads the task's articles, builds each
// target entity's timeline, writes it in the task's format and scores it
// with the task's metric (tempawareness.go). The conversion of a timeline
// into TLINKs follows the task's evaluation_timeline.py (see timelineLinks)
// and the overall score its evaluation_all.py (version 3): micro-averaged
// precision and recall over all timelines' relations, and their F1.

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

// TimelinesOptions configures Timelines.
type TimelinesOptions struct {
	// Verbose lists each system timeline, the gold event mentions it
	// misses and those it dates differently.
	Verbose bool
	// Out receives the verbose listing; nil means no listing.
	Out io.Writer
	// OutDir, when set, receives the system timelines, one file per
	// target entity named as its gold file.
	OutDir string
}

// TimelinesReport is the result of Timelines.
type TimelinesReport struct {
	Docs int `json:"docs"`
	// Ingest is the store's one-line ingest summary.
	Ingest string `json:"ingest"`
	// Failed lists the documents that could not be ingested.
	Failed   []string              `json:"failed,omitempty"`
	Entities []TimelineEntityScore `json:"entities"`
	// Micro sums every timeline's counts: the task's overall score.
	Micro AwarenessCounts `json:"micro"`
}

// TimelineEntityScore is one target entity's timeline and its score.
type TimelineEntityScore struct {
	Entity string `json:"entity"`
	File   string `json:"file"`
	// InStore is false when no entity of that name is in the store: the
	// system timeline is then empty.
	InStore bool `json:"in_store"`
	AwarenessCounts
	// Event mentions of the scored rows (ordinal not 0): gold and system;
	// Found counts the gold ones the system timeline lists (in any row),
	// Dated those of them it gives the gold's date.
	GoldMentions int `json:"gold_mentions"`
	SysMentions  int `json:"sys_mentions"`
	Found        int `json:"found"`
	Dated        int `json:"dated"`
	// System is the timeline Storyline wrote.
	System *TaskTimeline `json:"system"`
}

// Write prints the report as a table.
func (r *TimelinesReport) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "SemEval-2015 Task 4 timelines (track A, temporal awareness): %d documents, %d target entities\n",
		r.Docs, len(r.Entities))
	if r.Ingest != "" {
		fmt.Fprintf(&b, "ingest: %s\n", r.Ingest)
	}
	for _, f := range r.Failed {
		fmt.Fprintf(&b, "not ingested: %s\n", f)
	}
	fmt.Fprintf(&b, "%-22s %6s %6s %6s %6s %8s %8s %8s %8s\n", "entity", "gold", "system", "found", "dated",
		"links", "P", "R", "F1")
	for _, e := range r.Entities {
		note := ""
		if !e.InStore {
			note = "  (no such entity in the store)"
		}
		fmt.Fprintf(&b, "%-22s %6d %6d %6d %6d %8s %8.2f %8.2f %8.2f%s\n", e.Entity, e.GoldMentions, e.SysMentions,
			e.Found, e.Dated, fmt.Sprintf("%d/%d", e.SysTotal, e.GoldTotal), e.P(), e.R(), e.F1(), note)
	}
	m := r.Micro
	fmt.Fprintf(&b, "%-22s %6s %6s %6s %6s %8s %8.2f %8.2f %8.2f\n", "micro", "", "", "", "",
		fmt.Sprintf("%d/%d", m.SysTotal, m.GoldTotal), m.P(), m.R(), m.F1())
	b.WriteString("gold/system: event mentions in scored rows (ordinal not 0); found: gold mentions the system lists;\n" +
		"dated: found with the gold's date; links: system/gold reduced TLINKs\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Timelines ingests the task documents (*.tml under docsDir) into a
// temporary store, builds the timeline of each gold file's target entity
// (*.txt under goldDir) with Storyline's timeline package, and scores it
// against the gold with temporal awareness.
func Timelines(ctx context.Context, docsDir, goldDir string, opt TimelinesOptions) (*TimelinesReport, error) {
	docs, err := readTaskDocs(docsDir)
	if err != nil {
		return nil, err
	}
	golds, err := readTaskGold(goldDir)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "storyline-timelines-")
	if err != nil {
		return nil, fmt.Errorf("eval timelines: %w", err)
	}
	defer os.RemoveAll(tmp)
	store, err := graph.Open(ctx, filepath.Join(tmp, "timelines.db"), graph.OpenOptions{})
	if err != nil {
		return nil, fmt.Errorf("eval timelines: %w", err)
	}
	defer store.Close()
	rep, err := ingestTaskDocs(ctx, store, docs)
	if err != nil {
		return nil, err
	}
	if opt.OutDir != "" {
		if err := os.MkdirAll(opt.OutDir, 0o755); err != nil {
			return nil, fmt.Errorf("eval timelines: %w", err)
		}
	}
	var log io.Writer
	if opt.Verbose && opt.Out != nil {
		log = opt.Out
	}
	for _, g := range golds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		es, err := entityTimeline(ctx, store, g, docs)
		if err != nil {
			return nil, err
		}
		rep.Entities = append(rep.Entities, *es)
		rep.Micro.Add(es.AwarenessCounts)
		if opt.OutDir != "" {
			path := filepath.Join(opt.OutDir, es.File)
			if err := os.WriteFile(path, []byte(es.System.Format()), 0o644); err != nil {
				return nil, fmt.Errorf("eval timelines: %w", err)
			}
		}
		if log != nil {
			if err := writeTimelineLog(log, es, g.timeline); err != nil {
				return nil, err
			}
		}
	}
	return rep, nil
}

// taskGold is one gold timeline file.
type taskGold struct {
	file     string
	timeline *TaskTimeline
}

// ingestTaskDocs stores every document, dated by its DCT.
func ingestTaskDocs(ctx context.Context, store *graph.Store, docs []*TaskDoc) (*TimelinesReport, error) {
	p, err := extract.New()
	if err != nil {
		return nil, fmt.Errorf("eval timelines: %w", err)
	}
	inputs := make([]extract.Input, len(docs))
	for i, d := range docs {
		inputs[i] = extract.Input{Name: d.Name, Text: d.Text, Date: d.DCT, DateSource: "metadata"}
	}
	sum, errs := store.Ingest(ctx, p, inputs, graph.IngestOptions{})
	rep := &TimelinesReport{Docs: len(docs)}
	for _, err := range errs {
		var se *graph.StoreError
		if errors.As(err, &se) || ctx.Err() != nil {
			return nil, fmt.Errorf("eval timelines: %w", err)
		}
		rep.Failed = append(rep.Failed, oneLineErr(err))
	}
	if sum != nil {
		rep.Ingest = sum.String()
	}
	return rep, nil
}

func oneLineErr(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

// entityTimeline builds and scores the system timeline of one gold file's
// target entity.
func entityTimeline(ctx context.Context, store *graph.Store, g taskGold, docs []*TaskDoc) (*TimelineEntityScore, error) {
	es := &TimelineEntityScore{Entity: g.timeline.Entity, File: g.file,
		System: &TaskTimeline{Entity: g.timeline.Entity}}
	ents, err := store.FindEntity(ctx, g.timeline.Entity)
	if err != nil {
		return nil, fmt.Errorf("eval timelines: %w", err)
	}
	if len(ents) > 0 {
		es.InStore = true
		t, err := timeline.Build(ctx, store, timeline.Filter{Entity: g.timeline.Entity, All: true})
		if err != nil {
			return nil, fmt.Errorf("eval timelines: %s: %w", g.file, err)
		}
		es.System = systemTimeline(g.timeline.Entity, t, docs)
	}
	gl, sl := timelineLinks(g.timeline, es.System)
	es.AwarenessCounts = TemporalAwareness(gl, sl)
	gold, sys := g.timeline.mentionDates(true), es.System.mentionDates(false)
	es.GoldMentions = len(gold)
	es.SysMentions = len(es.System.mentionDates(true))
	for m, d := range gold {
		if sd, ok := sys[m]; ok {
			es.Found++
			if sd == d {
				es.Dated++
			}
		}
	}
	return es, nil
}

// writeTimelineLog prints the system timeline, then the gold mentions it
// misses and those it dates differently.
func writeTimelineLog(w io.Writer, es *TimelineEntityScore, gold *TaskTimeline) error {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s (%s): P %.2f R %.2f F1 %.2f\n", es.Entity, es.File, es.P(), es.R(), es.F1())
	b.WriteString(es.System.Format())
	g, s := gold.mentionDates(true), es.System.mentionDates(false)
	listed := map[string]bool{}
	for _, row := range gold.Rows {
		for _, m := range row.Events {
			d, scored := g[m]
			if !scored || listed[m] {
				continue
			}
			listed[m] = true
			switch sd, ok := s[m]; {
			case !ok:
				fmt.Fprintf(&b, "MISS %s %s\n", m, d)
			case sd != d:
				fmt.Fprintf(&b, "DATE %s gold %s system %s\n", m, d, sd)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// systemTimeline writes t in the task's format: one row per event, its
// mentions as docid-sentence-word ids; events grouped by date, coarser
// dates before finer ones that start with them (2008, 2008-06,
// 2008-06-09); events on one date share an ordinal (simultaneous);
// undated events get ordinal 0 and come first, as in the gold. A mention
// outside the task's sentences (the headline) is left out, and a mention
// already listed under an earlier event is not repeated.
func systemTimeline(entity string, t *timeline.Timeline, docs []*TaskDoc) *TaskTimeline {
	byName := make(map[string]*TaskDoc, len(docs))
	for _, d := range docs {
		byName[d.Name] = d
	}
	byIRI := make(map[string]*TaskDoc, len(t.Documents))
	for _, d := range t.Documents {
		if td := byName[d.File]; td != nil {
			byIRI[d.ID] = td
		}
	}
	var rows []TaskRow
	seen := map[string]bool{}
	for _, e := range t.Events {
		row := TaskRow{Date: taskDate(e.Date)}
		for _, s := range e.Sources {
			d := byIRI[s.Document]
			if d == nil {
				continue
			}
			id := d.MentionID(s.Start, s.End)
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			row.Events = append(row.Events, id)
		}
		if len(row.Events) > 0 {
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		ui, uj := rows[i].Date == undatedAnchor, rows[j].Date == undatedAnchor
		if ui != uj {
			return ui
		}
		return rows[i].Date < rows[j].Date
	})
	ord, last := 0, ""
	for i := range rows {
		if rows[i].Date == undatedAnchor {
			continue
		}
		if rows[i].Date != last {
			ord++
			last = rows[i].Date
		}
		rows[i].Ordinal = ord
	}
	return &TaskTimeline{Entity: entity, Rows: rows}
}

// undatedAnchor is the task's time anchor of an undated event.
const undatedAnchor = "XXXX-XX-XX"

var (
	taskDayRe    = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	taskCoarseRe = regexp.MustCompile(`^\d{4}-(W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI)$`)
)

// taskDate turns a TIMEX3 value into a time anchor at the task's
// granularity, as most of its gold anchors are written: YYYY-MM-DD,
// YYYY-MM or YYYY; weeks, quarters, halves and seasons become their year;
// anything without a known year (XXXX-11-24, PRESENT_REF, 199X, "") is
// XXXX-XX-XX.
func taskDate(v string) string {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	if taskCoarseRe.MatchString(v) {
		return v[:4]
	}
	if taskDayRe.MatchString(v) {
		return v
	}
	return undatedAnchor
}

// TaskTimeline is one timeline in the task's format: a first line naming
// the target entity, then one row per event.
type TaskTimeline struct {
	Entity string    `json:"entity"`
	Rows   []TaskRow `json:"rows"`
}

// TaskRow is one line of a timeline: ordinal, time anchor, and the
// mentions (docid-sentence-word, multi-word extents joined with "_") of
// one event. Rows with the same ordinal are simultaneous; ordinal 0 is
// "not ordered" and is not scored.
type TaskRow struct {
	Ordinal int      `json:"ordinal"`
	Date    string   `json:"date"`
	Events  []string `json:"events"`
}

func (r TaskRow) line() string {
	return strconv.Itoa(r.Ordinal) + "\t" + r.Date + "\t" + strings.Join(r.Events, "\t")
}

// Format writes the timeline as the task's files are written.
func (t *TaskTimeline) Format() string {
	var b strings.Builder
	b.WriteString(t.Entity + "\n")
	for _, r := range t.Rows {
		b.WriteString(r.line() + "\n")
	}
	return b.String()
}

// mentionDates maps each mention to the time anchor of its first row;
// scoredOnly keeps the rows the scorer reads (ordinal not 0).
func (t *TaskTimeline) mentionDates(scoredOnly bool) map[string]string {
	out := map[string]string{}
	for _, r := range t.Rows {
		if scoredOnly && r.Ordinal == 0 {
			continue
		}
		for _, m := range r.Events {
			if _, ok := out[m]; !ok {
				out[m] = r.Date
			}
		}
	}
	return out
}

// ParseTaskTimeline reads a timeline file: the entity on the first line,
// then ordinal<TAB>anchor<TAB>mention… rows. Blank lines and rows with no
// mention are skipped, as the task's scorer skips them.
func ParseTaskTimeline(name string, data []byte) (*TaskTimeline, error) {
	lines := strings.Split(string(data), "\n")
	t := &TaskTimeline{Entity: strings.TrimSpace(strings.TrimPrefix(lines[0], "\uFEFF"))}
	if t.Entity == "" {
		return nil, fmt.Errorf("%s: no target entity on the first line", name)
	}
	for i, l := range lines[1:] {
		l = strings.TrimRight(l, " \t\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		f := strings.Split(l, "\t")
		ord, err := strconv.Atoi(strings.TrimSpace(f[0]))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: ordinal %q is not a number", name, i+2, f[0])
		}
		r := TaskRow{Ordinal: ord}
		if len(f) > 1 {
			r.Date = f[1]
		}
		for _, m := range f[min(2, len(f)):] {
			if m != "" {
				r.Events = append(r.Events, m)
			}
		}
		if len(r.Events) > 0 {
			t.Rows = append(t.Rows, r)
		}
	}
	return t, nil
}

// TaskDoc is one task document: its text rebuilt from the tokens, with
// each token's place in it.
type TaskDoc struct {
	Name  string // file name
	ID    string // <DOCID>
	DCT   string // creation time, YYYY-MM-DD
	Title string // <EXTRAINFO>, the headline
	Text  string
	// Tokens are in text order.
	Tokens []TaskToken
}

// TaskToken is one token of a <s id> sentence and its byte span in Text.
type TaskToken struct {
	Sentence   string
	Word       string
	Start, End int
}

// MentionID is the task's id of the mention at [start, end): docid, the
// sentence of its first token, and the words of the tokens it overlaps in
// that sentence joined with "_"; "" when it overlaps no token.
func (d *TaskDoc) MentionID(start, end int) string {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > start })
	var words []string
	for k := i; k < len(d.Tokens) && d.Tokens[k].Start < end; k++ {
		if d.Tokens[k].Sentence != d.Tokens[i].Sentence {
			break
		}
		words = append(words, d.Tokens[k].Word)
	}
	if len(words) == 0 {
		return ""
	}
	return d.ID + "-" + d.Tokens[i].Sentence + "-" + strings.Join(words, "_")
}

// ParseTaskDoc reads a task document (TimeML with <s id> sentences of
// space-separated tokens). The text is the <EXTRAINFO> title as headline,
// then each sentence as its own paragraph, its tokens joined as written
// text is (no space before a comma or after an opening bracket). The
// document's own EVENT and TIMEX3 tags are ignored: track A reads raw text.
func ParseTaskDoc(name string, data []byte) (*TaskDoc, error) {
	d := &TaskDoc{Name: filepath.Base(name)}
	type sentence struct {
		id    string
		words []string
	}
	var sents []sentence
	var path []string
	var text strings.Builder
	inSent := false
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(path) > 0 {
				parent = path[len(path)-1]
			}
			path = append(path, t.Name.Local)
			switch {
			case t.Name.Local == "TIMEX3" && parent == "DCT":
				d.DCT = xmlAttr(t, "value")
			case t.Name.Local == "s" && parent == "TEXT":
				inSent = true
				sents = append(sents, sentence{id: xmlAttr(t, "id")})
				text.Reset()
			}
		case xml.EndElement:
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
			if t.Name.Local == "s" && inSent {
				inSent = false
				sents[len(sents)-1].words = strings.Fields(text.String())
			}
		case xml.CharData:
			switch {
			case inSent:
				text.Write(t)
			case len(path) > 0 && path[len(path)-1] == "DOCID":
				d.ID += strings.TrimSpace(string(t))
			case len(path) > 0 && path[len(path)-1] == "EXTRAINFO":
				d.Title += string(t)
			}
		}
	}
	if d.ID == "" {
		return nil, fmt.Errorf("%s: no <DOCID>", name)
	}
	if len(d.DCT) > 10 {
		d.DCT = d.DCT[:10]
	}
	if _, err := time.Parse("2006-01-02", d.DCT); err != nil {
		return nil, fmt.Errorf("%s: DCT %q is not a YYYY-MM-DD date", name, d.DCT)
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("%s: no <s> sentences in <TEXT>", name)
	}
	var b strings.Builder
	if title := strings.Join(strings.Fields(d.Title), " "); title != "" {
		d.Title = title
		b.WriteString(title + "\n\n")
	}
	for _, s := range sents {
		if s.id == "" {
			return nil, fmt.Errorf("%s: a sentence has no id", name)
		}
		prev, inQuote := "", false
		for _, w := range s.words {
			closing := false
			if w == `"` {
				closing, inQuote = inQuote, !inQuote
			}
			if prev != "" && ecbSpaceBefore(prev, w, closing, w) {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			d.Tokens = append(d.Tokens, TaskToken{Sentence: s.id, Word: w, Start: start, End: b.Len()})
			prev = w
			if w == `"` && !closing {
				prev = "``" // no space after an opening quote
			}
		}
		b.WriteString("\n\n")
	}
	d.Text = b.String()
	return d, nil
}

func xmlAttr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// readTaskDocs parses every *.tml document in dir, in name order.
func readTaskDocs(dir string) ([]*TaskDoc, error) {
	return readTaskFiles(dir, ".tml", "documents", ParseTaskDoc)
}

// readTaskGold parses every *.txt gold timeline in dir, in name order.
func readTaskGold(dir string) ([]taskGold, error) {
	return readTaskFiles(dir, ".txt", "gold timelines", func(path string, data []byte) (taskGold, error) {
		t, err := ParseTaskTimeline(path, data)
		if err != nil {
			return taskGold{}, err
		}
		return taskGold{file: filepath.Base(path), timeline: t}, nil
	})
}

// readTaskFiles parses every file in dir whose name ends in ext, in name
// order.
func readTaskFiles[T any](dir, ext, what string, parse func(path string, data []byte) (T, error)) ([]T, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*"+ext))
	if err != nil {
		return nil, fmt.Errorf("eval timelines: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("eval timelines: no %s %s in %s", ext, what, dir)
	}
	sort.Strings(files)
	out := make([]T, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval timelines: %w", err)
		}
		v, err := parse(f, data)
		if err != nil {
			return nil, fmt.Errorf("eval timelines: %w", err)
		}
		out = append(out, v)
	}
	return out, nil
}
