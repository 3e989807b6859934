package extract

import (
	"context"
	"fmt"
	"strings"

	"github.com/storyline/storyline/extract/timex"
)

// timexStage fills doc.Timexes: the temporal expressions of the whole
// text, resolved against the article's date (doc.DCT.Value; when unknown,
// values keep X digits; a partial date such as XXXX-11-24, from a dateline
// without a year, resolves what its month and day allow: yesterday is
// XXXX-11-23) or, in narrative text, against the date the story has
// reached (see timex.AnchorMode; WithTimeAnchor chooses the mode).
//
// The tagger consults the entity stage's gazetteer (given names, titles;
// see gazNames), so that a month or weekday in a person's name ("Joe
// Friday", "Sergeant Friday", "Prime Minister Theresa May") is no date.
// The stage runs before the entity stage, whose names stop at month and
// weekday words and so hold no evidence about them.
type timexStage struct {
	taggers [3]*timex.Tagger // by timex.AnchorMode
}

func newTimexStage() (Stage, error) {
	var s timexStage
	for _, m := range []timex.AnchorMode{timex.AnchorAuto, timex.AnchorNews, timex.AnchorNarrative} {
		tg, err := TimexTagger(m)
		if err != nil {
			return nil, err
		}
		s.taggers[m] = tg
	}
	return &s, nil
}

// TimexTagger is the tagger the timex stage runs for the anchoring m:
// it consults the entity gazetteer's given names and titles. The TimeML
// eval scores it.
func TimexTagger(m timex.AnchorMode) (*timex.Tagger, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	return timex.NewAnchored(m).WithNames(newGazNames(g)), nil
}

// gazNames answers the tagger's questions about names from the entity
// gazetteer. It is built once and only read.
type gazNames struct {
	given  map[string]bool
	titles map[string]bool // lower case, single spaces
}

func newGazNames(g *gazetteer) gazNames {
	n := gazNames{given: g.given, titles: make(map[string]bool, len(g.titles))}
	for _, t := range g.titles {
		n.titles[strings.Join(strings.Fields(strings.ToLower(strings.TrimSuffix(t, "."))), " ")] = true
	}
	return n
}

// GivenName reports a given name of givennames.txt.
func (n gazNames) GivenName(w string) bool { return n.given[w] }

// Title reports a title of titles.txt (its period dropped: "sgt").
func (n gazNames) Title(words string) bool { return n.titles[words] }

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
