package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// StoryInfo is one story: the articles the reconciler grouped together
// because they tell the same happenings.
type StoryInfo struct {
	IRI       string    `json:"iri"`
	Documents []DocInfo `json:"documents"`
}

// StoryIRI accepts a story id with or without its "story/" prefix or
// brackets.
func StoryIRI(id string) string {
	id = strings.Trim(strings.TrimSpace(id), "<>")
	if !strings.HasPrefix(id, "story/") {
		id = "story/" + id
	}
	return id
}

// Stories lists the stories, largest first, then by IRI; each story's
// articles in date order.
func (s *Store) Stories(ctx context.Context) ([]StoryInfo, error) {
	docs, err := s.Documents(ctx)
	if err != nil {
		return nil, err
	}
	by := map[string]*StoryInfo{}
	var out []*StoryInfo
	for _, d := range docs {
		if d.Story == "" {
			continue
		}
		st := by[d.Story]
		if st == nil {
			st = &StoryInfo{IRI: d.Story}
			by[d.Story] = st
			out = append(out, st)
		}
		st.Documents = append(st.Documents, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Documents) != len(out[j].Documents) {
			return len(out[i].Documents) > len(out[j].Documents)
		}
		return out[i].IRI < out[j].IRI
	})
	list := make([]StoryInfo, len(out))
	for i, st := range out {
		list[i] = *st
	}
	return list, nil
}

// StoryDocuments returns the IRIs of a story's articles, by index.
func (s *Store) StoryDocuments(ctx context.Context, story string) ([]string, error) {
	qs, err := s.loadQuads(ctx, byNodes(quad.Object, []string{StoryIRI(story)}))
	if err != nil {
		return nil, err
	}
	docs := distinctNodes(qs, func(q quad.Quad) (string, bool) {
		return nodeKey(q.Subject), nodeKey(q.Predicate) == PredStory
	})
	sort.Strings(docs)
	return docs, nil
}

// EventIRIsInDocuments returns the event nodes the given articles report,
// reading only those articles' quads.
func (s *Store) EventIRIsInDocuments(ctx context.Context, docs []string) ([]string, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	qs, err := s.loadQuads(ctx, byLabels(docs))
	if err != nil {
		return nil, err
	}
	return distinctNodes(qs, func(q quad.Quad) (string, bool) {
		return nodeKey(q.Object), nodeKey(q.Predicate) == PredMentionOf
	}), nil
}
