package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/storyline/storyline/extract"
)

var (
	pipelineOnce sync.Once
	pipelineVal  *extract.Pipeline
	pipelineErr  error
)

// testPipeline builds the standard pipeline once for the package's tests.
func testPipeline(t testing.TB) *extract.Pipeline {
	t.Helper()
	pipelineOnce.Do(func() { pipelineVal, pipelineErr = extract.New() })
	if pipelineErr != nil {
		t.Fatal(pipelineErr)
	}
	return pipelineVal
}

func seedInput(t testing.TB, file, source, date string) extract.Input {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", file))
	if err != nil {
		t.Fatal(err)
	}
	in := extract.Input{Name: file, Source: source, Text: string(b), Date: date}
	if date != "" {
		in.DateSource = "flag"
	}
	return in
}

func docBySource(t *testing.T, docs []DocInfo, source string) DocInfo {
	t.Helper()
	for _, d := range docs {
		if d.Source == source {
			return d
		}
	}
	t.Fatalf("no document from %s in %+v", source, docs)
	return DocInfo{}
}

func TestIngestUndatedCopyTakesItsOriginalsDate(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	p := testPipeline(t)
	// The undated copy comes first; Ingest handles the dated one first.
	inputs := []extract.Input{
		seedInput(t, "peoplesvoice-copy-obama-putin.txt", "peoplesvoice", ""),
		seedInput(t, "presstv-obama-putin.txt", "presstv", "2015-11-30"),
	}
	var progress []int
	sum, errs := s.Ingest(ctx, p, inputs, IngestOptions{Progress: func(done, total int) {
		if total != 2 {
			t.Errorf("progress total %d", total)
		}
		progress = append(progress, done)
	}})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if sum.Read != 2 || sum.Stored != 2 || sum.Skipped != 0 || sum.Copies != 1 {
		t.Errorf("summary %+v", sum)
	}
	if !strings.HasPrefix(sum.String(), "read 2 articles (0 skipped as already stored): ") || !strings.HasSuffix(sum.String(), ", 1 copy") {
		t.Errorf("summary line %q", sum.String())
	}
	if len(progress) != 2 || progress[1] != 2 {
		t.Errorf("progress calls %v", progress)
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	orig, cp := docBySource(t, docs, "presstv"), docBySource(t, docs, "peoplesvoice")
	if orig.Date != "2015-11-30" || orig.DateSource != "flag" || orig.Copies != "" {
		t.Errorf("original %+v", orig)
	}
	if cp.Date != "2015-11-30" || cp.DateSource != "copy" || cp.Copies != orig.IRI || cp.Similarity <= 0 {
		t.Errorf("copy %+v", cp)
	}

	// Ingesting the same articles again stores nothing.
	sum, errs = s.Ingest(ctx, p, inputs, IngestOptions{})
	if len(errs) > 0 || sum.Skipped != 2 || sum.Stored != 0 {
		t.Errorf("second ingest: %+v %v", sum, errs)
	}
	if got := sum.String(); got != "read 2 articles (2 skipped as already stored): 0 events, 0 entities, 0 events merged across sources, 0 copies" {
		t.Errorf("second summary %q", got)
	}
}

func TestIngestRedatesAStoredCopy(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	p := testPipeline(t)
	sum, errs := s.Ingest(ctx, p, []extract.Input{seedInput(t, "peoplesvoice-copy-obama-putin.txt", "peoplesvoice", "")}, IngestOptions{})
	if len(errs) > 0 || sum.Stored != 1 {
		t.Fatalf("%+v %v", sum, errs)
	}
	docs, _ := s.Documents(ctx)
	if len(docs) != 1 || docs[0].Date != "" {
		t.Fatalf("copy stored alone: %+v", docs)
	}
	copyIRI := docs[0].IRI

	sum, errs = s.Ingest(ctx, p, []extract.Input{seedInput(t, "presstv-obama-putin.txt", "presstv", "2015-11-30")}, IngestOptions{})
	if len(errs) > 0 || sum.Stored != 1 || sum.Redated != 1 || sum.Copies != 1 {
		t.Fatalf("%+v %v", sum, errs)
	}
	docs, _ = s.Documents(ctx)
	orig, cp := docBySource(t, docs, "presstv"), docBySource(t, docs, "peoplesvoice")
	if cp.IRI != copyIRI || cp.Date != "2015-11-30" || cp.DateSource != "copy" || cp.Copies != orig.IRI {
		t.Errorf("rewritten copy %+v (original %s)", cp, orig.IRI)
	}
	// The records the next ingest starts from agree.
	recs, err := s.LoadRecords(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r.IRI == copyIRI && (r.Date != "2015-11-30" || r.DateSource != "copy") {
			t.Errorf("copy record %s %s", r.Date, r.DateSource)
		}
	}
}

func TestIngestReportsBadInputsAndGoesOn(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	p := testPipeline(t)
	inputs := []extract.Input{
		{Name: "latin1.txt", Text: "Caf\xe9 opens\n\nThe caf\xe9 opened on Monday."},
		{Name: "blank.txt", Text: " \n\n "},
		seedInput(t, "presstv-obama-putin.txt", "presstv", "2015-11-30"),
	}
	sum, errs := s.Ingest(ctx, p, inputs, IngestOptions{})
	if len(errs) != 2 || errs[0].Error() != "latin1.txt: not UTF-8 text" || errs[1].Error() != "blank.txt: empty article" {
		t.Errorf("errors %v", errs)
	}
	if sum.Read != 3 || sum.Failed != 2 || sum.Stored != 1 {
		t.Errorf("summary %+v", sum)
	}
	if !strings.Contains(sum.String(), "2 failed") {
		t.Errorf("summary line %q", sum.String())
	}

	// A cancelled context stops the ingest before anything is stored.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	sum, errs = s.Ingest(cctx, p, []extract.Input{seedInput(t, "peoplesvoice-copy-obama-putin.txt", "peoplesvoice", "")}, IngestOptions{})
	if len(errs) != 1 || sum.Stored != 0 {
		t.Errorf("cancelled ingest: %+v %v", sum, errs)
	}
}

// The number of extraction workers never changes what is stored: planning
// and writing follow the input order whatever order extraction finishes in.
func TestIngestWorkersDoNotChangeTheStore(t *testing.T) {
	ctx := context.Background()
	p := testPipeline(t)
	var inputs []extract.Input
	for _, f := range []string{"presstv-obama-putin.txt", "peoplesvoice-copy-obama-putin.txt"} {
		inputs = append(inputs, seedInput(t, f, "", ""))
	}
	inputs = append(inputs, extract.Input{Name: "empty.txt", Text: " "}, inputs[0])
	dump := func(workers int) (string, *IngestSummary) {
		s, _ := openTemp(t)
		sum, errs := s.Ingest(ctx, p, inputs, IngestOptions{Workers: workers})
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "empty.txt: empty article") {
			t.Fatalf("workers %d: errors %v", workers, errs)
		}
		var b strings.Builder
		if err := s.Export(ctx, &b, "nquads"); err != nil {
			t.Fatal(err)
		}
		return b.String(), sum
	}
	one, sum1 := dump(1)
	three, sum3 := dump(3)
	if one != three {
		t.Errorf("1 worker and 3 workers stored different quads")
	}
	if *sum1 != *sum3 || sum1.Skipped != 1 || sum1.Stored != 2 || sum1.Failed != 1 {
		t.Errorf("summaries: %+v and %+v", *sum1, *sum3)
	}
}

// IngestFrom holds a window of inputs at a time; the store it writes is
// the one Ingest writes from the whole list, even when an undated copy
// comes a window before its dated original (the original redates it).
func TestIngestFromStreamsInWindows(t *testing.T) {
	ctx := context.Background()
	p := testPipeline(t)
	orig := seedInput(t, "presstv-obama-putin.txt", "2015-11-30", "")
	cp := seedInput(t, "peoplesvoice-copy-obama-putin.txt", "", "")
	inputs := []extract.Input{cp, {Name: "empty.txt", Text: " "}, orig, orig}
	dump := func(s *Store) string {
		var b strings.Builder
		if err := s.Export(ctx, &b, "nquads"); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	whole, _ := openTemp(t)
	if _, errs := whole.Ingest(ctx, p, inputs, IngestOptions{}); len(errs) != 1 {
		t.Fatalf("Ingest: %v", errs)
	}
	streamed, _ := openTemp(t)
	i := 0
	var totals []int
	next := func() (extract.Input, bool) {
		if i == len(inputs) {
			return extract.Input{}, false
		}
		i++
		return inputs[i-1], true
	}
	sum, errs := streamed.IngestFrom(ctx, p, next, IngestOptions{Window: 1, Progress: func(done, total int) { totals = append(totals, done, total) }})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "empty.txt") {
		t.Fatalf("IngestFrom: %v", errs)
	}
	if sum.Read != 4 || sum.Stored != 2 || sum.Skipped != 1 || sum.Redated != 1 {
		t.Errorf("IngestFrom summary %+v: want 4 read, 2 stored, 1 skipped, the copy redated", *sum)
	}
	if fmt.Sprint(totals) != "[1 -1 2 -1 3 -1 4 -1]" {
		t.Errorf("progress calls %v: want one per input with an unknown total", totals)
	}
	docs, err := streamed.Documents(ctx)
	if err != nil || len(docs) != 2 || docs[0].Date != "2015-11-30" || docs[1].Date != "2015-11-30" {
		t.Errorf("streamed documents %+v (%v): want both dated 2015-11-30", docs, err)
	}
	if a, b := dump(whole), dump(streamed); a != b {
		t.Errorf("IngestFrom in windows of one stored %d bytes of quads, Ingest %d: they differ", len(b), len(a))
	}
}
