package graph

import (
	"context"
	"slices"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/storyline/storyline/extract"
)

// The reads by index that skip labels or IRIs give what reading every
// quad gives, on the seeds (an article and its copy: entities and events
// stated by both).
func TestReadsByIndex(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	p := testPipeline(t)
	for _, in := range []extract.Input{
		seedInput(t, "presstv-obama-putin.txt", "presstv", "2015-11-30"),
		seedInput(t, "peoplesvoice-copy-obama-putin.txt", "peoplesvoice", ""),
	} {
		if _, errs := s.Ingest(ctx, p, []extract.Input{in}, IngestOptions{}); len(errs) > 0 {
			t.Fatal(errs)
		}
	}
	all, err := s.loadQuads(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	quads := newQuadView(all)
	var subjects []string
	for subj := range quads {
		subjects = append(subjects, subj)
	}
	sort.Strings(subjects)

	// Facts: each value once with the number of articles stating it.
	facts := make(quadView)
	preds := append(append([]string{}, eventPredicates...), PredAlias, PredKey)
	if err := s.loadFactsAt(ctx, facts, quad.Subject, subjects, preds...); err != nil {
		t.Fatal(err)
	}
	stated := 0
	for _, subj := range subjects {
		for _, p := range preds {
			if len(quads[subj][p]) > 1 {
				stated++
			}
			if a, b := facts.best(subj, p), quads.best(subj, p); a != b {
				t.Errorf("%s %s: the facts' best value %q, the quads' %q", subj, p, a, b)
			}
			if a, b := facts.all(subj, p), quads.all(subj, p); !slices.Equal(a, b) {
				t.Errorf("%s %s: the facts' values %q, the quads' %q", subj, p, a, b)
			}
		}
	}
	if stated == 0 {
		t.Error("no fact is stated twice: the seeds should restate names and classes")
	}

	// Events: a class's dates, those naming an agent or patient.
	iris, err := s.EventIRIs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	events, err := s.EventsByIRI(ctx, iris)
	if err != nil {
		t.Fatal(err)
	}
	named, err := s.EventsNamingAgentOrPatient(ctx, iris)
	if err != nil {
		t.Fatal(err)
	}
	byClass := map[string][]EventDate{}
	undated := map[string]int{}
	for _, ev := range events {
		if named[ev.IRI] != (len(ev.Agents)+len(ev.Patients) > 0) {
			t.Errorf("%s: names an agent or patient %v, has %v and %v", ev.IRI, named[ev.IRI], ev.Agents, ev.Patients)
		}
		d := EventDate{Date: ev.Date, RangeBegin: ev.RangeBegin, RangeEnd: ev.RangeEnd}
		if d == (EventDate{}) {
			undated[ev.Class]++
		} else {
			byClass[ev.Class] = append(byClass[ev.Class], d)
		}
	}
	key := func(d EventDate) string { return d.Date + "|" + d.RangeBegin + "|" + d.RangeEnd }
	for class := range extract.EventClasses {
		dates, n, err := s.EventDatesOfClass(ctx, class)
		if err != nil {
			t.Fatal(err)
		}
		got, want := make([]string, 0, len(dates)), make([]string, 0, len(byClass[class]))
		for _, d := range dates {
			got = append(got, key(d))
		}
		for _, d := range byClass[class] {
			want = append(want, key(d))
		}
		sort.Strings(got)
		sort.Strings(want)
		if !slices.Equal(got, want) || n != undated[class] {
			t.Errorf("class %s: dates %q and %d undated; its events have %q and %d", class, got, n, want, undated[class])
		}
	}

	// An entity's IRIs without reading it.
	for _, name := range []string{"Putin", "vladimir putin", "entity/gpe/ru", "Nobody Atall"} {
		ents, err := s.FindEntity(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, e := range ents {
			want = append(want, e.IRI)
		}
		sort.Strings(want)
		got, err := s.FindEntityIRIs(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) || name != "Nobody Atall" && len(got) == 0 {
			t.Errorf("FindEntityIRIs(%q) = %q, FindEntity gives %q", name, got, want)
		}
	}
}
