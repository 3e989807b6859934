package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Big inputs (issue 14): a JSON Lines file of any size and a folder of any
// number of files are read in memory bounded by one article, not by the
// input. Generated from the BBC articles (../shared/data/bbc). Measure at
// the sizes, 1 GB and 100,000 files, with
//
//	STORYLINE_BIG_JSONL_MB=1024 STORYLINE_BIG_FILES=100000 \
//	  go test ./extract -run '^$' -bench BigInputs -benchtime 1x
//
// (add /usr/bin/time -v to a compiled test binary for the peak RSS: go
// test -c -o /tmp/extract.test ./extract, then run it from extract/ with
// -test.run '^$' -test.bench BigInputs -test.benchtime 1x).

// validTexts are the BBC articles in UTF-8 (one, sport/199.txt, is
// Latin-1).
func validTexts(tb testing.TB) []string {
	texts, _ := bbcCorpus(tb)
	valid := texts[:0]
	for _, t := range texts {
		if utf8.ValidString(t) {
			valid = append(valid, t)
		}
	}
	return valid
}

// liveHeap samples the live heap as the last garbage collection found it
// (runtime/metrics /gc/heap/live:bytes): what reading retains, not the
// garbage it leaves between collections.
type liveHeap struct {
	s    []metrics.Sample
	peak uint64
}

func newLiveHeap() *liveHeap {
	runtime.GC()
	h := &liveHeap{s: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	h.sample()
	return h
}

func (h *liveHeap) sample() uint64 {
	metrics.Read(h.s)
	v := h.s[0].Value.Uint64()
	h.peak = max(h.peak, v)
	return v
}

// writeBigJSONL writes a JSON Lines file of about size bytes: the BBC
// articles over and over, each line numbered so that no two are equal.
func writeBigJSONL(tb testing.TB, path string, texts []string, size int64) (lines int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var written int64
	for written < size {
		text := texts[lines%len(texts)]
		title, body, _ := strings.Cut(text, "\n")
		line, err := json.Marshal(map[string]string{
			"title": fmt.Sprintf("%s (%d)", strings.TrimSpace(title), lines),
			"text":  body,
			"date":  fmt.Sprintf("2005-%02d-%02d", 1+lines%12, 1+lines%28),
		})
		if err != nil {
			tb.Fatal(err)
		}
		n, _ := w.Write(append(line, '\n'))
		written += int64(n)
		lines++
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return lines
}

// writeManyFiles writes n small text files, a thousand to a folder, each
// of k BBC articles.
func writeManyFiles(tb testing.TB, dir string, texts []string, n, k int) (size int64) {
	tb.Helper()
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				tb.Fatal(err)
			}
		}
		var b strings.Builder
		for j := 0; j < k; j++ {
			fmt.Fprintf(&b, "%s\n(copy %d)\n\n", texts[(i*k+j)%len(texts)], i)
		}
		text := b.String()
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%06d.txt", i)), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
		size += int64(len(text))
	}
	return size
}

// streamRead reads paths with ReadInputsFunc, dropping each article, and
// returns the count, the errors and how much the live heap grew at its
// peak (sampled after every 64 articles) over what it was before.
func streamRead(tb testing.TB, paths ...string) (n int, errs []error, growth uint64) {
	tb.Helper()
	mem := newLiveHeap()
	base := mem.peak
	_, err := ReadInputsFunc(context.Background(), paths, nil, func(in Input) error {
		if n++; n%64 == 0 {
			mem.sample()
		}
		return nil
	}, func(err error) { errs = append(errs, err) })
	if err != nil {
		tb.Fatal(err)
	}
	mem.sample()
	return n, errs, mem.peak - base
}

// TestBigInputsStream reads a 96 MB JSON Lines file and a folder of 3,000
// files, 110 MB: the live heap grows by 6-14 MB at its peak (what
// garbage collection counts as live includes what is allocated while it
// marks), where ReadInputs, holding every article, grows by 107 and 113
// MB. The bound is a third of the input.
func TestBigInputsStream(t *testing.T) {
	texts := validTexts(t)
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	lines := writeBigJSONL(t, feed, texts, 96<<20)
	folder := filepath.Join(dir, "many")
	writeManyFiles(t, folder, texts, 3000, 16) // 3,000 files of 37 KB, 110 MB
	for _, tc := range []struct {
		path string
		want int
		max  uint64 // peak live heap, bytes
	}{
		{feed, lines, 32 << 20},
		{folder, 3000, 32 << 20},
	} {
		n, errs, peak := streamRead(t, tc.path)
		if n != tc.want || len(errs) > 0 {
			t.Errorf("%s: %d articles, want %d; errors %v", filepath.Base(tc.path), n, tc.want, errs)
		}
		if peak > tc.max {
			t.Errorf("%s: the live heap grew by %d MB, over %d MB: reading does not stream", filepath.Base(tc.path), peak>>20, tc.max>>20)
		}
		t.Logf("%s: %d articles, live heap grew by %.2f MB at most", filepath.Base(tc.path), n, float64(peak)/(1<<20))
	}
}

// BenchmarkBigInputs reads a generated JSON Lines file
// ($STORYLINE_BIG_JSONL_MB, default 64) and folder of small files
// ($STORYLINE_BIG_FILES, default 5,000), reporting MB/s, articles per
// second and how much the live heap grew at its peak.
func BenchmarkBigInputs(b *testing.B) {
	texts := validTexts(b)
	envInt := func(name string, def int) int {
		if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
			return v
		}
		return def
	}
	dir := b.TempDir()
	start := time.Now()
	feed := filepath.Join(dir, "feed.jsonl")
	writeBigJSONL(b, feed, texts, int64(envInt("STORYLINE_BIG_JSONL_MB", 64))<<20)
	folder := filepath.Join(dir, "many")
	files := envInt("STORYLINE_BIG_FILES", 5000)
	folderSize := writeManyFiles(b, folder, texts, files, 1)
	b.Logf("generated in %s", time.Since(start).Round(time.Millisecond))
	fi, err := os.Stat(feed)
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		size       int64
	}{
		{"jsonl", feed, fi.Size()},
		{fmt.Sprintf("files-%d", files), folder, folderSize},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(tc.size)
			var peak uint64
			n := 0
			for i := 0; i < b.N; i++ {
				var errs []error
				var p uint64
				n, errs, p = streamRead(b, tc.path)
				if len(errs) > 0 {
					b.Fatalf("%d errors: %v", len(errs), errs[0])
				}
				peak = max(peak, p)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(peak)/(1<<20), "live-heap-growth-MB")
			b.ReportMetric(float64(tc.size)/(1<<20), "input-MB")
		})
	}
}

// A JSON Lines file is limited by line, not as a whole; a line over the
// limit is an error for that line alone. Blank files of any size are
// empty; stdin streams too; an error from the consumer stops reading.
func TestJSONLStreamLimits(t *testing.T) {
	dir := t.TempDir()
	line := func(text string) string { return `{"text": "` + text + `"}` + "\n" }
	feed := filepath.Join(dir, "feed.jsonl")
	// 3 lines of 60 bytes, one of 300, 3 more: 480 bytes in all.
	content := strings.Repeat(line(strings.Repeat("a", 47)), 3) + line(strings.Repeat("b", 287)) + strings.Repeat(line(strings.Repeat("c", 47)), 3)
	if err := os.WriteFile(feed, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	blank := filepath.Join(dir, "blank.jsonl")
	if err := os.WriteFile(blank, []byte(strings.Repeat(" \n", 10000)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &inputReader{seen: map[string]bool{}, maxSize: 100}
	r.readFile(context.Background(), feed, formatJSONL)
	r.readFile(context.Background(), blank, formatJSONL)
	// Sniffed from stdin: past the 8 KB the sniffing reads, streamed.
	r.readStdin(context.Background(), strings.NewReader(strings.Repeat(line("stdin line"), 1000)))
	want := []string{feed + ":4: file too large (a line over 100 bytes)", blank + ": empty file"}
	if diff := fmt.Sprint(rdErrStrings(t, r.errs)); diff != fmt.Sprint(want) {
		t.Errorf("errors %s, want %s", diff, want)
	}
	if len(r.ins) != 1006 || r.ins[3].Name != feed+":5" || r.ins[1005].Name != "-:1000" {
		t.Errorf("%d articles (want 1006)", len(r.ins))
	}
	// The consumer's error stops reading at once.
	n := 0
	stop := fmt.Errorf("enough")
	_, err := ReadInputsFunc(context.Background(), []string{feed, feed + "x"}, nil, func(Input) error {
		if n++; n == 2 {
			return stop
		}
		return nil
	}, func(err error) { t.Errorf("error after the consumer stopped: %v", err) })
	if err != stop || n != 2 {
		t.Errorf("ReadInputsFunc returned %v after %d articles, want %v after 2", err, n, stop)
	}
}
