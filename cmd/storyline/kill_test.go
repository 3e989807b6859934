package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/storyline/storyline/graph"
)

// When STORYLINE_TEST_MAIN is set, the test binary is the storyline
// command: TestIngestKilled runs it as a child process it can kill.
func TestMain(m *testing.M) {
	if os.Getenv("STORYLINE_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A writer killed mid-ingest leaves no half-written article: every
// article's quads are one transaction, so ingesting the same files again
// completes the store, and it ends up exactly as an uninterrupted ingest.
func TestIngestKilled(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "articles")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	// Distinct articles: pairs of seed paragraphs, dated by flag, enough
	// of them that the run lasts long enough to be killed in the middle.
	paras := seedParagraphs(t)
	n := 0
	for i := 0; i < len(paras) && n < 120; i++ {
		for j := i + 1; j < len(paras) && n < 120; j++ {
			n++
			writeFile(t, filepath.Join(in, fmt.Sprintf("%03d.txt", n)),
				fmt.Sprintf("Report %d on the Su-24 crisis\n\n%s\n\n%s\n", n, paras[i], paras[j]))
		}
	}
	if n < 60 {
		t.Fatalf("only %d articles", n)
	}
	killed := filepath.Join(dir, "killed.db")
	clean := filepath.Join(dir, "clean.db")
	cmd := exec.Command(os.Args[0], "--db", killed, "ingest", "--date", "2015-11-30", in)
	cmd.Env = append(os.Environ(), "STORYLINE_TEST_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once a few articles are stored: the next one is then being
	// written or about to be.
	ctx := context.Background()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if s, err := graph.Open(ctx, killed, graph.OpenOptions{ReadOnly: true}); err == nil {
			docs, err := s.Documents(ctx)
			s.Close()
			if err == nil && len(docs) >= 3 {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	left := articleQuads(t, killed)

	// Whatever the kill left is readable and consistent.
	tl := loadTimeline(t, killed)
	for _, e := range tl.Events {
		for _, s := range e.Sources {
			found := false
			for _, d := range tl.Documents {
				found = found || d.ID == s.Document
			}
			if !found {
				t.Errorf("event %s reported by %s, which is not stored", e.ID, s.Document)
			}
		}
	}
	t.Logf("the killed ingest left %d of %d articles", len(tl.Documents), n)
	if len(tl.Documents) >= n {
		t.Log("the ingest finished before it was killed: only the re-ingest is checked")
	}
	mustCLI(t, "--db", killed, "ingest", "--date", "2015-11-30", in)
	mustCLI(t, "--db", clean, "ingest", "--date", "2015-11-30", in)
	if a, b := mustCLI(t, "--db", killed, "timeline"), mustCLI(t, "--db", clean, "timeline"); a != b {
		t.Error("re-ingesting after a kill does not give the store an uninterrupted ingest gives")
	}
	// Every article the kill left is whole: its text, sentences and every
	// entity and event mention, as an uninterrupted ingest stores them.
	whole := articleQuads(t, clean)
	if len(left) == 0 {
		t.Log("the kill left no article")
	}
	for doc, q := range left {
		if w := whole[doc]; q != w {
			t.Errorf("%s: the kill left %+v, a whole article is %+v", doc, q, w)
		}
	}
	if a, b := exportSorted(t, killed), exportSorted(t, clean); a != b {
		t.Error("the store re-ingested after a kill does not export the quads of an uninterrupted ingest")
	}
}

// seedParagraphs are the paragraphs of the original seed long enough to
// make an article of two.
func seedParagraphs(t *testing.T) []string {
	t.Helper()
	var paras []string
	for _, p := range strings.Split(readFile(t, seedOriginal), "\n\n") {
		if p = strings.TrimSpace(p); len(p) >= 120 {
			paras = append(paras, p)
		}
	}
	return paras
}

// ownQuads counts the quads of one article that depend on it alone.
type ownQuads struct {
	Text, Sentences, EntityMentions, EventMentions, Spans int
}

// articleQuads counts, for each stored article (quad label), its text,
// sentence, mention and span quads.
func articleQuads(t *testing.T, db string) map[string]ownQuads {
	t.Helper()
	out := map[string]ownQuads{}
	for _, line := range strings.Split(mustCLI(t, "--db", db, "export", "--format", "nquads"), "\n") {
		if line == "" {
			continue
		}
		q, err := nquads.Parse(line)
		if err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		if q.Label == nil {
			continue
		}
		label := quad.StringOf(q.Label)
		c := out[label]
		switch quad.StringOf(q.Predicate) {
		case "<text>":
			c.Text++
		case "<sentences>":
			c.Sentences++
		case "<refersTo>":
			c.EntityMentions++
		case "<mentionOf>":
			c.EventMentions++
		case "<span>":
			c.Spans++
		default:
			continue
		}
		out[label] = c
	}
	return out
}

// exportSorted is the store's N-Quads, sorted.
func exportSorted(t *testing.T, db string) string {
	t.Helper()
	lines := strings.Split(mustCLI(t, "--db", db, "export", "--format", "nquads"), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// An import killed mid-run leaves the store as it was (a file is one
// transaction); importing again gives what an uninterrupted import gives.
func TestImportKilled(t *testing.T) {
	dir := t.TempDir()
	// Many quads, so that the import lasts long enough to be killed: the
	// seed store's quads, copied under many labels.
	db := ingestSeeds(t, seedOriginal, seedCopy)
	dump := mustCLI(t, "--db", db, "export", "--format", "nquads")
	var b strings.Builder
	for i := 0; b.Len() < 12<<20; i++ {
		b.WriteString(strings.ReplaceAll(dump, "<doc/", fmt.Sprintf("<doc/copy%d-", i)))
	}
	file := filepath.Join(dir, "big.nq")
	writeFile(t, file, b.String())
	seeds := filepath.Join(dir, "seeds.nq")
	writeFile(t, seeds, dump)
	clean := filepath.Join(dir, "clean.db")
	mustCLI(t, "--db", clean, "import", seeds)
	start := time.Now()
	if _, stderr, code := runMain(t, "", "--db", clean, "import", file); code != 0 {
		t.Fatalf("import exited %d: %s", code, stderr)
	}
	took := time.Since(start)
	want := exportSorted(t, clean)

	// The store holds the seeds before; the kill comes at a third and at
	// two thirds of the time a whole import takes.
	for _, frac := range []float64{0.33, 0.66} {
		killed := filepath.Join(dir, fmt.Sprintf("killed%.0f.db", frac*100))
		mustCLI(t, "--db", killed, "import", seeds)
		before := exportSorted(t, killed)
		cmd := exec.Command(os.Args[0], "--db", killed, "import", file)
		cmd.Env = append(os.Environ(), "STORYLINE_TEST_MAIN=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(frac * float64(took)))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		after := exportSorted(t, killed)
		switch {
		case err == nil:
			t.Logf("at %.0f%%, the import finished before the kill", frac*100)
		case after == want:
			t.Logf("at %.0f%%, the import had committed before the kill", frac*100)
		case after != before:
			t.Errorf("at %.0f%%: the killed import left the store half-changed (%d lines, %d before)", frac*100,
				strings.Count(after, "\n"), strings.Count(before, "\n"))
		}
		if _, stderr, code := runMain(t, "", "--db", killed, "import", file); code != 0 {
			t.Fatalf("import again exited %d: %s", code, stderr)
		}
		if got := exportSorted(t, killed); got != want {
			t.Errorf("at %.0f%%: importing again after the kill does not give an uninterrupted import's store", frac*100)
		}
	}
}
