package graph

import (
	"bytes"
	"context"
	"encoding/xml"
	"testing"
)

// graphML is the part of a GraphML document the test reads back.
type graphML struct {
	Keys []struct {
		ID  string `xml:"id,attr"`
		For string `xml:"for,attr"`
	} `xml:"key"`
	Graph struct {
		Nodes []struct {
			ID   string      `xml:"id,attr"`
			Data []graphData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string      `xml:"source,attr"`
			Target string      `xml:"target,attr"`
			Data   []graphData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataOf(data []graphData) map[string]string {
	m := map[string]string{}
	for _, d := range data {
		m[d.Key] = d.Value
	}
	return m
}

// The GraphML export is well-formed XML whatever the text holds (markup,
// a control character XML cannot carry), every data key is declared, every
// edge joins two nodes, and the nodes are the articles, entities and
// events of the store.
func TestExportGraphMLWellFormed(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	doc, plan := fixture(t, textA, "A & B <News> \"Daily\"\x01", "2015-11-30")
	if err := s.WriteDocument(ctx, doc, plan, nil); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Export(ctx, &buf, FormatGraphML); err != nil {
		t.Fatal(err)
	}
	var g graphML
	if err := xml.Unmarshal(buf.Bytes(), &g); err != nil {
		t.Fatalf("not well-formed: %v\n%.1000s", err, buf.String())
	}
	keys := map[string]string{}
	for _, k := range g.Keys {
		keys[k.ID] = k.For
	}
	kinds := map[string]int{}
	ids := map[string]map[string]string{}
	for _, n := range g.Graph.Nodes {
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s: data key %q is not declared for nodes", n.ID, d.Key)
			}
		}
		data := dataOf(n.Data)
		ids[n.ID] = data
		kinds[data["kind"]]++
		if data["kind"] == "article" && data["outlet"] != "A & B <News> \"Daily\"\uFFFD" {
			t.Errorf("article outlet read back as %q", data["outlet"])
		}
	}
	docs, _ := s.Documents(ctx)
	ents, _ := s.Entities(ctx)
	events, _ := s.Events(ctx)
	if kinds["article"] != len(docs) || kinds["entity"] != len(ents) || kinds["event"] != len(events) || len(ids) != len(g.Graph.Nodes) {
		t.Errorf("nodes %v (%d ids), want %d articles, %d entities, %d events", kinds, len(ids), len(docs), len(ents), len(events))
	}
	roles := map[string]int{}
	for _, e := range g.Graph.Edges {
		if ids[e.Source] == nil || ids[e.Target] == nil {
			t.Errorf("edge %s -> %s joins a node that is not there", e.Source, e.Target)
		}
		for _, d := range e.Data {
			if keys[d.Key] != "edge" {
				t.Errorf("edge data key %q is not declared for edges", d.Key)
			}
		}
		data := dataOf(e.Data)
		roles[data["role"]]++
		if data["role"] == "reports" && (ids[e.Source]["kind"] != "article" || ids[e.Target]["kind"] != "event") {
			t.Errorf("a reports edge from %v to %v", ids[e.Source], ids[e.Target])
		}
	}
	if roles["reports"] != len(events) || roles["agent"] == 0 || roles["patient"] == 0 {
		t.Errorf("edges by role %v, want one reports edge per event (%d) and agents and patients", roles, len(events))
	}
}
