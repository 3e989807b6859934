package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// --json prints the run's summary on stdout: what was read, stored,
// skipped and failed (with the input and the reason), events, merges,
// copies and seconds; the exit status still says some inputs failed.
func TestIngestJSONSummary(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	bad := filepath.Join(dir, "latin1.txt")
	writeFile(t, bad, "Caf\xe9 owners protest\n\nThe owners of caf\xe9s marched on Monday.\n")
	missing := filepath.Join(dir, "missing.txt")
	out, errOut, code := runMain(t, "", "--db", db, "ingest", "--json", seedOriginal, seedCopy, bad, missing)
	if code != exitSomeFailed {
		t.Fatalf("exit %d, want %d (some inputs failed); stderr: %s", code, exitSomeFailed, errOut)
	}
	var r ingestReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("--json output is not the JSON summary: %v\n%s", err, out)
	}
	if r.Stored != 2 || r.Skipped != 0 || r.Copies != 1 || r.Merged == 0 || r.Events == 0 || r.Entities == 0 {
		t.Errorf("summary %+v: want the two seeds stored, one copy, some merged events", r)
	}
	if r.Articles != 4 || len(r.Failed) != 2 {
		t.Fatalf("summary %+v: want 4 inputs, 2 failed", r)
	}
	for _, f := range r.Failed {
		if f.Input != bad && f.Input != missing || f.Reason == "" || strings.Contains(f.Reason, f.Input) {
			t.Errorf("failure %+v: want the input alone in input and the reason without it", f)
		}
	}
	// Ingesting again skips both seeds, with nothing else said on stdout.
	out, _, code = runMain(t, "", "--db", db, "ingest", "--json", seedOriginal, seedCopy)
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Skipped != 2 || r.Stored != 0 || len(r.Failed) != 0 {
		t.Errorf("second run: exit %d, %+v", code, r)
	}
}

// --quiet says nothing on success; errors are still reported.
func TestIngestQuiet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	out, errOut, code := runMain(t, "", "--db", db, "ingest", "--quiet", seedOriginal)
	if code != 0 || out != "" || errOut != "" {
		t.Errorf("--quiet: exit %d, stdout %q, stderr %q: want nothing", code, out, errOut)
	}
	_, errOut, code = runMain(t, "", "--db", db, "ingest", "--quiet", seedCopy, "no-such-file.txt")
	if code != exitSomeFailed || !strings.Contains(errOut, "no-such-file.txt") {
		t.Errorf("--quiet with a missing file: exit %d, stderr %q", code, errOut)
	}
}

// --workers changes how many articles are extracted at once, never what
// is stored; a negative count is a usage error.
func TestIngestWorkers(t *testing.T) {
	dir := t.TempDir()
	one, many := filepath.Join(dir, "one.db"), filepath.Join(dir, "many.db")
	mustCLI(t, "--db", one, "ingest", "--workers", "1", seedOriginal, seedCopy)
	mustCLI(t, "--db", many, "ingest", "--workers", "8", seedOriginal, seedCopy)
	if a, b := mustCLI(t, "--db", one, "timeline"), mustCLI(t, "--db", many, "timeline"); a != b {
		t.Error("--workers 1 and --workers 8 store different timelines")
	}
	if _, errOut, code := runMain(t, "", "--db", filepath.Join(dir, "x.db"), "ingest", "--workers", "-1", seedOriginal); code != exitUsage || !strings.Contains(errOut, "--workers") {
		t.Errorf("--workers -1: exit %d, stderr %q: want a usage error naming the flag", code, errOut)
	}
}
