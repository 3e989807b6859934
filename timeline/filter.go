package timeline

import "fmt"

// validate checks that From and To are dates parseDate understands.
func (f Filter) validate() error {
	for _, b := range []struct{ name, v string }{{"--from", f.From}, {"--to", f.To}} {
		if b.v == "" {
			continue
		}
		if _, ok := parseDate(b.v); !ok {
			return fmt.Errorf("timeline: %s %q: not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", b.name, b.v)
		}
	}
	if f.From != "" && f.To != "" {
		from, _ := parseDate(f.From)
		to, _ := parseDate(f.To)
		if to.end.Before(from.start) || to.end.Equal(from.start) {
			return fmt.Errorf("timeline: --from %s is after --to %s", f.From, f.To)
		}
	}
	return nil
}

// dateMatches reports whether an event dated v (or, when undated, ranging
// from begin to end: "since September 30") falls in [From, To]: the
// intervals overlap. With no bounds everything matches; with bounds,
// undated events and unknown years do not.
func (f Filter) dateMatches(v, begin, end string) bool {
	if f.From == "" && f.To == "" {
		return true
	}
	iv, ok := parseDate(v)
	if !ok && v == "" {
		// A range: open-ended where the text gives no end.
		b, okb := parseDate(begin)
		e, oke := parseDate(end)
		switch {
		case okb && oke:
			iv, ok = interval{b.start, e.end}, true
		case okb:
			iv, ok = interval{b.start, maxTime}, true
		case oke:
			iv, ok = interval{minTime, e.end}, true
		}
	}
	if !ok {
		return false
	}
	if f.From != "" {
		from, _ := parseDate(f.From)
		if !iv.end.After(from.start) {
			return false
		}
	}
	if f.To != "" {
		to, _ := parseDate(f.To)
		if !iv.start.Before(to.end) {
			return false
		}
	}
	return true
}

// The ends of an open range.
var (
	minTime = date(1, 1, 1)
	maxTime = date(9999, 12, 31)
)
