package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline/internal/shareddata"
)

// TestRoleSetFollowsRule checks testdata/roles against its selection
// rule (RoleCandidates): every item is a sentence the rule picks (for
// ECB+ with the gold trigger and offset), no sentence is annotated twice,
// and every sentence the rule picks is annotated (the seeds always; ECB+
// and BBC when the shared data is there).
func TestRoleSetFollowsRule(t *testing.T) {
	root, err := shareddata.Root()
	if err != nil {
		t.Fatal(err)
	}
	items, err := ReadRoleItems(filepath.Join(root, "testdata", "roles"))
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(root, "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		t.Logf("../shared/data not found (%v): checking the seed items alone", err)
		data = ""
	}
	cands, err := RoleCandidates(context.Background(), data, root)
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ source, sentence string }
	picked := map[key]RoleCandidate{}
	for _, c := range cands {
		picked[key{c.Source, c.Sentence}] = c
	}
	annotated := map[key]string{}
	for _, it := range items {
		if it.fromSharedData() && data == "" {
			continue
		}
		k := key{it.Source, it.Sentence}
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
		if _, ok := annotated[key{c.Source, c.Sentence}]; !ok {
			missing++
			t.Errorf("%s: sentence of the rule not annotated: %q", c.Source, c.Sentence)
		}
	}
	if data != "" && len(items) < 150 {
		t.Errorf("%d items, want at least 150", len(items))
	}
	t.Logf("%d items, %d of the rule's %d sentences not annotated", len(items), missing, len(cands))
}
