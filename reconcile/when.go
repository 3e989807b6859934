package reconcile

import "strings"

// Times compares two TIMEX3 date values at their own granularity. Values
// are like 2015-11-24, 2015-11, 2015, 2015-W48, XXXX-11-24, 199 (a
// decade) or "" (undated). It returns "equal" (the same value, fully
// specified), "fits" (one holds or may be the other: 2015-11 holds
// 2015-11-24; XXXX-11-24 may be 2015-11-24), "conflict" (they cannot be
// the same time) or "" when either is undated or not a date.
func Times(a, b string) string {
	if !dateLike(a) || !dateLike(b) {
		return ""
	}
	if a == b {
		if strings.Contains(a, "X") {
			return "fits"
		}
		return "equal"
	}
	// Week values are compared by their year (or what there is of it).
	if strings.Contains(a, "W") || strings.Contains(b, "W") {
		a, b = yearPart(a), yearPart(b)
	}
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		ca, cb := a[i], b[i]
		if ca == cb || ca == 'X' || cb == 'X' {
			continue
		}
		return "conflict"
	}
	return "fits"
}

// yearPart is the year of a value, or what it has of one ("199").
func yearPart(v string) string {
	if k := strings.IndexByte(v, '-'); k >= 0 {
		return v[:k]
	}
	return v
}

// dateLike reports whether v is a calendar value Times can compare: digits,
// X placeholders and dashes from the start, optionally a week.
func dateLike(v string) bool {
	if len(v) < 3 {
		return false
	}
	if k := strings.IndexByte(v, 'T'); k > 0 {
		v = v[:k]
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= '0' && c <= '9' || c == 'X' || c == '-' || c == 'W' && i > 4) {
			return false
		}
	}
	return true
}

// Specific reports whether v names a definite calendar time: a year known,
// no placeholder.
func Specific(v string) bool {
	return dateLike(v) && !strings.Contains(v, "X") && len(v) >= 4
}
