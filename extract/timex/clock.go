package timex

import (
	"regexp"
	"time"

	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/en"
)

// clockRules are the when rules that read a clock time; they are built
// once and only read afterwards. See the package documentation (doc.go)
// for why when is used here and not over the whole text.
var clockRules = []rules.Rule{
	en.HourMinute(rules.Override),
	en.Hour(rules.Override),
	noonRule,
}

var clockOptions = &rules.Options{Afternoon: 15, Evening: 18, Morning: 8, Noon: 12, Distance: 5, MatchByOrder: true}

// noonRule is a Storyline rule in when's rule API: "noon" and "midday" as
// 12:00, "midnight" as 24:00, the end of the day it names ("midnight
// Friday" ends Friday), as ISO 8601 and TimeML write it.
var noonRule = &rules.F{
	RegExp: regexp.MustCompile(`(?i)(?:\W|^)(noon|midday|midnight)(?:\W|$)`),
	Applier: func(m *rules.Match, c *rules.Context, o *rules.Options, ref time.Time) (bool, error) {
		h, zero := 12, 0
		if len(m.Captures[0]) == len("midnight") {
			h = 24
		}
		c.Hour, c.Minute = &h, &zero
		return true, nil
	},
}

// readClock returns the hour and minute of a short clock-time span. It
// reads the rules.Context fields (nil = not given), never when's merged
// time.Time, so no default date or machine clock leaks in.
func readClock(s string) (hh, mm int, ok bool) {
	c := &rules.Context{Text: s}
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // passed to appliers; not read back
	for _, r := range clockRules {
		m := r.Find(s)
		if m == nil {
			continue
		}
		applied, err := m.Apply(c, clockOptions, base)
		if err != nil || !applied {
			continue
		}
		if c.Hour != nil {
			break
		}
	}
	if c.Hour == nil {
		return 0, 0, false
	}
	hh = *c.Hour
	if c.Minute != nil {
		mm = *c.Minute
	}
	if hh < 0 || hh > 24 || mm < 0 || mm > 59 || hh == 24 && mm != 0 {
		return 0, 0, false
	}
	return hh, mm, true
}
