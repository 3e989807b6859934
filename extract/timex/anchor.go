package timex

import (
	"fmt"
	"strings"
)

// AnchorMode tells what relative expressions ("in October", "the
// following year", "two days later", "on Friday") are resolved against.
type AnchorMode uint8

const (
	// AnchorAuto chooses per document and per paragraph: a document whose
	// explicit years lie mostly two or more years before its creation
	// date (a history, a profile) is narrative; in a news document a
	// paragraph whose last explicit date is that old (background) is
	// narrative for month names, "the following year" and the like, while
	// deictic words ("yesterday", "this week", "on Friday") keep the
	// creation date.
	AnchorAuto AnchorMode = iota
	// AnchorNews resolves against the document creation time (DCT),
	// except the few expressions that always follow the text ("the next
	// day", "two days later").
	AnchorNews
	// AnchorNarrative resolves against the reference time the text has
	// established: the last explicit date, with its granularity.
	AnchorNarrative
)

// Mode names written in Timex.Mode.
const (
	ModeNews      = "news"
	ModeNarrative = "narrative"
)

// String is the flag name of m: auto, news or narrative.
func (m AnchorMode) String() string {
	switch m {
	case AnchorNews:
		return ModeNews
	case AnchorNarrative:
		return ModeNarrative
	}
	return "auto"
}

// ParseAnchorMode reads "auto", "news" or "narrative".
func ParseAnchorMode(s string) (AnchorMode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "auto", "":
		return AnchorAuto, nil
	case ModeNews:
		return AnchorNews, nil
	case ModeNarrative:
		return AnchorNarrative, nil
	}
	return AnchorAuto, fmt.Errorf("time anchor %q: want news, narrative or auto", s)
}

// narrativeYears reads the document's explicit years ("in 1941", "May 4,
// 1941", "1941-45") and reports whether most of them lie two or more
// years before the DCT: the text tells a story of its own time.
//
// A text that opens in the present (its first date a recent year, the
// DCT's own dateline, or a news cue: "filed a lawsuit ... this week") is
// news whose background goes back in time, however many old years it
// names.
func (p *parser) narrativeYears() bool {
	old, recent, cues, leadOld := p.yearStats()
	return leadOld && old >= 3 && old > recent && cues*4 <= old
}

// yearStats counts the document's explicit years two or more years
// before the DCT (old) and the others (recent), and its news cues:
// weekdays, yesterday/today/tomorrow, ago, last/this/next week, month or
// year. leadOld tells whether the first of them all is an old year.
func (p *parser) yearStats() (old, recent, cues int, leadOld bool) {
	seen := false // whether the first year or cue has been read
	for i := range p.toks {
		if !seen && old+recent+cues > 0 {
			seen, leadOld = true, old > 0
		}
		t := &p.toks[i]
		switch {
		case t.k == tWord && t.lex != nil:
			switch t.lex.c {
			case cWeekday:
				if t.up && !t.lex.abbr {
					cues++ // Monday; not the "Sun" of Sun Yat-sen
				}
			case cRelDay:
				cues++
			case cDirection:
				if t.lex.v == dirAgo {
					cues++
				}
			case cDeictic:
				if v := t.lex.v; (v == dLast || v == dThis || v == dNext) && p.c(i+1) == cUnit {
					cues++
				}
			}
		case t.k == tNum && p.isEra(i+1):
			old++ // 480 BC
		case t.k != tNum || t.nd != 4 || t.n < 1000 || t.n > 2099 || !p.explicitYear(i):
		case t.n <= p.dct.y-2:
			old++
		default:
			recent++
		}
	}
	if !seen {
		leadOld = old > 0
	}
	return old, recent, cues, leadOld
}

// explicitYear reports whether the four-digit number at i reads as a
// year: after a preposition, a month or a day of month ("May 4, 1941").
func (p *parser) explicitYear(i int) bool {
	if i+1 < len(p.toks) && (p.punct(i+1, '%') || p.punct(i+1, ',') && p.adjacent(i) && i+2 < len(p.toks) && p.toks[i+2].k == tNum) {
		return false
	}
	if p.c(i-1) == cMonth {
		return true
	}
	switch p.w(i - 1) {
	case "in", "of", "since", "by", "until", "from", "during", "before", "after", "early", "late", "mid", "between", "and", "to":
		return true
	}
	return p.punct(i-1, ',') && (p.c(i-2) == cMonth || i >= 2 && p.toks[i-2].k == tNum && p.toks[i-2].nd <= 2)
}

// deicticKind reports whether s is a word whose news reading points at
// the moment of writing: yesterday, today, this week, on Friday, ago.
func deicticKind(s sem) bool {
	switch s.kind {
	case kWeekday, kRelDay, kDeictic, kAgo, kLastDone:
		return !s.fromRef
	}
	return false
}

// narrativeKind reports whether s is resolved against the reference time
// in narrative text.
func narrativeKind(s sem) bool {
	switch s.kind {
	case kNoYear, kHoliday, kMonthOfYear, kWeekday, kDeictic, kLastDone, kAgo, kClock, kPod:
		return true
	case kRelDay:
		return s.n != 0 // today is the writer's
	}
	return false
}

// narrativeAt decides, for the expression s at token i, whether it is
// resolved against the text's reference time instead of the DCT.
func (p *parser) narrativeAt(i int, s sem) bool {
	if p.mode == AnchorNews || !narrativeKind(s) || !p.hasNref {
		return false
	}
	if p.mode == AnchorNarrative || p.narrativeDoc {
		return true
	}
	if !p.hasDCT || p.dct.y < 0 {
		// no DCT: the text's own dates give the year of "in April", but a
		// deictic word still points at the unknown day of writing
		return !deicticKind(s)
	}
	// a news document: a background paragraph whose last date names a
	// month two or more years old ("In June 1994, ... In July"); deictic
	// words and a future verb keep the DCT
	return !deicticKind(s) && p.nref.y <= p.dct.y-2 && p.nref.g >= gMonth && p.nref.m > 0 && p.nrefAdverbial &&
		p.nrefPara == p.paraAt(p.toks[i].s) && p.futureCueKind(i) == cueNone
}

// backgroundRef reports whether the reference time just set, in a news
// text, is a background paragraph's: two or more years old, naming a
// month, setting the time of its clause (the test narrativeAt applies to
// month names and the like after it).
func (p *parser) backgroundRef() bool {
	return p.hasDCT && p.dct.y >= 0 && p.nref.y <= p.dct.y-2 && p.nref.g >= gMonth && p.nref.m > 0 && p.nrefAdverbial
}

// refUntil closes the span of the last date that became the story's
// reference time at byte offset until (the next such date, or the end of
// the text), where the text is narrative: in a narrative document the
// span runs to until; in a news text only a background paragraph's date
// has one, which also ends with its paragraph. With news anchoring, or
// no year in the DCT, no date has one.
func (p *parser) refUntil(until int) {
	if p.storyRef < 0 || p.mode == AnchorNews || until < p.out[p.storyRef].End {
		return
	}
	tx := &p.out[p.storyRef]
	if p.mode != AnchorNarrative && !p.narrativeDoc {
		if !p.storyBg || !p.hasDCT || p.dct.y < 0 {
			return
		}
		if e := strings.Index(p.text[tx.End:until], "\n\n"); e >= 0 {
			until = tx.End + e
		}
	}
	tx.RefUntil = until
}

// paraAt is the index of the paragraph holding byte offset off: blank
// lines separate paragraphs. Offsets must not decrease between calls.
func (p *parser) paraAt(off int) int {
	for p.paraOff < off {
		k := strings.Index(p.text[p.paraOff:off], "\n\n")
		if k < 0 {
			p.paraOff = off
			break
		}
		p.para++
		p.paraOff += k + 2
		for p.paraOff < off && p.text[p.paraOff] == '\n' {
			p.paraOff++
		}
	}
	return p.para
}

// refBase is the reference time as an anchor: the last date the text
// established, at its granularity.
func (p *parser) refBase() dval {
	v := p.nref
	v.pod, v.hasTime = "", false
	return v
}

// adverbial reports whether the expression at token i sets the time of
// its clause: after a preposition of time, or opening a sentence.
func (p *parser) adverbial(i int) bool {
	switch p.w(i - 1) {
	case "in", "on", "during", "by", "since", "until", "till", "from", "through":
		return true
	}
	return i == 0 || p.toks[i-1].k == tPunct && p.sentenceEnd(i-1)
}

// aside reports whether the date at token i stays out of the story's
// time line: told in the pluperfect ("forces that had invaded Burma in
// late 1943"), as a plan ("a campaign planned for 1976"), as the end of
// a span ("an assault that lasted until the fall of Budapest in February
// 1945") or as its start ("part of the empire since 513 BC").
func (p *parser) aside(i int) bool {
	// a flashback, where a span ends, or where it began
	return p.clauseHas(i, "had", "until", "till", "since") || p.futureCueKind(i) == cueVerb
}

// clauseHas reports whether one of words comes in the ten tokens before
// token i within its clause.
func (p *parser) clauseHas(i int, words ...string) bool {
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		if p.toks[k].k == tPunct {
			if c := p.text[p.toks[k].s]; c == ',' || c == ';' || c == '(' || p.sentenceEnd(k) {
				return false
			}
			continue
		}
		w := p.w(k)
		for _, x := range words {
			if w == x {
				return true
			}
		}
	}
	return false
}

// within reports whether v is coarser than the reference time and holds
// it: "On December 7 (December 8 in Asia), 1941" leaves the story on
// December 7, not in 1941 at large.
func (p *parser) within(v dval) bool {
	return p.hasNref && v.g < p.nref.g && v.g <= gMonth && p.nref.coarsen(v.g).String() == v.String()
}

// isEra reports whether an era (BC, AD, ...) is written at i.
func (p *parser) isEra(i int) bool {
	_, _, ok := p.era(i)
	return ok
}
