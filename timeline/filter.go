package timeline

import (
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is what the errors for an entity, story or outlet the store
// does not hold match (errors.Is).
var ErrNotFound = errors.New("not found")

// notFound is an error naming what the store does not hold.
type notFound struct{ msg string }

func (e notFound) Error() string        { return e.msg }
func (e notFound) Is(target error) bool { return target == ErrNotFound }

// NotFoundf is an error naming what the store does not hold; it matches
// ErrNotFound.
func NotFoundf(format string, args ...any) error {
	return notFound{fmt.Sprintf(format, args...)}
}

// Validate checks the filter's values: dates, their order, Undated with
// a window, Limit.
func (f Filter) Validate() error {
	for _, b := range []struct{ name, v string }{{"--from", f.From}, {"--to", f.To}} {
		if b.v == "" {
			continue
		}
		if _, ok := parseDate(b.v); !ok {
			return fmt.Errorf("timeline: %s %q: not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", b.name, b.v)
		}
	}
	if f.Undated && (f.From != "" || f.To != "") {
		return fmt.Errorf("timeline: --undated does not go with --from or --to")
	}
	if f.Limit < 0 {
		return fmt.Errorf("timeline: --limit %d: want 0 (no limit) or more", f.Limit)
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
	if f.Starts {
		iv.end = iv.start.Add(time.Nanosecond)
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

// placed reports whether an event with this date and range has a place
// on a time line (as dateMatches reads them): a date with a known year,
// or no date and a range with a known end.
func placed(date string, r *Range) bool {
	if _, ok := parseDate(date); ok {
		return true
	}
	if r == nil || date != "" {
		return false
	}
	_, okb := parseDate(r.Begin)
	_, oke := parseDate(r.End)
	return okb || oke
}
