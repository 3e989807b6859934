package graph

import (
	"context"
	"strings"
	"testing"
)

func TestQuery(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	writeFixtures(t, s)
	lines := func(q string, limit int) string {
		t.Helper()
		res, err := s.Query(ctx, q, limit)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var out []string
		for _, r := range res {
			out = append(out, r.String())
		}
		return strings.Join(out, " | ")
	}
	// The name two documents state is one result.
	if got := lines(`g.V("<entity/person/barack-obama>").Out("<name>").All()`, 0); got != `"Barack Obama"` {
		t.Errorf("name: %s", got)
	}
	if got := lines(`g.V().Has("<entityType>", "PERSON").Tag("person").Out("<name>").All()`, 0); got != `"Vladimir Putin" person=<entity/person/vladimir-putin> | "Barack Obama" person=<entity/person/barack-obama>` &&
		got != `"Barack Obama" person=<entity/person/barack-obama> | "Vladimir Putin" person=<entity/person/vladimir-putin>` {
		t.Errorf("tags: %s", got)
	}
	// A mention's span, "S:START-END", points at the trigger.
	res, err := s.Query(ctx, `g.V("<event/shootdown>").In("<mentionOf>").Out("<span>").All()`, 0)
	if err != nil || len(res) != 2 {
		t.Fatalf("%v %v", res, err)
	}
	for _, r := range res {
		sp, _ := r.Tags["id"].(string)
		_, st, end, ok := parseSpan(sp)
		if !ok || textA[st:end] != "shot down" && textB[st:end] != "shot down" {
			t.Errorf("span %v (%T)", r.Tags["id"], r.Tags["id"])
		}
	}
	if got := lines(`g.Emit(g.V("<entity/gpe/tr>").Out("<name>").ToArray())`, 0); got != `["Turkey"]` {
		t.Errorf("emit: %s", got)
	}
	if got := lines(`g.V().Has("<type>", "<Document>").All()`, 1); strings.Count(got, "<doc/") != 1 {
		t.Errorf("limit 1: %s", got)
	}
	// ES5 only, and errors on one line.
	for q, want := range map[string]string{
		`g.V(`:                   "query: SyntaxError: Unexpected end of input (line 1)",
		`g.V().Foo()`:            "query: TypeError: Object has no member 'Foo' (line 1)",
		"var x = 1;\nx.y.z()":    "query: TypeError: Cannot read property 'z' of undefined (line 2)",
		`let x = g.V(); x.All()`: "query: SyntaxError:",
		` `:                      "query: empty query",
	} {
		_, err := s.Query(ctx, q, 0)
		if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %v, want %q", q, err, want)
		}
	}
}
