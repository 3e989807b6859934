package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, _ := openTemp(t)
	writeFixtures(t, src)
	var buf bytes.Buffer
	if err := src.Export(ctx, &buf, "nquads"); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != countQuads(t, src) {
		t.Errorf("exported %d lines for %d quads", n, countQuads(t, src))
	}
	if !strings.Contains(buf.String(), `<entity/person/barack-obama> <name> "Barack Obama" <doc/`) {
		t.Errorf("export lacks labelled name quad:\n%.500s", buf.String())
	}
	file := filepath.Join(t.TempDir(), "dump.nq")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t)
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := dst.Import(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if n != countQuads(t, src) || countQuads(t, dst) != n {
		t.Errorf("imported %d quads, store has %d, source %d", n, countQuads(t, dst), countQuads(t, src))
	}
	d1, _ := src.Documents(ctx)
	d2, _ := dst.Documents(ctx)
	e1, _ := src.Entities(ctx)
	e2, _ := dst.Entities(ctx)
	v1, _ := src.Events(ctx)
	v2, _ := dst.Events(ctx)
	if diff := cmp.Diff(d1, d2); diff != "" || len(d1) != 2 {
		t.Errorf("documents differ:\n%s", diff)
	}
	if diff := cmp.Diff(e1, e2); diff != "" || len(e1) != 6 {
		t.Errorf("entities differ:\n%s", diff)
	}
	if diff := cmp.Diff(v1, v2); diff != "" || len(v1) != 5 {
		t.Errorf("events differ:\n%s", diff)
	}
	r1, _ := src.LoadRecords(ctx)
	r2, _ := dst.LoadRecords(ctx)
	if diff := cmp.Diff(r1, r2); diff != "" {
		t.Errorf("records differ:\n%s", diff)
	}
	// An import is a batch other writers see: the store's generation moved.
	gen, err := dst.generation(ctx)
	if err != nil || gen != 1 {
		t.Errorf("generation after the import: %d, %v; want 1", gen, err)
	}
	// Importing again adds nothing, and is no new batch.
	if n, err := dst.Import(ctx, bytes.NewReader(buf.Bytes())); err != nil || n != 0 {
		t.Errorf("second import: %d, %v", n, err)
	}
	if again, _ := dst.generation(ctx); again != gen {
		t.Errorf("generation after an import that added nothing: %d, want %d", again, gen)
	}
}

func TestImportMalformedLineLeavesStoreUnchanged(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	writeFixtures(t, s)
	before := countQuads(t, s)
	file := filepath.Join(t.TempDir(), "bad.nq")
	data := "# a comment\n<a> <b> \"c\" <doc/x> .\n\n<a> <b> \"unterminated <doc/x> .\n<d> <e> <f> .\n"
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = s.Import(ctx, f)
	if err == nil || !strings.HasPrefix(err.Error(), file+":4: ") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %v, want %s:4: ...", err, file)
	}
	if n := countQuads(t, s); n != before {
		t.Errorf("store changed by a failed import: %d -> %d quads", before, n)
	}
}

func TestExportJSON(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a, b := writeFixtures(t, s)
	var buf bytes.Buffer
	if err := s.Export(ctx, &buf, "json"); err != nil {
		t.Fatal(err)
	}
	var x struct {
		Documents []map[string]any `json:"documents"`
		Entities  []map[string]any `json:"entities"`
		Events    []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(buf.Bytes(), &x); err != nil {
		t.Fatal(err)
	}
	if len(x.Documents) != 2 || x.Documents[0]["iri"] != a || x.Documents[1]["copies"] != a || x.Documents[1]["iri"] != b {
		t.Errorf("documents %v", x.Documents)
	}
	if len(x.Entities) != 6 || x.Entities[0]["name"] != "Barack Obama" || x.Entities[0]["mentions"] != float64(6) {
		t.Errorf("entities %v", x.Entities[0])
	}
	if len(x.Events) != 5 || x.Events[0]["date"] != "2015-11-24" {
		t.Errorf("events %v", x.Events[0])
	}
	if err := s.Export(ctx, &buf, "xml"); err == nil || err.Error() != `export: unknown format "xml" (want nquads, json or graphml)` {
		t.Errorf("bad format: %v", err)
	}
}
