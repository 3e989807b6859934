package eval

import (
	"math"
	"math/rand"
	"strings"
	"testing"
)

// parts reads a partition written as in the reference scorer's
// TestCases.README: "{a} {bc} {def}", one letter a mention; "B" is a
// mention of its own (an overlapping one), and a "b" repeated is a
// duplicate.
func parts(s string) [][]string {
	var out [][]string
	for _, c := range strings.Fields(strings.NewReplacer("{", " ", "}", " ").Replace(s)) {
		out = append(out, strings.Split(c, ""))
	}
	return out
}

// rp is an expected recall and precision, as fractions.
type rp struct{ r, p float64 }

func checkScore(t *testing.T, name string, got CorefScore, want rp) {
	t.Helper()
	if math.Abs(got.Recall()-100*want.r) > 1e-9 || math.Abs(got.Precision()-100*want.p) > 1e-9 {
		t.Errorf("%s: recall %.5f precision %.5f, want %.5f %.5f (%v/%v, %v/%v)", name,
			got.Recall()/100, got.Precision()/100, want.r, want.p,
			got.RecallNum, got.RecallDen, got.PrecisionNum, got.PrecisionDen)
	}
}

// TestCorefMetricsReferenceCases checks the metrics against the expected
// figures of the reference scorer's own test suite (test/TestCases.README
// and test/CorefMetricTestConfig.pm of conll/reference-coreference-scorers:
// cases A1-A13 on the key {a} {bc} {def}, D1 and E1 from the B³ paper, F1-L1
// from the MUC paper, M1, M2, N1). A case without a figure for a metric
// does not check it.
func TestCorefMetricsReferenceCases(t *testing.T) {
	const keyA = "{a} {bc} {def}"
	const keyD = "{12345} {67} {89ABC}"
	a4 := map[string]rp{"muc": {1.0 / 3, 1.0 / 3}, "b3": {(3 + 1.0/3) / 6, (1 + 4.0/3 + 1.0/2) / 7}, "ceafe": {2.2 / 3, 2.2 / 4}}
	cases := []struct {
		id, key, resp string
		want          map[string]rp
	}{
		{"A1", keyA, "{a} {bc} {def}", map[string]rp{"muc": {1, 1}, "b3": {1, 1}, "ceafe": {1, 1}}},
		{"A2", keyA, "{a} {de}", map[string]rp{"muc": {1.0 / 3, 1}, "b3": {(7.0 / 3) / 6, 1}, "ceafe": {0.6, 0.9}}},
		{"A3", keyA, "{a} {bcx} {defy} {z}", map[string]rp{"muc": {1, 3.0 / 5}, "b3": {1, (4 + 7.0/12) / 9},
			"ceafe": {(1 + 4.0/5 + 6.0/7) / 3, (1 + 4.0/5 + 6.0/7) / 4}}},
		{"A4", keyA, "{a} {bcx} {dy} {z}", a4},
		{"A5", keyA, "{a} {bcxB} {dy} {z}", map[string]rp{"muc": {1.0 / 3, 1.0 / 4}, "b3": {(3 + 1.0/3) / 6, 2.5 / 8},
			"ceafe": {(1 + 4.0/6 + 2.0/5) / 3, (1 + 4.0/6 + 2.0/5) / 4}}},
		{"A6", keyA, "{a} {bcx} {dy} {Bz}", map[string]rp{"muc": {1.0 / 3, 1.0 / 4}, "b3": {(10.0 / 3) / 6, (1 + 4.0/3 + 1.0/2) / 8},
			"ceafe": {2.2 / 3, 2.2 / 4}}},
		// A7-A9: a duplicate response mention is kept once, where it first
		// appears, which gives A4's figures.
		{"A7", keyA, "{a} {bcxb} {dy} {z}", a4},
		{"A8", keyA, "{a} {bcx} {dy} {bz}", a4},
		{"A9", keyA, "{a} {bcx} {dy} {bbbbbbbbbbz}", a4},
		{"A10", keyA, "{a} {b} {c} {d} {e} {f}", map[string]rp{"muc": {0, 0}, "b3": {3.0 / 6, 1}}},
		{"A11", keyA, "{abcdef}", map[string]rp{"muc": {1, 3.0 / 5}, "b3": {1, (1.0/6 + 2*2.0/6 + 3*3.0/6) / 6}}},
		{"A12", keyA, "{a} {x} {y} {c} {d} {e} {z}", map[string]rp{"muc": {0, 0}, "b3": {(1 + 1.0/2 + 2.0/3) / 6, 4.0 / 7}}},
		{"A13", keyA, "{axycdez}", map[string]rp{"muc": {1.0 / 3, 1.0 / 6}, "b3": {(1 + 1.0/2 + 2*2.0/3) / 6, (1.0/7 + 1.0/7 + 2*2.0/7) / 7}}},
		{"D1", keyD, "{12345} {6789ABC}", map[string]rp{"muc": {1, 9.0 / 10}, "b3": {1, 16.0 / 21}}},
		{"E1", keyD, "{1234589ABC} {67}", map[string]rp{"muc": {1, 9.0 / 10}, "b3": {1, 7.0 / 12}}},
		{"F1", "{ABCD}", "{AB} {CD}", map[string]rp{"muc": {2.0 / 3, 1}}},
		{"G1", "{AB} {CD}", "{ABCD}", map[string]rp{"muc": {1, 2.0 / 3}}},
		{"H1", "{ABCD}", "{ABCD}", map[string]rp{"muc": {1, 1}}},
		{"J1", "{ABC}", "{AC}", map[string]rp{"muc": {1.0 / 2, 1}}},
		{"K1", "{BCDEGHJ}", "{ABC} {DEF} {GHI}", map[string]rp{"muc": {3.0 / 6, 3.0 / 6}}},
		{"L1", "{ABC} {DEFG}", "{AB} {CD} {FGH}", map[string]rp{"muc": {2.0 / 5, 2.0 / 4}}},
		{"M1", "{abcdef}", "{abcdef}", map[string]rp{"muc": {1, 1}, "b3": {1, 1}, "ceafe": {1, 1}}},
		{"M2", "{abcdef}", "{a} {b} {c} {d} {e} {f}", map[string]rp{"muc": {0, 0}}},
		{"N1", "{a} {b} {c} {d} {e} {f}", "{a} {b} {c} {d} {e} {f}", map[string]rp{"muc": {0, 0}, "b3": {1, 1}, "ceafe": {1, 1}}},
	}
	for _, c := range cases {
		key, resp := parts(c.key), parts(c.resp)
		m := ScoreCoref(key, resp)
		for metric, want := range c.want {
			switch metric {
			case "muc":
				checkScore(t, c.id+" MUC", m.MUC, want)
				checkScore(t, c.id+" MUC alone", MUC(key, resp), want)
			case "b3":
				checkScore(t, c.id+" B3", m.B3, want)
				checkScore(t, c.id+" B3 alone", BCubed(key, resp), want)
			case "ceafe":
				checkScore(t, c.id+" CEAF-e", m.CEAFe, want)
				checkScore(t, c.id+" CEAF-e alone", CEAFe(key, resp), want)
			}
		}
	}
}

// TestCoNLLIsTheMeanOfTheThreeF1s on reference case A4, whose F1s the
// reference test suite gives as 1/3, 2·(5/9)·(17/42)/(5/9+17/42) and
// 0.62857.
func TestCoNLLIsTheMeanOfTheThreeF1s(t *testing.T) {
	m := ScoreCoref(parts("{a} {bc} {def}"), parts("{a} {bcx} {dy} {z}"))
	b3 := 2 * (5.0 / 9) * (17.0 / 42) / (5.0/9 + 17.0/42)
	ceafe := 2 * (2.2 / 3) * (2.2 / 4) / (2.2/3 + 2.2/4)
	want := 100 * (1.0/3 + b3 + ceafe) / 3
	if got := m.CoNLL(); math.Abs(got-want) > 1e-9 {
		t.Errorf("CoNLL = %.6f, want %.6f", got, want)
	}
	if f := m.CEAFe.F1(); math.Abs(f-62.857) > 0.001 {
		t.Errorf("CEAF-e F1 = %.4f, want 62.857 (reference A4)", f)
	}
	var zero CorefScore
	if zero.F1() != 0 || zero.Recall() != 0 {
		t.Errorf("empty score: F1 %v recall %v, want 0", zero.F1(), zero.Recall())
	}
}

// TestMaxAssignmentMatchesBruteForce compares the Kuhn-Munkres alignment
// with every one-to-one matching of small random matrices, square and
// rectangular.
func TestMaxAssignmentMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 300; trial++ {
		n, m := 1+rng.Intn(5), 1+rng.Intn(5)
		w := make([][]float64, n)
		for i := range w {
			w[i] = make([]float64, m)
			for j := range w[i] {
				if rng.Intn(3) > 0 { // sparse, as entity similarities are
					w[i][j] = float64(rng.Intn(8)) / 7
				}
			}
		}
		got := maxAssignment(n, m, func(i, j int) float64 { return w[i][j] })
		want := bruteAssignment(w, 0, make([]bool, m))
		if math.Abs(got-want) > 1e-9 {
			t.Fatalf("trial %d: %dx%d %v: got %v, want %v", trial, n, m, w, got, want)
		}
	}
}

// bruteAssignment is the best matching of rows i.. to unused columns,
// a row also allowed to stay unmatched.
func bruteAssignment(w [][]float64, i int, used []bool) float64 {
	if i == len(w) {
		return 0
	}
	best := bruteAssignment(w, i+1, used)
	for j := range used {
		if !used[j] {
			used[j] = true
			best = math.Max(best, w[i][j]+bruteAssignment(w, i+1, used))
			used[j] = false
		}
	}
	return best
}

// TestCEAFeFindsTheBestAlignment: the best alignment is not the greedy
// one, and entities that share nothing with the rest are aligned on their
// own.
func TestCEAFeFindsTheBestAlignment(t *testing.T) {
	// φ4: {abc}-{abd} 4/6, {abc}-{c} 2/4, {d}-{abd} 2/4, {d}-{c} 0.
	// Greedy takes 4/6 and is left with 0; the best is 2/4 + 2/4. {pq}
	// is a group of its own worth 1.
	got := CEAFe(parts("{abc} {d} {pq}"), parts("{abd} {c} {pq}"))
	want := CorefScore{RecallNum: 2, RecallDen: 3, PrecisionNum: 2, PrecisionDen: 3}
	if math.Abs(got.RecallNum-want.RecallNum) > 1e-12 || got.RecallDen != want.RecallDen ||
		math.Abs(got.PrecisionNum-want.PrecisionNum) > 1e-12 || got.PrecisionDen != want.PrecisionDen {
		t.Errorf("CEAF-e = %+v, want %+v", got, want)
	}
}
