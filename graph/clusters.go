package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// EventMentionRef is one event mention as coreference scoring needs it:
// its trigger's byte span in its document and the event node it is a
// mention of. Mentions of one event node form one cluster, within and
// across documents.
type EventMentionRef struct {
	IRI   string `json:"iri"`   // evmention/H/N
	Start int    `json:"start"` // trigger start, a byte offset into the document text
	End   int    `json:"end"`   // trigger end
	Event string `json:"event"` // the event node (mentionOf)
}

// EventMentionClusters returns the event mentions of each of docs
// (document IRIs; every stored document when docs is nil), in text order,
// keyed by document IRI, with the event node each is a mention of. It
// reads the mentions by index: the quads pointing at the documents, then
// the mentions' own quads. A document that holds no event mention, or is
// not stored, has no key.
func (s *Store) EventMentionClusters(ctx context.Context, docs []string) (map[string][]EventMentionRef, error) {
	if docs == nil {
		infos, err := s.Documents(ctx)
		if err != nil {
			return nil, err
		}
		for _, d := range infos {
			docs = append(docs, d.IRI)
		}
	}
	into, err := s.loadQuads(ctx, byNodes(quad.Object, docs))
	if err != nil {
		return nil, err
	}
	mentions := distinctNodes(into, func(q quad.Quad) (string, bool) {
		m := nodeKey(q.Subject)
		return m, nodeKey(q.Predicate) == PredInDocument && strings.HasPrefix(m, "evmention/")
	})
	qs, err := s.loadQuads(ctx, byNodes(quad.Subject, mentions))
	if err != nil {
		return nil, err
	}
	v := newQuadView(qs)
	out := map[string][]EventMentionRef{}
	for _, m := range mentions {
		ev, doc := v.best(m, PredMentionOf), v.best(m, PredInDocument)
		if ev == "" || doc == "" {
			continue
		}
		out[doc] = append(out[doc], EventMentionRef{IRI: m, Start: v.num(m, PredStart), End: v.num(m, PredEnd), Event: ev})
	}
	for _, ms := range out {
		sort.Slice(ms, func(i, j int) bool {
			if ms[i].Start != ms[j].Start {
				return ms[i].Start < ms[j].Start
			}
			return ms[i].IRI < ms[j].IRI
		})
	}
	return out, nil
}
