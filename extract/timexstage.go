package extract

import (
	"context"
	"fmt"

	"github.com/storyline/storyline/extract/timex"
)

// timexStage fills doc.Timexes: the temporal expressions of the whole
// text, resolved against the article's date (doc.DCT.Value; when unknown,
// values keep X digits; a partial date such as XXXX-11-24, from a dateline
// without a year, resolves what its month and day allow: yesterday is
// XXXX-11-23).
type timexStage struct {
	tagger *timex.Tagger
}

func newTimexStage() (Stage, error) { return &timexStage{tagger: timex.New()}, nil }

func (*timexStage) Name() string { return "timex" }

// Run tags doc.Text.
func (s *timexStage) Run(ctx context.Context, doc *Document) error {
	txs, err := s.tagger.Tag(ctx, doc.Text, doc.DCT.Value)
	if err != nil {
		return fmt.Errorf("timex: %w", err)
	}
	doc.Timexes = txs
	return nil
}
