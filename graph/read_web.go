package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// Reads the web view (package web) needs beyond the timeline's: a stored
// article's text, the events of one class, and the names entities are
// known by, each by index.

// DocumentText returns a stored document's text and whether it is stored.
func (s *Store) DocumentText(ctx context.Context, iri string) (string, bool, error) {
	texts, err := s.storedTexts(ctx, []string{iri})
	if err != nil {
		return "", false, err
	}
	st, ok := texts[iri]
	return st.text, ok, nil
}

// EventIRIsOfClass lists the event nodes of one class ("meet",
// "attack"), by index, without reading the events.
func (s *Store) EventIRIsOfClass(ctx context.Context, class string) ([]string, error) {
	subj, err := s.subjectsOfValues(ctx, []quad.Value{quad.String(class)}, PredClass)
	if err != nil {
		return nil, err
	}
	return onlyEvents(subj), nil
}

// onlyEvents keeps the event nodes of nodes (in place).
func onlyEvents(nodes []string) []string {
	out := nodes[:0]
	for _, e := range nodes {
		if strings.HasPrefix(e, "event/") {
			out = append(out, e)
		}
	}
	return out
}

// EntityName is one name (canonical or alias) an entity is known by.
type EntityName struct {
	Name   string `json:"name"`
	Entity string `json:"entity"`
	// Canonical is the entity's canonical name.
	Canonical string `json:"canonical"`
	Type      string `json:"type"`
}

// EntityNames lists every name and alias of every entity, once per entity
// and folded name, sorted by name: what a completion needs. Mentions are
// not read.
func (s *Store) EntityNames(ctx context.Context) ([]EntityName, error) {
	qs, err := s.loadQuads(ctx, byPredicates(PredName, PredAlias, PredEntityType))
	if err != nil {
		return nil, err
	}
	v := newQuadView(qs)
	var out []EntityName
	for subj := range v {
		if !strings.HasPrefix(subj, "entity/") {
			continue
		}
		canonical, typ := v.best(subj, PredName), v.best(subj, PredEntityType)
		seen := map[string]bool{}
		for _, n := range append(v.all(subj, PredName), v.all(subj, PredAlias)...) {
			if f := foldName(n); f != "" && !seen[f] {
				seen[f] = true
				out = append(out, EntityName{Name: n, Entity: subj, Canonical: canonical, Type: typ})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := foldName(out[i].Name), foldName(out[j].Name); a != b {
			return a < b
		}
		return out[i].Entity < out[j].Entity
	})
	return out, nil
}
