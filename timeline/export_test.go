package timeline

import (
	"fmt"
	"testing"
)

// Each TIMEX3 value is placed at its own granularity, shown as written
// when TimelineJS has no form for it; a range from begin to end; values
// with no known year are not placed.
func TestTimelineJSDates(t *testing.T) {
	for _, c := range []struct {
		date  string
		rng   *Range
		want  string // start, end, display
		place bool
	}{
		{"1991", nil, "{1991 0 0} <nil> ", true},
		{"2015-02", nil, "{2015 2 0} <nil> ", true},
		{"2015-11-24", nil, "{2015 11 24} <nil> ", true},
		{"2015-11-24T10:30", nil, "{2015 11 24} <nil> 2015-11-24T10:30", true},
		{"2015-W48", nil, "{2015 11 23} {2015 11 29} 2015-W48", true},
		{"2015-Q1", nil, "{2015 1 0} {2015 3 0} 2015-Q1", true},
		{"2015-SU", nil, "{2015 6 0} {2015 8 0} 2015-SU", true},
		{"199", nil, "{1990 0 0} {1999 0 0} 199", true},
		{"199X", nil, "{1990 0 0} {1999 0 0} 199X", true},
		{"19", nil, "{1900 0 0} {1999 0 0} 19", true},
		{"", &Range{Begin: "2015-09-30"}, "{2015 9 30} <nil> since 2015-09-30", true},
		{"", &Range{End: "2016"}, "{2016 0 0} <nil> until 2016", true},
		{"", &Range{Begin: "2015-01", End: "2015-03"}, "{2015 1 0} {2015 3 0} 2015-01 to 2015-03", true},
		{"", &Range{Begin: "2015-01-05", End: "2015-01-05"}, "{2015 1 5} {2015 1 5} 2015-01-05 to 2015-01-05", true},
		{"XXXX-11-24", nil, "", false},
		{"PRESENT_REF", nil, "", false},
		{"", &Range{Begin: "XXXX-09-30"}, "", false},
		{"", nil, "", false},
	} {
		start, end, display, ok := timelineJSDates(Event{Date: c.date, Range: c.rng})
		if ok != c.place {
			t.Errorf("%q %+v: placed %v, want %v", c.date, c.rng, ok, c.place)
			continue
		}
		if !ok {
			continue
		}
		e := "<nil>"
		if end != nil {
			e = fmt.Sprint(*end)
		}
		if got := fmt.Sprintf("%v %s %s", *start, e, display); got != c.want {
			t.Errorf("%q %+v: %q, want %q", c.date, c.rng, got, c.want)
		}
	}
}

// Cells that begin a spreadsheet formula get a leading apostrophe; no
// other cell changes.
func TestNoFormula(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+44 20": "'+44 20", "-2": "'-2", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "": "", "a=b": "a=b", "'=x": "'=x", "2015-11-24": "2015-11-24",
	} {
		if got := noFormula(in); got != want {
			t.Errorf("noFormula(%q) = %q, want %q", in, got, want)
		}
	}
}

// The title slide names every filter of the selection, the outlet and
// the class among them, and what was left out.
func TestTimelineJSTitle(t *testing.T) {
	for _, c := range []struct {
		f    Filter
		want string
	}{
		{Filter{}, "Storyline timeline"},
		{Filter{Entity: "Putin", From: "2015-11"}, "Storyline timeline: involving Putin, from 2015-11"},
		{Filter{Outlet: "Press TV"}, "Storyline timeline: reported by Press TV"},
		{Filter{Class: "meet", To: "2016"}, "Storyline timeline: class meet, until 2016"},
		{Filter{Story: "story/ab", Outlet: "BBC", Class: "attack", From: "2015", To: "2016"}, "Storyline timeline: story story/ab, reported by BBC, class attack, from 2015 to 2016"},
		{Filter{Outlet: `"><b>x`}, "Storyline timeline: reported by &#34;&gt;&lt;b&gt;x"},
	} {
		got := timelineJSTitle(c.f, 3, 4, 2, 1, Unplaced{Undated: 5})
		if got.Text.Headline != c.want {
			t.Errorf("%+v: title %q, want %q", c.f, got.Text.Headline, c.want)
		}
		if text := got.Text.Text; text != "<p>3 events from 4 reports in 2 articles.</p><p>Left out, as TimelineJS cannot place them: 5 undated events. The JSON, text and CSV timelines list them.</p><p>1 minor event left out (--all lists them).</p>" {
			t.Errorf("%+v: title text %q", c.f, text)
		}
	}
}
