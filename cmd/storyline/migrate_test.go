package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline/timeline"
)

// A store of an earlier schema version is refused with a message that
// names the way out, and migrate copies its articles into a new store
// that gives the same timeline; the old store is left as it was.
func TestMigrateOldSchema(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	want := mustCLI(t, "--db", db, "timeline", "--all")
	// Make it look like a store of schema version 1.
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`UPDATE storyline_meta SET value = '1' WHERE key = 'schema'`); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	_, _, err = cli(t, "", "--db", db, "timeline")
	if err == nil || !strings.Contains(err.Error(), "schema version 1") || !strings.Contains(err.Error(), "storyline --db NEW migrate "+db) {
		t.Fatalf("opening an old store: %v", err)
	}
	if _, _, err := cli(t, "", "--db", db, "migrate", db); err == nil || !strings.Contains(err.Error(), "same store") {
		t.Errorf("migrating onto itself: %v", err)
	}
	fresh := filepath.Join(t.TempDir(), "new.db")
	_, stderr, err := cli(t, "", "--db", fresh, "migrate", db)
	if err != nil || !strings.Contains(stderr, "read 2 articles") {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	// As with any ingest order, only the wording of merge evidence may
	// differ (TestIngestOrderDoesNotMatter).
	before, after := loadTimelineJSON(t, want), loadTimelineJSON(t, mustCLI(t, "--db", fresh, "timeline", "--all"))
	for _, tl := range []*timeline.Timeline{before, after} {
		for i := range tl.Events {
			tl.Events[i].MergedBecause = nil
		}
	}
	if d := cmp.Diff(before, after); d != "" {
		t.Errorf("the migrated store's timeline differs (-old +new):\n%.3000s", d)
	}
	// The old store is untouched (still refused, still version 1).
	if _, _, err := cli(t, "", "--db", db, "stories"); err == nil || !strings.Contains(err.Error(), "schema version 1") {
		t.Errorf("the old store changed: %v", err)
	}
}
