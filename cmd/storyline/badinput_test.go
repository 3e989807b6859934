package main

// Bad input: each case gives a one-line error that names the input and the
// problem, a non-zero exit (a non-nil error from the root command), and
// leaves the store as it was.

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const badDir = "../../testdata/input/bad"

func TestBadInputLeavesStoreAsItWas(t *testing.T) {
	db := ingestSeeds(t, seedOriginal)
	before := mustCLI(t, "--db", db, "export", "--format", "nquads")
	dir := t.TempDir()
	binDir := filepath.Join(dir, "bin")
	if err := os.Mkdir(binDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(binDir, "blob.txt"), "\x00\x01\x02PK\x03\x04 binary")
	writeFile(t, filepath.Join(dir, "bad.jsonl"), "{\"text\": \"ok\"\n")

	for _, tc := range []struct {
		name string
		args []string
		want []string // the one-line error must contain each
	}{
		{"missing path", []string{"ingest", filepath.Join(dir, "nope.txt")}, []string{"nope.txt", "no such file"}},
		{"folder of binary files", []string{"ingest", binDir}, []string{"blob.txt", "binary"}},
		{"empty file", []string{"ingest", filepath.Join(badDir, "empty.txt")}, []string{"empty.txt", "empty"}},
		{"invalid UTF-8", []string{"ingest", filepath.Join(badDir, "latin1.txt")}, []string{"latin1.txt", "UTF-8"}},
		{"broken JSON Lines", []string{"ingest", filepath.Join(dir, "bad.jsonl")}, []string{"bad.jsonl:1", "JSON"}},
		{"invalid Gizmo", []string{"query", "g.V(("}, []string{"query"}},
		{"unknown flag", []string{"ingest", "--bogus", seedCopy}, []string{"--bogus"}},
		{"bad --date", []string{"ingest", "--date", "30/11/2015", seedCopy}, []string{"--date", "30/11/2015"}},
		{"bad --from", []string{"timeline", "--from", "last week"}, []string{"--from", "last week"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, err := cli(t, "", append([]string{"--db", db}, tc.args...)...)
			if err == nil {
				t.Fatalf("storyline %v succeeded; stdout %q", tc.args, stdout)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error is not one line: %q", msg)
			}
			all := msg + "\n" + stderr
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("error %q (stderr %q) does not mention %q", msg, stderr, w)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if len(line) > 300 {
					t.Errorf("stderr line too long to be a one-line error: %q", line)
				}
			}
		})
	}
	after := mustCLI(t, "--db", db, "export", "--format", "nquads")
	if before != after {
		t.Error("bad input changed the store")
	}
}

// An ingest of many files reports the bad ones and still stores the good.
func TestIngestStoresGoodFilesBesideBadOnes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mixed.db")
	_, stderr, err := cli(t, "", "--db", db, "ingest", seedOriginal, filepath.Join(badDir, "empty.txt"), filepath.Join(badDir, "latin1.txt"), seedCopy)
	if err == nil {
		t.Fatal("ingest with bad files exited 0")
	}
	for _, w := range []string{"empty.txt", "latin1.txt"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr does not report %s:\n%s", w, stderr)
		}
	}
	tl := loadTimeline(t, db)
	if len(tl.Documents) != 2 {
		t.Errorf("%d documents stored, want the 2 good ones", len(tl.Documents))
	}
}

func TestUnwritableStore(t *testing.T) {
	// A store path below a regular file cannot be created, even by root.
	file := filepath.Join(t.TempDir(), "file")
	writeFile(t, file, "x")
	_, _, err := cli(t, "", "--db", filepath.Join(file, "x.db"), "ingest", seedCopy)
	if err == nil {
		t.Fatal("ingest into an uncreatable store succeeded")
	}
	if !strings.Contains(err.Error(), "x.db") {
		t.Errorf("error %q does not name the store", err)
	}
	// A file that is not a Storyline store is refused, and left alone.
	_, _, err = cli(t, "", "--db", file, "ingest", seedCopy)
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("ingest into a non-store file: err = %v, want one naming %s", err, file)
	}
	if got := readFile(t, file); got != "x" {
		t.Errorf("the non-store file was changed (now %d bytes)", len(got))
	}
}

func TestLockedStore(t *testing.T) {
	db := ingestSeeds(t, seedOriginal)
	before := mustCLI(t, "--db", db, "export", "--format", "nquads")
	// Another writer holds the write lock for the whole test.
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tx, err := conn.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec("CREATE TABLE lock_holder(x)"); err != nil {
		t.Fatal(err)
	}
	_, _, err = cli(t, "", "--db", db, "ingest", seedCopy)
	if err == nil {
		t.Fatal("ingest into a locked store succeeded")
	}
	if !strings.Contains(err.Error(), "locked") || !strings.Contains(err.Error(), filepath.Base(db)) {
		t.Errorf("error %q does not say the store is locked", err)
	}
	// Readers still read while the writer holds the lock.
	if out := mustCLI(t, "--db", db, "export", "--format", "nquads"); out != before {
		t.Error("a reader saw a changed store")
	}
}
