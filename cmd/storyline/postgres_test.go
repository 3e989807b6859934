package main

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPostgresSameTimeline runs the seeds through Cayley's PostgreSQL
// backend and checks that it gives the same timeline as SQLite. It needs a
// server: STORYLINE_TEST_POSTGRES is the URL of a database whose user may
// create databases (.ci/run starts a throwaway cluster and sets it).
func TestPostgresSameTimeline(t *testing.T) {
	base := os.Getenv("STORYLINE_TEST_POSTGRES")
	if base == "" {
		t.Skip("STORYLINE_TEST_POSTGRES not set: no PostgreSQL server to test against")
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("storyline_test_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("creating a test database: %v", err)
	}
	defer admin.Exec("DROP DATABASE " + name)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	pg := u.String()

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
