package timex

import (
	"strconv"
	"strings"
	"time"
)

// emit resolves s against the DCT or the text's reference date and appends
// the timex for tokens [i, j).
func (p *parser) emit(i, j int, s sem) {
	start, end := p.toks[i].s, p.toks[j-1].e
	tx := Timex{Start: start, End: end, Text: p.text[start:end], Type: s.typ, Mod: s.mod, Quant: s.quant, AnchorIndex: -1}
	switch p.w(i - 1) {
	case "since", "from":
		if s.kind != kDur {
			tx.Range = "begin"
		}
	case "until", "till", "through":
		tx.Range = "end"
	}
	var v dval
	setRef := false
	anchor := "dct"
	narr, refIdx := p.narrativeAt(i, s), p.nrefIdx
	p.at = i
	if (s.kind == kLater || s.kind == kAnaphor) && p.hasNref && (p.mode == AnchorNarrative || p.narrativeDoc) {
		// in a narrative, "the following year" follows the story's time,
		// not a date mentioned aside
		ref, idx := p.ref, p.refIdx
		p.ref, p.refIdx = p.nref, p.nrefIdx
		defer func() { p.ref, p.refIdx = ref, idx }()
	}
	if narr {
		// the reference time stands in for the DCT while s is resolved
		dct, hasDCT := p.dct, p.hasDCT
		p.dct, p.hasDCT, p.narr = p.refBase(), true, true
		defer func() { p.dct, p.hasDCT, p.narr = dct, hasDCT, false }()
	}
	switch s.kind {
	case kAbs:
		v = s.val
		anchor = ""
		setRef = true
	case kNoYear:
		v = s.val
		if s.refYear && p.hasRef && p.ref.y >= 0 {
			v.y = p.ref.coarsen(gYear).shift(s.n).y
			anchor, tx.AnchorIndex = "text", p.refIdx
			setRef = true
			break
		}
		if p.yearKnown() {
			v.y = p.pickYear(s, i, j)
			if y, ok := p.rangeStartYear(s, i, j); ok {
				v.y = y
			}
			setRef = true
		} else {
			anchor = "none"
		}
	case kHoliday:
		v = s.val
		if !p.yearKnown() {
			v = holidayValue(s.val.n, -1)
			anchor = "none"
			break
		}
		s.val = holidayValue(s.val.n, p.dct.y)
		v = holidayValue(s.val.n, p.pickYear(s, i, j))
		setRef = true
	case kMonthOfYear:
		v = s.val
		if p.yearKnown() {
			v.y = p.dct.y + s.n
			setRef = true
		} else {
			anchor = "none"
		}
	case kWeekday:
		v = s.val
		switch {
		case s.fromRef && p.hasRef && p.ref.g == gDay && p.ref.dayKnown():
			v = p.weekdayFrom(p.ref, s)
			anchor, tx.AnchorIndex = "text", p.refIdx
			setRef = true
		case p.hasDCT && p.dct.g == gDay && p.dct.dayKnown():
			v = p.weekday(s, i)
			setRef = true
		default:
			anchor = "none"
		}
	case kYearPeriod:
		// the 1988 period: in a quarterly report, the reported quarter
		// of that year; else the year
		v, anchor = dval{g: gYear, y: s.n}, ""
		if q, idx, ok := p.quarterRef(); ok {
			v = dval{g: gQuarter, y: s.n, n: q.n}
			anchor, tx.AnchorIndex = "text", idx
		}
	case kRelDay:
		v = p.dct
		if v.g == gDay {
			v = v.step(s.n)
		} else {
			v = dval{g: gDay, y: -1}
			anchor = "none"
		}
		v.pod = s.val.pod
		setRef = true
	case kDeictic:
		if s.fromRef && p.hasRef && p.ref.g == s.val.g && s.n == 0 {
			v, anchor, tx.AnchorIndex = p.ref, "text", p.refIdx
			v.pod = ""
			break
		}
		if !p.hasDCT {
			v, anchor = dval{g: s.val.g, y: -1}, "none"
			break
		}
		v = p.dct.coarsen(s.val.g)
		if s.val.g == gWeekend {
			v = p.dct.coarsen(gWeek)
			v.g = gWeekend
		}
		v = v.step(s.n)
		setRef = true
	case kLastDone:
		if !p.hasDCT {
			v, anchor = dval{g: unitGran(s.unit), y: -1}, "none"
			break
		}
		v = p.lastDone(s.unit)
		setRef = true
		switch {
		case s.unit == uQuarter && s.lit == "" && p.topicIdx >= 0:
			// "the quarter" in a report that has named its quarter is that
			// quarter: "the fiscal first quarter ... in the quarter"; the
			// year-ago quarter is a comparison, not a new topic
			v, anchor, tx.AnchorIndex = p.topic.step(4*s.n), "text", p.topicIdx
			setRef = s.n == 0
		case s.lit == "year" && v.g == gQuarter:
			v.y = s.n // the 1988 quarter: the latest quarter's number in 1988
		case s.n != 0 && v.g == gQuarter:
			v = v.step(4 * s.n) // last year's quarter
		}
	case kAgo:
		v, anchor = p.ago(s)
	case kLater:
		v, anchor, tx.AnchorIndex = p.later(s)
	case kAnaphor:
		v, anchor, tx.AnchorIndex = p.anaphor(s)
	case kClock, kPod:
		// a clock time or a part of the day on the day the text has just
		// named, else on the DCT's day
		base := p.dct
		if p.hasRef && p.ref.g == gDay && p.ref.dayKnown() && p.refIdx >= 0 && p.out[p.refIdx].End >= start-40 {
			base, anchor, tx.AnchorIndex = p.ref, "text", p.refIdx
		}
		if base.g != gDay {
			base = dval{g: gDay, y: -1}
			anchor = "none"
		}
		v = dval{g: gDay, y: base.y, m: base.m, d: base.d}
		if s.kind == kPod {
			v.pod = s.val.pod
		} else {
			v.hh, v.mm, v.hasTime = s.val.hh, s.val.mm, true
		}
	case kRef:
		tx.Value = s.lit
		anchor = "dct"
	case kDur:
		tx.Value = s.lit
		anchor = ""
	case kSet:
		tx.Value = s.lit
		switch {
		case s.n > 0:
			tx.Freq = strconv.Itoa(s.n) + "X" // twice a year: 2X
		case s.lit != "" && s.lit[0] == 'P':
			tx.Freq = "1" + s.lit[len(s.lit)-1:]
		}
		anchor = ""
	}
	if s.dayShift != 0 && v.g == gDay {
		v = v.step(s.dayShift)
	}
	if s.weekOf && v.g == gDay && v.dayKnown() {
		v = v.coarsen(gWeek)
	}
	if s.val.hasTime && s.kind != kClock && v.g == gDay {
		v.hasTime, v.hh, v.mm, v.pod = true, s.val.hh, s.val.mm, ""
	}
	if tx.Type == "DATE" && (v.pod != "" || v.hasTime) {
		tx.Type = "TIME" // finer than a day: Monday evening, Friday at 5 p.m.
	}
	if tx.Value == "" {
		tx.Value = v.String()
		if tx.Value == "" {
			return
		}
	}
	if narr && anchor == "dct" {
		anchor, tx.AnchorIndex = "text", refIdx
	}
	if anchor == "text" && tx.AnchorIndex < 0 {
		anchor = "dct"
	}
	switch {
	case anchor == "":
	case narr:
		tx.Mode = ModeNarrative
	default:
		tx.Mode = ModeNews
	}
	if anchor == "dct" && p.hasDCT && p.dct.y < 0 && unresolved(tx.Value) {
		// a partial DCT (XXXX-11-24) did not help: "last year" stays XXXX
		anchor = "none"
	}
	tx.Anchor = anchor
	// "the following year", "two days later" move the story's time on;
	// "a year earlier" and "the day before" look back
	moves := (s.kind == kAnaphor && s.n >= 0 || s.kind == kLater && s.n > 0 && s.unit <= uYear && s.mod == "") && anchor == "text"
	if (setRef || moves) && tx.Type != "DURATION" && v.g != gNone && p.mode != AnchorNews && v.y >= 0 && !p.within(v) && !p.aside(i) {
		p.nref, p.hasNref, p.nrefIdx = v, true, len(p.out)
		p.nrefPara, p.nrefAdverbial = p.paraAt(start), p.adverbial(i)
		p.refUntil(start)
		p.storyRef, p.storyBg = len(p.out), p.backgroundRef()
	}
	if setRef && tx.Type != "DURATION" && v.g != gNone && !p.periodEnd(i, v) {
		p.ref, p.hasRef, p.refIdx = v, true, len(p.out)
		if v.g == gQuarter && v.n > 0 && p.yearKnown() && v.y >= p.dct.y-1 && !p.indefinite(i) && p.reported(v) {
			p.topic, p.topicIdx = v, len(p.out)
		}
	}
	p.out = append(p.out, tx)
	p.last = v
}

// rangeStartYear is the year of the month at [i, j) that opens a range
// over a new year in a narrative: "from October to March" after the story
// reached March 1945 is October 1944 to March 1945, the end month taking
// the year the story's time gives it and the start month the year before.
func (p *parser) rangeStartYear(s sem, i, j int) (int, bool) {
	if !p.narr || s.val.g != gMonth || p.w(i-1) != "from" {
		return 0, false
	}
	switch p.w(j) {
	case "to", "until", "till", "through":
	default:
		return 0, false
	}
	m, k, ok := p.monthAt(j + 1)
	if !ok || m >= s.val.m {
		return 0, false
	}
	if _, _, ok := p.yearAfter(k); ok {
		return 0, false // from October to March 1945: the year is written
	}
	end := sem{kind: kNoYear, typ: "DATE", val: dval{g: gMonth, y: -1, m: m}}
	return p.pickYear(end, j+1, k) - 1, true
}

// pickYear chooses the year of a date given without one: the candidate
// year (the DCT's, the one before or after) whose date lies closest to the
// DCT, where news leans to the past: a future date counts as twice as far
// unless the wording speaks of the future. "last"/"next" force the side.
func (p *parser) pickYear(s sem, i, j int) int {
	y := p.dct.y
	if p.dct.m == 0 {
		return y
	}
	// in narrative text the reference time is a date of the story, which
	// goes on forward in the past tense: a tense tells no side, and the
	// date after the reference time is the likelier one
	cue := cueNone
	if !s.past && !p.narr {
		cue = p.futureCueKind(i)
	}
	future := s.future || cue != cueNone
	if !p.narr && !future && !s.past && s.val.g != gQuarter && s.val.g != gHalf && p.pastCue(i, j) {
		s.past = true // "signed in February": the last February on or before the DCT
	}
	dd := max(p.dct.d, 15)
	dctDays := y*372 + (p.dct.m-1)*31 + dd
	mid := func(yy int) int { // a representative day of the value in year yy
		switch s.val.g {
		case gDay:
			return yy*372 + (s.val.m-1)*31 + s.val.d
		case gMonth:
			return yy*372 + (s.val.m-1)*31 + 15
		case gQuarter:
			return yy*372 + (s.val.n-1)*93 + 46
		case gHalf:
			return yy*372 + (s.val.n-1)*186 + 93
		case gSeason:
			return yy*372 + (s.val.n*3-1)*31 + 15 // spring mid-April, ..., winter mid-January of the next year
		}
		return yy * 372
	}
	byWeekday := s.weekday > 0 && s.val.g == gDay && p.weekdayFits(s)
	best, bestD := y, 1<<30
	for _, yy := range [...]int{y - 1, y, y + 1} {
		if byWeekday && weekdayOf(yy, s.val.m, s.val.d) != s.weekday {
			continue // "Tuesday, May 4": a year whose May 4 is a Tuesday
		}
		d := mid(yy) - dctDays
		switch {
		case s.past && d >= 0 && !(s.val.g == gDay && d == 0):
			continue
		case s.past && (s.val.g == gMonth || s.val.g == gSeason || s.val.g == gQuarter) && d > 31:
			continue
		case s.future && d <= 0:
			continue
		}
		w := d
		switch {
		case p.narr:
			if d < 0 {
				w = -2 * d
			}
		case d < 0:
			w = -d
			switch {
			case s.future || cue == cueVerb && s.val.g != gQuarter && s.val.g != gHalf:
				// "will be debated before Christmas" in March: the next one;
				// quarters are reported once past, whatever the verb
				w *= 12
			case future:
				w *= 3 // a deadline may have passed: "to be repatriated by Jan. 14"
			}
		case !future:
			w *= 2
			if s.val.g == gQuarter || s.val.g == gHalf {
				w *= 2 // results are reported for quarters past
			}
		}
		if w < bestD {
			best, bestD = yy, w
		}
	}
	return best
}

// weekdayFits reports whether one of the candidate years around the DCT
// puts the day s names on the weekday it was given with; a wrong weekday
// in the text must not leave no year at all.
func (p *parser) weekdayFits(s sem) bool {
	for _, yy := range [...]int{p.dct.y - 1, p.dct.y, p.dct.y + 1} {
		if weekdayOf(yy, s.val.m, s.val.d) == s.weekday {
			return true
		}
	}
	return false
}

// weekdayOf is the ISO weekday (1 = Monday) of a date.
func weekdayOf(y, m, d int) int {
	wd := int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Weekday())
	if wd == 0 {
		wd = 7
	}
	return wd
}

func seasonOf(m int) int {
	switch m {
	case 3, 4, 5:
		return 1
	case 6, 7, 8:
		return 2
	case 9, 10, 11:
		return 3
	}
	return 4
}

// weekdayFrom resolves a weekday against the day the text talks about:
// the previous Friday is the last Friday before it, the following Monday
// the first Monday after it, that Friday the Friday closest to it.
func (p *parser) weekdayFrom(ref dval, s sem) dval {
	t := ref.t()
	dwd := int(t.Weekday())
	if dwd == 0 {
		dwd = 7
	}
	back := (dwd - s.val.wd + 7) % 7 // days back to that weekday
	diff := -back
	switch {
	case s.past:
		if back == 0 {
			diff = -7
		}
	case s.future:
		diff = (s.val.wd - dwd + 7) % 7
		if diff == 0 {
			diff = 7
		}
	case back > 3:
		diff = 7 - back
	}
	v := fromTime(t.AddDate(0, 0, diff), gDay)
	v.pod = s.val.pod
	return v
}

// weekday resolves a weekday against the DCT: the closest such day in the
// past (the DCT itself when it is that day), or in the future when the
// wording says so.
func (p *parser) weekday(s sem, i int) dval {
	t := p.dct.t()
	dwd := int(t.Weekday())
	if dwd == 0 {
		dwd = 7
	}
	wd := s.val.wd
	var diff int
	switch {
	case s.past:
		diff = -((dwd - wd + 7) % 7)
		if diff == 0 {
			diff = -7
		}
	case s.future:
		diff = (wd - dwd + 7) % 7
		if diff == 0 {
			diff = 7
		}
	case p.futureCue(i):
		diff = (wd - dwd + 7) % 7
	default:
		diff = -((dwd - wd + 7) % 7)
	}
	v := fromTime(t.AddDate(0, 0, diff), gDay)
	v.pod = s.val.pod
	return v
}

// lastDone is the latest unit finished by the DCT: "the quarter" in a late
// October earnings report is the third quarter; "the weekend" in a Monday
// story is the one just past.
func (p *parser) lastDone(u int) dval {
	d := p.dct
	switch u {
	case uQuarter:
		if d.m == 0 {
			return dval{g: gQuarter, y: d.y}
		}
		return d.coarsen(gQuarter).step(-1)
	case uWeekend:
		if d.g != gDay || !d.dayKnown() {
			return dval{g: gWeekend, y: d.y}
		}
		t := d.t()
		wd := int(t.Weekday())
		back := wd // days since last Sunday; 0 on Sunday
		v := fromTime(t.AddDate(0, 0, -back), gWeekend)
		if wd == 6 {
			v = fromTime(t, gWeekend)
		}
		return v
	}
	g := unitGran(u)
	return d.coarsen(g).step(-1)
}

// ago resolves "two years ago" (n>0) or "two years from now" (n<0)
// against the DCT.
func (p *parser) ago(s sem) (dval, string) {
	g := unitGran(s.unit)
	if g == gNone {
		return dval{}, "none"
	}
	if s.n == -1 && s.lit == durValue(-1, s.unit) {
		// several years ago
		return dval{}, "none"
	}
	if !p.hasDCT {
		return dval{g: g, y: -1}, "none"
	}
	base := p.dct
	// "a year ago" in a report about a quarter means that quarter a year
	// before; in a sentence about nine months or a half, that year
	if q, _, ok := p.quarterRef(); ok && s.unit == uYear {
		if p.monthsPeriod(p.at) {
			return q.step(-s.n * 4).coarsen(gYear), "dct"
		}
		return q.step(-s.n * 4), "dct"
	}
	if p.hasRef && p.ref.g == gHalf && s.unit == uYear {
		return p.ref.step(-s.n * refPerYear(p.ref.g)), "dct"
	}
	return shiftUnit(base, s.unit, -s.n), "dct"
}

func refPerYear(g gran) int {
	switch g {
	case gQuarter:
		return 4
	case gHalf:
		return 2
	case gMonth:
		return 12
	}
	return 1
}

// shiftUnit moves the day or coarser value v by n units u and returns it
// at u's granularity.
func shiftUnit(v dval, u, n int) dval {
	g := unitGran(u)
	switch u {
	case uHour, uMinute, uSecond:
		return v.coarsen(gDay)
	case uDay:
		if v.g != gDay {
			return v
		}
		return v.step(n)
	case uWeek, uWeekend:
		if v.g != gDay {
			return dval{g: gWeek, y: v.y}
		}
		return v.coarsen(gWeek).shift(n)
	case uDecade, uCentury:
		if v.y < 0 {
			return dval{g: gYear, y: -1}
		}
		if u == uDecade {
			return dval{g: gYear, y: v.y + 10*n}
		}
		return dval{g: gYear, y: v.y + 100*n}
	}
	c := v.coarsen(g)
	if c.g != g {
		c.g = g
	}
	return c.step(n)
}

// later resolves "two days later" / "a year earlier" against the date
// the text last talked about (or the DCT).
func (p *parser) later(s sem) (dval, string, int) {
	g := unitGran(s.unit)
	if g == gNone {
		return dval{}, "none", -1
	}
	if s.n == 0 || s.lit == durValue(-1, s.unit) {
		// "some time later", "several years earlier"
		return dval{}, "none", -1
	}
	if s.lit == "yearEarlierQuarter" && (!p.hasRef || p.ref.g != gQuarter) && p.hasDCT {
		// the year-ago quarter: the latest quarter, a year before
		return p.lastDone(uQuarter).step(-4), "dct", -1
	}
	if s.lit == "yearEarlierBare" && p.yearKnown() && (!p.hasRef || p.ref.g != gQuarter && p.ref.g != gHalf) {
		return dval{g: gYear, y: p.dct.y - 1}, "dct", -1
	}
	if p.hasRef {
		if q, idx, ok := p.quarterRef(); ok && s.unit == uYear {
			if p.monthsPeriod(p.at) {
				return q.step(s.n * 4).coarsen(gYear), "text", idx
			}
			return q.step(s.n * 4), "text", idx
		}
		if s.unit == uYear && (p.ref.g == gHalf || p.ref.g == gMonth) {
			return p.ref.step(s.n * refPerYear(p.ref.g)), "text", p.refIdx
		}
		return shiftUnit(p.ref, s.unit, s.n), "text", p.refIdx
	}
	if !p.hasDCT {
		return dval{g: g, y: -1}, "none", -1
	}
	return shiftUnit(p.dct, s.unit, s.n), "dct", -1
}

// anaphor resolves "that day", "the following week", "the day before".
func (p *parser) anaphor(s sem) (dval, string, int) {
	g := unitGran(s.unit)
	base, anchor, idx := p.dct, "dct", -1
	if g == gDay && p.hasRef && p.ref.g == gMonth && p.ref.m > 0 && p.ref.y >= 0 && (p.mode == AnchorNarrative || p.narrativeDoc) {
		// "that same day", "the next day" after "in June 479 BC": a day
		// of that month
		v := dval{g: gDay, y: p.ref.y, m: p.ref.m, pod: s.val.pod}
		return v, "text", p.refIdx
	}
	if p.hasRef && p.ref.g >= g && !(g == gWeek && p.ref.g == gWeekend) {
		base, anchor, idx = p.ref, "text", p.refIdx
	}
	if (base.y < 0 && base.m == 0) || (g >= gWeek && base.g < gDay) {
		return dval{g: g, y: -1}, "none", -1
	}
	v := base.coarsen(g)
	if g == gDay {
		v = dval{g: gDay, y: base.y, m: base.m, d: base.d}
	}
	v = v.step(s.n)
	v.pod = s.val.pod
	return v, anchor, idx
}

// periodEnd reports whether the day v at token i only says when the
// period the text talks about ended: "the quarter ended Sept. 30", "the
// fiscal year ending June 30". The period stays the text's reference, so
// "a year earlier" after it is that quarter a year before.
func (p *parser) periodEnd(i int, v dval) bool {
	if !p.hasRef || v.g != gDay || (p.ref.g != gQuarter && p.ref.g != gHalf && p.ref.g != gYear) {
		return false
	}
	switch p.w(i - 1) {
	case "ended", "ending", "ends", "end":
	default:
		return false
	}
	// the period's own phrase: "the quarter ended", "the fiscal first quarter, which ended"
	return p.refIdx >= 0 && p.refIdx == len(p.out)-1 && p.toks[i-1].s-p.out[p.refIdx].End <= 12
}

// monthsPeriod reports whether the sentence before token i, which
// compares figures with "a year earlier", last named a period of several
// months rather than a quarter: "For the nine months, net rose ... from
// $1.69 billion a year earlier", "in the first half". The comparison is
// then with those months a year before, of which a TIMEX3 value can only
// name the year.
func (p *parser) monthsPeriod(i int) bool {
	for k := i - 1; k > 0 && k >= i-40; k-- {
		if p.toks[k].k == tPunct && p.sentenceEnd(k) {
			return false
		}
		if p.c(k) != cUnit {
			continue
		}
		switch p.v(k) {
		case uQuarter:
			return false
		case uHalf:
			return !p.toks[k].lex.plural && p.ordinalBefore(k-1)
		case uMonth:
			n, j, ok := p.number(k-1, false)
			if !ok || j != k {
				continue
			}
			switch p.w(k - 2) {
			case "the", "first", "latest":
				return p.toks[k].lex.plural && n > 3 && n < 12
			}
			return false
		}
	}
	return false
}

// ordinalBefore reports whether token k is "first" or "second" after
// "the": the first half.
func (p *parser) ordinalBefore(k int) bool {
	o, ok := p.ordinalAt(k)
	return ok && o <= 2 && p.w(k-1) == "the"
}

// reported reports whether the quarter v has ended by the DCT, so that a
// report can be about it.
func (p *parser) reported(v dval) bool {
	ld := p.lastDone(uQuarter)
	return ld.n > 0 && v.y*4+v.n <= ld.y*4+ld.n
}

// indefinite reports whether an indefinite article comes just before
// token i, across one adjective: "a flat second quarter" is a side
// mention, not the quarter a report is about.
func (p *parser) indefinite(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if w := p.w(k); w == "a" || w == "an" {
			return true
		}
		if p.toks[k].k != tWord {
			return false
		}
	}
	return false
}

// quarterRef is the quarter a quarterly report's comparisons refer to
// when the text last talked about a quarter: the topic quarter.
func (p *parser) quarterRef() (dval, int, bool) {
	if !p.hasRef || p.ref.g != gQuarter || p.ref.n == 0 {
		return dval{}, -1, false
	}
	if p.topicIdx >= 0 {
		return p.topic, p.topicIdx, true
	}
	return p.ref, p.refIdx, true
}

// yearKnown reports whether the DCT's year is known. A partial DCT
// (XXXX-11-24, a dateline without a year) still resolves what its month
// and day allow: yesterday is XXXX-11-23, last month XXXX-10, but a
// month-day, a weekday or last year keep their unknown parts.
func (p *parser) yearKnown() bool { return p.hasDCT && p.dct.y >= 0 }

// step moves v by n units of its own granularity, like shift, and also
// when the year is unknown but the month (and day) are: a day back from
// XXXX-11-24 is XXXX-11-23, a month back from XXXX-01 is XXXX-12, a
// quarter back from XXXX-Q1 is XXXX-Q4. Other values of an unknown year
// stay as they are.
func (v dval) step(n int) dval {
	if v.y >= 0 || n == 0 {
		return v.shift(n)
	}
	switch v.g {
	case gMonth:
		if v.m > 0 {
			v.m = floorMod(v.m-1+n, 12) + 1
		}
	case gQuarter:
		if v.n > 0 {
			v.n = floorMod(v.n-1+n, 4) + 1
		}
	case gHalf:
		if v.n > 0 {
			v.n = floorMod(v.n-1+n, 2) + 1
		}
	case gDay:
		if v.m > 0 && v.d > 0 {
			v.m, v.d = stepMonthDay(v.m, v.d, n)
		}
	}
	return v
}

// stepMonthDay moves the month-day m-d of an unknown year by n days. The
// result is counted in each of four consecutive years (one of them a leap
// year); what they disagree on is unknown (0): a day back from March 1 is
// February 28 or 29, so XXXX-02-XX.
func stepMonthDay(m, d, n int) (int, int) {
	rm, rd := -1, -1
	for y := 2000; y < 2004; y++ {
		if d > daysIn(y, m) {
			continue // February 29 exists only in the leap year
		}
		t := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n)
		tm, td := int(t.Month()), t.Day()
		switch {
		case rm < 0:
			rm, rd = tm, td
		case rm != tm:
			return 0, 0
		case rd != td:
			rd = 0
		}
	}
	if rm < 0 {
		return 0, 0 // no such day in any year
	}
	return rm, rd
}

// unresolved reports whether a value of unknown year knows nothing of its
// calendar date either (XXXX, XXXX-XX-XX, XXXX-WXX, with or without a
// clock time).
func unresolved(v string) bool {
	date, _, _ := strings.Cut(v, "T")
	return v != "" && v[0] == 'X' && !strings.ContainsAny(date, "0123456789")
}
