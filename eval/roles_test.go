package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/extract/timex"
)

func TestNameMatch(t *testing.T) {
	for _, c := range []struct {
		want, got string
		ok        bool
	}{
		{"Putin", "Russian President Vladimir Putin", true}, // head word
		{"Vladimir Putin", "vladimir putin", true},
		{"pilot", "the Russian pilot", true},
		{"the jet", "Jet", true},
		{"Turkey", "Turkey's", true},
		{"Russia", "Russian", false}, // a demonym is not its country
		{"Russia", "Russian pilot", false},
		{"pilot", "pilots", false},
		{"Barack Obama", "Obama", false}, // a multi-word entry is not a head
		{"government", "Russia", false},
		{"", "Russia", false},
	} {
		if got := nameMatch(c.want, c.got); got != c.ok {
			t.Errorf("nameMatch(%q, %q) = %v, want %v", c.want, c.got, got, c.ok)
		}
	}
	if !timeMatch("November 24", "On November 24") || timeMatch("November 2", "November 24") || timeMatch("Monday", "") {
		t.Error("timeMatch: whole-word containment broken")
	}
}

func TestSlotRight(t *testing.T) {
	part := func(names ...string) rolePart { return rolePart{display: names[0], names: names} }
	turkey := part("Turkey")
	russia := part("Russian", "Russia")
	jet := part("a Russian Sukhoi Su-24 Fencer jet", "jet")
	for _, c := range []struct {
		name string
		gold []string
		sys  []rolePart
		ok   bool
	}{
		{"none and none", nil, nil, true},
		{"none but filled", nil, []rolePart{turkey}, false},
		{"missed", []string{"Turkey"}, nil, false},
		{"right", []string{"Turkey"}, []rolePart{turkey}, true},
		{"alternative", []string{"Ankara|Turkey"}, []rolePart{turkey}, true},
		{"demonym as patient", []string{"jet|Su-24"}, []rolePart{russia}, false},
		{"extra participant", []string{"jet|Su-24"}, []rolePart{jet, russia}, false},
		{"head of phrase", []string{"jet|Su-24"}, []rolePart{jet}, true},
		{"one of two", []string{"Obama", "Putin"}, []rolePart{part("Barack Obama", "Obama")}, false},
		{"both", []string{"Obama", "Putin"}, []rolePart{part("Putin"), part("Barack Obama", "Obama")}, true},
	} {
		if got := slotRight(c.gold, c.sys, false); got != c.ok {
			t.Errorf("%s: slotRight(%q) = %v, want %v", c.name, c.gold, got, c.ok)
		}
	}
}

// roleDoc is a hand-built document: "Turkey shot down a Russian jet on
// Tuesday." with one event whose agent is Turkey and whose patient is the
// demonym "Russian" (the error the set must catch).
func roleDoc() *extract.Document {
	text := "Turkey shot down a Russian jet on Tuesday."
	return &extract.Document{
		Text:      text,
		Sentences: []extract.Sentence{{Span: extract.Span{Start: 0, End: len(text)}, Kind: extract.KindBody}},
		Timexes:   []timex.Timex{{Start: 34, End: 41, Text: "Tuesday"}},
		Entities: []extract.Entity{
			{ID: 0, Name: "Turkey", Aliases: []string{"Türkiye"}},
			{ID: 1, Name: "Russia", Aliases: []string{"Russian Federation"}},
		},
		Mentions: []extract.Mention{
			{Span: extract.Span{Start: 0, End: 6}, Text: "Turkey", Entity: 0},
			{Span: extract.Span{Start: 19, End: 26}, Text: "Russian", Entity: 1, Kind: "demonym"},
		},
		Events: []extract.Event{{
			Trigger: extract.Span{Start: 7, End: 16}, TriggerText: "shot down",
			Agents:   []extract.Arg{{Entity: 0, Mention: 0}},
			Patients: []extract.Arg{{Entity: 1, Mention: 1}},
			Timex:    0, Claimant: -1,
		}},
	}
}

func TestScoreRoleItem(t *testing.T) {
	doc := roleDoc()
	it := RoleItem{ID: "x", Source: "testdata/x.txt", Sentence: doc.Text, Trigger: "shot", Offset: 7,
		Agent: []string{"Turkey"}, Patient: []string{"jet"}, Place: []string{}, Time: []string{"Tuesday"}}
	if err := CheckRoleItem(doc.Text, it); err != nil {
		t.Fatal(err)
	}
	r := ScoreRoleItem(doc, it)
	if !r.Found || r.SystemTrigger != "shot down" {
		t.Fatalf("trigger not found: %+v", r)
	}
	want := map[string]bool{"agent": true, "patient": false, "place": true, "time": true}
	for s, ok := range want {
		if r.Right[s] != ok {
			t.Errorf("%s right = %v, want %v (got %q)", s, r.Right[s], ok, r.Got[s])
		}
	}
	if g := r.Got["patient"]; len(g) != 1 || g[0] != "Russian" {
		t.Errorf("patient got %q, want [Russian]", g)
	}

	// A time inherited from another sentence is no time.
	doc.Timexes[0] = timex.Timex{Start: 100, End: 107, Text: "Tuesday"}
	if r := ScoreRoleItem(doc, it); r.Right["time"] {
		t.Error("a timex outside the sentence counted as the event's time")
	}

	// No event overlaps "Tuesday": a trigger miss, no slot scored.
	miss := it
	miss.Trigger, miss.Offset = "Tuesday", 34
	if r := ScoreRoleItem(doc, miss); r.Found || len(r.Right) != 0 {
		t.Errorf("trigger miss scored: %+v", r)
	}

	// Two mentions of one entity ("Turkey" and a pronoun) are one
	// participant.
	doc.Mentions = append(doc.Mentions, extract.Mention{Span: extract.Span{Start: 27, End: 30}, Text: "it", Entity: 0, Kind: "pronoun"})
	doc.Events[0].Agents = append(doc.Events[0].Agents, extract.Arg{Entity: 0, Mention: 2})
	if r := ScoreRoleItem(doc, it); !r.Right["agent"] || len(r.Got["agent"]) != 1 {
		t.Errorf("one entity twice: agent right %v, got %q", r.Right["agent"], r.Got["agent"])
	}

	// Out-of-range indexes in a system event do not panic.
	doc.Events[0].Agents = []extract.Arg{{Entity: 9, Mention: 9}}
	doc.Events[0].Timex = 7
	if r := ScoreRoleItem(doc, it); r.Right["agent"] || r.Right["time"] {
		t.Errorf("bad indexes scored right: %+v", r)
	}
}

func TestCheckRoleItem(t *testing.T) {
	text := "Police arrested a man. Police arrested him again."
	it := RoleItem{ID: "a", Source: "s", Sentence: "Police arrested him again.", Trigger: "arrested", Offset: 7}
	if err := CheckRoleItem(text, it); err == nil || !strings.Contains(err.Error(), "sentence does not hold") {
		t.Errorf("trigger of the other sentence: err = %v", err)
	}
	it.Offset = 30
	if err := CheckRoleItem(text, it); err != nil {
		t.Errorf("right offset: %v", err)
	}
	it.Offset = 31
	if err := CheckRoleItem(text, it); err == nil || !strings.Contains(err.Error(), "not at byte 31") {
		t.Errorf("wrong offset: err = %v", err)
	}
	it.Offset = 1000
	if err := CheckRoleItem(text, it); err == nil {
		t.Error("offset past the end accepted")
	}
}

func TestParseRoleItem(t *testing.T) {
	good := `{"id":"a","source":"bbc/x.txt","sentence":"He left.","trigger":"left","offset":3,"agent":["He"],"patient":[],"place":[],"time":[]}`
	if _, err := parseRoleItem([]byte(good)); err != nil {
		t.Fatalf("good item: %v", err)
	}
	for _, c := range []struct{ line, want string }{
		{`{"id":"a","source":"bbc/x.txt","sentence":"He left.","trigger":"left","offset":3,"agent":["He"],"patient":[],"place":[]}`, `missing "time"`},
		{`{"id":"a","source":"bbc/x.txt","sentence":"He left.","trigger":"went","offset":3,"agent":[],"patient":[],"place":[],"time":[]}`, "not in the sentence"},
		{`{"id":"a","source":"../x.txt","sentence":"He left.","trigger":"left","offset":3,"agent":[],"patient":[],"place":[],"time":[]}`, "relative path"},
		{`{"id":"a","source":"bbc/x.txt","sentence":"He left.","trigger":"left","offset":3,"agent":["|"],"patient":[],"place":[],"time":[]}`, "empty agent"},
		{`{"id":"a","source":"bbc/x.txt","sentence":"He left.","trigger":"left","offset":3,"agent":[],"patient":[],"place":[],"time":[],"agnet":[]}`, "unknown field"},
		{`{"id":"a",`, "invalid JSON"},
	} {
		if _, err := parseRoleItem([]byte(c.line)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.line, err, c.want)
		}
	}
}

// TestRolesPipeline runs Roles with the real pipeline on a set written
// here: an item whose expected agent no system can give must come out
// wrong, and a trigger on a word that is no event must be a miss.
func TestRolesPipeline(t *testing.T) {
	root := t.TempDir()
	set := filepath.Join(root, "testdata", "roles")
	if err := os.MkdirAll(set, 0o755); err != nil {
		t.Fatal(err)
	}
	text := "Police arrest man in Queens\n\nPolice arrested a man in Queens on Monday, officials said.\n"
	if err := os.WriteFile(filepath.Join(root, "testdata", "doc.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	sent := "Police arrested a man in Queens on Monday, officials said."
	at := strings.Index(text, sent)
	lines := `{"id":"t1","source":"testdata/doc.txt","sentence":"` + sent + `","trigger":"arrested","offset":` + strconv.Itoa(at+7) + `,"agent":["Zebulon"],"patient":["Zebulon"],"place":["Zebulon"],"time":["1999"]}
{"id":"t2","source":"testdata/doc.txt","sentence":"` + sent + `","trigger":"a","offset":` + strconv.Itoa(at+16) + `,"agent":[],"patient":[],"place":[],"time":[]}
{"id":"t3","source":"bbc/none.txt","sentence":"x y","trigger":"y","offset":2,"agent":[],"patient":[],"place":[],"time":[]}
`
	if err := os.WriteFile(filepath.Join(set, "a.jsonl"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep, err := Roles(context.Background(), set, RolesOptions{Data: filepath.Join(root, "nodata"), Verbose: true, Out: &out})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Skipped != 1 || rep.Total.Items != 2 {
		t.Fatalf("skipped %d, items %d; want 1 and 2", rep.Skipped, rep.Total.Items)
	}
	if rep.Total.Found != 1 || !rep.Results[0].Found || rep.Results[1].Found {
		t.Fatalf("found %d: want the arrest found and the article missed", rep.Total.Found)
	}
	for _, s := range RoleSlots {
		if rep.Results[0].Right[s] {
			t.Errorf("%s: Zebulon scored right: got %q", s, rep.Results[0].Got[s])
		}
	}
	for _, want := range []string{"skipped 1 items", "WRONG agent t1", "expected [Zebulon]", "MISS trigger t2"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("verbose output lacks %q:\n%s", want, out.String())
		}
	}
	var tab bytes.Buffer
	if err := rep.Write(&tab); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tab.String(), "all          2       1/2     0.0     0.0     0.0     0.0") {
		t.Errorf("table:\n%s", tab.String())
	}

	// A trigger that is not at its offset is an error naming the item.
	bad := strings.Replace(lines, `"offset":`+strconv.Itoa(at+7), `"offset":`+strconv.Itoa(at+8), 1)
	if err := os.WriteFile(filepath.Join(set, "a.jsonl"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Roles(context.Background(), set, RolesOptions{}); err == nil || !strings.Contains(err.Error(), "t1") {
		t.Errorf("misplaced trigger: err = %v", err)
	}
}

// TestScoreRolePronounOnce: a pronoun the event stage resolved (an
// argument of the antecedent's entity, its words the pronoun) and kept as
// an unnamed phrase too is one participant, answering to the pronoun and
// to the antecedent's names.
func TestScoreRolePronounOnce(t *testing.T) {
	text := "Stuff Magazine ranks gadgets. It beats the iPod into second place."
	it := RoleItem{ID: "x", Source: "testdata/x.txt", Sentence: text[30:], Trigger: "beats", Offset: 33,
		Agent: []string{"It|PSP"}, Patient: []string{"iPod"}, Place: []string{}, Time: []string{}}
	pronoun := extract.Span{Start: 30, End: 32}
	doc := &extract.Document{
		Text: text,
		Sentences: []extract.Sentence{{Span: extract.Span{Start: 0, End: 29}, Kind: extract.KindBody},
			{Span: extract.Span{Start: 30, End: len(text)}, Kind: extract.KindBody}},
		Entities: []extract.Entity{{ID: 0, Name: "Stuff Magazine"}, {ID: 1, Name: "iPod"}},
		Mentions: []extract.Mention{{Span: extract.Span{Start: 0, End: 14}, Text: "Stuff Magazine", Entity: 0},
			{Span: extract.Span{Start: 43, End: 47}, Text: "iPod", Entity: 1}},
		Events: []extract.Event{{
			Trigger: extract.Span{Start: 33, End: 38}, TriggerText: "beats", Sentence: 1,
			Agents:   []extract.Arg{{Entity: 0, Mention: 0, Words: pronoun}},
			Patients: []extract.Arg{{Entity: 1, Mention: 1, Words: extract.Span{Start: 39, End: 47}}},
			Nominals: []extract.NominalArg{{Role: "agent", Span: pronoun, Text: "It", Head: pronoun}},
			Timex:    -1, Claimant: -1,
		}},
	}
	if err := CheckRoleItem(text, it); err != nil {
		t.Fatal(err)
	}
	r := ScoreRoleItem(doc, it)
	if !r.Right["agent"] || len(r.Got["agent"]) != 1 {
		t.Errorf("resolved pronoun: agent right %v, got %q; want one participant", r.Right["agent"], r.Got["agent"])
	}
}
