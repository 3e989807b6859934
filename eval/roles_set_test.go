package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline/internal/shareddata"
)

// roleSetKey names an annotated sentence.
type roleSetKey struct{ source, sentence string }

// TestRoleSetFollowsRule checks testdata/roles against its selection
// rule (RoleCandidates): every item is a sentence the rule picks (for
// ECB+ with the gold trigger and offset), no sentence is annotated twice,
// and every sentence the rule picks is annotated (the seeds always; ECB+
// and BBC when the shared data is there).
func TestRoleSetFollowsRule(t *testing.T) {
	root, data := roleSetPaths(t)
	items, err := ReadRoleItems(filepath.Join(root, "testdata", "roles"))
	if err != nil {
		t.Fatal(err)
	}
	cands, err := RoleCandidates(context.Background(), data, root)
	if err != nil {
		t.Fatal(err)
	}
	checkRoleSet(t, items, cands, data, 150)
}

// TestFreshRoleSetFollowsRule checks testdata/roles-fresh against the
// fresh half's rule (RoleFreshCandidates) as TestRoleSetFollowsRule does
// the first half, and that the halves share no sentence.
func TestFreshRoleSetFollowsRule(t *testing.T) {
	checkSharedRoleSet(t, "roles-fresh", RoleFreshCandidates, 120, "roles")
}

// TestBlindRoleSetFollowsRule checks testdata/roles-blind against the
// blind sample's rule (RoleBlindCandidates) and that it shares no
// sentence with either half.
func TestBlindRoleSetFollowsRule(t *testing.T) {
	checkSharedRoleSet(t, "roles-blind", RoleBlindCandidates, 60, "roles", "roles-fresh")
}

// checkSharedRoleSet checks the shared-data role set testdata/set against
// its rule cands (at least min items) and that it shares no sentence with
// the sets others.
func checkSharedRoleSet(t *testing.T, set string, cands func(context.Context, string) ([]RoleCandidate, error), min int, others ...string) {
	t.Helper()
	root, data := roleSetPaths(t)
	if data == "" {
		t.Skipf("../shared/data not found: %s has only shared-data items", set)
	}
	items, err := ReadRoleItems(filepath.Join(root, "testdata", set))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := cands(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	checkRoleSet(t, items, cs, data, min)
	for _, other := range others {
		its, err := ReadRoleItems(filepath.Join(root, "testdata", other))
		if err != nil {
			t.Fatal(err)
		}
		ids := map[roleSetKey]string{}
		for _, it := range its {
			ids[roleSetKey{it.Source, it.Sentence}] = it.ID
		}
		for _, it := range items {
			if id, ok := ids[roleSetKey{it.Source, it.Sentence}]; ok {
				t.Errorf("%s: the sentence of %s's %s", it.ID, other, id)
			}
		}
	}
}

// roleSetPaths is the repository root and the shared data folder ("" when
// it is absent).
func roleSetPaths(t *testing.T) (root, data string) {
	t.Helper()
	root, err := shareddata.Root()
	if err != nil {
		t.Fatal(err)
	}
	data = filepath.Join(root, "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		t.Logf("../shared/data not found (%v): checking the seed items alone", err)
		data = ""
	}
	return root, data
}

// checkRoleSet checks items against the sentences cands of their rule:
// every item is one of them (for ECB+ with the gold trigger and offset),
// no sentence is annotated twice, every one is annotated, and, with the
// shared data, there are at least min items.
func checkRoleSet(t *testing.T, items []RoleItem, cands []RoleCandidate, data string, min int) {
	t.Helper()
	picked := map[roleSetKey]RoleCandidate{}
	for _, c := range cands {
		picked[roleSetKey{c.Source, c.Sentence}] = c
	}
	annotated := map[roleSetKey]string{}
	for _, it := range items {
		if it.fromSharedData() && data == "" {
			continue
		}
		k := roleSetKey{it.Source, it.Sentence}
		c, ok := picked[k]
		if !ok {
			t.Errorf("%s: %s: the rule does not pick %q", it.ID, it.Source, it.Sentence)
			continue
		}
		if prev, dup := annotated[k]; dup {
			t.Errorf("%s: the sentence of %s again", it.ID, prev)
		}
		annotated[k] = it.ID
		if c.Trigger != "" && (it.Trigger != c.Trigger || it.Offset != c.Offset) {
			t.Errorf("%s: trigger %q at %d, want ECB+'s %q at %d", it.ID, it.Trigger, it.Offset, c.Trigger, c.Offset)
		}
	}
	missing := 0
	for _, c := range cands {
		if _, ok := annotated[roleSetKey{c.Source, c.Sentence}]; !ok {
			missing++
			t.Errorf("%s: sentence of the rule not annotated: %q", c.Source, c.Sentence)
		}
	}
	if data != "" && len(items) < min {
		t.Errorf("%d items, want at least %d", len(items), min)
	}
	t.Logf("%d items, %d of the rule's %d sentences not annotated", len(items), missing, len(cands))
}
