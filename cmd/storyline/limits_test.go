package main

// Limits: a Gizmo query ends (timeout, result limit, Ctrl-C) and cannot
// write; exit statuses tell usage errors, failed inputs and nothing read
// apart.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/storyline/storyline/graph"
)

// runMain runs the storyline command as a child process (the test binary,
// see TestMain) and returns its output and exit status.
func runMain(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), "STORYLINE_TEST_MAIN=1")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("storyline %s did not end within 2 minutes", strings.Join(args, " "))
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("running storyline %s: %v", strings.Join(args, " "), err)
	}
	return out.String(), errOut.String(), code
}

// oneErrorLine checks that stderr is one line holding each of want.
func oneErrorLine(t *testing.T, stderr string, want ...string) {
	t.Helper()
	if strings.Count(strings.TrimRight(stderr, "\n"), "\n") != 0 {
		t.Errorf("stderr is not one line: %q", stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr %q does not say %q", stderr, w)
		}
	}
}

func TestQueryTimeout(t *testing.T) {
	db := ingestSeeds(t, seedCopy)
	// A real process: it ends, with a non-zero status and one line.
	start := time.Now()
	stdout, stderr, code := runMain(t, "", "--db", db, "query", "--timeout", "1s", "while(true){}")
	if code != exitFailure || stdout != "" {
		t.Errorf("while(true){} exited %d with stdout %q, want %d and nothing", code, stdout, exitFailure)
	}
	oneErrorLine(t, stderr, "storyline: query: timed out after 1s", "--timeout")
	t.Logf("ended after %s", time.Since(start).Round(time.Millisecond))
	// Every way of looping in a script is stopped.
	for _, q := range []string{
		`for (;;) {}`,
		`function f() { return f(); } while (true) { try { f() } catch (e) {} }`,
		`g.V().ForEach(function(v) { while (true) {} })`,
		`var a = []; while (true) { a.push(g.V().ToArray().length) }`,
	} {
		_, err := runCLI(t, "", "--db", db, "query", "--timeout", "300ms", q)
		if err == nil || !strings.Contains(err.Error(), "timed out after 300ms") {
			t.Errorf("%s: error %v, want a timeout", q, err)
		}
	}
	for _, cmd := range commands() {
		if name := cmd.Name(); name == "query" || name == "repl" {
			if f := cmd.Flags().Lookup("timeout"); f == nil || f.DefValue != "30s" {
				t.Errorf("%s --timeout default: %v, want 30s", name, f)
			}
		}
	}
}

func TestQueryResultLimit(t *testing.T) {
	db := ingestSeeds(t, seedCopy)
	all, stderr, err := cli(t, "", "--db", db, "query", `g.V().All()`)
	if err != nil || stderr != "" {
		t.Fatalf("query: %v, stderr %q", err, stderr)
	}
	n := strings.Count(all, "\n")
	if n < 10 {
		t.Fatalf("only %d nodes in the store", n)
	}
	out, stderr, err := cli(t, "", "--db", db, "query", "--limit", "5", `g.V().All()`)
	if err != nil || strings.Count(out, "\n") != 5 {
		t.Errorf("--limit 5: %d results, %v", strings.Count(out, "\n"), err)
	}
	oneErrorLine(t, stderr, "first 5 results", "--limit")
	// Exactly as many as there are: no note.
	_, stderr, err = cli(t, "", "--db", db, "query", "--limit", fmt.Sprint(n), `g.V().All()`)
	if err != nil || stderr != "" {
		t.Errorf("--limit %d of %d: %v, stderr %q", n, n, err, stderr)
	}
	// A script that emits for ever stops at the limit (the default).
	out, stderr, err = cli(t, "", "--db", db, "query", `var i = 0; while (true) { g.Emit(i++) }`)
	if err != nil || strings.Count(out, "\n") != defaultQueryLimit {
		t.Errorf("endless g.Emit: %d results, %v", strings.Count(out, "\n"), err)
	}
	oneErrorLine(t, stderr, fmt.Sprintf("first %d results", defaultQueryLimit))
	for _, args := range [][]string{{"--limit", "-1"}, {"--timeout", "-1s"}, {"--timeout", "soon"}} {
		_, _, err := cli(t, "", append([]string{"--db", db, "query"}, append(args, `g.V().All()`)...)...)
		if exitCode(err) != exitUsage {
			t.Errorf("query %v: %v (exit %d), want a usage error", args, err, exitCode(err))
		}
	}
}

// A query cannot change the store: Gizmo has no method that writes, Go
// objects behind the script expose none, and the store is opened
// read-only.
func TestQueryCannotWrite(t *testing.T) {
	db := ingestSeeds(t, seedCopy)
	before := mustCLI(t, "--db", db, "export", "--format", "nquads")
	// The names a script can reach on the graph and path objects.
	out := mustCLI(t, "--db", db, "query", `var p = g.V(); var n = []; for (var k in g) n.push("g." + k); for (var k in p) n.push("path." + k); g.Emit(n.join(" "))`)
	for _, w := range []string{"write", "add", "remove", "delete", "insert", "set", "apply", "quad", "exec", "sql"} {
		for _, name := range strings.Fields(strings.Trim(out, "\"\n")) {
			// Namespaces are the session's IRI prefixes, not the store's.
			if strings.Contains(strings.ToLower(name), w) && !strings.HasSuffix(name, "Namespace") && !strings.HasSuffix(name, "Namespaces") {
				t.Errorf("a script can reach %s", name)
			}
		}
	}
	for _, q := range []string{
		`g.AddQuad("<a>", "<b>", "<c>")`,
		`g.Write(["<a>", "<b>", "<c>"])`,
		`g.V().Write()`,
		`g.V().RemoveQuad()`,
		`graph.s.qs.ApplyDeltas([])`,
		`g.constructor.constructor("return this")().qs.ApplyDeltas([])`,
	} {
		if _, err := runCLI(t, "", "--db", db, "query", q); err == nil {
			t.Errorf("%s: no error", q)
		}
	}
	if after := mustCLI(t, "--db", db, "export", "--format", "nquads"); after != before {
		t.Error("a query changed the store")
	}
}

// lineScript is a REPL input that runs a hook after giving each line.
type lineScript struct {
	lines []string
	after func(i int)
	i     int
}

func (s *lineScript) readLine(string) (string, error) {
	if s.i >= len(s.lines) {
		return "", io.EOF
	}
	s.i++
	if s.after != nil {
		go s.after(s.i - 1)
	}
	return s.lines[s.i-1], nil
}

func (s *lineScript) remember(string) {}

// Ctrl-C stops the running query and the REPL goes on.
func TestReplInterruptStopsQuery(t *testing.T) {
	path, _ := buildStore(t)
	store := openTestStore(t, path)
	interrupt := make(chan os.Signal, 1)
	var out bytes.Buffer
	r := &repl{s: store, out: &out, lim: queryLimits{timeout: time.Minute, limit: 100}, interrupt: interrupt}
	in := &lineScript{
		lines: []string{`while (true) {}`, `:timeline Turkey`, `g.V("<entity/gpe/tr>").Out("<name>").All()`},
		after: func(i int) {
			if i == 0 {
				time.Sleep(300 * time.Millisecond)
				interrupt <- os.Interrupt
			}
		},
	}
	done := make(chan error, 1)
	go func() { done <- r.run(context.Background(), in) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(50 * time.Second):
		t.Fatal("Ctrl-C did not stop the query")
	}
	got := out.String()
	for _, w := range []string{"error: query: interrupted\n", "Turkey shot down", "\"Turkey\"\n(1 result)\n"} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
}

// The same with a real process and a real SIGINT: the REPL survives it.
func TestReplSIGINT(t *testing.T) {
	db := ingestSeeds(t, seedCopy)
	cmd := exec.Command(os.Args[0], "--db", db, "repl", "--timeout", "2m")
	cmd.Env = append(os.Environ(), "STORYLINE_TEST_MAIN=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	// Once the REPL answers, it has its signal handler.
	io.WriteString(stdin, ":help\n")
	waitFor(t, &out, "Shortcuts:")
	io.WriteString(stdin, "while (true) {}\n")
	time.Sleep(500 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &out, "error: query: interrupted")
	io.WriteString(stdin, "g.Emit(42)\n:quit\n")
	stdin.Close()
	errc := make(chan error, 1)
	go func() { errc <- cmd.Wait() }()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("the REPL exited with %v:\n%s", err, out.String())
		}
	case <-time.After(time.Minute):
		t.Fatalf("the REPL did not end:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "(1 result)") {
		t.Errorf("the query after Ctrl-C did not run:\n%s", out.String())
	}
}

// openTestStore opens a store read-only for the length of the test.
func openTestStore(t *testing.T, path string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), path, graph.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitFor(t *testing.T, b *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if strings.Contains(b.String(), want) {
			return
		}
	}
	t.Fatalf("no %q in:\n%s", want, b.String())
}

// Exit statuses: 0 done, 1 failed, 2 usage error, 3 some inputs failed,
// 4 nothing could be read.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	notes := filepath.Join(dir, "notes")
	for _, d := range []string{empty, notes} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(notes, "README.txt"), "not an article")
	writeFile(t, filepath.Join(notes, "photo.jpg"), "\xff\xd8")
	db := filepath.Join(dir, "s.db")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string // on stderr
	}{
		{"unknown command", []string{"ingets", seedCopy}, exitUsage, []string{"unknown command"}},
		{"unknown flag", []string{"ingest", "--bogus", seedCopy}, exitUsage, []string{"--bogus"}},
		{"no arguments", []string{"ingest"}, exitUsage, []string{"requires at least 1 arg"}},
		{"bad --date", []string{"ingest", "--date", "30/11/2015", seedCopy}, exitUsage, []string{"--date"}},
		{"bad --max-article-bytes", []string{"ingest", "--max-article-bytes", "0", seedCopy}, exitUsage, []string{"--max-article-bytes"}},
		{"bad timeline --format", []string{"timeline", "--format", "xml"}, exitUsage, []string{"--format", "xml"}},
		{"bad export --format", []string{"export", "--format", "gexf"}, exitUsage, []string{"--format", "gexf"}},
		{"bad stories --format", []string{"stories", "--format", "xml"}, exitUsage, []string{"--format", "xml"}},
		{"bad annotate --format", []string{"annotate", "--format", "xml", seedCopy}, exitUsage, []string{"--format", "xml"}},
		{"empty folder", []string{"ingest", empty}, exitNoInput, []string{"nothing stored", empty}},
		{"folder without articles", []string{"ingest", notes}, exitNoInput, []string{"nothing stored", notes}},
		{"glob that matched nothing", []string{"ingest", filepath.Join(dir, "*.txt")}, exitNoInput, []string{"*.txt: no such file"}},
		{"only bad files", []string{"ingest", filepath.Join(badDir, "empty.txt"), filepath.Join(badDir, "latin1.txt")}, exitNoInput, []string{"empty.txt", "latin1.txt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runMain(t, "", append([]string{"--db", db}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
			last := strings.TrimRight(stderr, "\n")
			last = last[strings.LastIndex(last, "\n")+1:]
			if !strings.HasPrefix(last, "storyline: ") {
				t.Errorf("the last line of stderr is not the error: %q", last)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a failed ingest created the store")
	}
	// Some inputs failed: the good ones are stored, each failure has its
	// line, then the summary.
	_, stderr, code := runMain(t, "", "--db", db, "ingest", seedCopy, filepath.Join(badDir, "empty.txt"), filepath.Join(dir, "nope.txt"))
	if code != exitSomeFailed {
		t.Errorf("ingest of a good and two bad files: exit %d, want %d\n%s", code, exitSomeFailed, stderr)
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], "empty.txt: empty file") || !strings.Contains(lines[1], "nope.txt: no such file") ||
		!strings.HasPrefix(lines[2], "read 1 article") || lines[3] != "storyline: ingest: 2 of 3 inputs failed (see above)" {
		t.Errorf("stderr:\n%s", stderr)
	}
	if tl := loadTimeline(t, db); len(tl.Documents) != 1 {
		t.Errorf("%d documents stored, want the good one", len(tl.Documents))
	}
	if _, stderr, code := runMain(t, "", "--db", db, "ingest", seedCopy); code != 0 {
		t.Errorf("a good ingest exited %d:\n%s", code, stderr)
	}
	_, stderr, code = runMain(t, "", "--db", db, "query", "g.V((")
	if code != exitFailure {
		t.Errorf("a query error: exit %d, want %d", code, exitFailure)
	}
	oneErrorLine(t, stderr, "SyntaxError")
}

func TestMaxArticleBytes(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "short.txt")
	writeFile(t, short, "Turkey shoots down Russian jet\n\nANKARA, Nov 24 - Turkey shot down a Russian warplane near the Syrian border on Tuesday.\n")
	db := filepath.Join(dir, "s.db")
	_, stderr, err := cli(t, "", "--db", db, "ingest", "--max-article-bytes", "1000", seedOriginal, short)
	if exitCode(err) != exitSomeFailed {
		t.Errorf("exit %d (%v), want %d", exitCode(err), err, exitSomeFailed)
	}
	if !strings.Contains(stderr, "storyline: "+seedOriginal+": skipped: the article's text is ") || !strings.Contains(stderr, "over --max-article-bytes 1000") {
		t.Errorf("stderr does not name the long article:\n%s", stderr)
	}
	tl := loadTimeline(t, db)
	if len(tl.Documents) != 1 || !strings.HasSuffix(tl.Documents[0].File, "short.txt") {
		t.Errorf("stored %+v, want short.txt alone", tl.Documents)
	}
	if f := newIngestCmd().Flags().Lookup("max-article-bytes"); f == nil || f.DefValue != fmt.Sprint(defaultMaxArticleBytes) {
		t.Errorf("--max-article-bytes default: %v", f)
	}
}
