package main

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/timeline"
)

// The store does not depend on the order in which articles are ingested,
// nor on how they are split across runs: a corpus ingested in two orders,
// in two runs each, gives the same story list and the same timeline, event
// and entity IRIs included. Only the merge evidence may differ: it records
// each link as it was made when the later article came.
func TestIngestOrderDoesNotMatter(t *testing.T) {
	files := []string{seedOriginal, seedCopy}
	if dir := bbcDir(t); dir != "" {
		for _, section := range []string{"entertainment", "tech", "politics"} {
			names, err := filepath.Glob(filepath.Join(dir, section, "*.txt"))
			if err != nil {
				t.Fatal(err)
			}
			sort.Strings(names)
			files = append(files, names[:min(25, len(names))]...)
		}
	}
	half := len(files) / 2
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	outputs := map[string][2]string{}
	for name, runs := range map[string][][]string{
		"forward":  {files[:half], files[half:]},
		"backward": {reversed[:half], reversed[half:]},
	} {
		db := filepath.Join(t.TempDir(), "order.db")
		for _, run := range runs {
			mustCLI(t, append([]string{"--db", db, "ingest"}, run...)...)
		}
		outputs[name] = [2]string{
			mustCLI(t, "--db", db, "timeline", "--all"),
			mustCLI(t, "--db", db, "stories"),
		}
	}
	if outputs["forward"][1] != outputs["backward"][1] {
		t.Errorf("the stories differ between ingest orders:\nforward:\n%.3000s\nbackward:\n%.3000s",
			outputs["forward"][1], outputs["backward"][1])
	}
	forward, backward := loadTimelineJSON(t, outputs["forward"][0]), loadTimelineJSON(t, outputs["backward"][0])
	merged := mergedEvents(forward)
	for _, tl := range []*timeline.Timeline{forward, backward} {
		for i := range tl.Events {
			tl.Events[i].MergedBecause = nil
		}
	}
	if diff := cmp.Diff(forward, backward); diff != "" {
		t.Errorf("the timeline differs between ingest orders (-forward +backward):\n%.4000s", diff)
	}
	if merged == 0 {
		t.Error("no event is reported by two articles: the test checks nothing")
	}
}

// mergedEvents counts the events told by more than one article.
func mergedEvents(tl *timeline.Timeline) int {
	n := 0
	for _, e := range tl.Events {
		docs := map[string]bool{}
		for _, s := range e.Sources {
			docs[s.Document] = true
		}
		if len(docs) > 1 {
			n++
		}
	}
	return n
}

// bbcDir is ../shared/data/bbc, or "" (with a log line) when absent: the
// order test then runs on the seeds alone.
func bbcDir(t *testing.T) string {
	t.Helper()
	root, err := shareddata.Root()
	if err != nil {
		return ""
	}
	dir := filepath.Join(root, "..", "shared", "data", "bbc")
	if _, err := os.Stat(dir); err != nil {
		t.Logf("../shared/data/bbc not found: ingest order checked on the seeds alone")
		return ""
	}
	return dir
}

// --timing reports each hundred articles' time (here the two seeds).
func TestIngestTiming(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	_, errOut, err := cli(t, "", "--db", db, "ingest", "--timing", seedOriginal, seedCopy)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "articles 1-2: ") || !strings.Contains(errOut, "ms per article") {
		t.Errorf("--timing printed %q", errOut)
	}
}
