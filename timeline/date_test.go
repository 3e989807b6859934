package timeline

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		v          string
		start, end string
		ok         bool
	}{
		{"2015-11-24", "2015-11-24", "2015-11-25", true},
		{"2015-11-30T14:00", "2015-11-30", "2015-12-01", true},
		{"2015-02", "2015-02-01", "2015-03-01", true},
		{"1991", "1991-01-01", "1992-01-01", true},
		{"199X", "1990-01-01", "2000-01-01", true},
		{"19XX", "1900-01-01", "2000-01-01", true},
		{"2015-W48", "2015-11-23", "2015-11-30", true},
		{"2015-Q1", "2015-01-01", "2015-04-01", true},
		{"2015-H2", "2015-07-01", "2016-01-01", true},
		{"2015-SU", "2015-06-01", "2015-09-01", true},
		{"2015-02-30", "", "", false},
		{"XXXX-11-24", "", "", false},
		{"PAST_REF", "", "", false},
		{"P4Y", "", "", false},
	} {
		iv, ok := parseDate(tc.v)
		if ok != tc.ok {
			t.Errorf("parseDate(%q) ok = %v, want %v", tc.v, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if got := iv.start.Format("2006-01-02"); got != tc.start {
			t.Errorf("parseDate(%q) start = %s, want %s", tc.v, got, tc.start)
		}
		if got := iv.end.Format("2006-01-02"); got != tc.end {
			t.Errorf("parseDate(%q) end = %s, want %s", tc.v, got, tc.end)
		}
	}
}

func TestEventOrder(t *testing.T) {
	events := []Event{
		{ID: "e1", Date: ""},
		{ID: "e2", Date: "XXXX-11-24"},
		{ID: "e3", Date: "2015-11-30"},
		{ID: "e4", Date: "1991"},
		{ID: "e5", Date: "2015-11"},
		{ID: "e6", Date: "2015-11-24"},
		{ID: "e7", Date: "", Range: &Range{Begin: "2015-09-30"}},
		{ID: "e8", Date: "PRESENT_REF"},
		{ID: "e9", Date: "XXXX-02"},
	}
	sort.SliceStable(events, func(i, j int) bool { return lessDate(events[i], events[j]) })
	var got []string
	for _, e := range events {
		got = append(got, e.ID)
	}
	// Known years by start (coarser first), then unknown years by month
	// and day, then other values, then undated.
	want := []string{"e4", "e7", "e5", "e6", "e3", "e9", "e2", "e8", "e1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestFilter(t *testing.T) {
	f := Filter{From: "2015-11-24", To: "2015-11"}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	for v, want := range map[string]bool{
		"2015-11-24": true, "2015-11-30": true, "2015-11": true, "2015": true,
		"2015-11-23": false, "2015-12-01": false, "1991": false, "XXXX-11-24": false, "": false,
	} {
		if got := f.dateMatches(v, "", ""); got != want {
			t.Errorf("Filter{From: 2015-11-24, To: 2015-11}.dateMatches(%q) = %v, want %v", v, got, want)
		}
	}
	if err := (Filter{From: "2016", To: "2015"}).Validate(); err == nil {
		t.Error("validate accepted --from after --to")
	}
	if err := (Filter{From: "last week"}).Validate(); err == nil {
		t.Error("validate accepted a non-date --from")
	}
}

func TestFilterRanges(t *testing.T) {
	f := Filter{From: "2015-11", To: "2015-11-30"}
	for _, tc := range []struct {
		begin, end string
		want       bool
	}{
		{"2015-09-30", "", true},  // since September 30: still going on in November
		{"2015-12-01", "", false}, // starts after the window
		{"2015-01", "2015-03", false},
		{"", "2015-11-24", true}, // until November 24
		{"", "", false},
	} {
		if got := f.dateMatches("", tc.begin, tc.end); got != tc.want {
			t.Errorf("range %q..%q in [2015-11, 2015-11-30] = %v, want %v", tc.begin, tc.end, got, tc.want)
		}
	}
}
