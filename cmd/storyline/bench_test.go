package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// bench measures every figure it names on the seeds, keeps the store only
// when asked, and refuses to overwrite one.
func TestBenchSeeds(t *testing.T) {
	store := filepath.Join(t.TempDir(), "bench.db")
	out, errOut, code := runMain(t, "", "bench", "--json", "--store", store, seedOriginal, seedCopy)
	if code != 0 {
		t.Fatalf("bench exited %d: %s", code, errOut)
	}
	var r benchReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("bench --json: %v\n%s", err, out)
	}
	if r.Articles != 2 || r.TextBytes < 5000 || r.ExtractMBs <= 0 || r.IngestSeconds <= 0 || r.ArticlesPerSecond <= 0 ||
		r.Quads < 1000 || r.StoreBytes <= 0 || r.StoreBPerArticle <= 0 || len(r.MsPerArticle) != 1 ||
		r.OpenMs <= 0 || r.TimelineMs <= 0 || r.QueryMs <= 0 || r.PeakRSSMB <= 0 {
		t.Errorf("bench figures missing: %+v", r)
	}
	if r.Entity != "Barack Obama" || !strings.Contains(r.Query, "entity/person/barack-obama") {
		t.Errorf("timed the timeline of %q and the query %q: want the most mentioned person, Barack Obama", r.Entity, r.Query)
	}
	// The kept store holds the seeds.
	if tl := mustCLI(t, "--db", store, "timeline", "--entity", "Putin"); !strings.Contains(tl, "Le Bourget") {
		t.Error("the store bench kept has no Putin timeline at Le Bourget")
	}
	if _, errOut, code := runMain(t, "", "bench", "--store", store, seedOriginal); code != exitUsage || !strings.Contains(errOut, "exists") {
		t.Errorf("bench into an existing store: exit %d, %q", code, errOut)
	}
}
