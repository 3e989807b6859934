package timex

import (
	"context"
	"fmt"
	"strings"
)

// Tagger finds and normalizes temporal expressions. It holds no mutable
// state and is safe for concurrent use.
type Tagger struct {
	anchor AnchorMode
	names  Names // what the entity stage knows of names, or nil
}

// New returns a Tagger that chooses news or narrative anchoring by itself
// (AnchorAuto).
func New() *Tagger { return &Tagger{} }

// NewAnchored returns a Tagger that anchors relative expressions as m
// says.
func NewAnchored(m AnchorMode) *Tagger { return &Tagger{anchor: m} }

// Anchor is the tagger's anchoring mode.
func (tg *Tagger) Anchor() AnchorMode { return tg.anchor }

// Tag finds the temporal expressions of text. dct is the document
// creation time as a TIMEX3 value (YYYY-MM-DD, optionally with a time, or
// coarser); when it is empty, relative expressions keep unknown (X)
// digits. The result is sorted by offset and spans do not overlap.
func (tg *Tagger) Tag(ctx context.Context, text, dct string) ([]Timex, error) {
	p := parser{text: text, toks: scan(text, make([]tok, 0, len(text)/5+8)), refIdx: -1, topicIdx: -1, storyRef: -1, mode: tg.anchor, names: tg.names}
	if dct != "" {
		v, ok := parseDCT(dct)
		if !ok {
			return nil, fmt.Errorf("timex: bad document date %q", dct)
		}
		p.dct, p.hasDCT = v, true
	} else {
		p.dct = dval{g: gDay, y: -1}
	}
	if p.mode == AnchorAuto && p.hasDCT && p.dct.y >= 0 {
		p.narrativeDoc = p.narrativeYears()
	}
	for i := 0; i < len(p.toks); {
		if i&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("timex: tagging: %w", err)
			}
		}
		if !p.trigger(i) {
			i++
			continue
		}
		j, s, ok := p.match(i)
		if !ok || j <= i {
			i++
			continue
		}
		p.emit(i, j, s)
		i = j
		if s.val.g == gDay && s.val.m > 0 && s.val.d > 0 && len(p.out) > 0 && p.out[len(p.out)-1].End == p.toks[j-1].e {
			i = p.dayList(j)
		}
	}
	p.clockDays()
	p.coordinatedYears()
	p.refUntil(len(text))
	return p.out, nil
}

// dayList tags the bare day numbers that continue the month-day date
// just emitted, ending at token j: "April 24 and 25", "May 3, 4 and 5"
// share its month and year, and a year after the last day ("April 24 and
// 25, 1999") is the year of them all. The days must rise and stand alone,
// so "on April 24, 5 people died" and "April 24 and 25 soldiers" are not
// lists.
func (p *parser) dayList(j int) int {
	if len(p.out) == 0 || p.last.g != gDay || p.last.hasTime || p.last.pod != "" || p.last.m == 0 || p.last.d == 0 {
		return j
	}
	first, prev := len(p.out)-1, p.last
	days := []dval{prev}
	for {
		k := j
		if p.punct(k, ',') {
			k++
		}
		if w := p.w(k); w == "and" || w == "or" {
			k++
		}
		if k == j || k >= len(p.toks) {
			return j
		}
		t := &p.toks[k]
		if t.k != tNum || t.nd > 2 || t.n <= prev.d {
			return j
		}
		next := k + 1
		closing, afterYear, hasYear := p.yearAfter(next)
		y := prev.y
		switch {
		case hasYear:
			y = closing
		case y < 0:
			y = 2000 // a leap year: Feb. 29 may be a day of an unknown year
		}
		if !validDate(y, prev.m, t.n) {
			return j
		}
		if !hasYear && next < len(p.toks) && p.w(next) != "and" && p.w(next) != "or" {
			switch nt := &p.toks[next]; {
			case nt.k == tWord || nt.k == tNum || nt.k == tAlnum, p.punct(next, '%'), p.punct(next, ':'), p.punct(next, '-'), p.punct(next, '/'):
				return j // a count, a clock time or a range: not a day of the list
			}
		}
		v := prev
		v.d = t.n
		p.out = append(p.out, Timex{Start: t.s, End: t.e, Text: p.text[t.s:t.e], Type: "DATE", Value: v.String(), Anchor: "text", AnchorIndex: first})
		if p.hasRef {
			p.ref, p.refIdx = v, len(p.out)-1
		}
		prev, j, p.last = v, next, v
		days = append(days, v)
		if hasYear {
			// the year closes the list and belongs to every day of it
			p.out[len(p.out)-1].End = p.toks[afterYear-1].e
			p.out[len(p.out)-1].Text = p.text[t.s:p.toks[afterYear-1].e]
			for x, d := range days {
				d.y = closing
				p.out[first+x].Value = d.String()
			}
			p.out[first].Anchor = ""
			if p.hasRef {
				p.ref.y = closing
			}
			p.last.y = closing
			return afterYear
		}
	}
}

// clockDays gives a clock time that was put on the DCT's day the day of
// a date that follows it closely in the same sentence: "at 10:35 a.m.
// (0735 GMT) Friday", or of a clock time with its day that restates it:
// "at 4 in the morning (4 a.m. EDT Thursday)".
func (p *parser) clockDays() {
	for k := 0; k+1 < len(p.out); k++ {
		c, d := &p.out[k], &p.out[k+1]
		// a clock time on the DCT's day, or on the story's day in a narrative
		if c.Type != "TIME" || c.Anchor != "dct" && c.Mode != ModeNarrative || len(c.Value) != 16 || c.Value[10] != 'T' || c.Value[13] != ':' {
			continue
		}
		day := d.Value
		if d.Type == "TIME" && len(day) == 16 && day[10] == 'T' && day[11:] == c.Value[11:] {
			day = day[:10] // the same clock time, with its day named
		} else if d.Type != "DATE" {
			continue
		}
		if len(day) != 10 || day[0] == 'X' || d.Start-c.End > 24 {
			continue
		}
		if strings.ContainsAny(p.text[c.End:d.Start], ".;!?") {
			continue
		}
		c.Value = day + c.Value[10:]
		c.Anchor, c.AnchorIndex, c.Mode = d.Anchor, -1, d.Mode
		if d.Anchor == "text" && d.AnchorIndex < k {
			c.AnchorIndex = d.AnchorIndex
		} else if d.Anchor == "text" {
			c.Anchor = "dct"
		}
	}
}

// coordinatedYears gives a month, season or month-day written without a
// year the year of the date of the same kind it is coordinated with: "in
// April and June 1955", "the spring and early summer of 1943". A range
// ("from October to March 1945") may cross a year, and is left alone.
func (p *parser) coordinatedYears() {
	for k := 0; k+1 < len(p.out); k++ {
		a, b := &p.out[k], &p.out[k+1]
		if a.Type != "DATE" || b.Type != "DATE" || a.Anchor == "" || b.Anchor != "" || a.Range != "" {
			continue
		}
		if between := strings.TrimSpace(p.text[a.End:b.Start]); between != "and" && between != "or" {
			continue
		}
		if !yearDigits(a.Value) || !yearDigits(b.Value) || len(a.Value) != len(b.Value) || len(a.Value) < 7 ||
			isDigit(a.Value[5]) != isDigit(b.Value[5]) || a.Value[:4] == b.Value[:4] {
			continue
		}
		a.Value = b.Value[:4] + a.Value[4:]
		a.Anchor, a.AnchorIndex, a.Mode = "", -1, ""
	}
}

// yearDigits reports whether a value opens with a four-digit year.
func yearDigits(v string) bool {
	return len(v) >= 4 && isDigit(v[0]) && isDigit(v[1]) && isDigit(v[2]) && isDigit(v[3])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Tag tags text with a fresh Tagger; see Tagger.Tag.
func Tag(ctx context.Context, text, dct string) ([]Timex, error) {
	return New().Tag(ctx, text, dct)
}

// kinds of matched expressions.
const (
	kAbs         = iota + 1 // val is complete (known year)
	kNoYear                 // val lacks its year: month-day, month, quarter, season, half
	kWeekday                // val.wd (+pod)
	kDeictic                // DCT at granularity val.g shifted by n
	kRelDay                 // DCT day shifted by n days (+pod)
	kRef                    // lit
	kDur                    // lit
	kSet                    // lit, quant
	kAgo                    // n units before the DCT (n < 0: after)
	kLater                  // n units after (n < 0: before) the text's reference date
	kAnaphor                // the reference date at unit granularity shifted by n
	kClock                  // val.hh:mm on the reference or DCT day
	kLastDone               // the latest completed unit (the quarter, the weekend)
	kMonthOfYear            // val.m in the DCT's year shifted by n years
	kHoliday                // holiday val.n (holiday.go), its year picked like a month-day's
	kPod                    // part of day val.pod on the reference or DCT day: mid-afternoon
	kYearPeriod             // "the 1988 period": the reported quarter in year n, else year n
)

// sem is what a matched expression means, before anchoring.
type sem struct {
	kind   int
	typ    string
	val    dval
	n      int
	unit   int
	lit    string
	mod    string
	quant  string
	future bool // direction forced by a word (next, coming)
	past   bool // direction forced by a word (last, past)
	// fromRef resolves a weekday against the date the text last talked
	// about, not the DCT: the previous Friday, that Friday; and "the
	// month" / "the week" to the month or week the text just named.
	fromRef bool
	// dayShift moves a resolved day: "the day before last Tuesday" is -1.
	dayShift int
	// weekOf turns a resolved day into its week: the week of March 6.
	weekOf bool
	// refYear puts a month or month-day without a year in the year of the
	// date the text talks about, shifted by n: "August of that year".
	refYear bool
	// weekday is the weekday a month-day without a year was given with
	// (1 = Monday): "Tuesday, May 4" is in a year whose May 4 is a Tuesday.
	weekday int
}

type parser struct {
	text   string
	toks   []tok
	dct    dval
	hasDCT bool
	ref    dval // the date the text last talked about
	refIdx int
	hasRef bool
	// topic is the latest recent quarter the text names definitely, the
	// one a quarterly report is about (topicIdx >= 0 when known): "the year-earlier
	// period" and "a year ago" compare with it even after a side mention
	// of another quarter.
	topic    dval
	topicIdx int
	out      []Timex
	last     dval // the value of the last timex in out
	at       int  // the first token of the expression emit resolves
	names    Names
	// mode is the tagger's anchoring; narrativeDoc is true when AnchorAuto
	// found the document narrative (narrativeYears), and narr while emit
	// resolves an expression against the reference time.
	mode         AnchorMode
	narrativeDoc bool
	narr         bool
	// nref is the narrative reference time: the last date the story
	// moved to, which a flashback ("forces that had invaded Burma in late
	// 1943") or a plan ("a campaign planned for 1976") does not move
	// (hasNref, nrefIdx its timex); nrefPara is its paragraph, para and
	// paraOff are paraAt's position.
	nref                    dval
	hasNref                 bool
	nrefIdx                 int
	nrefPara, para, paraOff int
	// nrefAdverbial tells whether the reference date sets the time of its
	// clause ("In June 1994, ...", "on May 22, 1995") rather than naming
	// a thing ("the Dec. 21, 1988, bombing").
	nrefAdverbial bool
	// storyRef is the last timex that became the reference time (an
	// index in out, -1 before any), storyBg whether it opens a background
	// paragraph of a news text (backgroundRef); refUntil closes its span.
	storyRef int
	storyBg  bool
}

func (p *parser) w(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].word()
}

func (p *parser) c(i int) cat {
	if i < 0 || i >= len(p.toks) || p.toks[i].lex == nil || p.toks[i].k != tWord {
		return cNone
	}
	return p.toks[i].lex.c
}

func (p *parser) v(i int) int { return p.toks[i].lex.v }

func (p *parser) punct(i int, ch byte) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].k == tPunct && p.text[p.toks[i].s] == ch
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (p *parser) adjacent(i int) bool {
	return i >= 0 && i+1 < len(p.toks) && p.toks[i].e == p.toks[i+1].s
}

// trigger is a cheap test for tokens that can start an expression.
func (p *parser) trigger(i int) bool {
	t := &p.toks[i]
	switch t.k {
	case tNum, tAlnum:
		return true
	case tPunct:
		return p.text[t.s] == '\'' || p.text[t.s] == 0xe2
	}
	if t.lex == nil {
		return false
	}
	if t.lex.c != cFunc {
		return true
	}
	switch t.lex.key {
	case "the", "fiscal", "noon", "midnight", "midday", "a", "an", "within", "at", "up", "full", "then", "these", "right", "ca", "circa":
		return true
	}
	return false
}

// number reads a count at i: digits, a number word ("two",
// "twenty-five"), "a"/"an" (1) or a vague word (several: -1). It returns
// the token after.
func (p *parser) number(i int, allowA bool) (n, j int, ok bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, i, false
	}
	t := &p.toks[i]
	switch {
	case t.k == tNum && t.n >= 0 && t.nd <= 6:
		if (p.punct(i+1, ',') || p.punct(i+1, '.')) && p.adjacent(i) && i+2 < len(p.toks) && p.toks[i+2].k == tNum && p.adjacent(i+1) {
			return 0, i, false // 1,500 or 1.5
		}
		if i > 0 && p.toks[i-1].k == tPunct && (p.text[p.toks[i-1].s] == '.' || p.text[p.toks[i-1].s] == ',') && p.adjacent(i-1) {
			return 0, i, false
		}
		return t.n, i + 1, true
	case p.c(i) == cNumWord:
		n := p.v(i)
		j := i + 1
		if n >= 20 && n < 100 && p.punct(j, '-') && p.c(j+1) == cNumWord && p.v(j+1) < 10 {
			n += p.v(j + 1)
			j += 2
		} else if n >= 20 && n < 100 && n%10 == 0 && p.c(j) == cNumWord && p.v(j) > 0 && p.v(j) < 10 {
			n += p.v(j) // twenty four hours
			j++
		}
		if (p.w(i) == "couple" || p.w(i) == "dozen") && p.w(j) == "of" {
			j++
		}
		if n == 100 || n == 1000 {
			return 0, i, false // "hundreds of", or a bare "hundred"
		}
		if w := p.w(j); (w == "hundred" || w == "thousand") && n > 0 && n < 100 {
			n *= p.v(j) // two thousand years, five hundred years
			j++
		}
		return n, j, true
	case p.c(i) == cVague:
		return -1, i + 1, true
	case allowA && p.w(i) == "another":
		return 1, i + 1, true // another year
	case allowA && (p.w(i) == "a" || p.w(i) == "an"):
		if w := p.w(i + 1); w == "hundred" || w == "thousand" {
			return p.v(i + 1), i + 2, true // a hundred years
		}
		if p.w(i+1) == "few" || p.w(i+1) == "couple" {
			j := i + 2
			if p.w(j) == "of" {
				j++
			}
			if p.w(i+1) == "couple" {
				return 2, j, true
			}
			return -1, j, true
		}
		return 1, i + 1, true
	}
	return 0, i, false
}

// match reads the prefixes (the, early, about, more than, the end of, ...)
// and the core expression at i.
func (p *parser) match(i int) (int, sem, bool) {
	j := i
	mod := ""
	hasThe, then, half := false, false, false
prefix:
	for k := 0; k < 4; k++ {
		switch {
		case p.w(j) == "the" && !hasThe:
			hasThe = true
			j++
		case (p.rawIs(j+1, "part") || p.w(j+1) == "half") && p.w(j+2) == "of" && hasThe && mod == "":
			// the latter part of the year, the early part of the next
			// decade, the latter half of 2008
			switch {
			case p.rawIs(j, "latter", "later"):
				mod = "END"
			case p.rawIs(j, "early", "earlier"):
				mod = "START"
			default:
				break prefix
			}
			half = p.w(j+1) == "half"
			j += 3
			hasThe = false
		case p.c(j) == cModifier:
			m := p.v(j)
			nx := j + 1
			switch m {
			case mMid:
				if p.punct(nx, '-') && p.adjacent(j) {
					nx++
				} else if p.w(nx) == "of" {
					nx++
					hasThe = false // the middle of the year: a second "the" may follow
				} else if p.w(j) == "middle" {
					break prefix
				}
			case mEarly, mLate:
				switch {
				case p.w(nx) == "of":
					nx++
					hasThe = false // the end of the month
				case p.w(nx) == "in" && (p.w(j) == "early" || p.w(j) == "late"):
					nx++ // early in 1862, late in the morning of
					if p.w(nx) == "the" {
						nx++
						hasThe = true
					}
				case p.w(j) == "beginning" || p.w(j) == "start" || p.w(j) == "end":
					break prefix
				}
			case mMore, mLess:
				if p.w(nx) == "than" {
					nx++
				} else if p.w(j) != "over" && p.w(j) != "under" {
					break prefix
				} else if _, _, ok := p.number(nx, true); !ok {
					break prefix // "over the past two years": over is not a mod
				}
			case mAbout, mAlmost:
				// "talked about this week": about/around only modify
				// counts, years and clock times
				if _, _, ok := p.number(nx, true); !ok && p.toks[min(nx, len(p.toks)-1)].k != tNum {
					break prefix
				}
			case mEarlier, mLater:
				if w := p.w(nx); w != "this" && w != "that" && w != "in" && w != "last" && w != "next" {
					break prefix
				}
				if p.w(nx) == "in" {
					nx++
					if p.w(nx) == "the" {
						nx++
					}
				}
			}
			if mod == "" {
				mod = modName(m)
			}
			j = nx
		case p.w(j) == "then" && !then:
			// the then-current price: the present of a past time
			then = true
			j++
			if p.punct(j, '-') && p.adjacent(j-1) {
				j++
			}
		case p.w(j) == "at" && p.w(j+1) == "least":
			mod = "EQUAL_OR_MORE"
			j += 2
		case p.w(j) == "right" && p.w(j+1) == "now" && j == i:
			j++ // right now
		case (p.w(j) == "ca" && p.punct(j+1, '.') || p.w(j) == "circa") && j == i:
			// ca. 466 BC, circa 1500: about a year
			if p.w(j) == "ca" {
				j++
			}
			j++
			if _, _, ok := p.yearAt(j); !ok {
				break prefix
			}
			mod = "APPROX"
		case p.w(j) == "up" && p.w(j+1) == "to":
			mod = "EQUAL_OR_LESS"
			j += 2
		default:
			break prefix
		}
	}
	end, s, takesThe, ok := p.core(j)
	if !ok {
		return 0, s, false
	}
	if half {
		if s.kind != kAbs || s.val.g != gYear {
			return 0, s, false
		}
		// the latter half of 2008: its second half
		s.val.g, s.val.n = gHalf, 1
		if mod == "END" {
			s.val.n = 2
		}
		mod = ""
	}
	if then {
		if s.kind != kRef || s.lit != "PRESENT_REF" {
			return 0, s, false // the scan retries without "then"
		}
		s.lit = "PAST_REF"
	}
	if hasThe && !takesThe && (mod == "" || j == i+1) {
		return 0, s, false // the scan retries without "the"
	}
	if mod != "" && s.mod == "" {
		if s.kind == kDur && mod == "APPROX" && p.w(i) == "almost" {
			mod = "LESS_THAN"
		}
		switch mod {
		case "MORE_THAN", "LESS_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE":
			if s.kind != kDur && s.kind != kAgo {
				return 0, s, false
			}
		}
		s.mod = mod
	}
	return end, s, true
}

func modName(m int) string {
	switch m {
	case mEarly, mEarlier:
		return "START"
	case mLate, mLater:
		return "END"
	case mMid:
		return "MID"
	case mAbout, mAlmost:
		return "APPROX"
	case mMore:
		return "MORE_THAN"
	case mLess:
		return "LESS_THAN"
	}
	return ""
}

// isYear reads a four-digit year at i.
func (p *parser) isYear(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, false
	}
	t := &p.toks[i]
	if t.k != tNum || t.nd != 4 || t.n < 1000 || t.n > 2099 {
		return 0, false
	}
	return t.n, true
}

// yearAt reads a year at i: four digits or spelled out ("nineteen
// ninety-four", "two thousand"), returning the token after it.
func (p *parser) yearAt(i int) (int, int, bool) {
	if y, k, ok := p.eraYear(i); ok {
		return y, k, true // April 480 BC
	}
	if y, ok := p.isYear(i); ok {
		return y, i + 1, true
	}
	return p.spelledYear(i)
}

// numWordAt reads a number word of 1..99 at i ("seven", "ninety-four"),
// returning the token after it.
func (p *parser) numWordAt(i int) (int, int, bool) {
	if p.c(i) != cNumWord || p.w(i) == "couple" || p.w(i) == "dozen" {
		return 0, i, false
	}
	n := p.v(i)
	if n < 1 || n > 90 {
		return 0, i, false
	}
	j := i + 1
	if n >= 20 && p.punct(j, '-') && p.c(j+1) == cNumWord && p.v(j+1) >= 1 && p.v(j+1) <= 9 {
		n += p.v(j + 1)
		j += 2
	}
	return n, j, true
}

// spelledYear reads a year spelled out as broadcast transcripts write
// it: "nineteen ninety-four", "nineteen hundred", "two thousand [and]
// one".
func (p *parser) spelledYear(i int) (int, int, bool) {
	a, j, ok := p.numWordAt(i)
	if !ok || j != i+1 {
		return 0, i, false
	}
	switch {
	case a >= 10 && a <= 20:
		if p.w(j) == "hundred" {
			return a * 100, j + 1, true
		}
		b, k, ok := p.numWordAt(j)
		if !ok || b < 10 {
			return 0, i, false
		}
		return a*100 + b, k, true
	case a == 2 && p.w(j) == "thousand":
		j++
		k := j
		if p.w(k) == "and" {
			k++
		}
		if b, k2, ok := p.numWordAt(k); ok {
			return 2000 + b, k2, true
		}
		return 2000, j, true
	}
	return 0, i, false
}

// day reads a day of month at i (24, 24th), returning the next token.
func (p *parser) day(i int) (int, int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, i, false
	}
	t := &p.toks[i]
	if t.k == tNum && t.nd <= 2 && t.n >= 1 && t.n <= 31 {
		return t.n, i + 1, true
	}
	if t.k == tAlnum && t.nd <= 2 && t.n >= 1 && t.n <= 31 && t.lex != nil && t.lex.c == cSuffix && t.lex.key != "s" {
		return t.n, i + 1, true
	}
	return 0, i, false
}

// monthAt reads a capitalized month name at i (with an abbreviation's
// period).
func (p *parser) monthAt(i int) (int, int, bool) {
	if p.c(i) != cMonth || !p.toks[i].up {
		return 0, i, false
	}
	e := p.toks[i].lex
	j := i + 1
	if e.abbr && p.punct(j, '.') && p.adjacent(i) {
		j++
	}
	return e.v, j, true
}

// yearAfter reads ", 1990" or " 1990" at i.
func (p *parser) yearAfter(i int) (int, int, bool) {
	j := i
	if p.punct(j, ',') {
		j++
	}
	if y, k, ok := p.yearAt(j); ok && !p.punct(k, '%') && !(p.punct(k, ',') && p.adjacent(j) && p.adjacent(k) && p.toks[j].n > 0 && k+1 < len(p.toks) && p.toks[k+1].k == tNum) && !p.decimal(j) {
		return y, k, true
	}
	return 0, i, false
}

// decimal reports whether the number at i goes on with a decimal part:
// "2082.1" is an index level, not a year.
func (p *parser) decimal(i int) bool {
	return p.punct(i+1, '.') && p.adjacent(i) && p.adjacent(i+1) && i+2 < len(p.toks) && p.toks[i+2].k == tNum
}

// futureCue reports whether the clause before token i speaks of the
// future.
func (p *parser) futureCue(i int) bool { return p.futureCueKind(i) != cueNone }

// Future cues, weakest first: a deadline preposition ("by Jan. 14") may
// name a day already past when the story is written; a future verb ("will
// meet", "plans to") rarely does.
const (
	cueNone = iota
	cueWord
	cueVerb
)

// verbCue is the cue of a future verb at k, unless a perfect before it
// puts it in the past: "had been due to expire".
func (p *parser) verbCue(k int) int {
	if p.perfectBefore(k) {
		return cueNone
	}
	return cueVerb
}

// futureCueKind tells whether, and how strongly, the clause before token
// i speaks of the future.
func (p *parser) futureCueKind(i int) int {
	possessive := p.punct(i+1, '\'') || p.punct(i+1, 0xe2) // "Friday's purchases" happened
	if p.rawIs(i-1, "effective") {
		return cueWord // effective Feb. 1 (not a lexicon word)
	}
	// a preposition cue, which a future verb before it makes strong:
	// "will be debated before Christmas"
	prep := cueNone
	switch p.w(i - 1) {
	case "by", "until", "till", "before", "through":
		// deadlines: payable by Dec. 15, until 9 a.m. Tuesday; but not
		// "had filed reports by Wednesday" or "before Friday's purchases"
		// ("Until Thursday, they will wait" opens a sentence: see below)
		if !possessive && !p.perfectBefore(i-1) && !p.toks[i-1].up && !p.rangeBefore(i-1) {
			prep = cueWord
		}
	case "to":
		// extended to Nov. 20, postponed to Monday; not "from Sept. 14 to
		// Thursday" nor "in contrast to Thursday"
		if t := p.toks[max(i-2, 0)]; i >= 2 && t.k == tWord && t.lex == nil && strings.HasSuffix(p.text[t.s:t.e], "ed") && !p.rangeBefore(i-1) {
			prep = cueWord
		}
	case "as":
		if w := p.w(i - 2); (w == "soon" || w == "early") && p.w(i-3) == "as" {
			prep = cueWord // as soon as Tuesday
		}
	}
	if !possessive && p.opensSentence(i) && p.futureAfter(i) {
		return cueWord // "On Tuesday, the league plans to hold a news conference"
	}
	if possessive || (i > 1 && p.pastVerb(i-1) && p.punct(i-2, ',')) {
		// "get around Wednesday's ruling"; a reduced relative clause:
		// "the decision, announced Wednesday"
		return prep
	}
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		t := &p.toks[k]
		if t.k == tPunct {
			if p.sentenceEnd(k) {
				return prep
			}
			continue
		}
		switch t.word() {
		case "planned", "scheduled":
			if p.rawIs(k-1, "as", "previously", "originally", "initially", "first") {
				continue // "begin as previously planned Saturday night" tells no tense
			}
			return max(prep, p.verbCue(k))
		case "plan", "plans":
			// "plans to meet Monday", "plans a vote on Monday"; not the
			// noun in "support for the government plans on Monday"
			switch p.w(k + 1) {
			case "to", "a", "an", "the", "his", "her", "its", "their", "our":
				return max(prep, p.verbCue(k))
			}
		case "will", "shall", "ll", "going", "next", "planning", "intends", "aims", "likely", "might":
			return max(prep, p.verbCue(k))
		case "expected", "due":
			// "better-than-expected" and "as expected" are no cues, nor is
			// "due to its loss" (because of); "had been due to expire" is past
			if p.punct(k-1, '-') || p.w(k-1) == "than" || p.w(k-1) == "as" || p.w(k+1) == "to" && p.nounPhraseAt(k+2) {
				continue
			}
			return max(prep, p.verbCue(k))
		case "would":
			// "said he would travel Thursday": the future of the report;
			// "would have gone" is not
			if p.w(k+1) != "have" && p.w(k+2) != "have" {
				return max(prep, p.verbCue(k))
			}
		case "set", "is", "are":
			if p.w(k+1) == "to" {
				return cueVerb // set to resume Monday; is to meet Tuesday
			}
		case "said", "says", "say", "had":
			return prep
		}
	}
	return prep
}

// futureAfter reports whether the clause after a sentence-opening
// phrase at token i speaks of the future: "Until Thursday, they will
// wait"; "Until Thursday, they had refused" does not.
func (p *parser) futureAfter(i int) bool {
	for k := i + 1; k < len(p.toks) && k < i+14; k++ {
		if p.toks[k].k == tPunct {
			if p.sentenceEnd(k) {
				return false
			}
			continue
		}
		switch p.w(k) {
		case "will", "shall", "ll", "going":
			return true
		case "plans", "plan", "intends", "expected", "scheduled", "due", "is", "are":
			if p.w(k+1) == "to" {
				return true
			}
		case "had", "said", "says":
			return false
		}
		if p.pastVerb(k) {
			return false
		}
	}
	return false
}

// rawIs reports whether token k is one of words, in any case, lexicon
// word or not.
func (p *parser) rawIs(k int, words ...string) bool {
	if k < 0 || k >= len(p.toks) || p.toks[k].k != tWord {
		return false
	}
	w := p.text[p.toks[k].s:p.toks[k].e]
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// opensSentence reports whether the expression at token i opens its
// sentence, alone or after a capitalized preposition: "On Tuesday, ...".
func (p *parser) opensSentence(i int) bool {
	k := i - 1
	if k >= 0 && p.toks[k].k == tWord && p.toks[k].up {
		switch p.w(k) {
		case "on", "by", "until", "till", "before", "through", "from", "in", "next", "this":
			k--
		default:
			return false
		}
	}
	for k >= 0 && p.toks[k].k == tPunct && (p.text[p.toks[k].s] == '"' || p.text[p.toks[k].s] == '`') {
		k--
	}
	return k < 0 || p.toks[k].k == tPunct && p.sentenceEnd(k)
}

// sentenceEnd reports whether the punctuation token k ends a sentence:
// the period of "Daniel P. Davison" or "Mr. Smith" does not.
func (p *parser) sentenceEnd(k int) bool {
	switch p.text[p.toks[k].s] {
	case '!', '?', ';':
		return true
	case '.':
		if k > 0 && p.toks[k-1].k == tNum && p.adjacent(k-1) && p.adjacent(k) && p.toks[k+1].k == tNum {
			return false // a decimal point: 9.5
		}
		if p.punct(k+1, ',') {
			return false // an abbreviation inside the sentence: "Birmingham, Ala., killed"
		}
		if k == 0 || !p.adjacent(k-1) || p.toks[k-1].k != tWord {
			return true
		}
		w := p.text[p.toks[k-1].s:p.toks[k-1].e]
		if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
			return false
		}
		return !titles[w]
	}
	return false
}

// titles are abbreviations whose period ends no sentence.
var titles = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Gen": true, "Sen": true, "Rep": true,
	"Gov": true, "Lt": true, "Col": true, "Sgt": true, "Capt": true, "Prof": true, "St": true, "Jr": true, "Sr": true,
	"Rev": true, "Mt": true, "Inc": true, "Corp": true, "Co": true, "Ltd": true, "No": true, "vs": true}

// pastVerbs are irregular past-tense verbs common in news; regular ones
// are read by their -ed ending.
var pastVerbs = map[string]bool{"bought": true, "sold": true, "took": true, "made": true, "came": true, "went": true,
	"began": true, "won": true, "lost": true, "met": true, "held": true, "told": true, "left": true, "paid": true,
	"rose": true, "fell": true, "grew": true, "got": true, "gave": true, "led": true, "ran": true, "saw": true,
	"struck": true, "shot": true, "spent": true, "became": true, "brought": true, "fought": true, "found": true,
	"hit": true, "kept": true, "knew": true, "sent": true, "stood": true, "wrote": true, "did": true, "was": true,
	"were": true, "had": true, "ended": true}

// perfectBefore reports whether "had" comes just before token k ("had
// been due", "had filed"): the clause tells of the past.
func (p *parser) perfectBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if p.toks[j].k == tPunct {
			return false
		}
		if p.w(j) == "had" {
			return true
		}
	}
	return false
}

// rangeBefore reports whether "from" opens a range shortly before token
// k: "from Sept. 14 to Thursday".
func (p *parser) rangeBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if p.w(j) == "from" || p.w(j) == "between" {
			return true
		}
	}
	return false
}

// pastCue reports whether the clause around the expression [i, j)
// tells of the past: "signed in February", "was held on May 5", "KKR
// bought RJR in February", "the year ended Jan. 31", "In January, the
// company brought in ...". A future marker in the clause wins.
func (p *parser) pastCue(i, j int) bool {
	if k := i - 1; k >= 0 && p.pastVerb(k) {
		return true // ended Jan. 31
	}
	if w := p.w(i - 1); w != "in" && w != "on" && w != "during" {
		return false
	}
	past := false
	words := 0
	for k := i - 2; k >= 0 && words < 10; k-- {
		t := &p.toks[k]
		if t.k == tWord {
			words++
		}
		if t.k == tPunct {
			if p.text[t.s] == '-' || p.text[t.s] == '\'' || !p.sentenceEnd(k) && p.text[t.s] != ',' {
				continue
			}
			break
		}
		if p.futureWord(k) {
			return false
		}
		if !past && p.pastVerb(k) {
			past = true
		}
	}
	if past || i < 1 || !p.toks[i-1].up {
		return past
	}
	// "In January, American Medical brought in a new chief": the verb
	// follows a sentence-opening phrase, perhaps after an apposition ("In
	// January, a week after the anniversary, a bombing in Birmingham,
	// Ala., killed a guard")
	opening := p.punct(j, ',')
	for k := j; k < len(p.toks) && k < j+32; k++ {
		if p.toks[k].k == tPunct {
			if p.text[p.toks[k].s] == ',' && (k == j || opening) {
				continue
			}
			if p.sentenceEnd(k) || p.text[p.toks[k].s] == ',' {
				return false
			}
			continue
		}
		if !opening && k >= j+8 {
			return false
		}
		if p.futureWord(k) {
			return false
		}
		if p.pastVerb(k) {
			return true
		}
	}
	return false
}

// futureWord reports whether token k marks the future or an intention.
// "to" counts only before a verb: "to sign in May", not "from a fiscal
// year to a calendar year in December".
func (p *parser) futureWord(k int) bool {
	switch p.w(k) {
	case "will", "would", "shall", "ll", "be", "expected", "scheduled", "plans", "planned", "plan", "due", "going", "likely":
		return true
	case "to":
		return !p.nounPhraseAt(k + 1)
	}
	return false
}

// nounPhraseAt reports whether a noun phrase plainly starts at token k:
// a determiner, a possessive, a number or a capitalized word.
func (p *parser) nounPhraseAt(k int) bool {
	if k >= len(p.toks) {
		return false
	}
	switch t := &p.toks[k]; {
	case t.k == tNum, t.k == tWord && t.up:
		return true
	}
	switch p.w(k) {
	case "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "many", "more", "most":
		return true
	}
	return false
}

// pastVerb reports whether token k is a past-tense verb: an irregular
// one, or a lower-case -ed word not after be/to/will ("to be published").
func (p *parser) pastVerb(k int) bool {
	t := &p.toks[k]
	if t.k != tWord || t.up {
		return false
	}
	w := p.text[t.s:t.e]
	if !pastVerbs[w] && !(len(w) > 4 && strings.HasSuffix(w, "ed") && t.lex == nil) {
		return false
	}
	switch p.w(k - 1) {
	case "be", "been", "to", "will", "would":
		return false
	case "the", "a", "an", "his", "her", "their", "its", "our", "my", "your":
		return false // a participle as adjective: "the slated visit"
	}
	return true
}

// partDay reads a part of the day at i ("morning", "night"); the plural
// "nights" only when plural is asked for.
func (p *parser) partDay(i int) (string, int) {
	return p.partDayN(i, false)
}

func (p *parser) partDayN(i int, plural bool) (string, int) {
	if p.c(i) == cPartDay && (plural || !p.toks[i].lex.plural) {
		switch p.v(i) {
		case 1:
			return "MO", i + 1
		case 2:
			return "AF", i + 1
		case 3:
			return "EV", i + 1
		case 4, 5:
			return "NI", i + 1
		}
	}
	return "", i
}
