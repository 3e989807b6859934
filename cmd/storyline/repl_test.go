package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/extract/timex"
	"github.com/storyline/storyline/graph"
)

// handDoc builds an annotated document by locating substrings of text, so
// the store tests do not depend on the extraction stages.
type handDoc struct {
	t   *testing.T
	doc *extract.Document
}

func newHandDoc(t *testing.T, text, source, date string) *handDoc {
	sum := sha256.Sum256([]byte(text))
	nl := strings.Index(text, "\n")
	doc := &extract.Document{ID: "sha256:" + hex.EncodeToString(sum[:]), Name: source + ".txt", Source: source, Text: text,
		Headline: extract.Span{End: nl}, DCT: extract.DCT{Value: date, Source: "dateline"}}
	doc.Sentences = []extract.Sentence{
		{Span: extract.Span{End: nl}, Kind: extract.KindHeadline},
		{Span: extract.Span{Start: nl + 2, End: len(text)}, Kind: extract.KindBody, Paragraph: 1},
	}
	return &handDoc{t: t, doc: doc}
}

func (h *handDoc) span(sub string) extract.Span {
	i := strings.LastIndex(h.doc.Text, sub)
	if i < 0 {
		h.t.Fatalf("%q not in text", sub)
	}
	return extract.Span{Start: i, End: i + len(sub)}
}

func (h *handDoc) entity(typ extract.EntityType, name, key, mention, kind string) int {
	id := len(h.doc.Entities)
	h.doc.Entities = append(h.doc.Entities, extract.Entity{ID: id, Type: typ, Name: name, Key: key})
	h.doc.Mentions = append(h.doc.Mentions, extract.Mention{Span: h.span(mention), Text: mention, Entity: id, Sentence: 1, Kind: kind})
	return id
}

func (h *handDoc) event(trigger, lemma, class string, agent, patient int, tx string, value string) {
	h.doc.Timexes = append(h.doc.Timexes, timex.Timex{Start: h.span(tx).Start, End: h.span(tx).End, Text: tx, Type: "DATE", Value: value, Anchor: "dct", AnchorIndex: -1})
	h.doc.Events = append(h.doc.Events, extract.Event{ID: len(h.doc.Events), Trigger: h.span(trigger), TriggerText: trigger,
		Lemma: lemma, Class: class, Sentence: 1, Agents: []extract.Arg{{Entity: agent, Mention: agent}},
		Patients: []extract.Arg{{Entity: patient, Mention: patient}}, Timex: len(h.doc.Timexes) - 1, Claimant: -1, Modality: extract.Asserted})
}

// buildStore writes two hand-annotated reports of the same shoot-down and
// returns the store path and the event's IRI.
func buildStore(t *testing.T) (string, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "repl.db")
	s, err := graph.Open(ctx, path, graph.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := graph.NewReconciler()
	for _, src := range []struct{ text, source, date string }{
		{"Turkey downs Russian jet\n\nTurkey shot down a Russian warplane near the Syrian border on Tuesday.", "presstv", "2015-11-24"},
		{"Ankara shoots down jet\n\nTurkish F-16s shot down a Russian Su-24 bomber on Tuesday, Turkey said.", "rt", "2015-11-24"},
	} {
		h := newHandDoc(t, src.text, src.source, src.date)
		tr := h.entity(extract.GPE, "Turkey", "gpe:TR", "Turkey", "name")
		ru := h.entity(extract.GPE, "Russia", "gpe:RU", "Russian", "demonym")
		h.event("shot down", "shoot down", "attack", tr, ru, "Tuesday", "2015-11-24")
		plan, err := r.Plan(h.doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.WriteDocument(ctx, h.doc, plan, nil); err != nil {
			t.Fatal(err)
		}
		for _, rs := range plan.Restamp {
			r.Restamped(rs)
		}
		r.Add(r.Record(h.doc, plan))
	}
	evs, err := s.Events(ctx)
	if err != nil || len(evs) != 1 || len(evs[0].Mentions) != 2 {
		t.Fatalf("the two reports should share one event: %+v %v", evs, err)
	}
	return path, evs[0].IRI
}

// storyOf is the one story of the store at path.
func storyOf(t *testing.T, path string) string {
	t.Helper()
	s, err := graph.Open(context.Background(), path, graph.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Stories(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("Stories = %+v, %v; want one", list, err)
	}
	return list[0].IRI
}

// runCLI runs the storyline command with args and stdin.
func runCLI(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	root := newRootCmd()
	var out bytes.Buffer
	root.SetArgs(args)
	root.SetIn(strings.NewReader(stdin))
	root.SetOut(&out)
	root.SetErr(&out)
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

func TestReplShortcutsAndQueries(t *testing.T) {
	path, ev := buildStore(t)
	story := storyOf(t, path)
	script := strings.Join([]string{
		":stories",
		":story " + strings.TrimPrefix(story, "story/"),
		":story nosuchstory",
		":help",
		":docs",
		":entity turkey",
		`g.V("<entity/gpe/tr>").`,
		`   Out("<name>").All()`,
		`g.V("<entity/gpe/ru>") \`,
		`.Out("<entityType>").All()`,
		":event " + ev,
		":timeline Turkey",
		":entity Atlantis",
		":bogus",
		"g.V().Foo()",
		"let x = 1",
		":quit",
		`g.V().All()`,
	}, "\n")
	out, err := runCLI(t, script, "--db", path, "repl")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		":timeline NAME   events involving the entity",
		`2015-11-24 (dateline) presstv          "Turkey downs Russian jet" <doc/`,
		"Turkey (GPE) <entity/gpe/tr>\n  key:      gpe:TR\n  mentions: 2\n",
		"\"Turkey\"\n(1 result)\n",
		"\"GPE\"\n(1 result)\n",
		"<" + ev + "> attack \"shoot down\" 2015-11-24\n  agents:    Turkey\n  patients:  Russia\n",
		"  sources (2):\n",
		`  - rt: "Ankara shoots down jet" <doc/`,
		`    trigger "shot down" at bytes [`,
		`    evidence: "Turkish F-16s shot down a Russian Su-24 bomber on Tuesday, Turkey said."`,
		"error: no entity named \"Atlantis\"\n",
		story + "  2 articles, 2 outlets\n",
		"2015-11-24       attack      Turkey shot down Russia  [2 reports: rt; presstv]\n",
		"error: timeline: no story \"nosuchstory\" in the store",
		"  merged because:\n    event/",
		`same trigger "shoot down"; agent entity/gpe/tr; patient entity/gpe/ru; date 2015-11-24`,
		"error: unknown shortcut :bogus (try :help)\n",
		"error: query: TypeError: Object has no member 'Foo' (line 1)\n",
		"error: query: SyntaxError:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n--- output:\n%s", want, out)
		}
	}
	if strings.Count(out, "results)") != 0 && strings.Contains(out, "<doc/") && strings.HasSuffix(out, "results)\n") {
		t.Errorf("the query after :quit ran:\n%s", out)
	}
	// :timeline shows the shoot-down, reported by both outlets.
	tl := out[strings.Index(out, "agents:"):]
	if !strings.Contains(tl, "2015-11-24") || !strings.Contains(tl, "presstv") {
		t.Errorf("timeline output:\n%s", tl)
	}
}

func TestUnbalanced(t *testing.T) {
	for q, want := range map[string]bool{
		`g.V("<a>").All()`:           false,
		`g.V("<a>").`:                false,
		`g.V(`:                       true,
		`g.V("a)`:                    true,
		`g.V("a\")").All(`:           true,
		`g.V('(').All()`:             false,
		"g.V() // (comment\n":        false,
		"g.V() /* ( */.All()":        false,
		"g.V() /* open":              true,
		"function f() {\n return 1;": true,
		"[1, 2,\n 3]":                false,
	} {
		if got := unbalanced(q); got != want {
			t.Errorf("unbalanced(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestComplete(t *testing.T) {
	path, _ := buildStore(t)
	s, err := graph.Open(context.Background(), path, graph.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := &repl{s: s, out: &bytes.Buffer{}}
	ctx := context.Background()
	for line, want := range map[string]string{
		":ent":                     ":entity ",
		":entity tu":               ":entity Turkey",
		":timeline R":              ":timeline Russia",
		`g.V("<entity/gpe/tr>").O`: `g.V("<entity/gpe/tr>").Or( g.V("<entity/gpe/tr>").Out( g.V("<entity/gpe/tr>").OutPredicates(`,
		"g.V().Unk":                "",
	} {
		if got := strings.Join(r.complete(ctx, line), " "); got != want {
			t.Errorf("complete(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestDefaultHistoryFile(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/tmp/state")
	if got := defaultHistoryFile(); got != "/tmp/state/storyline/history" {
		t.Errorf("with XDG_STATE_HOME: %s", got)
	}
	t.Setenv("XDG_STATE_HOME", "")
	home, _ := os.UserHomeDir()
	if got := defaultHistoryFile(); got != filepath.Join(home, ".storyline_history") {
		t.Errorf("without XDG_STATE_HOME: %s", got)
	}
}
