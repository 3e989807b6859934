package graph

import (
	"reflect"
	"testing"

	"github.com/storyline/storyline/extract"
)

func TestRoleEvidenceRoundTrip(t *testing.T) {
	text := "NATO member Turkey shot down a Russian jet."
	ev := extract.Event{
		Agents: []extract.Arg{{Entity: 0, Mention: 0, Words: extract.Span{Start: 0, End: 18}, Rule: "subject"}},
		Nominals: []extract.NominalArg{{Role: "patient", Span: extract.Span{Start: 29, End: 42}, Text: "a Russian jet", Rule: "object",
			Country: &extract.Arg{Entity: 1, Mention: 1, Words: extract.Span{Start: 31, End: 38}, Rule: "demonym"}}},
	}
	iris := []string{"entity/gpe/tr", "entity/gpe/ru"}
	iri := func(i int) string {
		if i < 0 || i >= len(iris) {
			return ""
		}
		return iris[i]
	}
	v := roleEvidence(ev, iri)
	if want := "agent 0-18 subject entity/gpe/tr; patient 29-42 object - entity/gpe/ru"; v != want {
		t.Fatalf("roleEvidence = %q, want %q", v, want)
	}
	if got := roleEvidenceIRIs(v); !reflect.DeepEqual(got, []string{"entity/gpe/tr", "entity/gpe/ru"}) {
		t.Errorf("roleEvidenceIRIs = %v", got)
	}
	ref := func(s string) EntityRef { return EntityRef{IRI: s, Name: s[len("entity/gpe/"):]} }
	got := parseRoleEvidence(v, ref, storedText{text: text})
	if len(got) != 2 {
		t.Fatalf("parsed %+v, want 2 roles", got)
	}
	if a := got[0]; a.Role != "agent" || a.Words != "NATO member Turkey" || a.Rule != "subject" || a.Entity == nil || a.Entity.Name != "tr" || a.Country != nil {
		t.Errorf("agent = %+v", a)
	}
	if p := got[1]; p.Role != "patient" || p.Words != "a Russian jet" || p.Entity != nil || p.Country == nil || p.Country.Name != "ru" {
		t.Errorf("patient = %+v", p)
	}
	// Malformed parts are skipped, offsets outside the text give no words.
	bad := parseRoleEvidence("agent x subject -; patient 5-3; location 40-90 locative-in entity/gpe/tr", ref, storedText{text: text})
	if len(bad) != 1 || bad[0].Role != "location" || bad[0].Words != "" {
		t.Errorf("malformed evidence parsed as %+v", bad)
	}
}
