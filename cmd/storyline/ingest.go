package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

func newIngestCmd() *cobra.Command {
	var date, source, show string
	var timing, quiet, asJSON bool
	workers := 0
	maxBytes := defaultMaxArticleBytes
	cmd := &cobra.Command{
		Use:   "ingest [--date YYYY-MM-DD] [--source NAME] PATH...|-",
		Short: "Extract articles and store them in the graph",
		Long: `Ingest reads articles from files, folders (recursively: .txt, .html, .htm,
.jsonl, .ndjson) or standard input ("-"), extracts dates, entities, events and
relations, reconciles them with what the store already holds, and writes each
article whole within one transaction (up to 32 articles share one). Articles
are read as they are ingested, at most 1,024 at a time (dated ones first within
each such window), so a JSON Lines feed or a folder of any size streams. It ends with a one-line summary on stderr;
--timeline then prints the whole store's timeline on stdout. The first non-empty line of a text file is
its headline. Ingesting the same content twice changes nothing.

Inputs that cannot be read or extracted, and articles longer than
--max-article-bytes, are reported one per line on stderr; the others are
still stored, and the exit status is 3. When no input holds an article
(an empty folder, a pattern that matched nothing) nothing is stored and
the exit status is 4.`,
		Example: `  storyline ingest testdata/seeds/
  storyline --db /tmp/seeds.db ingest --timeline text testdata/seeds/
  storyline ingest --date 2015-11-30 --source "Press TV" article.txt
  curl -s https://example.org/story.html | storyline ingest -
  storyline --db postgres://user@localhost/storyline ingest feed.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if show != "" && show != "json" && show != "text" {
				return usageErrorf("--timeline %q: want json or text", show)
			}
			if date != "" {
				if _, err := time.Parse("2006-01-02", date); err != nil {
					return usageErrorf("--date %q: not a date in the form YYYY-MM-DD", date)
				}
			}
			if maxBytes <= 0 {
				return usageErrorf("--max-article-bytes %d: want a positive number of bytes", maxBytes)
			}
			if workers < 0 {
				return usageErrorf("--workers %d: want 0 (one per core) or more", workers)
			}
			ctx := cmd.Context()
			began := time.Now()
			// Articles are read as they are ingested, a window at a time:
			// a feed of any size streams.
			rctx, stopReading := context.WithCancel(ctx)
			defer stopReading()
			stderr := &syncWriter{w: cmd.ErrOrStderr()}
			feed := readFeed(rctx, cmd, stderr, args, maxBytes, func(in *extract.Input) {
				if date != "" {
					in.Date, in.DateSource = date, "flag"
				}
				if source != "" {
					in.Source = source
				}
			})
			first, ok := <-feed.ch
			if !ok {
				feed.wait()
				if err := ctx.Err(); err != nil {
					return err
				}
				return &exitError{code: exitNoInput, err: fmt.Errorf("ingest: nothing stored: no article could be read from %s", strings.Join(args, " "))}
			}
			store, err := openStore(cmd, false)
			if err != nil {
				return err
			}
			defer store.Close()
			p, err := extract.New()
			if err != nil {
				return err
			}
			opt := graph.IngestOptions{Workers: workers}
			finishBar := func() {}
			if f, ok := cmd.ErrOrStderr().(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
				opt.Progress, finishBar = progressBar(f, feed.bytes)
			}
			finishTiming := func() {}
			if timing {
				opt.Progress, finishTiming = timePerHundred(stderr, opt.Progress)
			}
			pending := &first
			next := func() (extract.Input, bool) {
				if pending != nil {
					in := *pending
					pending = nil
					return in, true
				}
				in, ok := <-feed.ch
				return in, ok
			}
			sum, ingestErrs := store.IngestFrom(ctx, p, next, opt)
			finishBar()
			finishTiming()
			stopReading()
			readErrs := feed.wait()
			for _, err := range ingestErrs {
				var se *graph.StoreError
				if errors.As(err, &se) {
					// The store itself failed: that is the command's error.
					return se
				}
				fmt.Fprintln(cmd.ErrOrStderr(), "storyline: "+oneLine(err.Error()))
			}
			if sum != nil && asJSON {
				if err := writeIngestJSON(cmd.OutOrStdout(), sum, readErrs, ingestErrs, time.Since(began)); err != nil {
					return err
				}
			} else if sum != nil && !quiet {
				fmt.Fprintln(cmd.ErrOrStderr(), sum.String())
			}
			if show != "" && !asJSON {
				if err := timeline.Stream(ctx, store, timeline.Filter{}, cmd.OutOrStdout(), show == "text"); err != nil {
					return err
				}
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if n := len(readErrs) + len(ingestErrs); n > 0 {
				code := exitSomeFailed
				if sum != nil && len(ingestErrs) >= sum.Read {
					code = exitNoInput
				}
				read := len(readErrs)
				if sum != nil {
					read += sum.Read
				}
				return &exitError{code: code, err: fmt.Errorf("ingest: %d of %d inputs failed (see above)", n, read)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the articles' publication date, YYYY-MM-DD (default: found in the text)")
	cmd.Flags().StringVar(&source, "source", "", "the outlet that published the articles (default: named in the text, if it is)")
	cmd.Flags().StringVar(&show, "timeline", "", "then print the store's timeline: json or text")
	addTimeAnchorFlag(cmd)
	cmd.Flags().IntVar(&maxBytes, "max-article-bytes", defaultMaxArticleBytes, "skip, with a warning, an article whose text is longer than this")
	cmd.Flags().IntVar(&workers, "workers", 0, "articles extracted at once (0: one per core); the stored result does not depend on it")
	cmd.Flags().BoolVar(&quiet, "quiet", false, "no progress bar and no summary line (errors are still reported)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the run's summary as JSON on stdout (articles, skipped and failed with reasons, events, merges, copies, seconds)")
	cmd.MarkFlagsMutuallyExclusive("json", "timeline")
	cmd.Flags().BoolVar(&timing, "timing", false, "print the seconds each hundred articles took, to see whether ingest slows as the store grows")
	return cmd
}

// defaultMaxArticleBytes bounds one article's text: a news article is
// rarely over 50 KB, and the whole pipeline takes about a second per MB.
const defaultMaxArticleBytes = 1 << 20

// timePerHundred wraps a progress callback to print, after every hundred
// articles, how long they took; finish prints the last, shorter run.
func timePerHundred(w io.Writer, next func(done, total int)) (progress func(done, total int), finish func()) {
	start, from, last := time.Now(), 0, 0
	print := func(done int) {
		d := time.Since(start)
		fmt.Fprintf(w, "articles %d-%d: %.1f s, %.0f ms per article\n", from+1, done, d.Seconds(),
			float64(d.Milliseconds())/float64(done-from))
		start, from = time.Now(), done
	}
	progress = func(done, total int) {
		if next != nil {
			next(done, total)
		}
		last = done
		if done%100 == 0 || done == total {
			print(done)
		}
	}
	finish = func() {
		if last > from {
			print(last)
		}
	}
	return progress, finish
}

// progressBar is a progress callback drawing a spinner on a terminal:
// articles done, articles per second and MB/s (from bytes, the number of
// bytes of text read so far); the number of articles of a streamed feed
// is not known, so there is no time left. finish clears it.
func progressBar(f *os.File, bytes func() int64) (progress func(done, total int), finish func()) {
	var bar *progressbar.ProgressBar
	start := time.Now()
	progress = func(done, total int) {
		if bar == nil {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(f),
				progressbar.OptionSetDescription("ingesting"), progressbar.OptionShowCount(),
				progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
				progressbar.OptionClearOnFinish(),
				progressbar.OptionSpinnerType(14), progressbar.OptionThrottle(100*time.Millisecond))
		}
		if secs := time.Since(start).Seconds(); secs > 0 {
			bar.Describe(fmt.Sprintf("ingesting %.2f MB/s", float64(bytes())/1e6/secs))
		}
		_ = bar.Set(done)
	}
	finish = func() {
		if bar != nil {
			_ = bar.Finish()
		}
	}
	return progress, finish
}

// syncWriter serialises writes from the reading goroutine and the ingest.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}

// feed is the articles of an ingest, read in a goroutine as the ingest
// takes them.
type feed struct {
	ch   chan extract.Input
	done chan struct{}
	read atomic.Int64 // bytes of text read
	mu   sync.Mutex
	errs []error // inputs that could not be read or were dropped
}

// bytes is the number of bytes of article text read so far.
func (f *feed) bytes() int64 { return f.read.Load() }

// wait waits for the reading to end and returns the inputs that could not
// be read or were dropped (each already reported on one line).
func (f *feed) wait() []error {
	<-f.done
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.errs
}

// readFeed reads the inputs args name (stdin for "-") in a goroutine and
// hands each article, set by with, on the feed's channel, which is closed
// at the end or when ctx is cancelled. Articles over maxBytes are dropped.
// Each input that cannot be read, and each article dropped, is reported
// on stderr on one line; warnings (an article read in part) as well.
func readFeed(ctx context.Context, cmd *cobra.Command, stderr io.Writer, args []string, maxBytes int, with func(*extract.Input)) *feed {
	f := &feed{ch: make(chan extract.Input), done: make(chan struct{})}
	fail := func(err error) {
		f.mu.Lock()
		f.errs = append(f.errs, err)
		f.mu.Unlock()
		fmt.Fprintln(stderr, "storyline: "+oneLine(err.Error()))
	}
	go func() {
		defer close(f.done)
		defer close(f.ch)
		stats, _ := extract.ReadInputsFunc(ctx, args, cmd.InOrStdin(), func(in extract.Input) error {
			if len(in.Text) > maxBytes {
				fail(&graph.ArticleError{Input: in.Name,
					Err: fmt.Errorf("%s: skipped: the article's text is %d bytes, over --max-article-bytes %d", in.Name, len(in.Text), maxBytes)})
				return nil
			}
			with(&in)
			select {
			case f.ch <- in:
				f.read.Add(int64(len(in.Text)))
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, fail)
		for _, w := range stats.Warnings {
			fmt.Fprintln(stderr, "storyline: "+oneLine(w.Error()))
		}
	}()
	return f
}

// ingestReport is the JSON summary of an ingest run (--json). Its field
// names are stable.
type ingestReport struct {
	Articles int             `json:"articles"` // inputs read
	Stored   int             `json:"stored"`   // articles written
	Skipped  int             `json:"skipped"`  // already stored: same content
	Failed   []ingestFailure `json:"failed"`   // inputs not stored, with why
	Events   int             `json:"events"`
	Entities int             `json:"entities"`
	Merged   int             `json:"merged_events"` // events joined to another article's
	Copies   int             `json:"copies"`
	Redated  int             `json:"redated"` // stored copies given their original's date
	Seconds  float64         `json:"seconds"`
}

// ingestFailure is one input that was not stored.
type ingestFailure struct {
	Input  string `json:"input,omitempty"`
	Reason string `json:"reason"`
}

func writeIngestJSON(w io.Writer, sum *graph.IngestSummary, readErrs, ingestErrs []error, took time.Duration) error {
	r := ingestReport{
		Articles: sum.Read + len(readErrs), Stored: sum.Stored, Skipped: sum.Skipped,
		Failed: []ingestFailure{}, Events: sum.Events, Entities: sum.Entities,
		Merged: sum.MergedEvents, Copies: sum.Copies, Redated: sum.Redated,
		Seconds: math.Round(took.Seconds()*1000) / 1000,
	}
	for _, err := range append(append([]error(nil), readErrs...), ingestErrs...) {
		r.Failed = append(r.Failed, failureOf(err))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// failureOf splits "input: reason" errors into the input and the reason.
func failureOf(err error) ingestFailure {
	var re *extract.ReadError
	if errors.As(err, &re) {
		in := re.Path
		if re.Line > 0 {
			in = fmt.Sprintf("%s:%d", re.Path, re.Line)
		}
		return ingestFailure{Input: in, Reason: oneLine(re.Err.Error())}
	}
	var ae *graph.ArticleError
	if errors.As(err, &ae) {
		return ingestFailure{Input: ae.Input, Reason: oneLine(ae.Reason())}
	}
	return ingestFailure{Reason: oneLine(err.Error())}
}
