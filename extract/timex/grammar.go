package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// core matches the head of an expression at i (after any prefix). It
// returns the end token, the meaning, and whether a preceding "the"
// belongs to the expression.
func (p *parser) core(i int) (int, sem, bool, bool) {
	if i >= len(p.toks) {
		return 0, sem{}, false, false
	}
	t := &p.toks[i]
	switch t.k {
	case tNum:
		if i > 0 && p.toks[i-1].k == tWord && p.adjacent(i-1) && !p.rawIs(i-1, "FY") {
			return 0, sem{}, false, false // a name or a code: FM2005, Windows2000, A380
		}
		return p.numeric(i)
	case tAlnum:
		// 1990s, 30th, 5pm
		if t.lex != nil && t.lex.key == "s" && t.nd <= 4 && t.n >= 10 && t.n%10 == 0 && !p.possessive(i) {
			if bc, k, ok := p.era(i + 1); ok && bc {
				return k, sem{kind: kAbs, typ: "DATE", val: dval{g: gDecade, y: bcYear(t.n)}}, true, true // the 470s BC
			}
		}
		if t.lex != nil && t.lex.key == "s" && (t.nd == 4 || t.nd == 2) && t.n%10 == 0 && !p.possessive(i) {
			y := t.n
			if t.nd == 2 {
				y += 1900
			}
			return i + 1, sem{kind: kAbs, typ: "DATE", val: dval{g: gDecade, y: y}}, true, true
		}
		if s, j, ok := p.clock(i); ok {
			return p.clockDate(s, j)
		}
		if end, s, ok := p.dayMonth(i); ok {
			return end, s, true, true // 15th March, the 15th of March
		}
		// the 20th century, 11th-century
		if t.lex != nil && t.lex.c == cSuffix && t.lex.key != "s" && t.nd <= 2 {
			return p.century(t.n, i+1)
		}
		return 0, sem{}, false, false
	case tPunct:
		// '90s
		if (p.text[t.s] == '\'' || p.text[t.s] == 0xe2) && p.adjacent(i) && i+1 < len(p.toks) {
			n := &p.toks[i+1]
			if n.k == tAlnum && n.nd == 2 && n.lex != nil && n.lex.key == "s" && n.n%10 == 0 {
				return i + 2, sem{kind: kAbs, typ: "DATE", val: dval{g: gDecade, y: 1900 + n.n}}, true, true
			}
		}
		return 0, sem{}, false, false
	}
	if end, s, takesThe, ok := p.refPhrase(i); ok {
		return end, s, takesThe, true
	}
	switch p.c(i) {
	case cMonth:
		return p.monthExpr(i)
	case cWeekday:
		return p.weekdayExpr(i)
	case cRelDay:
		if p.w(i) == "today" && (p.titleToday(i) || p.genericToday(i)) {
			return 0, sem{}, false, false
		}
		s := sem{kind: kRelDay, typ: "DATE", n: p.v(i)}
		j := i + 1
		if p.w(i) == "tonight" {
			s.val.pod = "NI"
		} else if pod, k := p.partDay(j); pod != "" {
			s.val.pod, s.typ, j = pod, "TIME", k
		}
		return j, s, false, true
	case cRef:
		w := p.w(i)
		if w == "future" {
			if p.w(i-1) != "the" && p.w(i-1) != "near" {
				return 0, sem{}, false, false
			}
		}
		if w == "once" {
			return 0, sem{}, false, false
		}
		// "the now-isolated colony": now takes no article
		return i + 1, sem{kind: kRef, typ: "DATE", lit: refName(p.v(i))}, w != "now", true
	case cLong:
		// a yearlong inquiry, a weeklong visit
		u := p.v(i)
		return i + 1, sem{kind: kDur, typ: "DURATION", n: 1, unit: u, lit: durValue(1, u)}, false, true
	case cSetAdv:
		if i+1 < len(p.toks) && p.toks[i+1].k == tWord && p.toks[i+1].up && p.adjacentWords(i) {
			return 0, sem{}, false, false // the Communist Party daily Granma: a newspaper
		}
		u := p.v(i)
		return i + 1, sem{kind: kSet, typ: "SET", lit: durValue(1, u)}, false, true
	case cQuant:
		return p.setExpr(i)
	case cDeictic:
		return p.deicticExpr(i)
	case cOrdinal:
		return p.ordinalExpr(i)
	case cDecadeWord:
		// the nineties: of the 20th century unless the text is about
		// another one
		if p.w(i-1) != "the" && !p.punct(i-1, '\'') && !p.punct(i-1, 0xe2) {
			return 0, sem{}, false, false // "in his forties" is an age
		}
		return i + 1, sem{kind: kAbs, typ: "DATE", val: dval{g: gDecade, y: 1900 + 10*p.v(i)}}, true, true
	case cSeason:
		s := sem{kind: kNoYear, typ: "DATE", val: dval{g: gSeason, y: -1, n: p.v(i)}}
		j := i + 1
		if p.w(j) == "of" {
			if y, k, ok := p.yearAt(j + 1); ok {
				s.kind, s.val.y, j = kAbs, y, k
			} else if n, k, ok := p.ofDeicticYear(j); ok {
				s.kind, s.n, j = kMonthOfYear, n, k // the spring of next year
			} else if n, k, ok := p.ofRefYear(j); ok {
				s.refYear, s.n, j = true, n, k // the summer of that year
			} else if p.w(i) == "fall" {
				return 0, sem{}, false, false // the fall of Budapest
			}
		} else if y, k, ok := p.yearAt(j); ok {
			s.kind, s.val.y, j = kAbs, y, k
		}
		if s.kind == kNoYear && p.w(i-1) != "the" && p.w(i-1) != "in" && p.w(i-1) != "this" && p.w(i-1) != "last" && p.w(i-1) != "next" && p.w(i-1) != "early" && p.w(i-1) != "late" && p.w(i-1) != "by" && p.w(i-1) != "until" && p.w(i-1) != "since" && p.w(i-1) != "during" {
			return 0, sem{}, false, false
		}
		// "the summer offensive", "the Autumn Harvest Uprising": the
		// article belongs to the noun the season modifies
		return j, s, j > i+1 || !p.modifiesNoun(j) && !p.nameAt(j), true
	case cNumWord, cVague:
		if y, j, ok := p.spelledYear(i); ok && p.c(j) != cUnit && p.w(j) != "percent" {
			// "two thousand" is a year only where a year is expected
			if y != 2000 && y%100 != 0 || p.yearContext(i) {
				return j, sem{kind: kAbs, typ: "DATE", val: dval{g: gYear, y: y}}, false, true
			}
		}
		return p.countExpr(i)
	case cUnit:
		if p.v(i) == uYear && !p.toks[i].lex.plural && p.punct(i+1, '-') && p.adjacent(i) && (p.w(i+2) == "earlier" || p.w(i+2) == "ago") {
			return p.yearEarlier(i, i+3)
		}
		if p.w(i) == "second" {
			if end, s, the, ok := p.ordinalExpr(i); ok {
				return end, s, the, ok // the second quarter
			}
		}
		return p.unitExpr(i)
	case cPartDay:
		return p.podExpr(i)
	case cHoliday:
		if end, s, ok := p.holidayExpr(i); ok {
			return end, s, false, true
		}
		return 0, sem{}, false, false
	}
	if end, s, ok := p.samePeriod(i); ok {
		return end, s, true, true
	}
	switch p.w(i) {
	case "a", "an", "another":
		return p.countExpr(i)
	case "fiscal":
		j := i + 1
		if p.w(j) == "year" {
			j++
		}
		if y, k, ok := p.yearAt(j); ok {
			return k, sem{kind: kAbs, typ: "DATE", val: dval{g: gYear, y: y}}, false, true
		}
		if j == i+2 && p.w(i-1) == "the" && (p.w(j) == "ended" || p.w(j) == "ending") {
			return j, sem{kind: kDur, typ: "DURATION", n: 1, unit: uYear, lit: "P1Y"}, true, true
		}
		if j == i+2 && p.w(i-1) == "the" && !p.punct(j, '-') {
			// the fiscal year: the current one
			return j, sem{kind: kDeictic, typ: "DATE", val: dval{g: gYear}}, true, true
		}
		if p.punct(j, '-') {
			j++
		}
		if _, ok := p.ordinalAt(j); ok {
			return p.ordinalExpr(j)
		}
	case "noon", "midnight", "midday":
		if s, j, ok := p.clock(i); ok {
			return p.clockDate(s, j)
		}
	case "full":
		if p.c(i+1) == cUnit && p.v(i+1) == uYear && !p.toks[i+1].lex.plural && p.w(i-1) == "the" && !p.punct(i+2, '-') {
			return i + 2, sem{kind: kDeictic, typ: "DATE", val: dval{g: gYear}}, true, true
		}
	}
	return 0, sem{}, false, false
}

// possessive reports whether a possessive pronoun comes before i,
// possibly across early/late/mid: "in his early 30s" is an age.
func (p *parser) possessive(i int) bool {
	k := i - 1
	if p.c(k) == cModifier {
		k--
	}
	switch p.w(k) {
	case "his", "her", "their", "its", "my", "your", "our":
		return true
	}
	return false
}

// yearContext reports whether the word before i is one after which a
// year is expected: "in 2000", "the year 2000", "since 1991".
func (p *parser) yearContext(i int) bool {
	switch p.w(i - 1) {
	case "in", "by", "since", "until", "till", "year", "of", "before", "after", "from", "through":
		return true
	}
	return false
}

func refName(r int) string {
	switch r {
	case rPresent:
		return "PRESENT_REF"
	case rPast:
		return "PAST_REF"
	}
	return "FUTURE_REF"
}

// refPhrase reads the fixed phrases that name the present, past or future
// as a whole: "these days", "the near term", "a later date".
func (p *parser) refPhrase(i int) (int, sem, bool, bool) {
	ref := func(lit string) sem { return sem{kind: kRef, typ: "DATE", lit: lit} }
	switch w := p.w(i); w {
	case "these":
		if p.w(i+1) == "days" {
			return i + 2, ref("PRESENT_REF"), false, true // these days: nowadays
		}
	case "near", "short", "long":
		// in the near term, over the long term; not "long-term debt" nor
		// "the short term rate"
		if p.w(i-1) == "the" && p.w(i+1) == "term" && !p.punct(i+2, '-') && !p.modifiesNoun(i+2) && !p.punct(i+1, '-') {
			return i + 2, ref("FUTURE_REF"), true, true
		}
	case "a", "an":
		// at a later date, at a future date ("an earlier date" may be
		// an earlier one still to come)
		if w1 := p.w(i + 1); (w1 == "later" || w1 == "future") && p.w(i+2) == "date" && !p.modifiesNoun(i+3) {
			return i + 3, ref("FUTURE_REF"), false, true
		}
	}
	return 0, sem{}, false, false
}

// numeric handles expressions that start with digits: years, day-month
// dates, numeric dates, clock times and counts of units.
func (p *parser) numeric(i int) (int, sem, bool, bool) {
	t := &p.toks[i]
	// ISO 2015-11-30 and US 11/30/2015
	if t.nd == 4 && p.punct(i+1, '-') && p.adjacent(i) && i+4 < len(p.toks) && p.punct(i+3, '-') {
		m, d := &p.toks[i+2], &p.toks[i+4]
		if m.k == tNum && d.k == tNum && m.nd == 2 && d.nd == 2 && validDate(t.n, m.n, d.n) && p.adjacent(i+3) {
			return i + 5, sem{kind: kAbs, typ: "DATE", val: dval{g: gDay, y: t.n, m: m.n, d: d.n}}, false, true
		}
	}
	if t.nd <= 2 && p.punct(i+1, '/') && p.adjacent(i) && i+4 < len(p.toks) && p.punct(i+3, '/') && p.adjacent(i+2) {
		a, b, c := t.n, p.toks[i+2].n, &p.toks[i+4]
		if p.toks[i+2].k == tNum && c.k == tNum && (c.nd == 4 || c.nd == 2) {
			y := c.n
			if c.nd == 2 {
				if y < 50 {
					y += 2000
				} else {
					y += 1900
				}
			}
			m, d := a, b
			if a > 12 {
				m, d = b, a
			}
			if validDate(y, m, d) {
				return i + 5, sem{kind: kAbs, typ: "DATE", val: dval{g: gDay, y: y, m: m, d: d}}, false, true
			}
		}
	}
	if y, j, ok := p.eraYear(i); ok {
		return j, sem{kind: kAbs, typ: "DATE", val: dval{g: gYear, y: y}}, false, true // 480 BC, 79 AD
	}
	if y, ok := p.shortRangeEnd(i); ok {
		return i + 1, sem{kind: kAbs, typ: "DATE", val: dval{g: gYear, y: y}}, false, true // the 1998-99 season
	}
	if s, j, ok := p.clock(i); ok {
		return p.clockDate(s, j)
	}
	if y, ok := p.isYear(i); ok {
		if p.amount(i) {
			return 0, sem{}, false, false // 2000 people, £1999, 2006 points, Windows 2000
		}
		if p.punct(i+1, ',') && p.adjacent(i) && p.adjacent(i+1) && i+2 < len(p.toks) && p.toks[i+2].nd == 3 {
			return 0, sem{}, false, false // 1,500 split oddly
		}
		if p.decimal(i) {
			return 0, sem{}, false, false // 2082.1: an index level
		}
		// the 1988 third quarter, the 1988 quarter, the 1988 period
		if p.w(i-1) == "the" && p.w(i+1) == "period" {
			return i + 2, sem{kind: kYearPeriod, typ: "DATE", n: y}, true, true
		}
		if p.w(i-1) == "the" {
			if end, s, ok := p.yearsQuarter(i+1, 0); ok {
				if s.kind == kMonthOfYear {
					s.kind, s.val.y = kAbs, y
				} else {
					s.n = y // kLastDone with an absolute year: see emit
					s.lit = "year"
				}
				return end, s, true, true
			}
		}
		// a unit after a year-like number is a count: "2000 years"
		if p.c(i+1) == cUnit {
			return 0, sem{}, false, false
		}
		return i + 1, sem{kind: kAbs, typ: "DATE", val: dval{g: gYear, y: y}}, false, true
	}
	if end, s, ok := p.dayMonth(i); ok {
		return end, s, false, true
	}
	return p.countExpr(i)
}

// amount reports whether the year-like number at i is a count, price,
// score, measurement or label, not a year. A number is an amount when
//   - a currency sign or "#" is written before it, or "%", "percent" or
//     a time zone after it: "$1999", "£1999", "#1999", "1999%", "1735
//     GMT" (a clock time, see clock);
//   - a noun of counting or measure follows it, directly or after a
//     hyphen: "2000 people", "2006 points", "1218 pence", "1600 MHz",
//     "a 2000-seat arena" (but "in 2003 shares rose": a clause opened by
//     in, since, during or until takes a year; "the 1989 Children Act":
//     a capitalized word is a name);
//   - a quantifier comes before it: "some 2000", "nearly 2000", "the top
//     1000", "more than 2000";
//   - it labels the noun or name before it: "resolution 1441", "model
//     2000", "Windows 2000", "Euro 2004" (a capitalized word that opens no
//     sentence and is not a date word: "In 2004", "January 2004" and
//     "Throughout 2004" keep their year).
func (p *parser) amount(i int) bool {
	if i > 0 && p.toks[i-1].k == tPunct && p.adjacent(i-1) {
		r, _ := utf8.DecodeRuneInString(p.text[p.toks[i-1].s:])
		if r == '$' || r == '#' || unicode.Is(unicode.Sc, r) {
			return true
		}
	}
	if p.punct(i+1, '%') || p.w(i+1) == "percent" || p.c(i+1) == cTZ && p.toks[i+1].up {
		return true
	}
	k := i + 1
	if p.punct(k, '-') && p.adjacent(i) && p.adjacent(k) {
		k++
	}
	if p.nounIn(k, quantityNouns) && !p.toks[k].up {
		switch p.w(i - 1) {
		case "in", "since", "during", "until", "till":
			return k > i+1
		}
		return true
	}
	switch w := p.w(i - 1); {
	case p.rawIs(i-1, "some", "nearly", "top", "all"), w == "almost":
		return true
	case w == "than":
		return p.rawIs(i-2, "more", "fewer") || p.w(i-2) == "less"
	}
	if p.nounIn(i-1, labelNouns) && !p.toks[i-1].up {
		return true
	}
	return p.nameBefore(i)
}

// nounIn reports whether token k is a word of set, ignoring case.
func (p *parser) nounIn(k int, set map[string]bool) bool {
	if k < 0 || k >= len(p.toks) || p.toks[k].k != tWord || p.toks[k].e-p.toks[k].s > 16 {
		return false
	}
	var buf [16]byte
	w := buf[:0]
	for _, c := range []byte(p.text[p.toks[k].s:p.toks[k].e]) {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		w = append(w, c)
	}
	return set[string(w)]
}

// nameBefore reports whether a capitalized word that the number labels
// stands right before it, inside a sentence: "Windows 2000", "Euro
// 2004", "Transport 2000". Date and function words ("January", "Since",
// "FY"), sentence openers ("Throughout 2004", "Clearly 2004 was") and
// spans of years ("Western Theater 1861-1863") do not count.
func (p *parser) nameBefore(i int) bool {
	k := i - 1
	if k < 1 || p.toks[k].k != tWord || !p.toks[k].up || p.toks[k].lex != nil || p.rawIs(k, "FY") {
		return false
	}
	if (p.punct(i+1, '-') || p.punct(i+1, 0xe2)) && i+2 < len(p.toks) && p.toks[i+2].k == tNum {
		return false // a span of years: "Eastern Theater 1861-1863"
	}
	if strings.ContainsAny(p.text[p.toks[k].e:p.toks[i].s], "\n") {
		return false
	}
	prev := &p.toks[k-1]
	if strings.ContainsAny(p.text[prev.e:p.toks[k].s], "\n") {
		return false // a headline or line opening with the word
	}
	if prev.k == tPunct {
		switch p.text[prev.s] {
		case '.', '!', '?', '"', '\'', ':', '(', '[', 0xe2:
			return false
		}
	}
	return true
}

// dayMonth reads a day before its month: 30 November [2015], 15th March,
// the 15th of March.
func (p *parser) dayMonth(i int) (int, sem, bool) {
	d, j, ok := p.day(i)
	if !ok {
		return 0, sem{}, false
	}
	if p.w(j) == "of" {
		j++
	}
	m, k, ok := p.monthAt(j)
	if !ok || !validDate(2000, m, d) {
		return 0, sem{}, false
	}
	s := sem{kind: kNoYear, typ: "DATE", val: dval{g: gDay, y: -1, m: m, d: d}}
	if y, k2, ok := p.yearAfter(k); ok {
		s.kind, s.val.y, k = kAbs, y, k2
	}
	return k, s, true
}

func validDate(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// clock reads a clock time: 5 p.m., 10:30 am, 14:00 GMT, noon.
func (p *parser) clock(i int) (sem, int, bool) {
	t := &p.toks[i]
	j := i
	switch {
	case t.k == tWord && (t.word() == "noon" || t.word() == "midnight" || t.word() == "midday"):
		if p.rawIs(i-1, "high") {
			return sem{}, i, false // "high noon": an idiom (or a film), not 12:00
		}
		j = i + 1
	case t.k == tAlnum && t.nd <= 2 && (p.text[t.e-2:t.e] == "am" || p.text[t.e-2:t.e] == "pm" || p.text[t.e-2:t.e] == "AM" || p.text[t.e-2:t.e] == "PM"):
		j = i + 1
	case t.k == tNum && t.nd == 4 && t.n%100 < 60 && t.n <= 2400 && (p.c(i+1) == cTZ && p.toks[i+1].up ||
		p.rawIs(i+1, "local") && p.rawIs(i+2, "time")):
		// 24-hour clock with a zone: 1830 GMT, 0100 GMT, 1700 local time;
		// not a gloss of the time just given in another zone ("10:35
		// a.m. (0735 GMT)"): that is the same instant.
		if n := len(p.out); n > 0 && p.punct(i-1, '(') && p.out[n-1].Type == "TIME" && p.out[n-1].End == p.toks[i-2].e {
			return sem{}, i, false
		}
		j = i + 2
		if p.c(i+1) != cTZ {
			j = i + 3
		}
		return sem{kind: kClock, typ: "TIME", val: dval{g: gDay, hh: t.n / 100, mm: t.n % 100, hasTime: true}}, j, true
	case t.k == tNum && t.nd <= 2:
		j = i + 1
		hasMin := false
		if p.punct(j, ':') && p.adjacent(i) && j+1 < len(p.toks) && p.toks[j+1].nd == 2 && p.adjacent(j) {
			j += 2
			hasMin = true
			if p.toks[j-1].k == tAlnum {
				break
			}
		}
		// a.m. / p.m. / am / pm
		w := p.w(j)
		switch {
		case (w == "a" || w == "p") && p.punct(j+1, '.') && p.w(j+2) == "m":
			j += 3
			if p.punct(j, '.') && p.adjacent(j-1) {
				j++
			}
		case w == "am" || w == "pm":
			if w == "am" && !p.toks[j].up && !hasMin {
				return sem{}, i, false
			}
			j++
		case hasMin && (p.c(j) == cTZ || p.w(i-1) == "at" || p.w(i-1) == "by" || p.w(i-1) == "until"):
		case p.w(j) == "o" && p.punct(j+1, '\'') && p.w(j+2) == "clock":
			j += 3
		case p.w(j) == "in" && p.w(j+1) == "the" && t.n >= 1 && t.n <= 12:
			// 4 in the morning, 7:30 in the evening
			pod, k := p.partDay(j + 2)
			if pod == "" || pod == "NI" {
				return sem{}, i, false
			}
			hh, mm := t.n%12, 0
			if hasMin {
				mm = p.toks[i+2].n
			}
			if pod != "MO" {
				hh += 12
			}
			if mm > 59 {
				return sem{}, i, false
			}
			return sem{kind: kClock, typ: "TIME", val: dval{g: gDay, hh: hh, mm: mm, hasTime: true}}, k, true
		default:
			return sem{}, i, false
		}
	default:
		return sem{}, i, false
	}
	if p.c(j) == cTZ && p.toks[j].up {
		j++
	}
	hh, mm, ok := readClock(p.text[t.s:p.toks[j-1].e])
	if !ok {
		if p.w(j-1) == "clock" {
			hh, ok = t.n, t.n <= 12
		}
		if !ok {
			return sem{}, i, false
		}
	}
	return sem{kind: kClock, typ: "TIME", val: dval{g: gDay, hh: hh, mm: mm, hasTime: true}}, j, true
}

// clockDate extends a clock time at j with the day it names: "9 a.m.
// Tuesday", "noon Thursday", "5 p.m. EST, Nov. 9", "10 p.m. yesterday".
func (p *parser) clockDate(s sem, j int) (int, sem, bool, bool) {
	k := j
	if p.punct(k, ',') {
		k++
	}
	var ds sem
	end, ok := 0, false
	switch p.c(k) {
	case cWeekday:
		end, ds, _, ok = p.weekdayExpr(k)
		ok = ok && ds.val.pod == "" && ds.kind != kSet
	case cMonth:
		end, ds, _, ok = p.monthExpr(k)
		ok = ok && ds.val.g == gDay
	case cRelDay:
		if p.w(k) != "tonight" {
			end, ds, ok = k+1, sem{kind: kRelDay, n: p.v(k)}, true
		}
	}
	if !ok {
		return j, s, false, true
	}
	ds.typ = "TIME"
	ds.val.hasTime, ds.val.hh, ds.val.mm = true, s.val.hh, s.val.mm
	return end, ds, false, true
}

// monthExpr: November, Nov. 24, November 24, 2015, November 2015.
func (p *parser) monthExpr(i int) (int, sem, bool, bool) {
	m, j, ok := p.monthAt(i)
	if !ok || p.personName(i) {
		return 0, sem{}, false, false // August Strindberg, the ship June Star
	}
	s := sem{kind: kNoYear, typ: "DATE", val: dval{g: gMonth, y: -1, m: m}}
	if d, k, ok := p.day(j); ok && validDate(2000, m, d) && !(p.punct(k, ':') && p.adjacent(k-1) && p.adjacent(k)) {
		s.val.g, s.val.d, j = gDay, d, k
		if y, k2, ok := p.yearAfter(j); ok {
			s.kind, s.val.y, j = kAbs, y, k2
		} else if n, k2, ok := p.ofRefYear(j); ok {
			s.refYear, s.n, j = true, n, k2 // July 25 of that year
		}
		return j, s, false, true
	}
	if p.w(j) == "of" {
		if y, k, ok := p.yearAt(j + 1); ok {
			s.kind, s.val.y = kAbs, y
			return k, s, false, true
		}
	}
	if n, k, ok := p.ofRefYear(j); ok {
		s.refYear, s.n = true, n // August of that year
		return k, s, false, true
	}
	if y, k, ok := p.yearAfter(j); ok {
		s.kind, s.val.y = kAbs, y
		return k, s, false, true
	}
	// January this year, June last year
	if d := p.w(j); (d == "this" || d == "last" || d == "next") && p.w(j+1) == "year" {
		s.kind = kMonthOfYear
		s.n = map[string]int{"this": 0, "last": -1, "next": 1}[d]
		return j + 2, s, false, true
	}
	// a bare month name: the ambiguous ones need a temporal preposition
	w := p.w(i)
	if w == "may" || w == "march" || p.toks[i].lex.abbr {
		switch p.w(i - 1) {
		case "in", "since", "until", "till", "by", "of", "from", "through", "during", "last", "next", "this", "early", "late", "mid", "end", "before", "after", "each", "every", "to":
		case "the":
			// "the March accession", "the May elections": a capitalized
			// month between an article and a lower-case noun
			if e := p.toks[i].lex; e.abbr || j >= len(p.toks) || p.toks[j].k != tWord || p.toks[j].up || p.c(j) != cNone {
				return 0, sem{}, false, false
			}
		default:
			return 0, sem{}, false, false
		}
	}
	return j, s, false, true
}

// weekdayExpr: Monday, Monday morning, Monday, November 30, 2015.
func (p *parser) weekdayExpr(i int) (int, sem, bool, bool) {
	e := p.toks[i].lex
	j := i + 1
	if p.personName(i) {
		return 0, sem{}, false, false // Man Friday, Friday Ahmed
	}
	if e.abbr {
		if !p.toks[i].up {
			return 0, sem{}, false, false
		}
		if p.punct(j, '.') && p.adjacent(i) {
			j++
		} else if p.toks[i].e-p.toks[i].s < 4 {
			return 0, sem{}, false, false
		}
		switch e.key {
		case "sun", "sat", "wed":
			// also words and names ("owned by Sun."): only before a date
			k := j
			if p.punct(k, ',') {
				k++
			}
			if p.c(k) != cMonth && (k >= len(p.toks) || p.toks[k].k != tNum) {
				return 0, sem{}, false, false
			}
		}
	}
	// Mondays, Tuesday nights: every such day (a SET)
	plural := e.plural
	if !plural && p.c(j) == cPartDay && p.toks[j].lex.plural {
		plural = true
	}
	if plural {
		s := sem{kind: kSet, typ: "SET", lit: "XXXX-WXX-" + string(rune('0'+e.v))}
		if pod, k := p.partDayN(j, true); pod != "" {
			s.lit += "T" + pod
			j = k
		}
		return j, s, false, true
	}
	// Monday, Nov. 30[, 2015]
	k := j
	if p.punct(k, ',') {
		k++
	}
	if p.c(k) == cMonth || k < len(p.toks) && (p.toks[k].k == tNum || p.toks[k].k == tAlnum) {
		// Monday, Nov. 30; Monday 30 November; Monday 30th November
		if end, s, _, ok := p.core(k); ok && (s.kind == kNoYear || s.kind == kAbs) && s.val.g == gDay && s.val.m > 0 && !s.val.hasTime {
			s.weekday = e.v
			return end, s, false, true
		}
	}
	s := sem{kind: kWeekday, typ: "DATE", val: dval{g: gDay, y: -1, wd: e.v}}
	if pod, k := p.partDay(j); pod != "" {
		s.val.pod, j = pod, k
	}
	return j, s, false, true
}

// setExpr: every Monday, each year, every two weeks, per day.
func (p *parser) setExpr(i int) (int, sem, bool, bool) {
	j := i + 1
	n := 1
	if k, j2, ok := p.number(j, false); ok && k > 0 {
		n, j = k, j2
	} else if p.w(j) == "other" {
		n, j = 2, j+1
	}
	q := "EACH"
	if p.w(i) == "per" {
		return 0, sem{}, false, false
	}
	if p.c(j) == cUnit {
		u := p.v(j)
		switch u {
		case uWeekend:
			return j + 1, sem{kind: kSet, typ: "SET", lit: "XXXX-WXX-WE", quant: q}, false, true
		case uHalf, uSeason, uDecade, uCentury, uMillennium:
			// "each half" of a match, "every season" of a league: no
			// calendar period a SET value can repeat
			return 0, sem{}, false, false
		}
		return j + 1, sem{kind: kSet, typ: "SET", lit: durValue(n, u), quant: q}, false, true
	}
	if p.c(j) == cWeekday {
		wd := p.v(j)
		s := sem{kind: kSet, typ: "SET", lit: "XXXX-WXX-" + string(rune('0'+wd)), quant: q}
		j++
		if pod, k := p.partDay(j); pod != "" {
			s.lit += "T" + pod
			j = k
		}
		return j, s, false, true
	}
	if p.c(j) == cPartDay {
		pod, k := p.partDay(j)
		return k, sem{kind: kSet, typ: "SET", lit: "XXXX-XX-XXT" + pod, quant: q}, false, true
	}
	if m, k, ok := p.monthAt(j); ok {
		return k, sem{kind: kSet, typ: "SET", lit: "XXXX-" + string(rune('0'+m/10)) + string(rune('0'+m%10)), quant: q}, false, true
	}
	if p.c(j) == cSeason {
		return j + 1, sem{kind: kSet, typ: "SET", lit: "XXXX-" + seasonCodes[p.v(j)], quant: q}, false, true
	}
	return 0, sem{}, false, false
}

// countExpr: two years, a year ago, three days later, 30-minute, a few
// weeks.
func (p *parser) countExpr(i int) (int, sem, bool, bool) {
	n, j, ok := p.number(i, true)
	if !ok {
		return 0, sem{}, false, false
	}
	article := (p.w(i) == "a" || p.w(i) == "an") && j == i+1 // not "a hundred years"
	half := false
	if k, ok := p.halfAt(j); ok && n >= 0 {
		half, j = true, k // 2 1/2 years, two and a half years
	}
	hyph := false
	if p.punct(j, '-') && p.adjacent(j-1) {
		if article {
			return 0, sem{}, false, false // quarter-of-an-hour
		}
		j++
		hyph = true
	}
	if p.c(j) != cUnit {
		// one more year, an additional year, a full week, two further days
		switch p.w(j) {
		case "more", "additional", "extra", "further", "full", "whole", "entire":
			if p.c(j+1) != cUnit {
				return 0, sem{}, false, false
			}
			j++
		default:
			return 0, sem{}, false, false
		}
	}
	u := p.v(j)
	pl := p.toks[j].lex.plural
	if p.longAt(j + 1) {
		if article {
			return 0, sem{}, false, false // "a day-long meeting": the scan retries at "day"
		}
		if hyph && !pl {
			// a two-year-long inquiry
			return j + 3, sem{kind: kDur, typ: "DURATION", n: n, unit: u, lit: durValue(n, u)}, false, true
		}
	}
	if p.punct(j+1, '-') && (p.w(j+2) == "earlier" || p.w(j+2) == "ago") {
		return 0, sem{}, false, false // a year-earlier loss
	}
	if p.punct(j+1, '-') && p.w(j+2) == "of" {
		return 0, sem{}, false, false // a quarter-of-an-hour
	}
	if u == uHalf && !pl || hyph && pl {
		return 0, sem{}, false, false // "three-quarters of" is a fraction
	}
	if !pl && n != 1 && !hyph && n >= 0 && !p.modifiesNoun(j+1) {
		return 0, sem{}, false, false // "five year low" is a duration; "two year" alone is not
	}
	if pl && p.w(j+1) == "old" {
		return 0, sem{}, false, false // an age: 52 years old
	}
	if article && pl && p.w(i+1) != "few" && p.w(i+1) != "couple" {
		return 0, sem{}, false, false
	}
	if article && u == uSecond && (p.modifiesNoun(j+1) || p.toks[j].up) {
		return 0, sem{}, false, false // a second betrayal, a Second United Front
	}
	if u == uQuarter && p.w(j+1) == "of" && p.fractionOf(j+2) {
		return 0, sem{}, false, false // three quarters of the troops: a fraction
	}
	if u == uQuarter && p.w(i-1) == "of" && p.w(j+1) != "of" && !p.punct(j+1, '-') {
		return 0, sem{}, false, false // a decrease of about a quarter
	}
	if p.w(j+1) == "and" && p.w(j+2) == "a" && p.w(j+3) == "half" && !half && n >= 0 {
		half, j = true, j+3 // a minute and a half
	}
	j++
	if u == uDecade && n > 0 {
		n, u = 10*n, uYear
		if half {
			n, half = n+5, false
		}
	}
	s := sem{kind: kDur, typ: "DURATION", n: n, unit: u, lit: durValue(n, u)}
	if half {
		s.lit = halfDur(n, u)
	}
	if p.w(j) == "or" && p.w(j+1) == "so" {
		switch p.w(j + 2) {
		case "ago", "earlier", "later":
			j += 2 // a week or so ago
			s.mod = "APPROX"
		}
	}
	if hyph && p.punct(j, '-') && p.w(j+1) == "old" {
		return 0, sem{}, false, false
	}
	// direction
	switch p.w(j) {
	case "ago":
		if n < 0 {
			// several years ago
			return j + 1, sem{kind: kRef, typ: "DATE", lit: "PAST_REF"}, true, true
		}
		s.kind, s.typ = kAgo, "DATE"
		return j + 1, s, true, true
	case "earlier", "before", "previously":
		if p.w(j) == "before" && !endsClause(p, j+1) || u < uDay || p.w(j+1) == "than" {
			break // "two hours earlier" stays a duration: a day would lose it
		}
		s.kind, s.typ, s.n = kLater, "DATE", -n
		return j + 1, s, true, true
	case "later", "after":
		if p.w(j) == "after" && !endsClause(p, j+1) || u < uDay || p.w(j+1) == "than" {
			break // a month later than planned: a duration
		}
		s.kind, s.typ = kLater, "DATE"
		return j + 1, s, true, true
	case "from":
		if p.w(j+1) == "now" {
			s.kind, s.typ = kAgo, "DATE"
			s.n = -n
			return j + 2, s, true, true
		}
	case "hence":
		s.kind, s.typ, s.n = kAgo, "DATE", -n
		return j + 1, s, true, true
	case "ahead":
		if p.w(i-1) == "the" {
			return j + 1, s, true, true // the two weeks ahead: still a duration
		}
	}
	if article && !pl && p.w(i-1) == "half" && u == uHour {
		return j, sem{kind: kDur, typ: "DURATION", n: 30, unit: uMinute, lit: "PT30M"}, true, true
	}
	if article && !pl {
		// "a year" after a price or rate is a frequency: $5 a year
		if i > 0 && (p.toks[i-1].k == tNum || p.w(i-1) == "times" || p.w(i-1) == "once" || p.w(i-1) == "twice" || p.c(i-1) == cUnit || p.w(i-1) == "percent" || p.punct(i-1, '%') || p.countedNoun(i-1)) {
			// twice a year, three times a week: how often, in freq
			return j, sem{kind: kSet, typ: "SET", lit: durValue(1, u), n: p.timesBefore(i)}, false, true
		}
	}
	if !pl && !hyph && n > 0 && p.w(j) == "long" && !p.adjacent(j-1) {
		j++ // a 3 year long siege
	}
	// "the Seven Days", "the 4 Years": a name, whose article is its own
	return j, s, !hyph && !p.toks[j-1].up, true
}

// nameAt reports whether a capitalized word that opens no sentence is at
// k: the name a season or count is part of.
func (p *parser) nameAt(k int) bool {
	return k < len(p.toks) && p.toks[k].k == tWord && p.toks[k].up && p.toks[k].lex == nil
}

// countedNoun reports whether token k is a plain lower-case word right
// after a number: "400,000 tonnes", "four flights", "$2 million", the
// quantity of a rate such as "four flights a week".
func (p *parser) countedNoun(k int) bool {
	if k < 1 || !p.plainWord(k) || p.toks[k].up {
		return false
	}
	return p.toks[k-1].k == tNum || p.c(k-1) == cNumWord && p.v(k-1) > 1
}

// longAt reports whether "-long" starts at token i, written without
// spaces after a unit: "day-long", "years-long".
func (p *parser) longAt(i int) bool {
	return p.punct(i, '-') && p.adjacent(i-1) && p.adjacent(i) && p.w(i+1) == "long"
}

// modifiesNoun reports whether token i is a lower-case word that a
// count-and-unit can modify: "a five year low", "a two day rally".
func (p *parser) modifiesNoun(i int) bool {
	if i >= len(p.toks) || p.toks[i].up {
		return false
	}
	return p.plainWord(i) // not function words, units, directions: "ten year ago" is odd text
}

// plainWord reports whether token i is an ordinary word: one the lexicon
// does not hold, or holds only as a content word (cWord).
func (p *parser) plainWord(i int) bool {
	t := &p.toks[i]
	return t.k == tWord && (t.lex == nil || t.lex.c == cWord)
}

// endsClause reports whether token i ends the clause (so "before" is an
// adverb, not a preposition).
func endsClause(p *parser, i int) bool {
	if i >= len(p.toks) {
		return true
	}
	if p.toks[i].k == tPunct {
		c := p.text[p.toks[i].s]
		return c == '.' || c == ',' || c == ';' || c == ')' || c == '"' || c == '\''
	}
	w := p.w(i)
	return w == "and" || w == "when" || w == "while"
}

// unitExpr: a bare unit after "the" (the year, the quarter, the weekend)
// or a bare plural (years, weeks).
func (p *parser) unitExpr(i int) (int, sem, bool, bool) {
	u := p.v(i)
	pl := p.toks[i].lex.plural
	prev := p.w(i - 1)
	if p.longAt(i + 1) {
		// a day-long meeting, a decades-long battle
		n := 1
		if pl {
			n = -1
		}
		return i + 3, sem{kind: kDur, typ: "DURATION", n: n, unit: u, lit: durValue(n, u)}, false, true
	}
	if u == uYear && !pl {
		if end, s, ok := p.yearEnd(i); ok {
			return end, s, true, true
		}
	}
	if !pl && prev == "the" && u >= uDay && p.w(i+1) == "following" && !p.nounPhraseAt(i+2) {
		// "the day following saw the surrender": the next day
		return i + 2, sem{kind: kAnaphor, typ: "DATE", unit: u, n: 1}, true, true
	}
	if pl && prev == "the" && p.w(i+1) == "ahead" && u >= uHour {
		// the weeks ahead: a vague stretch to come
		return i + 2, sem{kind: kDur, typ: "DURATION", n: -1, unit: u, lit: durValue(-1, u)}, true, true
	}
	if pl {
		switch prev {
		case "for", "in", "within", "over", "after", "took", "take", "takes", "last", "lasted":
		default:
			return 0, sem{}, false, false
		}
		if u < uHour || u == uWeekend || u == uHalf || p.punct(i+1, '-') || p.w(i+1) == "of" && u != uYear {
			return 0, sem{}, false, false
		}
		if p.w(i+1) == "ago" {
			return i + 2, sem{kind: kRef, typ: "DATE", lit: "PAST_REF"}, true, true
		}
		return i + 1, sem{kind: kDur, typ: "DURATION", n: -1, unit: u, lit: durValue(-1, u)}, true, true
	}
	midWord := p.punct(i-1, '-') && p.adjacent(i-1) && p.rawIs(i-2, "mid") && p.adjacent(i-2)
	if prev != "the" && !midWord {
		return 0, sem{}, false, false
	}
	if p.punct(i+1, '-') {
		return 0, sem{}, false, false
	}
	if (u == uDecade || u == uCentury) && !pl {
		// mid-decade, the middle of the decade: the one of the story
		// or of the DCT
		return i + 1, sem{kind: kDeictic, typ: "DATE", val: dval{g: unitGran(u)}, fromRef: true}, true, true
	}
	if midWord && u != uYear {
		return 0, sem{}, false, false // mid-week
	}
	if y, k, ok := p.yearAt(i + 1); ok && u == uYear {
		return k, sem{kind: kAbs, typ: "DATE", val: dval{g: gYear, y: y}}, true, true // the year 2000
	}
	if w := p.w(i + 1); (w == "ended" || w == "ending") && u == uYear {
		// "the year ended June 30": a reporting period as long as a year
		return i + 1, sem{kind: kDur, typ: "DURATION", n: 1, unit: u, lit: durValue(1, u)}, true, true
	}
	switch u {
	case uWeekend:
		return i + 1, sem{kind: kLastDone, typ: "DATE", unit: u}, true, true
	case uYear, uMonth, uWeek:
		if p.w(i+1) == "before" || p.w(i+1) == "after" {
			return p.anaphorDir(i, u)
		}
		if u == uWeek && p.w(i+1) == "of" && p.c(i+2) == cMonth {
			// the week of March 6: the week that holds the day
			if end, s, _, ok := p.monthExpr(i + 2); ok && s.val.g == gDay {
				s.weekOf = true
				return end, s, true, true
			}
		}
		// the month, the week: the one the text just named ("sales rose
		// in December ... 1.2% in the month"), else the DCT's
		return i + 1, sem{kind: kDeictic, typ: "DATE", val: dval{g: unitGran(u)}, fromRef: u != uYear}, true, true
	case uDay:
		if p.w(i+1) == "before" || p.w(i+1) == "after" {
			return p.anaphorDir(i, u)
		}
		return 0, sem{}, false, false
	case uQuarter:
		if y, j, ok := p.ofYear(i + 1); ok {
			return j, sem{kind: kAbs, typ: "DATE", val: dval{g: gQuarter, y: y}}, true, true
		}
		if p.w(i+1) == "a" && p.w(i+2) == "year" && (p.w(i+3) == "ago" || p.w(i+3) == "earlier") {
			// the quarter a year ago: the latest quarter, a year before
			return i + 4, sem{kind: kLastDone, typ: "DATE", unit: u, n: -1}, true, true
		}
		return i + 1, sem{kind: kLastDone, typ: "DATE", unit: u}, true, true
	}
	return 0, sem{}, false, false
}

// anaphorDir: the day before, the year after, the day before last
// Tuesday's hearing.
func (p *parser) anaphorDir(i, u int) (int, sem, bool, bool) {
	n := -1
	if p.w(i+1) == "after" {
		n = 1
	}
	if !endsClause(p, i+2) {
		if u == uDay {
			if end, s, _, ok := p.core(i + 2); ok && s.dayShift == 0 && !s.weekOf && !s.val.hasTime &&
				(s.kind == kWeekday || s.kind == kRelDay || (s.kind == kNoYear || s.kind == kAbs) && s.val.g == gDay) {
				s.dayShift = n
				return end, s, true, true
			}
		}
		return 0, sem{}, false, false
	}
	return i + 2, sem{kind: kAnaphor, typ: "DATE", unit: u, n: n}, true, true
}

// ofYear reads "of 1990" or " 1990" at i.
func (p *parser) ofYear(i int) (int, int, bool) {
	if p.w(i) == "of" {
		if y, k, ok := p.yearAt(i + 1); ok {
			return y, k, true
		}
	}
	return 0, i, false
}

// ordinalExpr: the third quarter, third-quarter, the first half of 1990,
// the first nine months.
func (p *parser) ordinalExpr(i int) (int, sem, bool, bool) {
	o, ok := p.ordinalAt(i)
	if !ok {
		return 0, sem{}, false, false
	}
	j := i + 1
	if end, s, takesThe, ok := p.century(o, j); ok {
		return end, s, takesThe, ok
	}
	hyph := false
	if p.punct(j, '-') {
		j++
		hyph = true
	}
	if p.w(j) == "fiscal" {
		j++
	}
	if p.c(j) == cUnit {
		u := p.v(j)
		if (u == uQuarter && o <= 4 || u == uHalf && o <= 2) && !p.toks[j].lex.plural {
			g := gQuarter
			if u == uHalf {
				g = gHalf
			}
			s := sem{kind: kNoYear, typ: "DATE", val: dval{g: g, y: -1, n: o}}
			j++
			if y, k, ok := p.ofYear(j); ok {
				s.kind, s.val.y, j = kAbs, y, k
			} else if y, k, ok := p.yearAt(j); ok {
				s.kind, s.val.y, j = kAbs, y, k
			}
			return j, s, !hyph || p.w(i-1) == "fiscal", true
		}
	}
	// the first nine months
	if o == 1 {
		if n, k, ok := p.number(j, false); ok && n > 0 && p.c(k) == cUnit && p.toks[k].lex.plural {
			u := p.v(k)
			if y, e, ok := p.ofYear(k + 1); ok && (u == uQuarter && n == 2 || u == uMonth && n == 6) {
				// the first two quarters of 1990: its first half
				return e, sem{kind: kAbs, typ: "DATE", val: dval{g: gHalf, y: y, n: 1}}, true, true
			}
			return k + 1, sem{kind: kDur, typ: "DURATION", n: n, unit: u, lit: durValue(n, u)}, true, true
		}
	}
	return 0, sem{}, false, false
}

// deicticExpr: last year, this week, next Monday, the past two months,
// the following day, recent years, this fall, last November.
func (p *parser) deicticExpr(i int) (int, sem, bool, bool) {
	d := p.v(i)
	j := i + 1
	if (d == dThat || d == dThis) && p.c(j) == cDeictic && p.v(j) == dSame {
		d, j = dSame, j+1 // that same day
	}
	if d == dLatest && p.w(i) == "most" {
		if p.w(j) != "recent" {
			return 0, sem{}, false, false
		}
		d = dLatest
		j++
	}
	// the past two months, the last several years, the next 10 days
	if d == dPast || d == dLast || d == dNext || d == dComing || d == dFollowing || d == dPrevious || d == dFinal {
		if n, k, ok := p.number(j, false); ok {
			if p.c(k) == cUnit && (p.toks[k].lex.plural || n == 1) {
				u := p.v(k)
				return k + 1, sem{kind: kDur, typ: "DURATION", n: n, unit: u, lit: durValue(n, u)}, true, true
			}
		}
		if p.w(j) == "few" && p.c(j+1) == cUnit {
			u := p.v(j + 1)
			return j + 2, sem{kind: kDur, typ: "DURATION", n: -1, unit: u, lit: durValue(-1, u)}, true, true
		}
	}
	if p.w(j) == "fiscal" {
		j++
	}
	switch p.c(j) {
	case cUnit:
		u := p.v(j)
		pl := p.toks[j].lex.plural
		if p.punct(j+1, '-') {
			return 0, sem{}, false, false
		}
		if pl {
			// recent years, the coming weeks: a vague stretch of time
			switch d {
			case dRecent, dPast, dLast, dComing, dNext:
				if u < uHour || u == uWeekend || u == uHalf {
					return 0, sem{}, false, false
				}
				if u >= uQuarter {
					// recent years, coming quarters: the past or the future
					lit := "PAST_REF"
					if d == dComing || d == dNext {
						lit = "FUTURE_REF"
					}
					return j + 1, sem{kind: kRef, typ: "DATE", lit: lit}, true, true
				}
				return j + 1, sem{kind: kDur, typ: "DURATION", n: -1, unit: u, lit: durValue(-1, u)}, true, true
			}
			return 0, sem{}, false, false
		}
		g := unitGran(u)
		if g == gNone || u == uHour || u == uMinute || u == uSecond {
			return 0, sem{}, false, false
		}
		if p.toks[j].up && p.toks[i].up && i > 0 && !p.sentenceEnd(i-1) && p.toks[i-1].k == tPunct {
			return 0, sem{}, false, false // ABC's "This Week": a title
		}
		if d == dLast && (u == uHalf || u == uQuarter) && p.w(j+1) == "of" {
			// the last half of 1989: the second half
			n := 2
			if u == uQuarter {
				n = 4
			}
			if y, k, ok := p.ofYear(j + 1); ok {
				return k, sem{kind: kAbs, typ: "DATE", val: dval{g: unitGran(u), y: y, n: n}}, true, true
			}
			if p.w(j+2) == "the" {
				// the last half of the '80s: the decade's end
				if end, s, _, ok := p.core(j + 3); ok && s.kind == kAbs && s.val.g == gDecade {
					s.mod = "END"
					return end, s, true, true
				}
			}
		}
		if u == uYear && (d == dThis || d == dLast || d == dNext || d == dCurrent) && (p.punct(j+1, '\'') || p.punct(j+1, 0xe2)) && p.w(j+2) == "s" {
			if end, s, ok := p.yearsQuarter(j+3, map[int]int{dThis: 0, dCurrent: 0, dLast: -1, dNext: 1}[d]); ok {
				return end, s, true, true
			}
		}
		if d == dPast && p.w(i-1) == "the" && (u == uDecade || u == uCentury) {
			// over the past decade: the ten years up to now, not the
			// calendar decade before this one; counted in years, like "two
			// decades"
			n := 10
			if u == uCentury {
				n = 100
			}
			return j + 1, sem{kind: kDur, typ: "DURATION", n: n, unit: uYear, lit: durValue(n, uYear)}, true, true
		}
		switch d {
		case dLast, dPast, dPrevious:
			if d == dPrevious || (p.w(i-1) == "the" && d != dPast && u == uDay) {
				return j + 1, sem{kind: kAnaphor, typ: "DATE", unit: u, n: -1}, true, true
			}
			if u == uDay {
				return 0, sem{}, false, false
			}
			if u == uQuarter && d == dLast && p.w(i-1) == "the" {
				return j + 1, sem{kind: kLastDone, typ: "DATE", unit: u}, true, true
			}
			return j + 1, sem{kind: kDeictic, typ: "DATE", val: dval{g: g}, n: -1}, true, true
		case dNext, dComing:
			if d == dNext && p.w(i-1) == "the" {
				return j + 1, sem{kind: kAnaphor, typ: "DATE", unit: u, n: 1}, true, true
			}
			return j + 1, sem{kind: kDeictic, typ: "DATE", val: dval{g: g}, n: 1}, true, true
		case dFollowing:
			return j + 1, sem{kind: kAnaphor, typ: "DATE", unit: u, n: 1}, true, true
		case dThis, dCurrent:
			if u == uWeekend {
				return j + 1, sem{kind: kDeictic, typ: "DATE", val: dval{g: gWeekend}}, true, true
			}
			return j + 1, sem{kind: kDeictic, typ: "DATE", val: dval{g: g}}, true, true
		case dThat, dSame:
			return j + 1, sem{kind: kAnaphor, typ: "DATE", unit: u, n: 0}, true, true
		case dLatest, dRecent, dFinal:
			return j + 1, sem{kind: kLastDone, typ: "DATE", unit: u}, true, true
		}
	case cFunc:
		if p.w(j) == "period" && (d == dLatest || d == dRecent) && p.w(i-1) == "the" {
			return j + 1, sem{kind: kLastDone, typ: "DATE", unit: uQuarter}, true, true
		}
	case cMonth, cSeason, cWeekday, cHoliday:
		var s sem
		var k int
		if p.c(j) == cHoliday {
			end, hs, ok := p.holidayExpr(j)
			if !ok {
				return 0, sem{}, false, false
			}
			s, k = hs, end
		} else if p.c(j) == cSeason {
			s, k = sem{kind: kNoYear, typ: "DATE", val: dval{g: gSeason, y: -1, n: p.v(j)}}, j+1
		} else if p.c(j) == cWeekday {
			if p.toks[j].lex.plural {
				return 0, sem{}, false, false
			}
			s, k = sem{kind: kWeekday, typ: "DATE", val: dval{g: gDay, y: -1, wd: p.v(j)}}, j+1
			if pod, k2 := p.partDay(k); pod != "" {
				s.val.pod, k = pod, k2
			}
		} else {
			m, k2, ok := p.monthAt(j)
			if !ok {
				return 0, sem{}, false, false
			}
			s, k = sem{kind: kNoYear, typ: "DATE", val: dval{g: gMonth, y: -1, m: m}}, k2
			if dd, k3, ok := p.day(k2); ok && validDate(2000, m, dd) {
				s.val.g, s.val.d, k = gDay, dd, k3 // last Oct. 23
			}
		}
		if s.kind == kWeekday {
			switch d {
			case dPrevious, dFollowing, dSame:
				s.fromRef = true // the previous Friday: before the date the text talks about
			case dThat:
				if !p.weekdayThat(i) {
					return 0, sem{}, false, false
				}
				s.fromRef = true
			}
		}
		switch d {
		case dLast, dPast, dPrevious:
			s.past = true
		case dNext, dComing, dFollowing:
			s.future = true
		case dThis:
			if s.kind == kNoYear {
				// this September, this summer: the DCT's year, whichever
				// side of the DCT it falls
				s.kind, s.n = kMonthOfYear, 0
			}
		case dThat, dSame:
			if !s.fromRef {
				return 0, sem{}, false, false
			}
		default:
			return 0, sem{}, false, false
		}
		return k, s, true, true
	case cPartDay:
		pod, k := p.partDay(j)
		switch d {
		case dThis:
			return k, sem{kind: kRelDay, typ: "TIME", val: dval{pod: pod}}, false, true
		case dLast:
			if pod == "NI" || pod == "EV" {
				return k, sem{kind: kRelDay, typ: "TIME", n: -1, val: dval{pod: pod}}, false, true
			}
		case dThat, dSame:
			return k, sem{kind: kAnaphor, typ: "TIME", unit: uDay, val: dval{pod: pod}}, true, true
		case dFollowing, dNext, dPrevious:
			// the next morning, the following night, the previous evening:
			// a day after or before the one the text talks about
			n := 1
			if d == dPrevious {
				n = -1
			}
			return k, sem{kind: kAnaphor, typ: "TIME", unit: uDay, n: n, val: dval{pod: pod}}, true, true
		}
	}
	switch d {
	case dCurrent:
		if p.w(i) == "current" && p.toks[j-1].k == tWord {
			return j, sem{kind: kRef, typ: "DATE", lit: "PRESENT_REF"}, false, true
		}
	case dPast:
		if p.w(i-1) == "the" && endsClause(p, j) {
			return j, sem{kind: kRef, typ: "DATE", lit: "PAST_REF"}, true, true
		}
	}
	return 0, sem{}, false, false
}

// ordinalAt reads an ordinal word at i; "second", a unit in the
// lexicon, counts too.
func (p *parser) ordinalAt(i int) (int, bool) {
	if p.c(i) == cOrdinal {
		return p.v(i), true
	}
	if p.c(i) == cUnit && p.w(i) == "second" {
		return 2, true
	}
	return 0, false
}

// yearsQuarter reads the part after "this year's" (n = 0), "last
// year's" (n = -1) or "next year's" (n = 1): "third quarter", "first
// half", or a bare "quarter" (the latest quarter in that year).
func (p *parser) yearsQuarter(k, n int) (int, sem, bool) {
	if o, ok := p.ordinalAt(k); ok {
		if p.c(k+1) == cUnit && !p.toks[k+1].lex.plural && (p.v(k+1) == uQuarter && o <= 4 || p.v(k+1) == uHalf && o <= 2) {
			g := gQuarter
			if p.v(k+1) == uHalf {
				g = gHalf
			}
			return k + 2, sem{kind: kMonthOfYear, typ: "DATE", val: dval{g: g, y: -1, n: o}, n: n}, true
		}
		return 0, sem{}, false
	}
	if p.c(k) == cUnit && p.v(k) == uQuarter && !p.toks[k].lex.plural {
		return k + 1, sem{kind: kLastDone, typ: "DATE", unit: uQuarter, n: n}, true
	}
	return 0, sem{}, false
}

// yearEarlier: year-earlier, the year-ago quarter, the year-earlier
// period: the date the text talks about, a year before.
func (p *parser) yearEarlier(i, j int) (int, sem, bool, bool) {
	s := sem{kind: kLater, typ: "DATE", unit: uYear, n: -1, lit: "yearEarlier"}
	k := j
	if _, ok := p.ordinalAt(k); ok {
		k++
	}
	if p.c(k) == cUnit && p.v(k) == uQuarter && !p.toks[k].lex.plural {
		s.lit = "yearEarlierQuarter"
		return k + 1, s, true, true
	}
	if p.w(k) == "period" && k == j {
		s.lit = "yearEarlierQuarter" // the year-ago period of a quarterly report
		return k + 1, s, true, true
	}
	if (p.c(k) == cUnit && (p.v(k) == uHalf || p.v(k) == uYear)) || p.w(k) == "period" {
		return k + 1, s, true, true
	}
	if n, e, ok := p.number(k, false); ok && n > 1 && p.c(e) == cUnit && p.toks[e].lex.plural && p.v(e) == uMonth {
		// the year-earlier nine months: a span of months, like "the
		// first nine months"
		return e + 1, sem{kind: kDur, typ: "DURATION", n: n, unit: uMonth, lit: durValue(n, uMonth)}, true, true
	}
	// "year-earlier net income": the period a year before the one
	// reported, or the year before the DCT's
	s.lit = "yearEarlierBare"
	return j, s, false, true
}

// samePeriod reads "the corresponding period last year", "the same
// quarter a year ago", "the comparable period a year earlier": the period
// a report is about, a year before (read like "the year-ago period").
func (p *parser) samePeriod(i int) (int, sem, bool) {
	if !p.rawIs(i, "corresponding", "comparable", "same") || p.w(i-1) != "the" {
		return 0, sem{}, false
	}
	k := i + 1
	switch {
	case p.w(k) == "period":
	case p.c(k) == cUnit && p.v(k) == uQuarter && !p.toks[k].lex.plural:
	default:
		return 0, sem{}, false
	}
	k++
	switch {
	case p.w(k) == "last" && p.w(k+1) == "year":
		k += 2
	case (p.w(k) == "a" || p.w(k) == "one") && p.w(k+1) == "year" && (p.w(k+2) == "ago" || p.w(k+2) == "earlier"):
		k += 3
	default:
		return 0, sem{}, false
	}
	return k, sem{kind: kLater, typ: "DATE", unit: uYear, n: -1, lit: "yearEarlierQuarter"}, true
}

// halfAt reads the half after a count at i: "1/2" (2 1/2 years) or "and
// a half" (two and a half years), returning the token after it.
func (p *parser) halfAt(i int) (int, bool) {
	if i+2 < len(p.toks) && p.toks[i].k == tNum && p.toks[i].n == 1 && p.punct(i+1, '/') &&
		p.toks[i+2].k == tNum && p.toks[i+2].n == 2 && p.toks[i+2].nd == 1 && p.adjacent(i) && p.adjacent(i+1) {
		return i + 3, true
	}
	if p.w(i) == "and" && p.w(i+1) == "a" && p.w(i+2) == "half" {
		return i + 3, true
	}
	return i, false
}

// podExpr: a part of the day with a modifier or a day after it:
// mid-afternoon, late morning, the early evening, afternoon yesterday.
func (p *parser) podExpr(i int) (int, sem, bool, bool) {
	pod, j := p.partDay(i)
	if pod == "" || p.w(i) == "overnight" || p.punct(j, '-') {
		return 0, sem{}, false, false // late-night television
	}
	if p.w(i-1) == "at" && p.w(i) == "night" && !p.nounPhraseAt(j) && !p.modifiesNoun(j) {
		// "they travelled at night": any night
		return j, sem{kind: kRef, typ: "TIME", lit: "XXXX-XX-XXTNI"}, false, true
	}
	if p.c(j) == cRelDay && p.w(j) != "tonight" {
		return j + 1, sem{kind: kRelDay, typ: "TIME", n: p.v(j), val: dval{pod: pod}}, true, true
	}
	k := i - 1
	if p.punct(k, '-') {
		if p.modifiesNoun(j) {
			return 0, sem{}, false, false // a late-night raid
		}
		k--
	}
	switch p.w(k) {
	case "mid", "early", "late":
		if p.c(j) == cWeekday {
			// mid-morning Friday: that day's part
			if end, ws, _, ok := p.weekdayExpr(j); ok && ws.kind == kWeekday && ws.val.pod == "" {
				ws.typ, ws.val.pod = "TIME", pod
				return end, ws, true, true
			}
		}
		return j, sem{kind: kPod, typ: "TIME", val: dval{g: gDay, pod: pod}}, true, true
	}
	return 0, sem{}, false, false
}

// weekdayThat reports whether "that" at i points at a day ("on that
// Friday", "That Friday he left") rather than opening a clause ("said
// that Friday's vote").
func (p *parser) weekdayThat(i int) bool {
	if i == 0 || p.toks[i-1].k == tPunct && p.sentenceEnd(i-1) {
		return !p.punct(i+2, '\'') && !p.punct(i+2, 0xe2)
	}
	switch p.w(i - 1) {
	case "on", "by", "until", "till", "since", "from", "after", "before", "for":
		return true
	}
	return false
}

// titleToday reports whether a capitalized "Today" at i is part of a
// name: "USA Today reported", "This is VOA Today.", "Radio 4's Today
// programme" (capitalized inside a sentence, before a common noun).
func (p *parser) titleToday(i int) bool {
	if !p.toks[i].up || i == 0 {
		return false
	}
	if prev := &p.toks[i-1]; (prev.k == tWord || prev.k == tNum) && !strings.ContainsAny(p.text[prev.e:p.toks[i].s], "\n\r") &&
		i+1 < len(p.toks) && p.plainWord(i+1) && !p.toks[i+1].up {
		return true
	}
	if p.toks[i-1].k != tWord || !p.toks[i-1].up || !p.adjacentWords(i-1) {
		return false
	}
	if i+1 >= len(p.toks) {
		return true
	}
	n := &p.toks[i+1]
	return n.k == tWord && !n.up || n.k == tPunct && strings.IndexByte(".,;:'", p.text[n.s]) >= 0
}

// genericToday reports whether "today's" at i means nowadays, not the
// day: "today's youth", "in today's world".
func (p *parser) genericToday(i int) bool {
	if !(p.punct(i+1, '\'') || p.punct(i+1, 0xe2)) {
		return false
	}
	for k := i + 2; k < len(p.toks) && k <= i+5; k++ {
		t := &p.toks[k]
		if t.k != tWord || t.up {
			continue // "today's World Cup final" is a day's
		}
		if nowadays[p.text[t.s:t.e]] {
			return true
		}
	}
	return false
}

// nowadays are nouns that "today's" makes generic: they belong to an era,
// not to a day.
var nowadays = map[string]bool{"world": true, "youth": true, "society": true, "generation": true,
	"children": true, "kids": true, "teenagers": true, "young": true, "students": true, "families": true,
	"parents": true, "culture": true, "era": true, "age": true, "consumers": true, "standards": true,
	"technology": true, "computers": true, "economy": true, "workplace": true}

// adjacentWords reports whether tokens k and k+1 are separated by spaces
// only, on one line.
func (p *parser) adjacentWords(k int) bool {
	if k+1 >= len(p.toks) {
		return false
	}
	gap := p.text[p.toks[k].e:p.toks[k+1].s]
	return gap != "" && strings.Trim(gap, " \t") == ""
}

// century reads "century" at j after the ordinal n: the 20th century is
// 19, the nineteenth century 18.
func (p *parser) century(n, j int) (int, sem, bool, bool) {
	hyph := p.punct(j, '-') && p.adjacent(j-1)
	if hyph {
		j++
	}
	if n < 1 || n > 21 || p.c(j) != cUnit || p.v(j) != uCentury || p.toks[j].lex.plural {
		return 0, sem{}, false, false
	}
	if bc, k, ok := p.era(j + 1); ok && bc && !hyph {
		// the 4th century BC: 400-301 BC, written BC03 like the 4th
		// century's 03
		return k, sem{kind: kAbs, typ: "DATE", val: dval{g: gCentury, y: bcYear((n - 1) * 100)}}, true, true
	}
	// "the 11th-century temple": the article belongs to the temple
	return j + 1, sem{kind: kAbs, typ: "DATE", val: dval{g: gCentury, y: (n - 1) * 100}}, !hyph, true
}

// era reads an era after a year at i: BC, BCE, B.C., B.C.E. (bc) or AD,
// A.D., CE; next is the token after it.
func (p *parser) era(i int) (bc bool, next int, ok bool) {
	if i >= len(p.toks) || p.toks[i].k != tWord || !p.toks[i].up {
		return false, i, false
	}
	switch p.text[p.toks[i].s:p.toks[i].e] {
	case "BC", "BCE":
		return true, i + 1, true
	case "AD", "CE":
		return false, i + 1, true
	case "B", "A":
		// B.C., A.D., B.C.E.: letters and periods with no space
		j := i
		letters := ""
		for j+1 < len(p.toks) && p.toks[j].k == tWord && p.toks[j].e-p.toks[j].s == 1 && p.punct(j+1, '.') && p.adjacent(j) {
			letters += p.text[p.toks[j].s:p.toks[j].e]
			j += 2
			if !p.adjacent(j - 1) {
				break
			}
		}
		switch letters {
		case "BC", "BCE":
			return true, j, true
		case "AD":
			return false, j, true
		}
	}
	return false, i, false
}

// eraYear reads a year with its era at i: "480 BC", "79 AD", as a
// stored year (bcYear).
func (p *parser) eraYear(i int) (int, int, bool) {
	if i >= len(p.toks) || p.toks[i].k != tNum || p.toks[i].nd > 4 || p.toks[i].n < 1 || p.toks[i].n > bcSplit {
		return 0, i, false
	}
	bc, k, ok := p.era(i + 1)
	if !ok {
		// the start of a range whose end has the era: 499-493 BC, from
		// 499 to 493 BC (years before Christ count down)
		j := i + 1
		switch {
		case p.punct(j, '-') && p.adjacent(i) && p.adjacent(j):
			j++
		case p.w(j) == "to" || p.w(j) == "and":
			j++
		default:
			return 0, i, false
		}
		if j >= len(p.toks) || p.toks[j].k != tNum || p.toks[j].n >= p.toks[i].n {
			return 0, i, false
		}
		if end, _, ok := p.era(j + 1); !ok || !end {
			return 0, i, false
		}
		return bcYear(p.toks[i].n), i + 1, true
	}
	if bc {
		return bcYear(p.toks[i].n), k, true
	}
	return p.toks[i].n, k, true
}

// yearEnd reads "year-end", "year end" or "year's end" at i: the end of
// the DCT's year, or of the year before after "since". Used as an
// adjective ("year-end bonuses") it is no expression.
func (p *parser) yearEnd(i int) (int, sem, bool) {
	j := i + 1
	switch {
	case p.punct(j, '-') && p.adjacent(i) && p.adjacent(j):
		j++
	case (p.punct(j, '\'') || p.punct(j, 0xe2)) && p.adjacent(i) && p.rawIs(j+1, "s"):
		j += 2
	}
	if !p.rawIs(j, "end") {
		return 0, sem{}, false
	}
	j++
	if j < len(p.toks) && p.plainWord(j) && !p.toks[j].up {
		return 0, sem{}, false // year-end net, year-end bonuses
	}
	n := 0
	if p.w(i-1) == "since" {
		n = -1
	}
	return j, sem{kind: kDeictic, typ: "DATE", val: dval{g: gYear}, n: n, mod: "END"}, true
}

// ofRefYear reads "of that year", "of the same year" (0), "of the
// following year", "of the next year" (+1) or "of the previous year" (-1)
// at j: the year of the date the text talks about.
func (p *parser) ofRefYear(j int) (int, int, bool) {
	if p.w(j) != "of" {
		return 0, j, false
	}
	k := j + 1
	n := 0
	switch p.w(k) {
	case "that":
		k++
		if p.w(k) == "same" {
			k++
		}
	case "the":
		k++
		switch p.w(k) {
		case "same":
		case "following", "next":
			n = 1
		case "previous", "preceding":
			n = -1
		default:
			return 0, j, false
		}
		k++
	default:
		return 0, j, false
	}
	if p.c(k) != cUnit || p.v(k) != uYear || p.toks[k].lex.plural {
		return 0, j, false
	}
	return n, k + 1, true
}

// ofDeicticYear reads "of next year", "of last year", "of this year" at
// j: the DCT's year shifted by n.
func (p *parser) ofDeicticYear(j int) (int, int, bool) {
	if p.w(j) != "of" || p.c(j+2) != cUnit || p.v(j+2) != uYear || p.toks[j+2].lex.plural {
		return 0, j, false
	}
	switch p.w(j + 1) {
	case "this":
		return 0, j + 3, true
	case "next":
		return 1, j + 3, true
	case "last":
		return -1, j + 3, true
	}
	return 0, j, false
}

// fractionOf reports whether a noun phrase that is no time starts at k,
// after "quarters of": "three quarters of the Axis troops"; "the first
// three quarters of the year" and "of 1989" are time.
func (p *parser) fractionOf(k int) bool {
	switch p.w(k) {
	case "the", "a", "an", "his", "her", "its", "their", "our", "all", "those", "these":
		k++
	default:
		return false
	}
	for ; k < len(p.toks) && p.toks[k].k == tWord; k++ {
		if p.c(k) == cUnit || p.w(k) == "fiscal" {
			return false
		}
		if !p.toks[k].up && p.toks[k].lex == nil {
			return true
		}
	}
	return true
}

// personName reports whether the capitalized month or weekday at i is
// a person's name: after a title ("Mr. Friday", "Sgt. June"), or, a
// weekday, as a given name before a surname where no word before it
// makes it a date ("told Friday Ahmed"; not "On Tuesday Bush",
// "President Clinton Saturday").
func (p *parser) personName(i int) bool {
	if !p.toks[i].up || p.toks[i].lex.abbr && p.punct(i+1, '.') {
		return false
	}
	if p.namedBy(i) {
		return true // Joe Friday, Sergeant Friday, Hurricane August, a ship called August
	}
	k := i - 1
	if p.punct(k, '.') && p.adjacent(k-1) && k > 0 && titles[p.text[p.toks[k-1].s:p.toks[k-1].e]] {
		return true // Mr. Friday
	}
	n := i + 1
	if p.c(i) != cWeekday || n >= len(p.toks) || p.toks[n].k != tWord || !p.toks[n].up || !p.adjacentWords(i) {
		return false // a month before a name names an event: the February Peace Conference
	}
	if p.c(n) != cPartDay && p.c(n) != cMonth && (p.rawIs(k, "the") && p.adjacentWords(k) || p.theNameElsewhere(i)) {
		// the Sunday Times, The Sunday Telegraph: a weekday inside a
		// name, and the same name without its article elsewhere in the
		// text ("reports in the Sunday Times and Sunday Telegraph")
		return true
	}
	if p.toks[n].lex != nil || p.opensSentence(i) {
		return false
	}
	// a surname after: only where the word before is a lower-case word
	// that is no date word (said, told, by)
	return k >= 0 && p.toks[k].k == tWord && !p.toks[k].up && p.toks[k].lex == nil
}

// theNameElsewhere reports whether the weekday at i and the capitalized
// word after it are written elsewhere in the text after "the": then they
// are a name there and here.
func (p *parser) theNameElsewhere(i int) bool {
	name := p.text[p.toks[i].s:p.toks[i+1].e]
	for from := 0; ; {
		k := strings.Index(p.text[from:], name)
		if k < 0 {
			return false
		}
		at := from + k
		from = at + len(name)
		if end := from; (end == len(p.text) || !isASCIILetter(p.text[end])) && at >= 4 &&
			(p.text[at-4:at] == "the " || p.text[at-4:at] == "The ") {
			return true
		}
	}
}

// shortRangeEnd reads the two-digit end of a range of years at i, written
// right after the first year and a dash or slash: the 99 of "1998-99",
// the 15 of "2014/15", the 00 of "1999-00". It must follow the first
// year within a decade.
func (p *parser) shortRangeEnd(i int) (int, bool) {
	t := &p.toks[i]
	if t.nd != 2 || i < 2 || !(p.punct(i-1, '-') || p.punct(i-1, '/')) || !p.adjacent(i-1) || !p.adjacent(i-2) {
		return 0, false
	}
	if p.decimal(i) || p.punct(i+1, '-') || p.punct(i+1, '/') || p.punct(i+1, '%') {
		return 0, false // 1998-99-01, 2014/15/16: a code or a date
	}
	start, ok := p.isYear(i - 2)
	if !ok {
		return 0, false
	}
	y := start/100*100 + t.n
	if y <= start {
		y += 100 // 1999-00
	}
	if y-start > 10 {
		return 0, false
	}
	return y, true
}

// timesBefore is how many times a rate before token i says: once 1,
// twice 2, "three times" 3; 0 when it says none.
func (p *parser) timesBefore(i int) int {
	switch p.w(i - 1) {
	case "once":
		return 1
	case "twice":
		return 2
	case "times":
		if n, k, ok := p.number(i-2, false); ok && k == i-1 && n > 0 {
			return n
		}
	}
	return 0
}
