package timex

import "time"

// Holidays whose dates the tagger computes for any year.
const (
	hThanksgiving = iota + 1
	hChristmas
	hChristmasEve
	hEaster
	hHalloween
	hElectionDay
	hIndependenceDay
	hLaborDay
	hMemorialDay
	hVeteransDay
	hValentines
	hNewYearsDay
	hNewYearsEve
)

// holidayWords are the lexicon words that name a holiday, alone
// ("Thanksgiving") or before "Day" ("Election Day"); needDay marks the
// latter.
var holidayWords = []struct {
	word    string
	id      int
	needDay bool
}{
	{"thanksgiving", hThanksgiving, false}, {"christmas", hChristmas, false}, {"easter", hEaster, false},
	{"halloween", hHalloween, false}, {"election", hElectionDay, true}, {"independence", hIndependenceDay, true},
	{"labor", hLaborDay, true}, {"labour", hLaborDay, true}, {"memorial", hMemorialDay, true},
	{"veterans", hVeteransDay, true}, {"valentine", hValentines, true}, {"new", hNewYearsDay, true},
}

// holidayExpr reads a capitalized holiday name at i: "Thanksgiving
// [Day]", "Christmas Eve", "Election Day", "Valentine's Day", "New Year's
// Day". A name that may stand for other things than the day
// ("Christmas shopping") needs a temporal preposition or "Day"/"Eve".
func (p *parser) holidayExpr(i int) (int, sem, bool) {
	if !p.toks[i].up || p.c(i) != cHoliday {
		return 0, sem{}, false
	}
	id := p.v(i)
	needDay := false
	for _, h := range holidayWords {
		if h.word == p.w(i) {
			needDay = h.needDay
		}
	}
	j := i + 1
	if id == hNewYearsDay {
		if p.w(j) != "year" || !p.toks[j].up {
			return 0, sem{}, false
		}
		j++
	}
	if (id == hNewYearsDay || id == hValentines) && (p.punct(j, '\'') || p.punct(j, 0xe2)) && p.w(j+1) == "s" {
		j += 2
	}
	day := j < len(p.toks) && p.toks[j].up && p.toks[j].k == tWord
	switch {
	case day && p.text[p.toks[j].s:p.toks[j].e] == "Day":
		j++
	case day && p.text[p.toks[j].s:p.toks[j].e] == "Eve" && (id == hChristmas || id == hNewYearsDay):
		j++
		if id == hChristmas {
			id = hChristmasEve
		} else {
			id = hNewYearsEve
		}
	case needDay:
		return 0, sem{}, false
	default:
		switch p.w(i - 1) {
		case "on", "at", "before", "after", "since", "until", "till", "by", "over", "during", "through", "around",
			"last", "this", "next", "of":
		default:
			return 0, sem{}, false
		}
		if p.c(j) == cUnit || p.w(j) == "season" {
			return 0, sem{}, false // the Christmas season, Easter week
		}
	}
	if y, k, ok := p.yearAfter(j); ok {
		return k, sem{kind: kAbs, typ: "DATE", val: holidayValue(id, y)}, true // Christmas 1963
	}
	return j, sem{kind: kHoliday, typ: "DATE", val: dval{g: gDay, y: -1, n: id}}, true
}

// holidayValue is holiday id in year y (y < 0: unknown, so a movable
// holiday keeps XX month and day).
func holidayValue(id, y int) dval {
	v := dval{g: gDay, y: y, n: id}
	fixed := func(m, d int) dval { v.m, v.d = m, d; return v }
	switch id {
	case hChristmas:
		return fixed(12, 25)
	case hChristmasEve:
		return fixed(12, 24)
	case hHalloween:
		return fixed(10, 31)
	case hIndependenceDay:
		return fixed(7, 4)
	case hVeteransDay:
		return fixed(11, 11)
	case hValentines:
		return fixed(2, 14)
	case hNewYearsDay:
		return fixed(1, 1)
	case hNewYearsEve:
		return fixed(12, 31)
	}
	if y < 0 {
		return v // XXXX-XX-XX
	}
	var t time.Time
	switch id {
	case hThanksgiving: // fourth Thursday of November
		t = nthWeekday(y, time.November, time.Thursday, 4)
	case hElectionDay: // the Tuesday after the first Monday of November
		t = nthWeekday(y, time.November, time.Monday, 1).AddDate(0, 0, 1)
	case hLaborDay: // first Monday of September
		t = nthWeekday(y, time.September, time.Monday, 1)
	case hMemorialDay: // last Monday of May
		t = nthWeekday(y, time.June, time.Monday, 1).AddDate(0, 0, -7)
	case hEaster:
		t = easter(y)
	default:
		return v
	}
	v.m, v.d = int(t.Month()), t.Day()
	return v
}

// nthWeekday is the n-th weekday wd of month m in year y.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	t := time.Date(y, m, 1, 12, 0, 0, 0, time.UTC)
	off := (int(wd) - int(t.Weekday()) + 7) % 7
	return t.AddDate(0, 0, off+7*(n-1))
}

// easter is Western Easter Sunday of year y (the anonymous Gregorian
// computus).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 12, 0, 0, 0, time.UTC)
}
