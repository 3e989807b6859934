package timeline

import (
	"context"
	"fmt"
	"sort"

	"github.com/storyline/storyline/graph"
)

// Counts is how many events a filter keeps in each month: the zoomed-out
// view of a timeline too large to list, read from the events' dates alone.
type Counts struct {
	Filter Filter `json:"filter"`
	// Periods are the months (YYYY-MM) holding events, in order; an event
	// dated by a coarser value (a year, a decade) or a range is counted in
	// the month it starts.
	Periods []PeriodCount `json:"periods"`
	// Placed counts the events in Periods; Unplaced those with no place
	// on a time line (undated, unknown year), minor events included.
	Placed   int `json:"placed"`
	Unplaced int `json:"unplaced"`
}

// PeriodCount is the number of events starting in one month.
type PeriodCount struct {
	Period string `json:"period"`
	Count  int    `json:"count"`
}

// CountByMonth counts the events f selects by the month they start in,
// reading only the events' dates (by index), never the events. f.Limit
// and f.All do not apply.
func CountByMonth(ctx context.Context, s *graph.Store, f Filter) (*Counts, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	c := &Counts{Filter: f, Periods: []PeriodCount{}}
	months := map[string]int{}
	add := func(date string, r *Range, n int) {
		begin, end := "", ""
		if r != nil {
			begin, end = r.Begin, r.End
		}
		switch {
		case !placed(date, r):
			if f.From == "" && f.To == "" {
				c.Unplaced += n
			}
		case f.Undated:
		case !f.dateMatches(date, begin, end):
		default:
			months[startMonth(date, r)] += n
			c.Placed += n
		}
	}
	if f.Entity == "" && f.Story == "" && f.Outlet == "" && f.Class == "" {
		// Every event: counted by date value in the store's indexes.
		dc, err := s.EventDateCounts(ctx)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		dated := 0
		for date, n := range dc.Dates {
			dated += n
			add(date, nil, n)
		}
		for _, d := range dc.Ranged {
			if d.Date == "" {
				dated++
				add("", &Range{Begin: d.RangeBegin, End: d.RangeEnd}, 1)
			}
		}
		add("", nil, dc.Events-dated)
	} else {
		dates, err := eventDates(ctx, s, f)
		if err != nil {
			return nil, err
		}
		for _, d := range dates {
			var r *Range
			if d.RangeBegin != "" || d.RangeEnd != "" {
				r = &Range{Begin: d.RangeBegin, End: d.RangeEnd}
			}
			add(d.Date, r, 1)
		}
	}
	for m, n := range months {
		c.Periods = append(c.Periods, PeriodCount{Period: m, Count: n})
	}
	sort.Slice(c.Periods, func(i, j int) bool { return c.Periods[i].Period < c.Periods[j].Period })
	return c, nil
}

// startMonth is the month (YYYY-MM) a placed event starts in.
func startMonth(date string, r *Range) string {
	iv, ok := parseDate(date)
	if !ok && r != nil {
		if iv, ok = parseDate(r.Begin); !ok {
			iv, _ = parseDate(r.End)
		}
	}
	return iv.start.Format("2006-01")
}

// eventDates reads the dates of the events f selects, one per event (the
// undated ones with none), by index.
func eventDates(ctx context.Context, s *graph.Store, f Filter) ([]graph.EventDate, error) {
	if f.Entity == "" && f.Story == "" && f.Outlet == "" && f.Class != "" {
		// A class's events: tens of thousands in a large store, read
		// without their IRIs.
		dates, err := s.EventDatesOfClass(ctx, f.Class)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		return dates, nil
	}
	iris, _, err := candidates(ctx, s, f)
	if err != nil {
		return nil, err
	}
	byIRI, err := s.EventDatesOf(ctx, iris)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	out := make([]graph.EventDate, len(iris))
	for i, iri := range iris {
		out[i] = byIRI[iri]
	}
	return out, nil
}
