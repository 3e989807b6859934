package reconcile

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTriggerRelation(t *testing.T) {
	tr := NewTriggers()
	for _, tc := range []struct{ a, b, want string }{
		{"arrest", "arrested", "same"},
		{"resign", "resigning", "same"},
		{"resignation", "resign", "same"},
		{"quit", "resign", "related"},
		{"quake", "earthquake", "related"},
		{"deadly earthquake", "quake", "related"},
		{"acquisition", "buy", "related"},
		{"kill", "slay", "related"},
		{"emergency meeting", "meet", "same"},
		{"shoot down", "downing", "related"},
		{"shoot down", "shoot", ""},
		{"fire", "find", ""},
		{"find", "discovered", "related"},
		{"heist", "robbery", "related"},
		{"checked", "entered", "related"},
		{"gunned down", "shooting", "related"},
		{"open", "fire", ""},
		{"", "arrest", ""},
	} {
		if got := tr.Relation(tc.a, tc.b); got != tc.want {
			t.Errorf("Relation(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestSameName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"entity/person/tara-reid", "entity/org/tara-reid", true},
		{"entity/org/colts", "entity/org/indianapolis-colts", true},
		{"entity/person/lindsay-lohan", "entity/org/actress-lindsay-lohan", true},
		{"entity/org/microsoft", "entity/org/microsoft-corp", true},
		{"entity/gpe/new-orleans", "entity/org/new-orleans-saints", false},
		{"entity/person/jeb-bush", "entity/person/george-w-bush", false},
		{"entity/gpe/us", "entity/org/us-navy", false},
		{"entity/person/vincent-jackson", "entity/person/jamal-williams", false},
	} {
		if got := sameName(tc.a, tc.b); got != tc.want || sameName(tc.b, tc.a) != tc.want {
			t.Errorf("sameName(%q, %q) = %v, want %v both ways", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestTimes(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"2015-11-24", "2015-11-24", "equal"},
		{"XXXX-11-24", "2015-11-24", "fits"},
		{"2015-11", "2015-11-24", "fits"},
		{"2015", "2015-11-24", "fits"},
		{"2015-11-24", "2015-11-25", "conflict"},
		{"XXXX-11-24", "2015-12-24", "conflict"},
		{"2015-W48", "2015-11-24", "fits"},
		{"2014-W48", "2015-11-24", "conflict"},
		{"199", "2015-W48", "conflict"},
		{"201", "2015-W48", "fits"},
		{"XXXX-W48", "2015-11", "fits"},
		{"", "2015-11-24", ""},
		{"PRESENT_REF", "2015-11-24", ""},
		{"2015-11-24T10:00", "2015-11-24", "fits"},
	} {
		if got := Times(tc.a, tc.b); got != tc.want {
			t.Errorf("Times(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func ev(local, doc, class, lemma, date string, agents, patients, places []string) Event {
	return Event{Local: local, Doc: doc, Class: class, Lemmas: []string{lemma}, Date: date,
		Agents: agents, Patients: patients, Locations: places}
}

func TestCompare(t *testing.T) {
	tr := NewTriggers()
	for _, tc := range []struct {
		what  string
		a, b  Event
		merge bool
	}{
		{"one arrest told twice",
			ev("1", "A", "arrest", "arrest", "2015-11-24", []string{"police"}, []string{"smith"}, nil),
			ev("2", "B", "arrest", "arrested", "XXXX-11-24", nil, []string{"smith"}, nil), true},
		{"two arrests of different people",
			ev("1", "A", "arrest", "arrest", "2015-11-24", nil, []string{"smith"}, nil),
			ev("2", "B", "arrest", "arrest", "2015-11-24", nil, []string{"jones"}, nil), false},
		{"two earthquakes in different places",
			ev("1", "A", "disaster", "earthquake", "", nil, nil, []string{"chile"}),
			ev("2", "B", "disaster", "quake", "", nil, nil, []string{"japan"}), false},
		{"one quake, undated in one report",
			ev("1", "A", "disaster", "earthquake", "2010-02-27", nil, nil, []string{"chile"}),
			ev("2", "B", "disaster", "quake", "", nil, nil, []string{"chile"}), true},
		{"two meetings of the same leaders on different days",
			ev("1", "A", "meet", "meet", "2015-11-30", []string{"obama", "putin"}, nil, nil),
			ev("2", "B", "meet", "meeting", "2015-09-28", []string{"putin"}, []string{"obama"}, nil), false},
		{"a meeting worded both ways",
			ev("1", "A", "meet", "meet", "2015-11-30", []string{"obama"}, []string{"putin"}, nil),
			ev("2", "B", "meet", "meeting", "2015-11-30", []string{"putin", "obama"}, nil, nil), true},
		{"same class, different verbs",
			ev("1", "A", "other", "fire", "2015-11-30", []string{"acme"}, nil, nil),
			ev("2", "B", "other", "find", "2015-11-30", []string{"acme"}, nil, nil), false},
		{"a place taken for the victim in one report",
			ev("1", "A", "kill", "shooting", "", nil, []string{"entity/gpe/brooklyn"}, nil),
			ev("2", "B", "kill", "shooting", "", nil, []string{"entity/person/zurana-horton"}, nil), true},
		{"two people shot",
			ev("1", "A", "kill", "shooting", "", nil, []string{"entity/person/jane-doe"}, nil),
			ev("2", "B", "kill", "shooting", "", nil, []string{"entity/person/zurana-horton"}, nil), false},
		{"A attacks B is not B attacks A",
			ev("1", "A", "attack", "attack", "2015-11-30", []string{"x"}, []string{"y"}, nil),
			ev("2", "B", "attack", "attack", "2015-11-30", []string{"y"}, []string{"x"}, nil), false},
	} {
		c := Compare(tr, &tc.a, &tc.b, false)
		got := !c.Veto && c.Score >= max(threshold(tr, &tc.a, false), threshold(tr, &tc.b, false))
		if got != tc.merge {
			t.Errorf("%s: merge %v (score %.1f, veto %v: %s), want %v", tc.what, got, c.Score, c.Veto,
				strings.Join(c.Reasons, "; "), tc.merge)
		}
	}
}

// The clusters depend on the set of events, not on their order.
func TestClusterOrderIndependent(t *testing.T) {
	tr := NewTriggers()
	evs := clusterCase()
	all := func(string, string) bool { return true }
	none := func(string, string) bool { return false }
	want := Cluster(tr, evs, all, none)
	if want.Of["a1"] != want.Of["c1"] || want.Of["a2"] != want.Of["b2"] || want.Of["a3"] != want.Of["b3"] {
		t.Errorf("expected merges missing: %v", want.Of)
	}
	if want.Of["a1"] == want.Of["c2"] {
		t.Errorf("shoot-downs on the 24th and the 25th merged")
	}
	if want.Of["b1"] == want.Of["a1"] || want.Of["b1"] == want.Of["c2"] {
		t.Errorf("an undated downing that fits two different days joined one: %v", want.Of)
	}
	if len(want.Why["a1"]) == 0 || !strings.Contains(strings.Join(want.Why["c1"], " "), "su24") {
		t.Errorf("merge evidence missing: %v", want.Why)
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 50; i++ {
		shuffled := append([]Event(nil), evs...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := Cluster(tr, shuffled, all, none)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("order %d changed the clusters (-want +got):\n%s", i, diff)
		}
	}
}

func TestStories(t *testing.T) {
	tr := NewTriggers()
	quake := func(iri, place, date string) Article {
		return Article{IRI: iri, Date: date,
			Entities: []Entity{{IRI: place, Type: "GPE"}, {IRI: "usgs", Type: "ORG"}},
			Events:   []Event{ev(iri+"#1", iri, "disaster", "earthquake", date, nil, nil, []string{place})}}
	}
	// Two actresses check into the same clinic: the clinic and the town
	// are not enough to make one story of it.
	rehab := func(iri, who, rep string) Article {
		return Article{IRI: iri,
			Entities: []Entity{{IRI: who, Type: "PERSON"}, {IRI: rep, Type: "PERSON"}, {IRI: "promises", Type: "FACILITY"}, {IRI: "malibu", Type: "GPE"}},
			Events:   []Event{ev(iri+"#1", iri, "yield", "check into", "", []string{who}, nil, []string{"promises"})}}
	}
	s := NewStories(tr)
	for _, a := range []Article{
		rehab("doc/1", "reid", "ketsoyan"), rehab("doc/2", "reid", "ketsoyan"), rehab("doc/3", "lohan", "holley"),
		quake("doc/4", "chile", "2010-02-27"), quake("doc/5", "chile", "2010-02-27"), quake("doc/6", "haiti", "2010-01-12"),
	} {
		s.Add(a)
	}
	for _, tc := range []struct {
		doc  string
		want []string
	}{
		{"doc/1", []string{"doc/1", "doc/2"}},
		{"doc/3", []string{"doc/3"}},
		{"doc/4", []string{"doc/4", "doc/5"}},
		{"doc/6", []string{"doc/6"}},
	} {
		if got := s.Component(tc.doc); !cmp.Equal(got, tc.want) {
			t.Errorf("story of %s = %v, want %v", tc.doc, got, tc.want)
		}
	}
	// A name tagged as another type in one article still counts.
	slip := rehab("doc/9", "entity/org/tara-reid", "entity/person/a-friend")
	s2 := NewStories(tr)
	s2.Add(rehab("doc/1", "entity/person/tara-reid", "entity/person/jack-ketsoyan"))
	s2.Add(slip)
	if got := s2.Component("doc/9"); !cmp.Equal(got, []string{"doc/1", "doc/9"}) {
		t.Errorf("story of an article tagging Tara Reid an organisation = %v", got)
	}
	// A copy is in its original's story whatever it shares.
	s.Add(Article{IRI: "doc/7", Copies: "doc/6"})
	if got := s.Component("doc/7"); !cmp.Equal(got, []string{"doc/6", "doc/7"}) {
		t.Errorf("copy's story = %v", got)
	}
	if StoryID(s.Component("doc/7")) != StoryID([]string{"doc/6", "doc/7"}) || StoryID(nil) != "" {
		t.Error("StoryID is not a function of the members")
	}
	members, _, links := s.With(rehab("doc/8", "lohan", "holley"), nil)
	if _, ok := links["doc/3"]; !ok || len(links) != 1 {
		t.Errorf("With's links = %v, want doc/3", links)
	}
	if !cmp.Equal(members, []string{"doc/3", "doc/8"}) || s.Article("doc/8") != nil {
		t.Errorf("With = %v, and must not file the article", members)
	}
	// An article that renames a stored node ("Reid" to "Tara Reid", once
	// it brings the full name) is compared with the stored articles under
	// the new name, as they read once it is written.
	s.Add(rehab("doc/a", "entity/person/reid", "entity/person/x"))
	tara := rehab("doc/b", "entity/person/tara-reid", "entity/person/y")
	if _, _, links := s.With(tara, nil); len(links) != 0 {
		t.Errorf("With without the rename links %v", links)
	}
	rename := map[string]string{"entity/person/reid": "entity/person/tara-reid"}
	members, arts, links := s.With(tara, rename)
	if _, ok := links["doc/a"]; !ok || !cmp.Equal(members, []string{"doc/a", "doc/b"}) || arts["doc/a"].Entities[0].IRI != "entity/person/tara-reid" {
		t.Errorf("With under the rename: members %v, links %v", members, links)
	}
	if s.Article("doc/a").Entities[0].IRI != "entity/person/reid" {
		t.Error("With renamed the filed article")
	}
	s.Remove("doc/a")
	s.Remove("doc/2")
	if got := s.Component("doc/1"); !cmp.Equal(got, []string{"doc/1"}) {
		t.Errorf("after Remove, story of doc/1 = %v", got)
	}
}

// Times never panics and is symmetric, whatever the values.
func FuzzTimes(f *testing.F) {
	for _, s := range []string{"2015-11-24", "XXXX-11-24", "199", "2015-W48", "2015-11", "", "PRESENT_REF", "2015-11-24T10:00", "1"} {
		f.Add(s, "2015-W48")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if x, y := Times(a, b), Times(b, a); x != y {
			t.Errorf("Times(%q, %q) = %q but Times(%q, %q) = %q", a, b, x, b, a, y)
		}
	})
}

// clusterCase: shoot-downs on two days, one undated, a meeting and two
// statements that report the meeting, in three articles.
func clusterCase() []Event {
	evs := []Event{
		ev("a1", "A", "attack", "shoot down", "2015-11-24", []string{"turkey"}, []string{"su24"}, nil),
		ev("b1", "B", "attack", "downing", "", []string{"turkey"}, []string{"su24"}, nil),
		ev("c1", "C", "attack", "shoot down", "XXXX-11-24", nil, []string{"su24"}, nil),
		ev("c2", "C", "attack", "shoot down", "2015-11-25", []string{"turkey"}, []string{"su24"}, nil),
		ev("a2", "A", "meet", "meeting", "2015-11-30", []string{"obama", "putin"}, nil, []string{"paris"}),
		ev("b2", "B", "meet", "meet", "2015-11-30", []string{"putin"}, []string{"obama"}, nil),
		ev("a3", "A", "statement", "say", "2015-11-30", []string{"wh"}, nil, nil),
		ev("b3", "B", "statement", "say", "2015-11-30", []string{"wh"}, nil, nil),
	}
	evs[6].Reports, evs[7].Reports = []string{"a2"}, []string{"b2"}
	return evs
}
