package eval

import (
	"strings"

	"github.com/storyline/storyline/extract/timex"
)

// tmlValueClass names the kind of a wrong value, so that progress on
// each can be read (TimeMLValueClasses):
//   - sets: either side is a SET;
//   - duration-not-date: one side is a duration (P…), the other a point
//     in time, or a reference word (PAST_REF) against a date;
//   - ranges: the text spans a range ("1998-99", "from May to June");
//   - narrative: the same kind of date two or more years off, or one the
//     tagger resolved against the story's time (Mode narrative);
//   - tense/direction: the same kind of date on the other side of its
//     anchor: a year off, or a week off for a day;
//   - names: a lone month or weekday name the gold gives no date ("Friday"
//     the person), counted from the spurious timexes;
//   - other: the rest (granularity, conventions, arithmetic).
func tmlValueClass(doc *TimeMLDoc, g, s timex.Timex) string {
	switch {
	case g.Type == "SET" || s.Type == "SET":
		return "sets"
	case isDuration(g.Value) != isDuration(s.Value), isRef(g.Value) != isRef(s.Value):
		return "duration-not-date"
	case tmlRange(doc.Text[g.Start:g.End]) || tmlRange(s.Text):
		return "ranges"
	}
	gy, gok := year(g.Value)
	sy, sok := year(s.Value)
	if !gok || !sok || shape(g.Value) != shape(s.Value) {
		return "other"
	}
	switch d := abs(gy - sy); {
	case d >= 2 || d >= 1 && s.Mode == timex.ModeNarrative:
		return "narrative"
	case d == 1:
		return "tense/direction"
	case len(g.Value) >= 10 && len(s.Value) >= 10 && g.Value[:7] == s.Value[:7] && g.Value[10:] == s.Value[10:] && dayGap(g.Value, s.Value) <= 7:
		return "tense/direction" // the previous or the next Friday
	case len(g.Value) >= 10 && len(s.Value) >= 10 && g.Value[5:7] != s.Value[5:7] && g.Value[7:] == s.Value[7:]:
		return "tense/direction"
	}
	return "other"
}

func isDuration(v string) bool {
	return strings.HasPrefix(v, "P") && !strings.HasPrefix(v, "PAST") && !strings.HasPrefix(v, "PRESENT")
}

func isRef(v string) bool { return strings.HasSuffix(v, "_REF") }

// year reads the four-digit year a value starts with.
func year(v string) (int, bool) {
	if len(v) < 4 {
		return 0, false
	}
	n := 0
	for _, c := range v[:4] {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// shape is a value with its digits blanked: 1940-04 and 2009-12 have one
// shape, 1940-04 and 1940-04-02 two.
func shape(v string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '9'
		}
		return r
	}, v)
}

// dayGap is how many days apart two YYYY-MM-DD values of the same month
// are.
func dayGap(a, b string) int {
	da, _ := year("00" + a[8:10])
	db, _ := year("00" + b[8:10])
	return abs(da - db)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// tmlRange reports whether a timex text spans a range: two numbers
// joined by a dash or slash ("1998-99", "2014/15"), or from/between … to.
func tmlRange(t string) bool {
	for i := 1; i+1 < len(t); i++ {
		if (t[i] == '-' || t[i] == '/') && isDigit(t[i-1]) && isDigit(t[i+1]) {
			return true
		}
	}
	l := strings.ToLower(t)
	return strings.Contains(l, " to ") && (strings.HasPrefix(l, "from ") || strings.HasPrefix(l, "between "))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// tmlLoneName reports whether a timex is one capitalized month or weekday
// word ("Friday", "August"), which a spurious match may have taken from a
// name.
func tmlLoneName(t string) bool {
	switch strings.TrimSuffix(t, "'s") {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December":
		return true
	}
	return false
}
