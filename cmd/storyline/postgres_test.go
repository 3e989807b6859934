package main

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestPostgresSameTimeline runs the seeds through Cayley's PostgreSQL
// backend and checks that it gives the same timeline as SQLite. It needs a
// server: STORYLINE_TEST_POSTGRES is the URL of a database whose user may
// create databases (.ci/run starts a throwaway cluster and sets it).
func TestPostgresSameTimeline(t *testing.T) {
	pg := postgresTestDB(t)

	mustCLI(t, "--db", pg, "ingest", seedCopy)
	mustCLI(t, "--db", pg, "ingest", seedOriginal)
	lite := filepath.Join(t.TempDir(), "seeds.db")
	mustCLI(t, "--db", lite, "ingest", seedCopy)
	mustCLI(t, "--db", lite, "ingest", seedOriginal)

	if a, b := mustCLI(t, "--db", pg, "timeline"), mustCLI(t, "--db", lite, "timeline"); a != b {
		t.Error("PostgreSQL and SQLite give different timelines for the same ingests")
	}
	checkSeedsTogether(t, pg)
	// Re-ingesting changes nothing there either.
	before := mustCLI(t, "--db", pg, "export", "--format", "nquads")
	mustCLI(t, "--db", pg, "ingest", seedOriginal, seedCopy)
	if after := mustCLI(t, "--db", pg, "export", "--format", "nquads"); after != before {
		t.Error("re-ingesting into PostgreSQL changed the store")
	}
}

// postgresTestDB creates a fresh database on the server that
// STORYLINE_TEST_POSTGRES names, dropped at the end of the test, and
// returns its URL; the test is skipped without a server.
func postgresTestDB(t *testing.T) string {
	t.Helper()
	base := os.Getenv("STORYLINE_TEST_POSTGRES")
	if base == "" {
		t.Skip("STORYLINE_TEST_POSTGRES not set: no PostgreSQL server to test against")
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("storyline_test_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("creating a test database: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE " + name + " WITH (FORCE)")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Three ingest processes write one PostgreSQL store at once, each a third
// of a corpus: all three finish, and every article is stored whole, as
// one ingest of the whole corpus stores it (a batch that meets another
// writer's quads is planned again and retried).
func TestPostgresConcurrentIngesters(t *testing.T) {
	pg := postgresTestDB(t)
	dir := t.TempDir()
	all, thirds := seedCorpus(t, dir, "Dispatch", 60, 5, 2, 3, func(k int) int { return (k - 1) % 3 })
	// The schema exists before the writers start.
	mustCLI(t, "--db", pg, "ingest", "--date", "2015-11-30", seedOriginal)
	clean := filepath.Join(dir, "clean.db")
	mustCLI(t, "--db", clean, "ingest", "--date", "2015-11-30", seedOriginal)
	mustCLI(t, "--db", clean, "ingest", "--date", "2015-11-30", all)

	var wg sync.WaitGroup
	outs := make([]string, len(thirds))
	errs := make([]error, len(thirds))
	for w, third := range thirds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "--db", pg, "ingest", "--date", "2015-11-30", third)
			cmd.Env = append(os.Environ(), "STORYLINE_TEST_MAIN=1")
			out, err := cmd.CombinedOutput()
			outs[w], errs[w] = strings.TrimSpace(string(out)), err
		}()
	}
	wg.Wait()
	for w := range thirds {
		if errs[w] != nil {
			t.Errorf("ingester %d: %v: %s", w, errs[w], outs[w])
		} else {
			t.Logf("ingester %d: %s", w, outs[w])
		}
	}
	got, want := articleQuads(t, pg), articleQuads(t, clean)
	if len(got) != len(want) {
		t.Errorf("%d articles stored by three ingesters, %d by one", len(got), len(want))
	}
	for doc, w := range want {
		if q := got[doc]; q != w {
			t.Errorf("%s: stored %+v by three ingesters, %+v by one", doc, q, w)
		}
	}
}
