package graph

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/internal/shareddata"
)

// BenchmarkIngestBBC ingests BBC articles into a new SQLite store, as
// `storyline ingest` does (extraction on every core, one writer), and
// reports articles per second, the store's size per article and per byte
// of text, and the milliseconds per article of the first and the last
// hundred articles, which show whether ingest slows as the store grows.
// STORYLINE_BENCH_SECTION picks one section (politics, sport, …);
// the default is all five.
//
//	STORYLINE_BENCH_SECTION=politics go test ./graph -run x -bench IngestBBC -benchtime 1x
func BenchmarkIngestBBC(b *testing.B) {
	dir := filepath.Join(shareddata.Dir(b), "bbc")
	section := os.Getenv("STORYLINE_BENCH_SECTION")
	if section == "" {
		section = "*"
	}
	files, err := filepath.Glob(filepath.Join(dir, section, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("../shared/data/bbc/%s: no articles (%v)", section, err)
	}
	sort.Strings(files)
	var inputs []extract.Input
	textBytes := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, extract.Input{Name: f, Text: string(text)})
		textBytes += len(text)
	}
	pipe, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(textBytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "bench.db")
		s, err := Open(ctx, path, OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		var marks []time.Time
		opt := IngestOptions{Progress: func(done, total int) { marks = append(marks, time.Now()) }}
		b.StartTimer()
		start := time.Now()
		sum, errs := s.Ingest(ctx, pipe, inputs, opt)
		took := time.Since(start)
		b.StopTimer()
		for _, e := range errs {
			b.Log(e) // a badly encoded BBC file is expected
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		size := int64(0)
		if fi, err := os.Stat(path); err == nil {
			size = fi.Size()
		}
		b.ReportMetric(float64(sum.Read)/took.Seconds(), "articles/s")
		b.ReportMetric(float64(size)/float64(max(sum.Stored, 1)), "store-B/article")
		b.ReportMetric(float64(size)/float64(textBytes), "store-B/text-B")
		if len(marks) >= 200 {
			first := marks[99].Sub(start)
			last := marks[len(marks)-1].Sub(marks[len(marks)-101])
			b.ReportMetric(float64(first.Milliseconds())/100, "ms/article-first100")
			b.ReportMetric(float64(last.Milliseconds())/100, "ms/article-last100")
		}
		b.StartTimer()
	}
}
