package timex

import (
	"strconv"
	"time"
)

// gran is the granularity of a calendar value.
type gran uint8

const (
	gNone gran = iota
	gMillennium
	gCentury
	gDecade
	gYear
	gHalf
	gQuarter
	gSeason
	gMonth
	gWeek
	gWeekend
	gDay
)

// dval is a calendar value at some granularity. y < 0 means the year is
// unknown (XXXX). For gDecade y is the decade's first year, for gCentury
// the century's. For gWeek, gWeekend and gDay, y/m/d is a day (of the
// week); m == 0 means unknown. For gHalf, gQuarter and gSeason n is the
// index.
type dval struct {
	g       gran
	y, m, d int
	n       int
	wd      int    // weekday (1 = Monday) when the day is unknown but the weekday is
	pod     string // part of day: MO, AF, EV, NI
	hh, mm  int    // clock time when hasTime
	hasTime bool
}

var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

func pad(b []byte, n, w int) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for i := len(s); i < w; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// Years before Christ are stored shifted: n BC is year bcBase+1-n (the
// astronomical year 1-n moved on by 10,000 years, a whole number of
// 400-year Gregorian cycles, so that weekdays, leap years and calendar
// arithmetic stay right). A year above bcSplit is one before Christ;
// written values carry the TIMEX2/TIMEX3 "BC" prefix: BC0480, BC047
// (the 470s BC), BC03 (the 4th century BC).
const (
	bcBase  = 10000
	bcSplit = 5000
)

// bcYear is the stored year of n BC.
func bcYear(n int) int { return bcBase + 1 - n }

func (v dval) yearPart(b []byte) []byte {
	switch {
	case v.y < 0:
		return append(b, "XXXX"...)
	case v.y > bcSplit:
		return pad(append(b, "BC"...), bcBase+1-v.y, 4)
	}
	return pad(b, v.y, 4)
}

// String formats v as a TIMEX3 value.
func (v dval) String() string {
	b := make([]byte, 0, 20)
	switch v.g {
	case gMillennium:
		if v.y < 0 {
			return "X"
		}
		return strconv.Itoa(v.y / 1000)
	case gCentury:
		if v.y < 0 {
			return "XX"
		}
		if v.y > bcSplit {
			return string(pad(append(b, "BC"...), (bcBase+1-v.y)/100, 2))
		}
		return string(pad(b, v.y/100, 2))
	case gDecade:
		if v.y < 0 {
			return "XXX"
		}
		if v.y > bcSplit {
			return string(pad(append(b, "BC"...), (bcBase+1-v.y)/10, 3))
		}
		return string(pad(b, v.y/10, 3))
	case gYear:
		return string(v.yearPart(b))
	case gHalf:
		b = append(v.yearPart(b), "-H"...)
		return string(strconv.AppendInt(b, int64(v.n), 10))
	case gQuarter:
		b = append(v.yearPart(b), "-Q"...)
		if v.n == 0 {
			return string(append(b, 'X'))
		}
		return string(strconv.AppendInt(b, int64(v.n), 10))
	case gSeason:
		b = append(v.yearPart(b), '-')
		return string(append(b, seasonCodes[v.n]...))
	case gMonth:
		b = append(v.yearPart(b), '-')
		if v.m == 0 {
			return string(append(b, "XX"...))
		}
		return string(pad(b, v.m, 2))
	case gWeek, gWeekend:
		if v.y < 0 || v.m == 0 {
			b = append(v.yearPart(b), "-WXX"...)
		} else {
			yy, ww := v.t().ISOWeek()
			b = pad(b, yy, 4)
			b = append(b, "-W"...)
			b = pad(b, ww, 2)
		}
		if v.g == gWeekend {
			b = append(b, "-WE"...)
		}
		return string(b)
	case gDay:
		if v.m == 0 && v.wd != 0 {
			b = append(v.yearPart(b), "-WXX-"...)
			b = strconv.AppendInt(b, int64(v.wd), 10)
		} else {
			b = append(v.yearPart(b), '-')
			if v.m == 0 {
				b = append(b, "XX"...)
			} else {
				b = pad(b, v.m, 2)
			}
			b = append(b, '-')
			if v.d == 0 {
				b = append(b, "XX"...)
			} else {
				b = pad(b, v.d, 2)
			}
		}
		if v.hasTime {
			b = append(b, 'T')
			b = pad(b, v.hh, 2)
			b = append(b, ':')
			b = pad(b, v.mm, 2)
		} else if v.pod != "" {
			b = append(b, 'T')
			b = append(b, v.pod...)
		}
		return string(b)
	}
	return ""
}

// dayKnown reports whether v is a fully known day.
func (v dval) dayKnown() bool { return v.y >= 0 && v.m > 0 && v.d > 0 }

func (v dval) t() time.Time { return time.Date(v.y, time.Month(v.m), v.d, 12, 0, 0, 0, time.UTC) }

func fromTime(t time.Time, g gran) dval {
	return dval{g: g, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

// shift moves v by n units of its own granularity.
func (v dval) shift(n int) dval {
	if v.y < 0 {
		return v
	}
	switch v.g {
	case gMillennium:
		v.y += 1000 * n
	case gCentury:
		v.y += 100 * n
	case gDecade:
		v.y += 10 * n
	case gYear, gSeason:
		v.y += n
	case gHalf:
		k := v.y*2 + v.n - 1 + n
		v.y, v.n = floorDiv(k, 2), floorMod(k, 2)+1
	case gQuarter:
		if v.n == 0 {
			return v
		}
		k := v.y*4 + v.n - 1 + n
		v.y, v.n = floorDiv(k, 4), floorMod(k, 4)+1
	case gMonth:
		if v.m == 0 {
			return v
		}
		k := v.y*12 + v.m - 1 + n
		v.y, v.m = floorDiv(k, 12), floorMod(k, 12)+1
	case gWeek, gWeekend:
		if v.m == 0 {
			return v
		}
		t := v.t().AddDate(0, 0, 7*n)
		v.y, v.m, v.d = t.Year(), int(t.Month()), t.Day()
	case gDay:
		if !v.dayKnown() {
			return v
		}
		t := v.t().AddDate(0, 0, n)
		v.y, v.m, v.d = t.Year(), int(t.Month()), t.Day()
	}
	return v
}

// coarsen returns v at the coarser granularity g.
func (v dval) coarsen(g gran) dval {
	if g >= v.g {
		return v
	}
	out := dval{g: g, y: v.y, m: v.m, d: v.d}
	switch g {
	case gMillennium:
		if v.y >= 0 {
			out.y = v.y / 1000 * 1000
		}
	case gCentury:
		if v.y >= 0 {
			out.y = v.y / 100 * 100
		}
	case gDecade:
		if v.y >= 0 {
			out.y = v.y / 10 * 10
		}
	case gQuarter:
		if v.m > 0 {
			out.n = (v.m-1)/3 + 1
		}
	case gHalf:
		if v.m > 0 {
			out.n = (v.m-1)/6 + 1
		}
	case gSeason:
		if v.m > 0 {
			out.n = seasonOf(v.m)
			if v.m <= 2 {
				out.y--
			}
		}
	case gWeek, gWeekend:
		if v.g != gDay || !v.dayKnown() {
			out.m = 0
		}
	}
	return out
}

// unitGran maps a unit to the granularity of a date at that unit.
func unitGran(u int) gran {
	switch u {
	case uDay, uHour, uMinute, uSecond:
		return gDay
	case uWeekend:
		return gWeekend
	case uWeek:
		return gWeek
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uHalf:
		return gHalf
	case uSeason:
		return gSeason
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	case uMillennium:
		return gMillennium
	}
	return gNone
}

// durValue is the TIMEX3 duration of n units u (n < 0: unknown, X).
func durValue(n int, u int) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	return durNum(num, u)
}

// halfDur is the TIMEX3 duration of n and a half units u: 2 1/2 years is
// P2Y6M, 5 1/2 hours PT5H30M; a unit with no exact smaller one keeps a
// decimal (P1.5W).
func halfDur(n int, u int) string {
	num := strconv.Itoa(n)
	switch u {
	case uYear:
		return "P" + num + "Y6M"
	case uDay:
		return "P" + num + "DT12H"
	case uHour:
		return "PT" + num + "H30M"
	case uMinute:
		return "PT" + num + "M30S"
	}
	return durNum(num+".5", u)
}

// durNum is the TIMEX3 duration of num units u.
func durNum(num string, u int) string {
	switch u {
	case uSecond:
		return "PT" + num + "S"
	case uMinute:
		return "PT" + num + "M"
	case uHour:
		return "PT" + num + "H"
	case uDay:
		return "P" + num + "D"
	case uWeekend:
		return "P" + num + "WE"
	case uWeek:
		return "P" + num + "W"
	case uMonth:
		return "P" + num + "M"
	case uQuarter:
		return "P" + num + "Q"
	case uHalf:
		return "P" + num + "H"
	case uSeason:
		return "P" + num + "S"
	case uYear:
		return "P" + num + "Y"
	case uDecade:
		return "P" + num + "DE"
	case uCentury:
		return "P" + num + "CE"
	case uMillennium:
		return "P" + num + "ML"
	}
	return ""
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// parseDCT reads a TIMEX3 date (YYYY-MM-DD, optionally with a time, or
// coarser) as the anchor. The year may be unknown (XXXX-11-24, from a
// dateline without a year: resolve.go then resolves what the month and
// day allow). ok is false when s does not start with a year or XXXX.
func parseDCT(s string) (dval, bool) {
	if len(s) < 4 {
		return dval{}, false
	}
	y, leap := -1, 2000 // XXXX: an unknown year allows February 29
	if s[:4] != "XXXX" {
		n, err := strconv.Atoi(s[:4])
		if err != nil || n < 1 {
			return dval{}, false
		}
		y, leap = n, n
	}
	v := dval{g: gYear, y: y}
	if len(s) >= 7 && s[4] == '-' {
		if m, err := strconv.Atoi(s[5:7]); err == nil && m >= 1 && m <= 12 {
			v.g, v.m = gMonth, m
			if len(s) >= 10 && s[7] == '-' {
				if d, err := strconv.Atoi(s[8:10]); err == nil && d >= 1 && d <= daysIn(leap, m) {
					v.g, v.d = gDay, d
				}
			}
		}
	}
	return v, true
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 12, 0, 0, 0, time.UTC).Day()
}
