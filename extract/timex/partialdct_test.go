package timex

import (
	"context"
	"testing"
)

// A dateline without a year ("MOSCOW, Nov 24 (Reuters) -") gives the DCT
// XXXX-11-24: relative expressions resolve as far as the month and day
// allow, and never against the machine clock.
func TestTagPartialDCT(t *testing.T) {
	const dct = "XXXX-11-24"
	cases := []struct {
		text  string
		wants []want
	}{
		{"Turkey shot down a jet yesterday and talks open today.", []want{{"yesterday", "DATE", "XXXX-11-23", ""}, {"today", "DATE", "XXXX-11-24", ""}}},
		{"The ministers will meet tomorrow morning.", []want{{"tomorrow morning", "TIME", "XXXX-11-25TMO", ""}}},
		{"Sales fell last month and last year.", []want{{"last month", "DATE", "XXXX-10", ""}, {"last year", "DATE", "XXXX", ""}}},
		{"Output rose this month.", []want{{"this month", "DATE", "XXXX-11", ""}}},
		{"The plane went missing three days ago.", []want{{"three days ago", "DATE", "XXXX-11-21", ""}}},
		{"The talks ended two years ago.", []want{{"two years ago", "DATE", "XXXX", ""}}},
		{"Talks were held on Monday and on Nov. 20.", []want{{"Monday", "DATE", "XXXX-WXX-1", ""}, {"Nov. 20", "DATE", "XXXX-11-20", ""}}},
		{"The vote was held at 10:14 a.m.", []want{{"10:14 a.m.", "TIME", "XXXX-11-24T10:14", ""}}},
	}
	for _, c := range cases {
		tagCheck(t, c.text, dct, c.wants)
	}
}

func TestTagPartialDCTAnchors(t *testing.T) {
	txs := tagCheck(t, "The jet was downed yesterday; last year relations were good.", "XXXX-11-24",
		[]want{{"yesterday", "DATE", "XXXX-11-23", ""}, {"last year", "DATE", "XXXX", ""}})
	if txs[0].Anchor != "dct" {
		t.Errorf("yesterday: anchor %q, want dct (resolved against the month-day)", txs[0].Anchor)
	}
	if txs[1].Anchor != "none" {
		t.Errorf("last year: anchor %q, want none (the year is unknown)", txs[1].Anchor)
	}
}

// Days moved across the end of February and across the year's end.
func TestTagPartialDCTCalendarEdges(t *testing.T) {
	tagCheck(t, "Police said yesterday that the suspect fled.", "XXXX-03-01", []want{{"yesterday", "DATE", "XXXX-02-XX", ""}})
	tagCheck(t, "Police said yesterday that the suspect fled.", "XXXX-01-01", []want{{"yesterday", "DATE", "XXXX-12-31", ""}})
	tagCheck(t, "Police said yesterday that the suspect fled.", "XXXX-02-29", []want{{"yesterday", "DATE", "XXXX-02-28", ""}})
	tagCheck(t, "Prices rose last month.", "XXXX-01-15", []want{{"last month", "DATE", "XXXX-12", ""}})
	tagCheck(t, "Profits fell last quarter.", "XXXX-02-10", []want{{"last quarter", "DATE", "XXXX-Q4", ""}})
}

func TestParsePartialDCT(t *testing.T) {
	for _, s := range []string{"XXXX-11-24", "XXXX-02-29", "XXXX-11", "XXXX"} {
		v, ok := parseDCT(s)
		if !ok || v.y != -1 || v.String() != s {
			t.Errorf("parseDCT(%q) = %+v %v (%q), want the partial date back", s, v, ok, v.String())
		}
	}
	if _, err := Tag(context.Background(), "It rained yesterday.", "XXXX-11-24"); err != nil {
		t.Errorf("Tag with a partial DCT: %v", err)
	}
	if _, err := Tag(context.Background(), "It rained yesterday.", "XXX1-11-24"); err == nil {
		t.Errorf("Tag with DCT XXX1-11-24: no error")
	}
}
