package timeline

import (
	"strconv"
	"strings"
	"time"
)

// interval is the span of time a TIMEX3 date value denotes, [start, end).
type interval struct {
	start, end time.Time
}

// parseDate turns a TIMEX3 date value into the interval it denotes. It
// understands YYYY, YYYY-MM, YYYY-MM-DD (with an optional time part),
// YYYY-Www, YYYY-Qn, YYYY-Hn, seasons (YYYY-SP, -SU, -FA, -WI) and decades
// and centuries written with X (199X, 19XX). Values with an unknown year
// (XXXX-11-24), references (PAST_REF) and durations are not intervals.
func parseDate(v string) (interval, bool) {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	if len(v) < 4 {
		return interval{}, false
	}
	y := v[:4]
	switch {
	case strings.HasSuffix(y, "XX") && isDigits(y[:2]):
		c, _ := strconv.Atoi(y[:2])
		start := date(c*100, 1, 1)
		return interval{start, start.AddDate(100, 0, 0)}, len(v) == 4
	case y[3] == 'X' && isDigits(y[:3]):
		d, _ := strconv.Atoi(y[:3])
		start := date(d*10, 1, 1)
		return interval{start, start.AddDate(10, 0, 0)}, len(v) == 4
	case !isDigits(y):
		return interval{}, false
	}
	year, _ := strconv.Atoi(y)
	rest := v[4:]
	if rest == "" {
		start := date(year, 1, 1)
		return interval{start, start.AddDate(1, 0, 0)}, true
	}
	if rest[0] != '-' {
		return interval{}, false
	}
	rest = rest[1:]
	switch {
	case len(rest) == 2 && isDigits(rest):
		m, _ := strconv.Atoi(rest)
		if m < 1 || m > 12 {
			return interval{}, false
		}
		start := date(year, time.Month(m), 1)
		return interval{start, start.AddDate(0, 1, 0)}, true
	case len(rest) == 5 && isDigits(rest[:2]) && rest[2] == '-' && isDigits(rest[3:]):
		m, _ := strconv.Atoi(rest[:2])
		d, _ := strconv.Atoi(rest[3:])
		start := date(year, time.Month(m), d)
		if m < 1 || m > 12 || start.Day() != d {
			return interval{}, false
		}
		return interval{start, start.AddDate(0, 0, 1)}, true
	case len(rest) == 3 && rest[0] == 'W' && isDigits(rest[1:]):
		w, _ := strconv.Atoi(rest[1:])
		if w < 1 || w > 53 {
			return interval{}, false
		}
		// ISO week 1 holds January 4th; weeks start on Monday.
		jan4 := date(year, 1, 4)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		start := monday.AddDate(0, 0, 7*(w-1))
		return interval{start, start.AddDate(0, 0, 7)}, true
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'H') && rest[1] >= '1' && rest[1] <= '4':
		n := int(rest[1] - '0')
		months := 3
		if rest[0] == 'H' {
			months = 6
			if n > 2 {
				return interval{}, false
			}
		}
		start := date(year, time.Month(1+months*(n-1)), 1)
		return interval{start, start.AddDate(0, months, 0)}, true
	}
	seasons := map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "WI": time.December}
	if m, ok := seasons[rest]; ok {
		start := date(year, m, 1)
		return interval{start, start.AddDate(0, 3, 0)}, true
	}
	return interval{}, false
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// rank orders date values: full or partial dates with a known year first
// (by start, then the coarser first), then values with an unknown year
// (XXXX-11-24, by month and day), then everything else.
type rank struct {
	group int
	start time.Time
	span  time.Duration
	value string
}

func rankOf(v string) rank {
	if iv, ok := parseDate(v); ok {
		return rank{group: 0, start: iv.start, span: -iv.end.Sub(iv.start), value: v}
	}
	if strings.HasPrefix(v, "XXXX-") {
		// Unknown year: order by month and day within the group.
		if iv, ok := parseDate("2000" + v[4:]); ok {
			return rank{group: 1, start: iv.start, span: -iv.end.Sub(iv.start), value: v}
		}
		return rank{group: 1, value: v}
	}
	return rank{group: 2, value: v}
}

func (a rank) less(b rank) bool {
	if a.group != b.group {
		return a.group < b.group
	}
	if !a.start.Equal(b.start) {
		return a.start.Before(b.start)
	}
	if a.span != b.span {
		return a.span < b.span
	}
	return a.value < b.value
}

// lessDate orders events by date, undated ones last, then by id so that the
// order is stable across runs.
func lessDate(a, b Event) bool {
	da, db := a.Date, b.Date
	if a.Range != nil && a.Range.Begin != "" && da == "" {
		da = a.Range.Begin
	}
	if b.Range != nil && b.Range.Begin != "" && db == "" {
		db = b.Range.Begin
	}
	if (da == "") != (db == "") {
		return da != ""
	}
	ra, rb := rankOf(da), rankOf(db)
	if ra.less(rb) {
		return true
	}
	if rb.less(ra) {
		return false
	}
	return a.ID < b.ID
}
