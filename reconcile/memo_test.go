package reconcile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Clustering with remembered comparisons decides what clustering without
// them does: on the first run, when the pairs come from memory, when an
// event changes (its fingerprint with it), and when the links change.
func TestClusterWithComparisonsIsCluster(t *testing.T) {
	tr := NewTriggers()
	evs := clusterCase()
	all := func(string, string) bool { return true }
	none := func(string, string) bool { return false }
	memo := NewComparisons()
	check := func(name string, evs []Event, linked, kin func(string, string) bool) Clusters {
		t.Helper()
		want := Cluster(tr, evs, linked, kin)
		for run := 0; run < 2; run++ {
			got := ClusterWith(tr, evs, linked, kin, memo)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%s, run %d: remembered comparisons changed the clusters (-want +got):\n%s", name, run, diff)
			}
		}
		return want
	}
	first := check("first", evs, all, none)
	if first.Of["a2"] != first.Of["b2"] {
		t.Fatalf("the meetings did not merge: %v", first.Of)
	}
	if len(memo.pairs) == 0 {
		t.Fatal("nothing was remembered")
	}
	// b2's meeting is now with someone else: it must be compared afresh.
	changed := append([]Event(nil), evs...)
	changed[5].Agents = []string{"xi"}
	changed[5].Patients = []string{"abe"}
	changed[5].Date = "2015-12-03"
	if c := check("changed", changed, all, none); c.Of["a2"] == c.Of["b2"] {
		t.Errorf("a changed event kept its remembered merge: %v", c.Of)
	}
	// Copies score higher: the verdicts are remembered apart.
	check("copies", evs, all, all)
	// Linked is asked each time, never remembered.
	if c := check("unlinked", evs, none, none); len(c.Why) != 0 {
		t.Errorf("unlinked articles merged: %v", c.Why)
	}
}
