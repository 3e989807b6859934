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
			got := ClusterWith(tr, evs, linked, kin, memo, false)
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

// Clustering only what Affected returns for a seed gives those events the
// clusters that clustering the whole story gives them, and Affected
// follows links, not shared triggers: an event of the same kind that no
// link reaches is left out.
func TestAffectedClustersAsTheWholeStory(t *testing.T) {
	tr := NewTriggers()
	evs := clusterCase()
	// A meeting of other people on another day: the same trigger, no link.
	evs = append(evs, ev("d1", "D", "meet", "meet", "2016-03-02", []string{"xi"}, []string{"abe"}, nil))
	all := func(string, string) bool { return true }
	none := func(string, string) bool { return false }
	memo := NewComparisons()
	whole := Cluster(tr, evs, all, none)
	for _, e := range evs {
		got := Affected(tr, evs, map[string]bool{e.Local: true}, all, none, memo, false)
		part := ClusterWith(tr, got, all, none, memo, false)
		for _, a := range got {
			for _, b := range got {
				if (whole.Of[a.Local] == whole.Of[b.Local]) != (part.Of[a.Local] == part.Of[b.Local]) {
					t.Errorf("seed %s: %s and %s are one event in the whole story: %v, among the affected: %v",
						e.Local, a.Local, b.Local, whole.Of[a.Local] == whole.Of[b.Local], part.Of[a.Local] == part.Of[b.Local])
				}
			}
		}
		for _, o := range evs {
			if whole.Of[o.Local] == whole.Of[e.Local] && !containsLocal(got, o.Local) {
				t.Errorf("seed %s: %s, in its cluster, is not affected", e.Local, o.Local)
			}
		}
	}
	got := Affected(tr, evs, map[string]bool{"a2": true}, all, none, memo, false)
	if containsLocal(got, "d1") {
		t.Errorf("a meeting no link reaches is affected: %v", got)
	}
	if !containsLocal(got, "b2") || !containsLocal(got, "a3") || !containsLocal(got, "b3") {
		t.Errorf("the linked meeting and the statements reporting the meetings are not all affected: %v", got)
	}
	if got := Affected(tr, evs, map[string]bool{"a2": true}, none, none, memo, false); len(got) != 2 || containsLocal(got, "b2") {
		t.Errorf("events of unlinked articles are affected: %v", got)
	}
}

func containsLocal(evs []Event, local string) bool {
	for _, e := range evs {
		if e.Local == local {
			return true
		}
	}
	return false
}

// In a running topic the same verb alone no longer makes two reports one
// event; a shared participant and date still do.
func TestRunningTopicNeedsMoreThanTheTrigger(t *testing.T) {
	tr := NewTriggers()
	evs := append(clusterCase(),
		ev("e1", "E", "other", "resign", "", []string{"smith"}, nil, nil),
		ev("f1", "F", "other", "resign", "", nil, nil, nil))
	all := func(string, string) bool { return true }
	none := func(string, string) bool { return false }
	story := ClusterWith(tr, evs, all, none, nil, false)
	if story.Of["e1"] != story.Of["f1"] {
		t.Fatalf("in a story, two resignations did not merge: %v", story.Of)
	}
	topic := ClusterWith(tr, evs, all, none, NewComparisons(), true)
	if topic.Of["e1"] == topic.Of["f1"] {
		t.Errorf("in a running topic, two resignations with nothing else in common merged: %v", topic.Why["e1"])
	}
	if topic.Of["a2"] != topic.Of["b2"] {
		t.Errorf("in a running topic, the meetings of the same leaders on the same day did not merge: %v", topic.Of)
	}
	got := Affected(tr, evs, map[string]bool{"e1": true}, all, none, NewComparisons(), true)
	if containsLocal(got, "f1") {
		t.Errorf("in a running topic, a resignation no link reaches is affected: %v", got)
	}
}
