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
// XXXX-11-23) or, in narrative text, against the date the story has
// reached (see timex.AnchorMode; WithTimeAnchor chooses the mode).
type timexStage struct {
	taggers [3]*timex.Tagger // by timex.AnchorMode
}

func newTimexStage() (Stage, error) {
	return &timexStage{taggers: [3]*timex.Tagger{
		timex.AnchorAuto:      timex.NewAnchored(timex.AnchorAuto),
		timex.AnchorNews:      timex.NewAnchored(timex.AnchorNews),
		timex.AnchorNarrative: timex.NewAnchored(timex.AnchorNarrative),
	}}, nil
}

func (*timexStage) Name() string { return "timex" }

// Run tags doc.Text with the anchoring ctx asks for (TimeAnchor).
func (s *timexStage) Run(ctx context.Context, doc *Document) error {
	tg := s.taggers[timex.AnchorAuto]
	if m := TimeAnchor(ctx); int(m) < len(s.taggers) {
		tg = s.taggers[m]
	}
	txs, err := tg.Tag(ctx, doc.Text, doc.DCT.Value)
	if err != nil {
		return fmt.Errorf("timex: %w", err)
	}
	doc.Timexes = txs
	return nil
}
