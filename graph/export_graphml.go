package graph

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// FormatGraphML is the GraphML export (graphml.graphdrawing.org), which
// Gephi, Cytoscape, yEd and NetworkX read.
const FormatGraphML = "graphml"

// graphMLKeys are the attributes of the GraphML export: id, the element
// they apply to, and type.
var graphMLKeys = []struct{ id, on, typ string }{
	{"kind", "node", "string"},  // entity, event or article
	{"label", "node", "string"}, // entity name, event trigger, article headline
	{"iri", "node", "string"},   // the node's IRI in the store
	{"type", "node", "string"},  // entity type: PERSON, ORG, GPE, ...
	{"class", "node", "string"}, // event class
	{"date", "node", "string"},  // TIMEX3 value: event date, article date
	{"range_begin", "node", "string"},
	{"range_end", "node", "string"},
	{"outlet", "node", "string"}, // article outlet
	{"url", "node", "string"},    // article URL
	{"mentions", "node", "int"},  // entity mentions, event reports
	{"role", "edge", "string"},   // agent, patient, location, reports, or an entity relation
	{"weight", "edge", "double"}, // how many reports or statements the edge stands for
}

// exportGraphML writes the graph of articles, entities and events as
// GraphML: one node per article, entity and event (attributes in
// graphMLKeys; node ids are n0, n1, … with the IRI in "iri"), edges from
// each event to its agents, patients and locations (role), from each
// article to the events it reports (role "reports", weight the number of
// mentions) and between entities for their relations (memberOf,
// supports, locatedIn, …). Events are read and written a chunk at a time.
func (s *Store) exportGraphML(ctx context.Context, w io.Writer) error {
	docs, err := s.Documents(ctx)
	if err != nil {
		return err
	}
	ents, err := s.Entities(ctx)
	if err != nil {
		return err
	}
	events, err := s.EventIRIs(ctx)
	if err != nil {
		return err
	}
	sort.Strings(events)
	g := &graphMLWriter{w: bufio.NewWriterSize(w, 64<<10), ids: map[string]string{}}
	g.w.WriteString(xml.Header)
	g.w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphMLKeys {
		fmt.Fprintf(g.w, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.on, k.id, k.typ)
	}
	g.w.WriteString("  <graph id=\"storyline\" edgedefault=\"directed\">\n")
	for _, d := range docs {
		g.node(d.IRI, "kind", "article", "label", d.Headline, "date", d.Date, "outlet", d.Source, "url", d.URL)
	}
	for _, e := range ents {
		g.node(e.IRI, "kind", "entity", "label", e.Name, "type", e.Type, "mentions", strconv.Itoa(e.Mentions))
	}
	for _, e := range ents {
		// One edge per relation, weighed by the articles that state it.
		stated := map[[2]string]int{}
		var order [][2]string
		for _, r := range e.Relations {
			k := [2]string{r.Object, r.Predicate}
			if g.ids[r.Object] == "" {
				continue
			}
			if stated[k] == 0 {
				order = append(order, k)
			}
			stated[k]++
		}
		for _, k := range order {
			g.edge(e.IRI, k[0], k[1], stated[k])
		}
	}
	for len(events) > 0 {
		n := min(len(events), ReadChunk)
		chunk, err := s.EventsByIRI(ctx, events[:n])
		if err != nil {
			return err
		}
		events = events[n:]
		for _, ev := range chunk {
			g.event(ev)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	g.w.WriteString("  </graph>\n</graphml>\n")
	if err := g.w.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// graphMLWriter writes nodes and edges, naming each node n0, n1, … the
// first time it is written.
type graphMLWriter struct {
	w   *bufio.Writer
	ids map[string]string // IRI -> node id
}

// node writes the node of iri with its attributes (key, value pairs;
// empty values left out).
func (g *graphMLWriter) node(iri string, attrs ...string) {
	id := "n" + strconv.Itoa(len(g.ids))
	g.ids[iri] = id
	fmt.Fprintf(g.w, "    <node id=%q>\n", id)
	g.data("iri", iri)
	for i := 0; i+1 < len(attrs); i += 2 {
		g.data(attrs[i], attrs[i+1])
	}
	g.w.WriteString("    </node>\n")
}

func (g *graphMLWriter) data(key, value string) {
	if value == "" {
		return
	}
	fmt.Fprintf(g.w, "      <data key=%q>", key)
	xml.EscapeText(g.w, []byte(value))
	g.w.WriteString("</data>\n")
}

// edge writes an edge from one written node to another.
func (g *graphMLWriter) edge(from, to, role string, weight int) {
	fmt.Fprintf(g.w, "    <edge source=%q target=%q>\n", g.ids[from], g.ids[to])
	g.data("role", role)
	g.data("weight", strconv.Itoa(weight))
	g.w.WriteString("    </edge>\n")
}

// event writes an event's node, its edges to its participants (writing
// any participant not written yet) and the edges from the articles that
// report it.
func (g *graphMLWriter) event(ev EventInfo) {
	g.node(ev.IRI, "kind", "event", "label", ev.Lemma, "class", ev.Class, "date", ev.Date,
		"range_begin", ev.RangeBegin, "range_end", ev.RangeEnd, "mentions", strconv.Itoa(len(ev.Mentions)))
	for _, r := range []struct {
		role string
		refs []EntityRef
	}{{"agent", ev.Agents}, {"patient", ev.Patients}, {"location", ev.Locations}} {
		for _, ref := range r.refs {
			if g.ids[ref.IRI] == "" {
				g.node(ref.IRI, "kind", "entity", "label", ref.Name, "type", ref.Type)
			}
			g.edge(ev.IRI, ref.IRI, r.role, 1)
		}
	}
	reports := map[string]int{}
	var order []string
	for _, m := range ev.Mentions {
		if reports[m.Doc] == 0 {
			order = append(order, m.Doc)
		}
		reports[m.Doc]++
	}
	for _, doc := range order {
		if g.ids[doc] != "" {
			g.edge(doc, ev.IRI, "reports", reports[doc])
		}
	}
}
