package eval

import (
	"math"
	"testing"
)

// scoreTimelines parses two timelines in the task's format and scores the
// second against the first.
func scoreTimelines(t *testing.T, gold, sys string) AwarenessCounts {
	t.Helper()
	g, err := ParseTaskTimeline("gold", []byte(gold))
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseTaskTimeline("sys", []byte(sys))
	if err != nil {
		t.Fatal(err)
	}
	gl, sl := timelineLinks(g, s)
	return TemporalAwareness(gl, sl)
}

func checkCounts(t *testing.T, got, want AwarenessCounts, f1 float64) {
	t.Helper()
	if got != want {
		t.Errorf("counts %v, want %v", got, want)
	}
	if math.Abs(got.F1()-f1) > 0.005 {
		t.Errorf("F1 %.4f, want %.4f", got.F1(), f1)
	}
}

// The gold below becomes 6 reduced TLINKs: a, b2, b3 and c each
// SIMULTANEOUS with their year, a BEFORE b2 and b3 BEFORE c; b2
// SIMULTANEOUS b3 follows from both being 2009 and is dropped.
const awGold = "X\n1\t2008\td-1-a\n2\t2009\td-2-b\td-3-b\n3\t2010\td-4-c\n"

func TestTemporalAwarenessPerfectMatch(t *testing.T) {
	checkCounts(t, scoreTimelines(t, awGold, awGold), AwarenessCounts{6, 6, 6, 6}, 100)
	// Rows in another order, mentions of one event on two lines, and
	// unordered (ordinal 0) rows change nothing.
	sys := "X\n0\tXXXX-XX-XX\td-9-z\n3\t2010\td-4-c\n2\t2009\td-3-b\n2\t2009\td-2-b\n1\t2008\td-1-a\n0\tXXXX-XX-XX\td-1-a\n"
	checkCounts(t, scoreTimelines(t, awGold, sys), AwarenessCounts{6, 6, 6, 6}, 100)
}

func TestTemporalAwarenessDisjoint(t *testing.T) {
	// Other mentions, other dates: x and y with their years and x BEFORE y,
	// none of which the gold knows, and the gold's 6 unknown to the system.
	sys := "X\n1\t2011\td-9-x\n2\t2012\td-9-y\n"
	checkCounts(t, scoreTimelines(t, awGold, sys), AwarenessCounts{0, 3, 0, 6}, 0)
	// An empty system timeline scores 0 and still counts the gold.
	checkCounts(t, scoreTimelines(t, awGold, "X\n"), AwarenessCounts{0, 0, 0, 6}, 0)
}

func TestTemporalAwarenessMissingEvent(t *testing.T) {
	// Gold: a 2008, b 2009, c 2010 and a < b < c: 5 relations. The system
	// skips b: a 2008, c 2010, a < c. All 3 hold in the gold (a < c by
	// closure): P 3/3. Of the gold's 5 the system has a and c's years:
	// R 2/5. F1 = 2 * 100 * 40 / 140 = 57.14.
	gold := "X\n1\t2008\td-1-a\n2\t2009\td-2-b\n3\t2010\td-3-c\n"
	sys := "X\n1\t2008\td-1-a\n2\t2010\td-3-c\n"
	checkCounts(t, scoreTimelines(t, gold, sys), AwarenessCounts{3, 3, 2, 5}, 400.0/7)
}

func TestTemporalAwarenessWrongDate(t *testing.T) {
	// Gold: a and b, one event, 2008: a = 2008, b = 2008 (a = b follows).
	// The system dates b 2009, after a: a = 2008 holds, b = 2009 and
	// a < b do not (P 1/3); b = 2008 contradicts the system's a < b
	// (R 1/2). F1 = 2 * (1/3) * (1/2) / (5/6) = 40.
	gold := "X\n1\t2008\td-1-a\td-2-b\n"
	sys := "X\n1\t2008\td-1-a\n2\t2009\td-2-b\n"
	checkCounts(t, scoreTimelines(t, gold, sys), AwarenessCounts{1, 3, 1, 2}, 40)
}

func TestTemporalAwarenessRepeatedMention(t *testing.T) {
	// A mention listed twice in the gold is two events; the system's k-th
	// listing of it is the gold's k-th, a third one a new event.
	gold := "X\n1\t2008\td-1-a\n2\t2009\td-1-a\n"
	sys := "X\n1\t2008\td-1-a\n2\t2009\td-1-a\n3\t2010\td-1-a\n"
	// Gold: e1 = 2008, e2 = 2009, e1 < e2. System: the same three, plus
	// s1 = 2010 and e2 < s1, which the gold cannot verify.
	checkCounts(t, scoreTimelines(t, gold, sys), AwarenessCounts{3, 5, 3, 3}, 75)
}

func TestTemporalAwarenessLinks(t *testing.T) {
	l := func(a, rel, b string) TLink { return TLink{From: a, To: b, Rel: rel} }
	cases := []struct {
		name      string
		gold, sys []TLink
		want      AwarenessCounts
	}{
		{"inverse written", []TLink{l("A", "BEFORE", "B")}, []TLink{l("B", "AFTER", "A")}, AwarenessCounts{1, 1, 1, 1}},
		{"transitive inclusion", []TLink{l("A", "INCLUDES", "B"), l("B", "INCLUDES", "C")},
			[]TLink{l("A", "INCLUDES", "C")}, AwarenessCounts{1, 1, 0, 2}},
		// A INCLUDES C follows from the two before it: dropped from the
		// gold's reduced relations.
		{"redundant dropped", []TLink{l("A", "INCLUDES", "B"), l("B", "INCLUDES", "C"), l("A", "INCLUDES", "C")},
			[]TLink{l("A", "INCLUDES", "B"), l("B", "INCLUDES", "C")}, AwarenessCounts{2, 2, 2, 2}},
		// B BEFORE A contradicts A BEFORE B: kept out of the graph but
		// counted; the duplicate is read once.
		{"violation counted", []TLink{l("A", "BEFORE", "B")},
			[]TLink{l("A", "BEFORE", "B"), l("B", "BEFORE", "A"), l("A", "BEFORE", "B")}, AwarenessCounts{1, 2, 1, 1}},
		{"during is simultaneous", []TLink{l("A", "SIMULTANEOUS", "B"), l("B", "BEFORE", "C")},
			[]TLink{l("A", "DURING", "B"), l("A", "BEFORE", "C")}, AwarenessCounts{2, 2, 2, 2}},
		// A ends with B, which meets C: A meets C too, so A BEFORE C does
		// not hold; B is unknown to the system.
		{"ends and meets", []TLink{l("A", "ENDS", "B"), l("B", "IBEFORE", "C")},
			[]TLink{l("C", "IAFTER", "A")}, AwarenessCounts{1, 1, 0, 2}},
		{"meets is not before", []TLink{l("A", "ENDS", "B"), l("B", "IBEFORE", "C")},
			[]TLink{l("A", "BEFORE", "C")}, AwarenessCounts{0, 1, 0, 2}},
	}
	for _, c := range cases {
		if got := TemporalAwareness(c.gold, c.sys); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestAwarenessMicroAverage(t *testing.T) {
	// Micro-averaging sums the counts: (3+0)/(3+3) and (2+0)/(5+6).
	var m AwarenessCounts
	m.Add(AwarenessCounts{3, 3, 2, 5})
	m.Add(AwarenessCounts{0, 3, 0, 6})
	if m.P() != 50 || math.Abs(m.R()-200.0/11) > 1e-9 {
		t.Errorf("micro P %.4f R %.4f, want 50 and 18.18", m.P(), m.R())
	}
}

func TestNaturalLess(t *testing.T) {
	ordered := []string{
		"1\t2003-04-28\t10718-4-launched",
		"1\t2003-04-28\t10718-6-sold",
		"2\t2003-09\t4596-11-sells",
		"9\t2008-02\t11778-2-passed",
		"10\t2008-03-XX\t11212-2-released",
	}
	for i := range ordered {
		for j := range ordered {
			if got := naturalLess(ordered[i], ordered[j]); got != (i < j) {
				t.Errorf("naturalLess(%q, %q) = %v", ordered[i], ordered[j], got)
			}
		}
	}
}
