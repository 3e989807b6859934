// Package timeline builds the dated event timeline from the store: events
// ordered by date, each with every report of it, and the documents they come
// from. Its JSON form is Storyline's main output; the schema is documented
// in README.md and kept stable: fields are only ever added.
package timeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/storyline/storyline/graph"
)

// Build reads the store and returns the timeline that f selects.
func Build(ctx context.Context, s *graph.Store, f Filter) (*Timeline, error) {
	t := &Timeline{Filter: f, Events: []Event{}}
	omitted, docs, more, err := walk(ctx, s, f, nil, func(e Event, _ map[string]graph.DocInfo) error {
		t.Events = append(t.Events, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.Omitted, t.Documents, t.More = omitted, docs, more
	return t, nil
}

// Stream writes the timeline f selects to w, as JSON (the same bytes
// WriteJSON writes for Build's timeline) or as text when text is set. It
// reads and writes the events a chunk at a time, in timeline order, so
// that memory stays flat whatever the size of the store.
func Stream(ctx context.Context, s *graph.Store, f Filter, w io.Writer, text bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if text {
		_, _, _, err := walk(ctx, s, f, nil, func(e Event, _ map[string]graph.DocInfo) error { return writeTextEvent(bw, e) })
		if err != nil {
			return err
		}
		return bw.Flush()
	}
	filter, err := indented(f, "  ")
	if err != nil {
		return err
	}
	bw.WriteString("{\n  \"filter\": ")
	bw.Write(filter)
	bw.WriteString(",\n  \"events\": ")
	events := jsonArray{w: bw}
	omitted, docs, more, err := walk(ctx, s, f, nil, func(e Event, _ map[string]graph.DocInfo) error { return events.add(e) })
	if err != nil {
		return err
	}
	events.close()
	fmt.Fprintf(bw, ",\n  \"omitted\": %d,\n  \"documents\": ", omitted)
	documents := jsonArray{w: bw}
	for _, d := range docs {
		if err := documents.add(d); err != nil {
			return err
		}
	}
	documents.close()
	if more {
		bw.WriteString(",\n  \"more\": true")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// jsonArray writes one array of the timeline's JSON an element at a time,
// indented as WriteJSON indents it.
type jsonArray struct {
	w *bufio.Writer
	n int
}

func (a *jsonArray) add(v any) error {
	b, err := indented(v, "    ")
	if err != nil {
		return err
	}
	if a.n == 0 {
		a.w.WriteString("[")
	} else {
		a.w.WriteString(",")
	}
	a.n++
	a.w.WriteString("\n    ")
	_, err = a.w.Write(b)
	return err
}

func (a *jsonArray) close() {
	if a.n == 0 {
		a.w.WriteString("[]")
		return
	}
	a.w.WriteString("\n  ]")
}

// indented is v's JSON as WriteJSON writes it at a depth whose lines
// begin with prefix (its first line unprefixed, no final newline).
func indented(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// walk finds the events f selects and hands them to emit in timeline
// order (by date, undated ones last, then by id), reading them a chunk at
// a time, with the documents read so far by IRI (those the event cites
// among them). It returns the number of minor events left out and the
// documents to list: every stored one for the whole timeline, those the
// emitted events cite for a filtered one; and whether f.Limit cut the list.
// With skip, the events whose dates skip.read rejects are neither read nor
// emitted but listed in skip.
func walk(ctx context.Context, s *graph.Store, f Filter, skip *unread, emit func(Event, map[string]graph.DocInfo) error) (omitted int, _ []Document, more bool, _ error) {
	if err := f.Validate(); err != nil {
		return 0, nil, false, err
	}
	iris, keep, err := candidates(ctx, s, f)
	if err != nil {
		return 0, nil, false, err
	}
	if iris, err = inTimelineOrder(ctx, s, iris, f, skip); err != nil {
		return 0, nil, false, fmt.Errorf("timeline: %w", err)
	}
	// The whole timeline lists every stored document; a filtered one the
	// documents its events cite, read by index once the events are known.
	filtered := f.Entity != "" || f.Story != "" || f.From != "" || f.To != "" ||
		f.Outlet != "" || f.Class != "" || f.Undated || f.Limit > 0
	docByIRI := map[string]graph.DocInfo{}
	if !filtered {
		docs, err := s.Documents(ctx)
		if err != nil {
			return 0, nil, false, fmt.Errorf("timeline: %w", err)
		}
		for _, d := range docs {
			docByIRI[d.IRI] = d
		}
	}
	chunkSize := readChunk
	switch {
	case f.Limit > 0 && (f.From != "" || f.To != ""):
		// A dated event is never minor: one more than the limit tells
		// whether more match.
		chunkSize = min(readChunk, f.Limit+1)
	case f.Limit > 0:
		// Read little more than the limit: minor events are skipped.
		chunkSize = min(readChunk, max(f.Limit+f.Limit/2, 64))
	}
	emitted := 0
	cited := map[string]bool{}
	for len(iris) > 0 && !more {
		n := min(len(iris), chunkSize)
		events, err := s.EventsByIRI(ctx, iris[:n])
		if err != nil {
			return 0, nil, false, fmt.Errorf("timeline: %w", err)
		}
		byIRI := make(map[string]graph.EventInfo, len(events))
		for _, ev := range events {
			byIRI[ev.IRI] = ev
		}
		chunk := iris[:n]
		iris = iris[n:]
		if filtered {
			if err := readCitedDocuments(ctx, s, events, docByIRI); err != nil {
				return 0, nil, false, err
			}
		}
		for _, iri := range chunk {
			ev, ok := byIRI[iri]
			switch {
			case !ok:
			case keep != nil && !involves(ev, keep):
			case f.Class != "" && ev.Class != f.Class:
				// Some reports class it so, most otherwise.
			case !f.dateMatches(ev.Date, ev.RangeBegin, ev.RangeEnd):
			case !f.All && minor(ev):
				omitted++
			case f.Limit > 0 && emitted == f.Limit:
				more = true
			default:
				emitted++
				e := EventOf(ev, docByIRI)
				for _, src := range e.Sources {
					cited[src.Document] = true
				}
				if err := emit(e, docByIRI); err != nil {
					return 0, nil, false, err
				}
			}
		}
		if err := ctx.Err(); err != nil {
			return 0, nil, false, err
		}
	}
	docs := []Document{}
	for _, d := range docByIRI {
		if filtered && !cited[d.IRI] {
			continue
		}
		docs = append(docs, DocumentOf(d))
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return omitted, docs, more, nil
}

// candidates picks, by index, the event nodes f can keep without reading
// them whole (a superset where only the events themselves tell), and the
// entities an entity filter keeps (nil without one).
func candidates(ctx context.Context, s *graph.Store, f Filter) ([]string, map[string]bool, error) {
	var keep map[string]bool
	var entities []string
	if f.Entity != "" {
		ents, err := s.FindEntityIRIs(ctx, f.Entity)
		if err != nil {
			return nil, nil, fmt.Errorf("timeline: %w", err)
		}
		if len(ents) == 0 {
			return nil, nil, NotFoundf("timeline: no entity named %q in the store", f.Entity)
		}
		keep = make(map[string]bool)
		for _, e := range ents {
			keep[e] = true
		}
		entities = ents
	}
	iris, err := eventsToRead(ctx, s, f, entities)
	if err != nil {
		return nil, nil, fmt.Errorf("timeline: %w", err)
	}
	narrowed := len(entities) > 0 || f.From != "" || f.To != ""
	for _, by := range []struct {
		on   bool
		find func() ([]string, error)
	}{
		{f.Story != "", func() ([]string, error) { return storyDocuments(ctx, s, f.Story) }},
		{f.Outlet != "", func() ([]string, error) { return outletDocuments(ctx, s, f.Outlet) }},
	} {
		if !by.on {
			continue
		}
		if iris, err = toldIn(ctx, s, by.find, iris, narrowed); err != nil {
			return nil, nil, err
		}
		narrowed = true
	}
	switch {
	case f.Class != "" && narrowed:
		// The chosen events' classes, by index: fewer than the class's.
		classes, err := s.EventClassesOf(ctx, iris)
		if err != nil {
			return nil, nil, fmt.Errorf("timeline: %w", err)
		}
		out := iris[:0]
		for _, iri := range iris {
			if classes[iri] == f.Class {
				out = append(out, iri)
			}
		}
		iris = out
	case f.Class != "":
		if iris, err = s.EventIRIsOfClass(ctx, f.Class); err != nil {
			return nil, nil, fmt.Errorf("timeline: %w", err)
		}
	}
	return iris, keep, nil
}

// DocumentOf is the timeline's entry for a stored document.
func DocumentOf(d graph.DocInfo) Document {
	doc := Document{
		ID: d.IRI, File: d.Name, Outlet: d.Source, URL: d.URL, Headline: d.Headline,
		Date: d.Date, DateSource: d.DateSource, Story: d.Story,
	}
	if d.Copies != "" {
		doc.Copies = []string{d.Copies}
	}
	return doc
}

// inTimelineOrder sorts event IRIs as the timeline lists the events, from
// their dates alone (read by index), so that the events can be read and
// written a chunk at a time.
// Only the events whose dates f keeps are kept: those in the window of
// From and To, and with Undated those with no place on a time line (no
// date, an unknown year); so an entity's or a story's events outside the
// window are never read. With skip, those whose dates skip.read rejects
// are left out too, and listed in skip.
func inTimelineOrder(ctx context.Context, s *graph.Store, iris []string, f Filter, skip *unread) ([]string, error) {
	dates, err := s.EventDatesOf(ctx, iris)
	if err != nil {
		return nil, err
	}
	keys := make([]Event, len(iris))
	for i, iri := range iris {
		d := dates[iri]
		keys[i] = Event{ID: iri, Date: d.Date}
		if d.RangeBegin != "" || d.RangeEnd != "" {
			keys[i].Range = &Range{Begin: d.RangeBegin, End: d.RangeEnd}
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return lessDate(keys[i], keys[j]) })
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if f.Undated && placed(k.Date, k.Range) {
			continue
		}
		d := dates[k.ID]
		if !f.dateMatches(d.Date, d.RangeBegin, d.RangeEnd) {
			continue
		}
		if skip != nil && !skip.read(d) {
			skip.events = append(skip.events, k.ID)
			skip.dates[k.ID] = d
			continue
		}
		out = append(out, k.ID)
	}
	return out, nil
}

// unread is what a walk leaves unread: the events whose dates read
// rejects, in timeline order, with their dates.
type unread struct {
	read   func(graph.EventDate) bool
	events []string
	dates  map[string]graph.EventDate
}

// readCitedDocuments adds to docs the documents events cite that it does
// not hold yet.
func readCitedDocuments(ctx context.Context, s *graph.Store, events []graph.EventInfo, docs map[string]graph.DocInfo) error {
	var missing []string
	for _, ev := range events {
		for _, m := range ev.Mentions {
			if _, ok := docs[m.Doc]; !ok {
				docs[m.Doc] = graph.DocInfo{}
				missing = append(missing, m.Doc)
			}
		}
	}
	got, err := s.DocumentsByIRI(ctx, missing)
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	for _, d := range missing {
		delete(docs, d)
	}
	for _, d := range got {
		docs[d.IRI] = d
	}
	return nil
}

// readChunk is how many events Build reads from the store at once.
const readChunk = graph.ReadChunk

// eventsToRead picks the event nodes f can keep without reading them
// whole: an entity's events by index, a window's events by their dates,
// else every event.
func eventsToRead(ctx context.Context, s *graph.Store, f Filter, entities []string) ([]string, error) {
	switch {
	case len(entities) > 0:
		return s.EventIRIsInvolving(ctx, entities)
	case f.From != "" || f.To != "":
		return s.EventIRIsDated(ctx,
			func(date string) bool { return f.dateMatches(date, "", "") },
			func(begin, end string) bool { return f.dateMatches("", begin, end) })
	}
	return s.EventIRIs(ctx)
}

// storyDocuments lists the articles of a story.
func storyDocuments(ctx context.Context, s *graph.Store, story string) ([]string, error) {
	docs, err := s.StoryDocuments(ctx, story)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	if len(docs) == 0 {
		return nil, NotFoundf("timeline: no story %q in the store (storyline stories lists them)", story)
	}
	return docs, nil
}

// outletDocuments lists the articles of one outlet (its name as stored,
// case-insensitive).
func outletDocuments(ctx context.Context, s *graph.Store, outlet string) ([]string, error) {
	all, err := s.Documents(ctx)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	var docs []string
	for _, d := range all {
		if strings.EqualFold(strings.TrimSpace(d.Source), strings.TrimSpace(outlet)) {
			docs = append(docs, d.IRI)
		}
	}
	if len(docs) == 0 {
		return nil, NotFoundf("timeline: no article from outlet %q in the store (storyline stories lists the outlets)", outlet)
	}
	return docs, nil
}

// toldIn keeps the events the articles docs (found by find) report: of
// iris when another filter chose them (narrowed), else all of them.
func toldIn(ctx context.Context, s *graph.Store, find func() ([]string, error), iris []string, narrowed bool) ([]string, error) {
	docs, err := find()
	if err != nil {
		return nil, err
	}
	told, err := s.EventIRIsInDocuments(ctx, docs)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	return within(iris, told, narrowed), nil
}

// within is the events of iris that are in told, in the order of iris,
// when an earlier filter chose iris (narrowed); else told.
func within(iris, told []string, narrowed bool) []string {
	if !narrowed {
		return told
	}
	in := make(map[string]bool, len(told))
	for _, iri := range told {
		in[iri] = true
	}
	var out []string
	for _, iri := range iris {
		if in[iri] {
			out = append(out, iri)
		}
	}
	return out
}

// minor reports whether an event tells an analyst little: of class
// "other", with no date or range, and no named agent or patient.
func minor(ev graph.EventInfo) bool {
	return ev.Class == "other" && ev.Date == "" && ev.RangeBegin == "" && ev.RangeEnd == "" &&
		len(ev.Agents) == 0 && len(ev.Patients) == 0
}

func involves(ev graph.EventInfo, keep map[string]bool) bool {
	for _, group := range [][]graph.EntityRef{ev.Agents, ev.Patients, ev.Locations} {
		for _, r := range group {
			if keep[r.IRI] {
				return true
			}
		}
	}
	return false
}

func refs(in []graph.EntityRef) []EntityRef {
	out := make([]EntityRef, 0, len(in))
	for _, r := range in {
		out = append(out, EntityRef{ID: r.IRI, Name: r.Name})
	}
	return out
}

// EventOf is the timeline entry of one event node, as Build writes it:
// docs maps document IRIs to their info (for outlets and headlines).
func EventOf(ev graph.EventInfo, docs map[string]graph.DocInfo) Event {
	e := Event{
		ID: ev.IRI, Date: ev.Date, Class: ev.Class, Trigger: ev.Lemma,
		Agents: refs(ev.Agents), Patients: refs(ev.Patients), Locations: refs(ev.Locations),
		Sources: []Source{},
	}
	if ev.RangeBegin != "" || ev.RangeEnd != "" {
		e.Range = &Range{Begin: ev.RangeBegin, End: ev.RangeEnd}
	}
	mentions := append([]graph.EventMentionInfo(nil), ev.Mentions...)
	sort.SliceStable(mentions, func(i, j int) bool {
		di, dj := docs[mentions[i].Doc], docs[mentions[j].Doc]
		// Originals before their copies, then by document and offset.
		if (di.Copies == "") != (dj.Copies == "") {
			return di.Copies == ""
		}
		if mentions[i].Doc != mentions[j].Doc {
			return mentions[i].Doc < mentions[j].Doc
		}
		return mentions[i].Start < mentions[j].Start
	})
	dates := newTally()
	modalities := newTally()
	named := map[string][]string{} // role + NUL + document -> entity names
	for _, m := range mentions {
		d := docs[m.Doc]
		src := Source{
			Document: m.Doc, Outlet: d.Source, Headline: d.Headline, Sentence: m.Evidence,
			Trigger: m.Trigger, Start: m.Start, End: m.End, Date: m.Date, Timex: m.Timex,
			TimeInherited: m.TimeInherited, Modality: m.Modality,
		}
		if m.Claimant != nil {
			src.Claimant = &EntityRef{ID: m.Claimant.IRI, Name: m.Claimant.Name}
		}
		src.Phrases = phrases(m)
		for _, ph := range src.Phrases {
			if !containsPhrase(e.Phrases, ph) {
				e.Phrases = append(e.Phrases, ph)
			}
		}
		e.Sources = append(e.Sources, src)
		if m.Date != "" {
			dates.add(m.Date, m.Doc)
		}
		modalities.add(m.Modality, m.Doc)
		for _, r := range []struct {
			role string
			refs []graph.EntityRef
		}{{"agents", m.Agents}, {"patients", m.Patients}, {"place", m.Locations}} {
			for _, ref := range r.refs {
				named[r.role+"\x00"+m.Doc] = appendName(named[r.role+"\x00"+m.Doc], ref.Name)
			}
		}
	}
	e.Modality = modalities.agreed("disputed")
	// Who did it, to whom and where, as each article tells it: articles
	// that name no one in a role do not disagree.
	roles := map[string]*tally{"agents": newTally(), "patients": newTally(), "place": newTally()}
	for _, m := range mentions {
		for role, t := range roles {
			if names := named[role+"\x00"+m.Doc]; len(names) > 0 {
				sort.Strings(names)
				t.add(strings.Join(names, ", "), m.Doc)
			}
		}
	}
	for _, dis := range []struct {
		field string
		t     *tally
	}{{"date", dates}, {"modality", modalities}, {"agents", roles["agents"]}, {"patients", roles["patients"]}, {"place", roles["place"]}} {
		if len(dis.t.order) > 1 {
			e.Disagreements = append(e.Disagreements, dis.t.disagreement(dis.field))
		}
	}
	e.Summary = summary(e, mentions)
	e.MergedBecause = ev.MergedBecause
	return e
}

// appendName adds name to names once.
func appendName(names []string, name string) []string {
	for _, n := range names {
		if n == name {
			return names
		}
	}
	return append(names, name)
}

// phrases lists a report's unnamed participants by role.
func phrases(m graph.EventMentionInfo) []Phrase {
	var out []Phrase
	for _, r := range []struct {
		role  string
		texts []string
	}{{"agent", m.AgentPhrases}, {"patient", m.PatientPhrases}, {"location", m.LocationPhrases}} {
		for _, t := range r.texts {
			ph := Phrase{Role: r.role, Text: t}
			for _, ev := range m.Roles {
				if ev.Role == r.role && ev.Entity == nil && ev.Country != nil && ev.Words == t {
					ph.Country = &EntityRef{ID: ev.Country.IRI, Name: ev.Country.Name}
					break
				}
			}
			out = append(out, ph)
		}
	}
	return out
}

func containsPhrase(list []Phrase, p Phrase) bool {
	for _, q := range list {
		if q.Role == p.Role && strings.EqualFold(q.Text, p.Text) {
			return true
		}
	}
	return false
}

// phrase is the first unnamed participant in role, or "".
func phrase(e Event, role string) string {
	for _, p := range e.Phrases {
		if p.Role == role {
			return p.Text
		}
	}
	return ""
}

// summary is a one-line account: who, what (the first report's trigger as
// written), whom, where. An entity that is both agent and patient (both
// sides of a meeting, reported each way round) is named once, as an agent.
func summary(e Event, mentions []graph.EventMentionInfo) string {
	what := e.Trigger
	if len(mentions) > 0 && mentions[0].Trigger != "" {
		what = mentions[0].Trigger
	}
	agents := make(map[string]bool, len(e.Agents))
	for _, a := range e.Agents {
		agents[a.ID] = true
	}
	var patients []EntityRef
	for _, p := range e.Patients {
		if !agents[p.ID] {
			patients = append(patients, p)
		}
	}
	var b strings.Builder
	who := names(e.Agents)
	if who == "" {
		who = phrase(e, "agent")
	}
	if who != "" {
		b.WriteString(who)
		b.WriteByte(' ')
	}
	b.WriteString(what)
	whom := names(patients)
	if whom == "" && len(e.Patients) == 0 {
		whom = phrase(e, "patient")
	}
	if whom != "" {
		b.WriteByte(' ')
		b.WriteString(whom)
	}
	if len(e.Locations) == 0 {
		if where := phrase(e, "location"); where != "" {
			b.WriteString(" " + where)
		}
	}
	if len(e.Locations) > 0 {
		places := make([]string, 0, len(e.Locations))
		for _, l := range e.Locations {
			places = append(places, l.Name)
		}
		b.WriteString(" at ")
		b.WriteString(strings.Join(places, ", "))
	}
	return b.String()
}

func names(rs []EntityRef) string {
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		parts = append(parts, r.Name)
	}
	if len(parts) > 1 {
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return strings.Join(parts, "")
}

// tally counts the documents behind each value of one field, in first-seen
// order.
type tally struct {
	order []string
	docs  map[string][]string
}

func newTally() *tally { return &tally{docs: make(map[string][]string)} }

func (t *tally) add(value, doc string) {
	if _, ok := t.docs[value]; !ok {
		t.order = append(t.order, value)
	}
	for _, d := range t.docs[value] {
		if d == doc {
			return
		}
	}
	t.docs[value] = append(t.docs[value], doc)
}

func (t *tally) agreed(otherwise string) string {
	switch len(t.order) {
	case 0:
		return ""
	case 1:
		return t.order[0]
	}
	return otherwise
}

func (t *tally) disagreement(field string) Disagreement {
	d := Disagreement{Field: field}
	for _, v := range t.order {
		d.Values = append(d.Values, DisputedValue{Value: v, Documents: t.docs[v]})
	}
	return d
}

// WriteJSON writes t as indented JSON.
func (t *Timeline) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(t)
}

// WriteText writes t as one line per event: date, class, summary, sources.
func (t *Timeline) WriteText(w io.Writer) error {
	for _, e := range t.Events {
		if err := writeTextEvent(w, e); err != nil {
			return err
		}
	}
	return nil
}

// writeTextEvent writes one event's line of the text timeline.
func writeTextEvent(w io.Writer, e Event) error {
	date := e.Date
	if date == "" {
		date = "undated"
	}
	if e.Range != nil && e.Range.Begin != "" {
		date = "since " + e.Range.Begin
	}
	mod := ""
	if e.Modality != "" && e.Modality != "asserted" {
		mod = " (" + e.Modality + ")"
	}
	outlets := make([]string, 0, len(e.Sources))
	seen := map[string]bool{}
	for _, s := range e.Sources {
		o := s.Outlet
		if o == "" {
			o = s.Document
		}
		if !seen[o] {
			seen[o] = true
			outlets = append(outlets, o)
		}
	}
	reports := "1 report"
	if len(e.Sources) != 1 {
		reports = fmt.Sprintf("%d reports", len(e.Sources))
	}
	_, err := fmt.Fprintf(w, "%-16s %-11s %s%s  [%s: %s]\n", date, e.Class, e.Summary, mod,
		reports, strings.Join(outlets, "; "))
	return err
}
