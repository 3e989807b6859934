package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The GraphML export is read by NetworkX (Debian's python3-networkx):
// a node per article, entity and event, edges by role.
func TestExportGraphML(t *testing.T) {
	python := needTool(t, "/usr/bin/python3", "python3-networkx")
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s cannot import networkx on CI (.ci/run installs python3-networkx): %v", python, err)
		}
		t.Skipf("%s cannot import networkx (apt-get install python3-networkx): skipped", python)
	}
	db := ingestSeeds(t, seedOriginal, seedCopy)
	tl := loadTimeline(t, db, "--all")
	file := filepath.Join(t.TempDir(), "seeds.graphml")
	mustCLI(t, "--db", db, "export", "--format", "graphml", "-o", file)
	script := `
import sys, collections, networkx as nx
g = nx.read_graphml(sys.argv[1])
kinds = collections.Counter(d.get("kind") for _, d in g.nodes(data=True))
print("nodes", g.number_of_nodes(), "articles", kinds["article"], "entities", kinds["entity"], "events", kinds["event"])
by_iri = {d["iri"]: n for n, d in g.nodes(data=True)}
def roles(a, b):
    return sorted(d.get("role") for d in g.get_edge_data(by_iri[a], by_iri[b], default={}).values())
print("shoot-down", g.nodes[by_iri[sys.argv[2]]].get("date"), roles(sys.argv[2], "entity/gpe/tr"), roles(sys.argv[2], "entity/equipment/sukhoi-su-24"))
print("turkey", g.nodes[by_iri["entity/gpe/tr"]].get("type"), g.nodes[by_iri["entity/gpe/tr"]].get("label"))
print("reports", sorted(g.nodes[u].get("outlet") for u, v, d in g.in_edges(by_iri[sys.argv[2]], data=True) if d.get("role") == "reports"))
`
	var shootDown string
	for _, e := range tl.Events {
		if e.Summary == "Turkey shot down Sukhoi Su-24" {
			shootDown = e.ID
		}
	}
	out, err := exec.Command(python, "-c", script, file, shootDown).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, out)
	}
	entities := loadEntities(t, db)
	want := fmt.Sprintf("nodes %d articles 2 entities %d events %d\n", 2+entities+len(tl.Events), entities, len(tl.Events)) +
		"shoot-down 2015-11-24 ['agent'] ['patient']\n" +
		"turkey GPE Turkey\n" +
		"reports ['Press TV', \"The People's Voice\"]\n"
	if string(out) != want {
		t.Errorf("networkx read:\n%s\nwant:\n%s", out, want)
	}
}

// loadEntities counts the entities of the store's JSON export.
func loadEntities(t *testing.T, db string) int {
	t.Helper()
	var x struct {
		Entities []json.RawMessage `json:"entities"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "--db", db, "export", "--format", "json")), &x); err != nil {
		t.Fatal(err)
	}
	return len(x.Entities)
}
