package timeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/clog"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/graph"
)

// ingest stores paths in a new store and returns it.
func ingest(t *testing.T, paths ...string) *graph.Store {
	t.Helper()
	clog.SetLogger(nil)
	ctx := context.Background()
	p, err := extract.New()
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	s, err := graph.Open(ctx, filepath.Join(t.TempDir(), "t.db"), graph.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	inputs, errs := extract.ReadInputs(ctx, paths, nil)
	if len(errs) > 0 {
		t.Fatalf("reading %v: %v", paths, errs)
	}
	if _, errs := s.Ingest(ctx, p, inputs, graph.IngestOptions{}); len(errs) > 0 {
		t.Fatalf("ingest: %v", errs)
	}
	return s
}

// The TimelineJS export reads only the events it can place and counts
// the others by index: its slides, its counts of what it leaves out and
// its minor events are those of the timeline read whole, whatever the
// filter.
func TestTimelineJSCountsUnread(t *testing.T) {
	t.Run("seeds", func(t *testing.T) {
		s := ingest(t, "../testdata/seeds/presstv-obama-putin.txt", "../testdata/seeds/peoplesvoice-copy-obama-putin.txt")
		checkTimelineJSCounts(t, s, []Filter{
			{}, {All: true}, {Class: "other"}, {Class: "other", All: true}, {Class: "meet"},
			{Entity: "Putin"}, {Outlet: "Press TV", All: true}, {Entity: "Russia", Class: "statement"},
		})
	})
	t.Run("bbc", func(t *testing.T) {
		// BBC articles carry no date: many events have no known year.
		dir := "../../shared/data/bbc/politics"
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(files) == 0 {
			t.Skipf("%s holds no article (the shared data is absent): BBC case skipped", dir)
		}
		slices.Sort(files)
		s := ingest(t, files[:min(40, len(files))]...)
		checkTimelineJSCounts(t, s, []Filter{{}, {All: true}, {Class: "other"}, {Class: "statement", All: true}, {Entity: "Tony Blair"}})
	})
}

func checkTimelineJSCounts(t *testing.T, s *graph.Store, filters []Filter) {
	t.Helper()
	ctx := context.Background()
	for _, f := range filters {
		name, _ := json.Marshal(f)
		tl, err := Build(ctx, s, f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var want Unplaced
		var placed []string
		for _, e := range tl.Events {
			if _, ok := timelineJSSlide(e, nil); ok {
				placed = append(placed, e.ID)
			} else if e.Date == "" && e.Range == nil {
				want.Undated++
			} else {
				want.NoYear++
			}
		}
		var out bytes.Buffer
		got, err := StreamTimelineJS(ctx, s, f, &out)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var tj TimelineJS
		if err := json.Unmarshal(out.Bytes(), &tj); err != nil {
			t.Fatalf("%s: %v\n%.300s", name, err, out.Bytes())
		}
		var slides []string
		for _, sl := range tj.Events {
			slides = append(slides, sl.UniqueID)
		}
		if got != want || !slices.Equal(slides, placed) {
			t.Errorf("%s: left out %+v, %d slides; the timeline read whole leaves out %+v, places %d", name, got, len(slides), want, len(placed))
		}
		minor := fmt.Sprintf("%s left out", plural(tl.Omitted, "minor event"))
		if tl.Omitted > 0 != strings.Contains(tj.Title.Text.Text, minor) {
			t.Errorf("%s: the title %q does not say %q", name, tj.Title.Text.Text, minor)
		}
		t.Logf("%s: %d slides, left out %+v, %d minor", name, len(slides), got, tl.Omitted)
	}
}
