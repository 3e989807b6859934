package graph

import (
	"context"
	"sort"
	"strings"
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
	// A mention's quads are labelled by its document.
	qs, err := s.loadQuads(ctx, byLabels(docs))
	if err != nil {
		return nil, err
	}
	v := newQuadView(qs)
	out := map[string][]EventMentionRef{}
	for m := range v {
		if !strings.HasPrefix(m, "evmention/") {
			continue
		}
		ev, doc := v.best(m, PredMentionOf), docOfMention(m)
		_, start, end, ok := parseSpan(v.best(m, PredSpan))
		if ev == "" || doc == "" || !ok {
			continue
		}
		out[doc] = append(out[doc], EventMentionRef{IRI: m, Start: start, End: end, Event: ev})
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
