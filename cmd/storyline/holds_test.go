package main

// What holds (issue 14), kept so by tests: a store in a missing folder is
// an error that creates nothing; two ingest processes on one SQLite store,
// with timelines read while they write, lose nothing.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline/timeline"
)

func TestStoreInMissingFolder(t *testing.T) {
	dir := t.TempDir()
	nq := filepath.Join(dir, "one.nq")
	writeFile(t, nq, "<a> <b> <c> .\n")
	missing := filepath.Join(dir, "no", "such", "folder")
	db := filepath.Join(missing, "s.db")
	for _, args := range [][]string{
		{"ingest", seedCopy},
		{"timeline"},
		{"query", "g.V().All()"},
		{"import", nq},
	} {
		stdout, stderr, code := runMain(t, "", append([]string{"--db", db}, args...)...)
		if code == 0 || stdout != "" {
			t.Errorf("%s into a store in a missing folder: exit %d, stdout %q", args[0], code, stdout)
		}
		oneErrorLine(t, stderr, "storyline: ", db)
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !os.IsNotExist(err) {
		t.Errorf("the missing folder was created (%v)", err)
	}
}

// Two ingest processes write one SQLite store at once, each half of a
// corpus, while timelines are read from it. Every read succeeds; a writer
// whose batch meets the other's writes (a quad already added or already
// gone) plans the batch again against what the store now holds and
// retries, so both finish and every article is stored whole, as one
// ingest of the whole stores it. (A batch written after the other
// writer's is planned again under the writer lock; merges may still
// differ from one ingest's because reconciliation depends on the order
// of the batches: logged below.)
func TestConcurrentIngestAndRead(t *testing.T) {
	dir := t.TempDir()
	// 40 articles: the first half holds 1-20, the second 21-40.
	all, halves := seedCorpus(t, dir, "Report", 40, 3, 1, 2, func(k int) int { return (k - 1) / 20 })
	db := filepath.Join(dir, "shared.db")
	clean := filepath.Join(dir, "clean.db")
	// The store exists before the writers start: both open it, neither
	// creates it.
	mustCLI(t, "--db", db, "ingest", "--date", "2015-11-30", seedOriginal)
	mustCLI(t, "--db", clean, "ingest", "--date", "2015-11-30", seedOriginal)
	mustCLI(t, "--db", clean, "ingest", "--date", "2015-11-30", all)
	whole := articleQuads(t, clean)

	var wg sync.WaitGroup
	writers := make(chan struct{})
	failed := make([]string, 2) // the output of a writer that failed
	for w, half := range halves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "--db", db, "ingest", "--date", "2015-11-30", half)
			cmd.Env = append(os.Environ(), "STORYLINE_TEST_MAIN=1")
			out, err := cmd.CombinedOutput()
			if err != nil {
				failed[w] = fmt.Sprintf("%v: %s", err, out)
			}
			if strings.Contains(string(out), "planned again") {
				t.Logf("writer %d: %s", w, strings.TrimSpace(string(out)))
			}
		}()
	}
	go func() { wg.Wait(); close(writers) }()
	reads := 0
	for done := false; !done; {
		select {
		case <-writers:
			done = true
		default:
		}
		tl := loadTimeline(t, db) // fails the test if the read fails
		if len(tl.Documents) == 0 {
			t.Error("a timeline read during ingest saw no article")
		}
		reads++
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("%d timelines read during the two ingests", reads)
	// Whatever the writers stored is whole.
	for doc, q := range articleQuads(t, db) {
		if w := whole[doc]; q != w {
			t.Errorf("%s: stored %+v by the concurrent ingests, %+v by one", doc, q, w)
		}
	}
	// A writer that meets the other's batch plans its own again and
	// retries: neither loses anything.
	for w, out := range failed {
		if out != "" {
			t.Errorf("ingest %s failed: %s", filepath.Base(halves[w]), out)
		}
	}
	got := articleQuads(t, db)
	if len(got) != len(whole) {
		t.Errorf("%d articles stored, want %d", len(got), len(whole))
	}
	for doc, w := range whole {
		if q := got[doc]; q != w {
			t.Errorf("%s: stored %+v by the concurrent ingests, %+v by one", doc, q, w)
		}
	}
	// The writers' batches are reconciled one after the other, each
	// planned again when the other had written, so the events are those
	// of one ingest of the articles in the order their batches were
	// written; reconciliation does not depend on that order (issue 10).
	// Only the merge evidence may differ: it records each link as it was
	// made.
	noEvidence := cmp.Transformer("noEvidence", func(e timeline.Event) timeline.Event { e.MergedBecause = nil; return e })
	if diff := cmp.Diff(loadTimeline(t, clean).Events, loadTimeline(t, db).Events, noEvidence); diff != "" {
		t.Errorf("the concurrent ingests' events differ from one ingest's (-one +concurrent):\n%.4000s", diff)
	}
}

// Issue 14, "what does not" 5: the README installs the command before its
// first use, says what the first build needs and how long it takes, and
// lists the exit statuses.
func TestReadmeInstallsBeforeUse(t *testing.T) {
	readme := readFile(t, "../../README.md")
	install := strings.Index(readme, "go install ./cmd/storyline")
	if install < 0 {
		t.Fatal("the README does not say `go install ./cmd/storyline`")
	}
	// The first command line that runs storyline, in a code block.
	firstUse, inBlock, at := -1, false, 0
	for _, line := range strings.SplitAfter(readme, "\n") {
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
		} else if inBlock && (strings.HasPrefix(line, "storyline ") || strings.Contains(line, "| storyline ")) {
			firstUse = at
			break
		}
		at += len(line)
	}
	if firstUse < 0 || firstUse < install {
		t.Errorf("the README runs storyline (byte %d) before installing it (byte %d)", firstUse, install)
	}
	if strings.Contains(readme, "go run ./cmd/storyline") {
		t.Error("the README still runs the command with go run")
	}
	quick := readme[:firstUse]
	for _, w := range []string{"C compiler", "cgo", "gcc", "first build", "go build"} {
		if !strings.Contains(quick, w) {
			t.Errorf("the README's quick start does not say %q before the first use", w)
		}
	}
	for code, w := range map[int]string{exitFailure: "the command failed", exitUsage: "usage", exitSomeFailed: "some inputs failed", exitNoInput: "nothing could be read"} {
		if !strings.Contains(readme, fmt.Sprintf("| %d | %s", code, w)) {
			t.Errorf("the README's exit statuses lack %d (%s)", code, w)
		}
	}
}

// seedCorpus writes n distinct articles under dir, each a heading and two
// paragraphs of the first seed (article k pairs paragraphs k and
// mul*k+add): all of them into dir/all, and article k into the folder
// partOf(k) of parts more. It returns the folders.
func seedCorpus(t *testing.T, dir, heading string, n, mul, add, parts int, partOf func(k int) int) (all string, folders []string) {
	t.Helper()
	all = filepath.Join(dir, "all")
	for i := 0; i < parts; i++ {
		folders = append(folders, filepath.Join(dir, string(rune('a'+i))))
	}
	for _, d := range append([]string{all}, folders...) {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	paras := seedParagraphs(t)
	for k := 1; k <= n; k++ {
		i, j := k%len(paras), (mul*k+add)%len(paras)
		if i == j {
			j = (j + 1) % len(paras)
		}
		text := fmt.Sprintf("%s %d on the Su-24 crisis\n\n%s\n\n%s\n", heading, k, paras[i], paras[j])
		name := fmt.Sprintf("%03d.txt", k)
		writeFile(t, filepath.Join(all, name), text)
		writeFile(t, filepath.Join(folders[partOf(k)], name), text)
	}
	return all, folders
}
