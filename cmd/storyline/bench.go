package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

// benchReport is what `storyline bench` measures; --json prints it.
type benchReport struct {
	Articles  int `json:"articles"`
	TextBytes int `json:"text_bytes"`
	Workers   int `json:"workers"`
	// Extraction alone, on every worker, then per CPU-second.
	ExtractSeconds   float64 `json:"extract_seconds"`
	ExtractMBs       float64 `json:"extract_mb_per_s"`
	ExtractMBsPerCPU float64 `json:"extract_mb_per_cpu_s"`
	// Ingest into a new store (extraction included).
	IngestSeconds     float64   `json:"ingest_seconds"`
	ArticlesPerSecond float64   `json:"ingest_articles_per_s"`
	QuadsPerSecond    float64   `json:"ingest_quads_per_s"`
	IngestOverExtract float64   `json:"ingest_over_extract"`
	MsPerArticle      []float64 `json:"ms_per_article_by_hundred"`
	Quads             int64     `json:"quads"`
	StoreBytes        int64     `json:"store_bytes"`
	StoreBPerArticle  float64   `json:"store_bytes_per_article"`
	StoreBPerTextB    float64   `json:"store_bytes_per_text_byte"`
	// Reading the store back.
	OpenMs     float64 `json:"open_ms"`
	Entity     string  `json:"entity"`
	TimelineMs float64 `json:"timeline_entity_ms"`
	Query      string  `json:"query"`
	QueryMs    float64 `json:"query_ms"`
	PeakRSSMB  float64 `json:"peak_rss_mb"`
}

func newBenchCmd() *cobra.Command {
	var store, entity, query string
	var workers int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "bench [--store PATH] [--entity NAME] [--query GIZMO] PATH...",
		Short: "Measure extraction, ingest and query speed on a corpus",
		Long: `Bench reads the articles at PATH (as ingest does) and measures, on this
machine: extraction alone (MB/s on --workers workers and per CPU-second),
ingest into a new store (articles/s, quads/s, milliseconds per article for
each hundred articles as the store grows, its ratio to extraction alone),
the store's size (bytes per article and per byte of text), opening the
store, timeline --entity (the most mentioned person unless --entity is
given), a Gizmo query, and the process's peak resident memory.

The store is a new SQLite file in a temporary folder, removed at the end,
unless --store names a path (which must not exist yet).`,
		Example: `  storyline bench ../shared/data/bbc/politics
  storyline bench --json --workers 1 feed.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if workers < 0 {
				return usageErrorf("--workers %d: want 0 (one per core) or more", workers)
			}
			if workers == 0 {
				workers = runtime.NumCPU()
			}
			ctx := cmd.Context()
			// Every article is held: extraction and ingest each go over
			// all of them.
			var inputs []extract.Input
			feed := readFeed(ctx, cmd, cmd.ErrOrStderr(), args, defaultMaxArticleBytes, func(*extract.Input) {})
			for in := range feed.ch {
				inputs = append(inputs, in)
			}
			feed.wait()
			if len(inputs) == 0 {
				return &exitError{code: exitNoInput, err: fmt.Errorf("bench: no article could be read from %s", strings.Join(args, " "))}
			}
			if store == "" {
				dir, err := os.MkdirTemp("", "storyline-bench-")
				if err != nil {
					return fmt.Errorf("bench: %w", err)
				}
				defer os.RemoveAll(dir)
				store = filepath.Join(dir, "bench.db")
			} else if _, err := os.Stat(store); err == nil {
				return usageErrorf("--store %s: exists already; bench needs a new store", store)
			}
			r, err := runBench(ctx, cmd.ErrOrStderr(), inputs, store, workers, entity, query)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(r)
			}
			r.writeText(cmd.OutOrStdout())
			return nil
		},
	}
	cmd.Flags().StringVar(&store, "store", "", "write the store here (a new SQLite file) and keep it")
	cmd.Flags().StringVar(&entity, "entity", "", "the entity whose timeline is timed (default: the most mentioned person)")
	cmd.Flags().StringVar(&query, "query", "", `the Gizmo query timed (default: the events the entity is the agent of, counted)`)
	cmd.Flags().IntVar(&workers, "workers", 0, "articles extracted at once (0: one per core)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the figures as JSON")
	return cmd
}

func runBench(ctx context.Context, log io.Writer, inputs []extract.Input, path string, workers int, entity, query string) (*benchReport, error) {
	r := &benchReport{Articles: len(inputs), Workers: workers}
	for _, in := range inputs {
		r.TextBytes += len(in.Text)
	}
	mb := float64(r.TextBytes) / 1e6
	p, err := extract.New()
	if err != nil {
		return nil, err
	}

	fmt.Fprintf(log, "bench: extracting %d articles (%.1f MB) on %d workers\n", len(inputs), mb, workers)
	cpu0, start := cpuTime(), time.Now()
	if err := extractAll(ctx, p, inputs, workers); err != nil {
		return nil, err
	}
	secs, cpu := time.Since(start).Seconds(), (cpuTime() - cpu0).Seconds()
	r.ExtractSeconds, r.ExtractMBs, r.ExtractMBsPerCPU = round3(secs), round3(mb/secs), round3(mb/cpu)

	fmt.Fprintf(log, "bench: ingesting into %s\n", path)
	s, err := graph.Open(ctx, path, graph.OpenOptions{})
	if err != nil {
		return nil, err
	}
	var marks []time.Time
	start = time.Now()
	opt := graph.IngestOptions{Workers: workers, Progress: func(done, total int) {
		if done%100 == 0 || done == total {
			marks = append(marks, time.Now())
		}
	}}
	sum, errs := s.Ingest(ctx, p, inputs, opt)
	secs = time.Since(start).Seconds()
	for _, err := range errs {
		fmt.Fprintln(log, "storyline: "+oneLine(err.Error()))
		var se *graph.StoreError
		if errors.As(err, &se) {
			s.Close()
			return nil, se
		}
	}
	r.IngestSeconds = round3(secs)
	r.ArticlesPerSecond = round3(float64(sum.Read) / secs)
	r.IngestOverExtract = round3(secs / r.ExtractSeconds)
	prev, from := start, 0
	for i, m := range marks {
		to := min((i+1)*100, len(inputs))
		r.MsPerArticle = append(r.MsPerArticle, round3(float64(m.Sub(prev).Milliseconds())/float64(to-from)))
		prev, from = m, to
	}
	if r.Quads, err = s.QuadCount(ctx); err != nil {
		s.Close()
		return nil, err
	}
	r.QuadsPerSecond = round3(float64(r.Quads) / secs)
	if err := s.Close(); err != nil {
		return nil, err
	}
	for _, f := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(f); err == nil {
			r.StoreBytes += fi.Size()
		}
	}
	r.StoreBPerArticle = round3(float64(r.StoreBytes) / float64(max(sum.Stored, 1)))
	r.StoreBPerTextB = round3(float64(r.StoreBytes) / float64(r.TextBytes))

	// The reads are timed as a new process would run them, not while the
	// collector clears up after the ingest.
	runtime.GC()
	start = time.Now()
	s, err = graph.Open(ctx, path, graph.OpenOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	r.OpenMs = ms(time.Since(start))
	if entity == "" {
		if entity, err = mostMentionedPerson(ctx, s); err != nil {
			return nil, err
		}
	}
	r.Entity = entity
	if entity != "" {
		start = time.Now()
		if _, err := timeline.Build(ctx, s, timeline.Filter{Entity: entity}); err != nil {
			return nil, err
		}
		r.TimelineMs = ms(time.Since(start))
		if query == "" {
			ents, err := s.FindEntity(ctx, entity)
			if err != nil || len(ents) == 0 {
				return nil, fmt.Errorf("bench: entity %q: %v", entity, err)
			}
			query = fmt.Sprintf(`g.V(%s).In("agent").Count()`, strconv.Quote(ents[0].IRI))
		}
	}
	if query != "" {
		r.Query = query
		start = time.Now()
		if _, _, err := runQuery(ctx, s, query, queryLimits{timeout: defaultQueryTimeout, limit: defaultQueryLimit}); err != nil {
			return nil, err
		}
		r.QueryMs = ms(time.Since(start))
	}
	r.PeakRSSMB = peakRSSMB()
	return r, nil
}

// extractAll runs the pipeline over inputs on workers goroutines.
func extractAll(ctx context.Context, p *extract.Pipeline, inputs []extract.Input, workers int) error {
	jobs := make(chan extract.Input)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				_, _ = p.Annotate(ctx, in) // failures are ingest's to report
			}
		}()
	}
	for _, in := range inputs {
		if ctx.Err() != nil {
			break
		}
		jobs <- in
	}
	close(jobs)
	wg.Wait()
	return ctx.Err()
}

// mostMentionedPerson is the name of the person entity with the most
// mentions, or "" when the store has none.
func mostMentionedPerson(ctx context.Context, s *graph.Store) (string, error) {
	ents, err := s.Entities(ctx)
	if err != nil {
		return "", err
	}
	best, n := "", 0
	for _, e := range ents {
		if e.Type == "PERSON" && e.Mentions > n {
			best, n = e.Name, e.Mentions
		}
	}
	return best, nil
}

func (r *benchReport) writeText(w io.Writer) {
	fmt.Fprintf(w, "articles                 %d (%.2f MB of text)\n", r.Articles, float64(r.TextBytes)/1e6)
	fmt.Fprintf(w, "extraction alone         %.2f s: %.2f MB/s on %d workers, %.2f MB per CPU-second\n", r.ExtractSeconds, r.ExtractMBs, r.Workers, r.ExtractMBsPerCPU)
	fmt.Fprintf(w, "ingest                   %.2f s: %.1f articles/s, %.0f quads/s, %.1fx extraction alone\n", r.IngestSeconds, r.ArticlesPerSecond, r.QuadsPerSecond, r.IngestOverExtract)
	var hs []string
	for _, m := range r.MsPerArticle {
		hs = append(hs, strconv.FormatFloat(m, 'f', 0, 64))
	}
	fmt.Fprintf(w, "ms per article by 100    %s\n", strings.Join(hs, " "))
	fmt.Fprintf(w, "store                    %d quads, %.1f MB: %.0f bytes per article, %.0f per byte of text\n", r.Quads, float64(r.StoreBytes)/1e6, r.StoreBPerArticle, r.StoreBPerTextB)
	fmt.Fprintf(w, "open store               %.1f ms\n", r.OpenMs)
	fmt.Fprintf(w, "timeline --entity        %.1f ms (%s)\n", r.TimelineMs, r.Entity)
	fmt.Fprintf(w, "Gizmo query              %.1f ms (%s)\n", r.QueryMs, r.Query)
	fmt.Fprintf(w, "peak RSS                 %.0f MB\n", r.PeakRSSMB)
}

func ms(d time.Duration) float64 { return round3(float64(d.Microseconds()) / 1000) }

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// cpuTime is the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSSMB is the process's peak resident set (Linux: VmHWM), in MB,
// or 0 where it cannot be read.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return round3(kb / 1024)
		}
	}
	return 0
}
