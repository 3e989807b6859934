package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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
	// Distinct articles: each seed paragraph, dated by flag, so that the
	// run lasts long enough to be killed in the middle.
	orig := readFile(t, seedOriginal)
	paras := strings.Split(orig, "\n\n")
	n := 0
	for i, p := range paras {
		p = strings.TrimSpace(p)
		if len(p) < 120 {
			continue
		}
		n++
		writeFile(t, filepath.Join(in, fmt.Sprintf("%02d.txt", i)), fmt.Sprintf("Report %d on the Su-24 crisis\n\n%s\n", i, p))
	}
	if n < 10 {
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
}
