package timex

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Well-formed TIMEX3 values (TimeML 1.2.1), by type.
var (
	reDate = regexp.MustCompile(`^(PRESENT_REF|PAST_REF|FUTURE_REF|` +
		`[0-9X]{1,4}|` + // millennium, century, decade, year: 2, 19, 199, 199X, 1991, XXXX
		`[0-9X]{4}-(` +
		`(0[1-9]|1[0-2]|XX)(-([0-2][0-9]|3[01]|XX)(T(MO|AF|EV|NI|DT|[0-2][0-9](:[0-5][0-9](:[0-5][0-9])?)?))?)?|` +
		`W([0-4][0-9]|5[0-3]|XX)(-([1-7]|WE))?|` +
		`WXX-[1-7](T(MO|AF|EV|NI))?|` +
		`Q[1-4X]|H[12X]|SP|SU|FA|WI))$`)
	// durations: one TimeML unit (P3Q, P2DE, PXY, PTXH), or ISO 8601
	// parts in order (P2Y6M, P1DT12H, PT5H30M); see validDuration
	reDuration = regexp.MustCompile(`^P(([0-9]+(\.[0-9]+)?|X)(Q|H|DE|CE|ML|WE|S)|X(Y|M|W|D)|TX(H|M|S)|` +
		`([0-9]+(\.[0-9]+)?Y)?([0-9]+(\.[0-9]+)?M)?([0-9]+(\.[0-9]+)?W)?([0-9]+(\.[0-9]+)?D)?` +
		`(T([0-9]+(\.[0-9]+)?H)?([0-9]+(\.[0-9]+)?M)?([0-9]+(\.[0-9]+)?S)?)?)$`)
	reSet  = regexp.MustCompile(`^(P(([0-9]+|X)(Y|M|W|D|Q)|T([0-9]+|X)(H|M|S))|XXXX(-[0-9X]{2}(-[0-9X]{2})?(T(MO|AF|EV|NI))?|-WXX-([1-7]|WE)(T(MO|AF|EV|NI))?|-SP|-SU|-FA|-WI|-Q[1-4])?)$`)
	reTime = regexp.MustCompile(`^[0-9X]{4}-(0[1-9]|1[0-2]|XX)-([0-2][0-9]|3[01]|XX)T(MO|AF|EV|NI|[01][0-9]:[0-5][0-9]|2[0-3]:[0-5][0-9]|24:00)$|^[0-9X]{4}-WXX-[1-7]T(MO|AF|EV|NI|[01][0-9]:[0-5][0-9]|2[0-3]:[0-5][0-9]|24:00)$`)
	mods   = map[string]bool{"": true, "START": true, "MID": true, "END": true, "APPROX": true, "MORE_THAN": true,
		"LESS_THAN": true, "EQUAL_OR_MORE": true, "EQUAL_OR_LESS": true, "BEFORE": true, "AFTER": true, "ON_OR_BEFORE": true, "ON_OR_AFTER": true}
)

// ValidValue reports whether value is a well-formed TIMEX3 value for typ.
func ValidValue(typ, value string) error {
	var ok bool
	if typ == "DATE" || typ == "TIME" {
		value = strings.TrimPrefix(value, "BC") // BC0480, BC047, BC03
	}
	switch typ {
	case "DATE":
		ok = reDate.MatchString(value) || reTime.MatchString(value)
	case "TIME":
		ok = reTime.MatchString(value)
	case "DURATION":
		ok = reDuration.MatchString(value) && value != "P" && value[len(value)-1] != 'T'
	case "SET":
		ok = reSet.MatchString(value)
	default:
		return fmt.Errorf("timex: unknown type %q", typ)
	}
	if !ok {
		return fmt.Errorf("timex: %s value %q is not well-formed", typ, value)
	}
	return nil
}

// Check validates tagger output against the text it was read from: spans
// in bounds, on rune boundaries, in order and not overlapping, Text equal
// to the span's bytes, a well-formed type, value and mod, and an anchor
// index pointing to an earlier timex.
func Check(text string, txs []Timex) error {
	// rune boundaries as a decoder sees them (an invalid byte is a rune)
	bound := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		bound[i] = true
		_, sz := utf8.DecodeRuneInString(text[i:])
		i += sz
	}
	bound[len(text)] = true
	prevEnd := 0
	for i, t := range txs {
		if t.Start < prevEnd || t.Start >= t.End || t.End > len(text) {
			return fmt.Errorf("timex %d %q: bad span [%d,%d) (previous end %d, text %d bytes)", i, t.Text, t.Start, t.End, prevEnd, len(text))
		}
		if !bound[t.Start] || !bound[t.End] {
			return fmt.Errorf("timex %d: span [%d,%d) not on rune boundaries", i, t.Start, t.End)
		}
		if text[t.Start:t.End] != t.Text {
			return fmt.Errorf("timex %d: Text %q != span text %q", i, t.Text, text[t.Start:t.End])
		}
		if err := ValidValue(t.Type, t.Value); err != nil {
			return fmt.Errorf("timex %d %q: %w", i, t.Text, err)
		}
		if !mods[t.Mod] {
			return fmt.Errorf("timex %d %q: bad mod %q", i, t.Text, t.Mod)
		}
		if t.Anchor == "text" && (t.AnchorIndex < 0 || t.AnchorIndex >= i) {
			return fmt.Errorf("timex %d %q: anchor index %d", i, t.Text, t.AnchorIndex)
		}
		prevEnd = t.End
	}
	return nil
}
