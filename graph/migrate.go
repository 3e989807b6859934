package graph

import (
	"context"
	"sort"

	"github.com/storyline/storyline/extract"
)

// StoredArticles reads every stored document back as the input it was
// ingested from: its text, file name, outlet and URL, and its date when
// the user gave it (a flag or the input's metadata); a date the
// extraction found is found again. Ingesting the result into a new store
// rebuilds the store with this program's schema and rules, which is how
// a store of an earlier schema version is migrated. The documents'
// predicates are the same in every schema version, so this reads a store
// opened with OpenOptions.AnySchema. Inputs are in document IRI order.
func (s *Store) StoredArticles(ctx context.Context) ([]extract.Input, error) {
	qs, err := s.loadQuads(ctx, byPredicates(PredSHA256, PredName, PredSource, PredURL, PredText, PredDate, PredDateSource))
	if err != nil {
		return nil, err
	}
	v := newQuadView(qs)
	var out []extract.Input
	var iris []string
	for subj := range v {
		if len(v[subj][PredSHA256]) > 0 {
			iris = append(iris, subj)
		}
	}
	sort.Strings(iris)
	for _, d := range iris {
		in := extract.Input{
			Name:   v.best(d, PredName),
			Source: v.best(d, PredSource),
			URL:    v.best(d, PredURL),
			Text:   v.best(d, PredText),
		}
		switch src := v.best(d, PredDateSource); src {
		case "flag", "metadata":
			in.Date, in.DateSource = v.best(d, PredDate), src
		}
		out = append(out, in)
	}
	return out, nil
}
