package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Reads the web view (package web) needs beyond the timeline's: a stored
// article's text, the events of one class, and the names entities are
// known by, each by index.

// DocumentText returns a stored document's text and whether it is stored.
func (s *Store) DocumentText(ctx context.Context, iri string) (string, bool, error) {
	texts, err := s.storedTexts(ctx, []string{iri})
	if err != nil {
		return "", false, err
	}
	st, ok := texts[iri]
	return st.text, ok, nil
}

// EventIRIsOfClass lists the event nodes of one class ("meet",
// "attack"), by index, without reading the events.
func (s *Store) EventIRIsOfClass(ctx context.Context, class string) ([]string, error) {
	subj, err := s.subjectsOfValues(ctx, []quad.Value{quad.String(class)}, PredClass)
	if err != nil {
		return nil, err
	}
	return onlyEvents(subj), nil
}

// onlyEvents keeps the event nodes of nodes (in place).
func onlyEvents(nodes []string) []string {
	out := nodes[:0]
	for _, e := range nodes {
		if strings.HasPrefix(e, "event/") {
			out = append(out, e)
		}
	}
	return out
}

// EntityName is one name (canonical or alias) an entity is known by.
type EntityName struct {
	Name   string `json:"name"`
	Entity string `json:"entity"`
	// Canonical is the entity's canonical name.
	Canonical string `json:"canonical"`
	Type      string `json:"type"`
}

// EntityNames lists every name and alias of every entity, once per entity
// and folded name, sorted by name: what a completion needs. Mentions are
// not read.
func (s *Store) EntityNames(ctx context.Context) ([]EntityName, error) {
	qs, err := s.loadQuads(ctx, byPredicates(PredName, PredAlias, PredEntityType))
	if err != nil {
		return nil, err
	}
	v := newQuadView(qs)
	var out []EntityName
	for subj := range v {
		if !strings.HasPrefix(subj, "entity/") {
			continue
		}
		canonical, typ := v.best(subj, PredName), v.best(subj, PredEntityType)
		seen := map[string]bool{}
		for _, n := range append(v.all(subj, PredName), v.all(subj, PredAlias)...) {
			if f := foldName(n); f != "" && !seen[f] {
				seen[f] = true
				out = append(out, EntityName{Name: n, Entity: subj, Canonical: canonical, Type: typ})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := foldName(out[i].Name), foldName(out[j].Name); a != b {
			return a < b
		}
		return out[i].Entity < out[j].Entity
	})
	return out, nil
}

// DateCounts is how many event nodes have each date, read from the
// indexes alone: what a zoomed-out view of the whole store needs.
type DateCounts struct {
	// Dates maps a date value to the number of events with that date.
	Dates map[string]int
	// Ranged holds the events with a range ("since September 30"), with
	// their date if they also have one (they are then in Dates too), by
	// a key of each event (not its IRI).
	Ranged map[string]EventDate
	// Events is the number of event nodes.
	Events int
}

// EventDateCounts counts every event node by its date, with two grouped
// SQL queries over the indexes and a read of the range quads, never
// listing the events.
func (s *Store) EventDateCounts(ctx context.Context) (*DateCounts, error) {
	pDate, pType, tEvent := cgraph.HashOf(quad.IRI(PredDate)), cgraph.HashOf(quad.IRI(PredType)), cgraph.HashOf(quad.IRI(TypeEvent))
	out := &DateCounts{Dates: map[string]int{}, Ranged: map[string]EventDate{}}
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(DISTINCT subject_hash) FROM quads WHERE predicate_hash = "+s.placeholder(1)+
		" AND object_hash = "+s.placeholder(2), pType[:], tEvent[:]).Scan(&out.Events)
	if err != nil {
		return nil, fmt.Errorf("%s: counting events: %w", s.addr, err)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT d.object_hash, COUNT(DISTINCT d.subject_hash) FROM quads d JOIN quads t ON t.subject_hash = d.subject_hash"+
		" WHERE d.predicate_hash = "+s.placeholder(1)+" AND t.predicate_hash = "+s.placeholder(2)+" AND t.object_hash = "+s.placeholder(3)+
		" GROUP BY d.object_hash", pDate[:], pType[:], tEvent[:])
	if err != nil {
		return nil, fmt.Errorf("%s: counting events by date: %w", s.addr, err)
	}
	defer rows.Close()
	byHash := map[string]int{}
	hashes := map[string]bool{}
	for rows.Next() {
		var h []byte
		var n int
		if err := rows.Scan(&h, &n); err != nil {
			return nil, fmt.Errorf("%s: counting events by date: %w", s.addr, err)
		}
		byHash[string(h)] += n
		hashes[string(h)] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: counting events by date: %w", s.addr, err)
	}
	vals := make(map[string]quad.Value, len(hashes))
	if err := s.nodeValues(ctx, hashes, vals); err != nil {
		return nil, err
	}
	for h, n := range byHash {
		if v, ok := vals[h]; ok {
			out.Dates[valueText(v)] += n
		}
	}
	if out.Ranged, err = s.eventRanges(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

// eventRanges reads the date and range ends of every event node that has
// a range, by the predicates' index, keyed by the event's hash: their IRIs
// are not read.
func (s *Store) eventRanges(ctx context.Context) (map[string]EventDate, error) {
	v := make(quadView)
	rb, re := quad.IRI(PredRangeBegin), quad.IRI(PredRangeEnd)
	preds := []quad.Value{quad.IRI(PredDate), rb, re}
	where, args := s.inClause("q.predicate_hash", preds, 0)
	w, a := s.inClause("r.predicate_hash", []quad.Value{rb, re}, len(args))
	where, args = where+" AND q.subject_hash IN (SELECT r.subject_hash FROM quads r WHERE "+w+")", append(args, a...)
	w, a = s.isEvent("q.subject_hash", len(args))
	if err := s.selectFacts(ctx, where+" AND "+w, append(args, a...), preds, v, true); err != nil {
		return nil, err
	}
	out := make(map[string]EventDate, len(v))
	for h := range v {
		out[h] = EventDate{Date: v.best(h, PredDate), RangeBegin: v.best(h, PredRangeBegin), RangeEnd: v.best(h, PredRangeEnd)}
	}
	return out, nil
}

// Generation is the number of write batches the store has recorded: it
// moves whenever an ingest writes, so a reader can tell that what it
// read before may be stale.
func (s *Store) Generation(ctx context.Context) (int64, error) { return s.generation(ctx) }

// EventClassesOf returns the class of each of the given event nodes, by
// index.
func (s *Store) EventClassesOf(ctx context.Context, iris []string) (map[string]string, error) {
	v := make(quadView)
	if err := s.loadFactsAt(ctx, v, quad.Subject, iris, PredClass); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(v))
	for subj := range v {
		out[subj] = v.best(subj, PredClass)
	}
	return out, nil
}

// EventDatesOfClass returns the date and range ends of the dated event
// nodes of one class (the class most of their reports give), one per
// event, and the number of the class's undated ones: what counting a
// class's events by date needs. The events are counted and read by
// index; their IRIs are never read, and the classes only of the few
// events whose reports give them other classes too.
func (s *Store) EventDatesOfClass(ctx context.Context, class string) ([]EventDate, int, error) {
	fail := func(err error) ([]EventDate, int, error) {
		return nil, 0, fmt.Errorf("%s: the dates of the %q events: %w", s.addr, class, err)
	}
	pClass, c := cgraph.HashOf(quad.IRI(PredClass)), cgraph.HashOf(quad.String(class))
	// ofClass is the SQL condition "the node in col is an event some
	// report classes so", its arguments numbered from after+1.
	ofClass := func(col string, after int) (string, []any) {
		w, a := s.isEvent("c.subject_hash", after+2)
		return col + " IN (SELECT c.subject_hash FROM quads c WHERE c.predicate_hash = " + s.placeholder(after+1) +
			" AND c.object_hash = " + s.placeholder(after+2) + " AND " + w + ")", append([]any{pClass[:], c[:]}, a...)
	}
	var events int
	w, args := s.isEvent("c.subject_hash", 2)
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(DISTINCT c.subject_hash) FROM quads c WHERE c.predicate_hash = "+s.placeholder(1)+
		" AND c.object_hash = "+s.placeholder(2)+" AND "+w, append([]any{pClass[:], c[:]}, args...)...).Scan(&events)
	if err != nil {
		return fail(err)
	}
	// The few events whose reports give other classes too: which class
	// most give.
	classes := make(quadView)
	w, args = ofClass("q.subject_hash", 1)
	args = append([]any{pClass[:]}, args...)
	n := len(args)
	where := "q.predicate_hash = " + s.placeholder(1) + " AND " + w + " AND EXISTS (SELECT 1 FROM quads o WHERE o.subject_hash = q.subject_hash AND o.predicate_hash = " +
		s.placeholder(n+1) + " AND o.object_hash <> " + s.placeholder(n+2) + ")"
	if err := s.selectFacts(ctx, where, append(args, pClass[:], c[:]), []quad.Value{quad.IRI(PredClass)}, classes, true); err != nil {
		return fail(err)
	}
	other := map[string]bool{}
	for h := range classes {
		if classes.best(h, PredClass) != class {
			other[h] = true
		}
	}
	dates := make(quadView)
	preds := []quad.Value{quad.IRI(PredDate), quad.IRI(PredRangeBegin), quad.IRI(PredRangeEnd)}
	where, args = s.inClause("q.predicate_hash", preds, 0)
	w, a := ofClass("q.subject_hash", len(args))
	if err := s.selectFacts(ctx, where+" AND "+w, append(args, a...), preds, dates, true); err != nil {
		return fail(err)
	}
	out := make([]EventDate, 0, len(dates))
	for h := range dates {
		if !other[h] {
			out = append(out, EventDate{Date: dates.best(h, PredDate), RangeBegin: dates.best(h, PredRangeBegin), RangeEnd: dates.best(h, PredRangeEnd)})
		}
	}
	return out, events - len(other) - len(out), nil
}

// EventsNamingAgentOrPatient reports which of the given event nodes have
// a named agent or patient, by index, without reading who they are.
func (s *Store) EventsNamingAgentOrPatient(ctx context.Context, iris []string) (map[string]bool, error) {
	out := map[string]bool{}
	err := s.batchesAt(quad.Subject, iris, []string{PredAgent, PredPatient}, func(where string, args []any, known []quad.Value) error {
		byHash := make(map[string]string, len(known))
		for _, v := range known {
			h := cgraph.HashOf(v)
			byHash[string(h[:])] = nodeKey(v)
		}
		return s.scanHashes(ctx, "SELECT DISTINCT q.subject_hash FROM quads q WHERE "+where, args, func(h string) {
			if iri, ok := byHash[h]; ok {
				out[iri] = true
			}
		})
	})
	return out, err
}
