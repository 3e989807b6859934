// Why olebedev/when, and where.
//
// when is a rule-based natural-language date parser: each rule is a
// regular expression plus an applier that sets fields of a rules.Context,
// and the parser merges the matches into one time.Time. Two parts of that
// design do not fit a TIMEX3 tagger: the merged result is a time.Time, so
// it loses the granularity TIMEX3 values keep (1991, 2015-11, 2015-W48 are
// not instants) and falls back to the machine clock for a zero base; and
// running every rule's regexp over a whole article is far too slow for a
// tagger that must run at more than 10 MB/s. So the tagger scans tokens
// with its own grammar (scan.go, grammar.go) and resolves values with its
// own granular calendar arithmetic (value.go, resolve.go), and uses when
// where it is strong and its result keeps granularity: reading clock
// times. Once the grammar has found a short clock-time span ("5:30 p.m.",
// "10 am", "noon"), the tagger runs when's English HourMinute and Hour
// rules, plus Storyline's own noon/midnight rule written with when's rule
// API, over that span only, and reads the Context's Hour and Minute.

package timex
