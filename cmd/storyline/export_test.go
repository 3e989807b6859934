package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline/graph"
)

func TestQueryCommand(t *testing.T) {
	path, _ := buildStore(t)
	out, err := runCLI(t, "", "--db", path, "query", `g.V("<entity/gpe/tr>").Out("<name>").All()`)
	if err != nil || out != "\"Turkey\"\n" {
		t.Errorf("text: %q, %v", out, err)
	}
	out, err = runCLI(t, "", "--db", path, "query", "--format", "json",
		`g.V().Has("<entityType>", "GPE").Tag("e").Out("<name>").All()`)
	if err != nil {
		t.Fatal(err)
	}
	var res []graph.QueryResult
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 2 {
		t.Fatalf("json %q: %v", out, err)
	}
	for _, r := range res {
		if e, _ := r.Tags["e"].(string); !strings.HasPrefix(e, "<entity/gpe/") {
			t.Errorf("result %+v", r)
		}
	}
	_, err = runCLI(t, "", "--db", path, "query", `g.V(`)
	if err == nil || err.Error() != "query: SyntaxError: Unexpected end of input (line 1)" {
		t.Errorf("syntax error: %v", err)
	}
	_, err = runCLI(t, "", "--db", filepath.Join(t.TempDir(), "none.db"), "query", `g.V().All()`)
	if err == nil || !strings.HasSuffix(err.Error(), "none.db: no such store") {
		t.Errorf("missing store: %v", err)
	}
}

func TestExportImportCommands(t *testing.T) {
	ctx := context.Background()
	path, _ := buildStore(t)
	dir := t.TempDir()
	dump := filepath.Join(dir, "dump.nq")
	if out, err := runCLI(t, "", "--db", path, "export", "-o", dump); err != nil {
		t.Fatalf("%s %v", out, err)
	}
	copyDB := filepath.Join(dir, "copy.db")
	out, err := runCLI(t, "", "--db", copyDB, "import", dump)
	if err != nil || !strings.HasPrefix(out, dump+": ") || !strings.HasSuffix(out, " quads imported\n") {
		t.Fatalf("import: %q %v", out, err)
	}
	a, err := graph.Open(ctx, path, graph.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := graph.Open(ctx, copyDB, graph.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ea, _ := a.Events(ctx)
	eb, _ := b.Events(ctx)
	if diff := cmp.Diff(ea, eb); diff != "" || len(ea) != 1 {
		t.Errorf("events differ after export/import:\n%s", diff)
	}
	out, err = runCLI(t, "", "--db", path, "export", "--format", "json")
	if err != nil || !strings.Contains(out, `"documents": [`) || !strings.Contains(out, `"name": "Turkey"`) {
		t.Errorf("json export: %v\n%.300s", err, out)
	}
	bad := filepath.Join(dir, "bad.nq")
	if err := os.WriteFile(bad, []byte("<a> <b> <c> .\n<a> <b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = runCLI(t, "", "--db", copyDB, "import", bad)
	if err == nil || !strings.HasPrefix(err.Error(), bad+":2: ") {
		t.Errorf("malformed import: %v", err)
	}
}
