package extract

import (
	"context"
	"regexp"
	"strings"
)

// The outlet stage names the article's publisher when the input did not
// (no --source, no HTML site name, no JSON Lines "source"). It reads only
// the sentences the text stage set apart as bylines, boilerplate and the
// first body sentence (a dateline), where outlets name themselves:
//
//	Press TV's website can also be accessed at ...   -> Press TV
//	Fact checked by The People's Voice Community     -> The People's Voice
//	© 2015 Reuters / Copyright 2015 The Guardian     -> Reuters / The Guardian
//	Follow Al Jazeera on Twitter                     -> Al Jazeera
//	PARIS (Reuters) - ...                            -> Reuters
//
// A credit to another outlet ("Presstv.ir reports:", "according to AFP")
// names where the text came from, not who published it, and is not used.
type outletStage struct{}

func newOutletStage() (Stage, error) { return outletStage{}, nil }

func (outletStage) Name() string { return "outlet" }

// An outlet name: capitalized words, possibly with an apostrophe-s, "of",
// "the" or "&" between them, or an all-caps or CamelCase name.
const outletName = `((?:The |the )?[A-Z][\w.&]*(?:['’]s)?(?: (?:of |the |& |and )?[A-Z][\w.&]*(?:['’]s)?){0,5})`

var outletCues = []*regexp.Regexp{
	regexp.MustCompile(outletName + `['’]s? (?:website|web site|site|app|channel|newsletter|homepage)\b`),
	regexp.MustCompile(`(?i:fact[- ]checked|published|produced|edited|brought to you) by ` + outletName),
	regexp.MustCompile(`(?:©|\(c\)|(?i:copyright))\s*(?:\d{4}(?:[-–]\d{4})?,?\s*)?` + outletName),
	regexp.MustCompile(`(?i:follow|like) ` + outletName + ` on (?:Twitter|Facebook|Instagram|Telegram|X|YouTube)`),
}

// A wire-service dateline: "PARIS (Reuters) -", "MOSCOW, Nov 30 (AFP) —".
var datelineOutlet = regexp.MustCompile(`^[A-Z][A-Z .,'-]{1,40}(?:,[^()]{1,20})?\s*\(` + outletName + `\)\s*[-–—]`)

// Words that name a team within an outlet rather than the outlet.
var outletTeamWords = map[string]bool{
	"Community": true, "Team": true, "Staff": true, "Desk": true, "Editors": true,
	"Editorial": true, "Newsroom": true, "Inc.": true, "Ltd.": true, "LLC": true,
}

// Run sets doc.Source when it is empty and the text names its outlet.
func (outletStage) Run(ctx context.Context, doc *Document) error {
	if doc.Source != "" {
		return nil
	}
	firstBody := true
	for _, s := range doc.Sentences {
		text := doc.Text[s.Start:s.End]
		switch s.Kind {
		case KindBody:
			if !firstBody {
				continue
			}
			firstBody = false
			if m := datelineOutlet.FindStringSubmatch(text); m != nil {
				doc.Source = cleanOutlet(m[1])
				return nil
			}
		case KindByline, KindBoilerplate:
			for _, re := range outletCues {
				if m := re.FindStringSubmatch(text); m != nil {
					if name := cleanOutlet(m[1]); name != "" {
						doc.Source = name
						return nil
					}
				}
			}
		}
	}
	return nil
}

// cleanOutlet trims team words and stray punctuation off a matched name.
func cleanOutlet(name string) string {
	words := strings.Fields(strings.Trim(name, " .,;:"))
	for len(words) > 1 && outletTeamWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 1 && strings.EqualFold(words[0], "the") {
		return ""
	}
	return strings.Join(words, " ")
}
