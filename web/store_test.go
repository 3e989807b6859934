package web

import (
	"context"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/cayleygraph/cayley/clog"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/graph"
)

// The seed articles: an outlet's report of the Obama–Putin meeting and
// another outlet's near-copy of it.
var seedFiles = []string{
	"../testdata/seeds/presstv-obama-putin.txt",
	"../testdata/seeds/peoplesvoice-copy-obama-putin.txt",
}

var (
	pipelineOnce sync.Once
	pipeline     *extract.Pipeline
	pipelineErr  error
)

// ingestStore ingests paths into a new store in a temporary folder and
// returns it opened read-only, as serve opens it.
func ingestStore(t testing.TB, paths ...string) *graph.Store {
	t.Helper()
	db := filepath.Join(t.TempDir(), "web.db")
	ingestInto(t, db, paths...)
	return openReadOnly(t, db)
}

// openReadOnly opens the store at db read-only, closed at the end of the
// test.
func openReadOnly(t testing.TB, db string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), db, graph.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// ingestInto ingests paths into the store at db (created if new).
func ingestInto(t testing.TB, db string, paths ...string) {
	t.Helper()
	clog.SetLogger(nil)
	pipelineOnce.Do(func() { pipeline, pipelineErr = extract.New() })
	if pipelineErr != nil {
		t.Fatalf("pipeline: %v", pipelineErr)
	}
	ctx := context.Background()
	w, err := graph.Open(ctx, db, graph.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	inputs, errs := extract.ReadInputs(ctx, paths, nil)
	if len(errs) > 0 {
		t.Fatalf("reading %v: %v", paths, errs)
	}
	if _, errs := w.Ingest(ctx, pipeline, inputs, graph.IngestOptions{}); len(errs) > 0 {
		t.Fatalf("ingest: %v", errs)
	}
}

// serveStore serves s on a local test server.
func serveStore(t testing.TB, s *graph.Store) *httptest.Server {
	t.Helper()
	srv, err := New(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// serveListening serves s as `storyline serve` does, with Serve on a
// local port, and returns its URL and a stop that ends Serve and returns
// its error.
func serveListening(t testing.TB, s *graph.Store) (string, func() error) {
	t.Helper()
	srv, err := New(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	stop := sync.OnceValue(func() error {
		cancel()
		return <-done
	})
	t.Cleanup(func() { _ = stop() })
	return "http://" + ln.Addr().String(), stop
}

// xssArticle writes an article whose headline, outlet, URL and text carry
// script: each payload, if it ran, would set window.__pwned.
func xssArticle(t testing.TB) string {
	t.Helper()
	line := `{"title": "<script>window.__pwned='title'</script> Minister resigns over \"><img src=x onerror=\"window.__pwned='img'\"> row", ` +
		`"source": "\"><img src=x onerror=\"window.__pwned='outlet'\">", ` +
		`"url": "javascript:window.__pwned='url'", "date": "2020-03-04", ` +
		`"text": "The transport minister John Smith resigned in London on Tuesday after the <script>window.__pwned='text'</script> report. ` +
		`Critics said the \"><img src=x onerror=\"window.__pwned='text-img'\"> contract broke the rules. ` +
		`Prime Minister Anna Jones accepted the resignation of John Smith on Wednesday, and a link javascript:window.__pwned='link' circulated."}` + "\n"
	path := filepath.Join(t.TempDir(), "xss.jsonl")
	if err := os.WriteFile(path, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
