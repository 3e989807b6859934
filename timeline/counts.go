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
	if f.ByDatesAlone() {
		// Every event: counted by date value in the store's indexes.
		dc, err := s.EventDateCounts(ctx)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		return CountDates(f, dc)
	}
	dates, undated, err := eventDates(ctx, s, f)
	if err != nil {
		return nil, err
	}
	m := newMonthCounts(f)
	for _, d := range dates {
		var r *Range
		if d.RangeBegin != "" || d.RangeEnd != "" {
			r = &Range{Begin: d.RangeBegin, End: d.RangeEnd}
		}
		m.add(d.Date, r, 1)
	}
	m.add("", nil, undated)
	return m.counts(), nil
}

// ByDatesAlone reports whether f selects events by their dates alone (no
// entity, story, outlet or class): its counts come from the whole
// store's (CountDates).
func (f Filter) ByDatesAlone() bool {
	return f.Entity == "" && f.Story == "" && f.Outlet == "" && f.Class == ""
}

// CountDates is CountByMonth for a filter by dates alone (ByDatesAlone),
// from the whole store's counts by date (graph.Store.EventDateCounts),
// which a caller may keep while the store is unchanged.
func CountDates(f Filter, dc *graph.DateCounts) (*Counts, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if !f.ByDatesAlone() {
		return nil, fmt.Errorf("timeline: counts by date alone for a filter by entity, story, outlet or class")
	}
	m := newMonthCounts(f)
	dated := 0
	for date, n := range dc.Dates {
		dated += n
		m.add(date, nil, n)
	}
	for _, d := range dc.Ranged {
		if d.Date == "" {
			dated++
			m.add("", &Range{Begin: d.RangeBegin, End: d.RangeEnd}, 1)
		}
	}
	m.add("", nil, dc.Events-dated)
	return m.counts(), nil
}

// monthCounts adds up the events a filter keeps by the month they start
// in.
type monthCounts struct {
	f      Filter
	c      *Counts
	months map[string]int
}

func newMonthCounts(f Filter) *monthCounts {
	return &monthCounts{f: f, c: &Counts{Filter: f, Periods: []PeriodCount{}}, months: map[string]int{}}
}

// add counts n events with this date and range.
func (m *monthCounts) add(date string, r *Range, n int) {
	begin, end := "", ""
	if r != nil {
		begin, end = r.Begin, r.End
	}
	switch {
	case !placed(date, r):
		if m.f.From == "" && m.f.To == "" {
			m.c.Unplaced += n
		}
	case m.f.Undated:
	case !m.f.dateMatches(date, begin, end):
	default:
		m.months[startMonth(date, r)] += n
		m.c.Placed += n
	}
}

// counts is the counts added up, the months in order.
func (m *monthCounts) counts() *Counts {
	for p, n := range m.months {
		m.c.Periods = append(m.c.Periods, PeriodCount{Period: p, Count: n})
	}
	sort.Slice(m.c.Periods, func(i, j int) bool { return m.c.Periods[i].Period < m.c.Periods[j].Period })
	return m.c
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

// eventDates reads the dates of the events f selects, one per event (an
// undated one may be given with none or only counted in undated), by
// index.
func eventDates(ctx context.Context, s *graph.Store, f Filter) (_ []graph.EventDate, undated int, _ error) {
	if f.Entity == "" && f.Story == "" && f.Outlet == "" && f.Class != "" {
		// A class's events: tens of thousands in a large store, read
		// without their IRIs.
		dates, undated, err := s.EventDatesOfClass(ctx, f.Class)
		if err != nil {
			return nil, 0, fmt.Errorf("timeline: %w", err)
		}
		return dates, undated, nil
	}
	iris, _, err := candidates(ctx, s, f)
	if err != nil {
		return nil, 0, err
	}
	byIRI, err := s.EventDatesOf(ctx, iris)
	if err != nil {
		return nil, 0, fmt.Errorf("timeline: %w", err)
	}
	out := make([]graph.EventDate, len(iris))
	for i, iri := range iris {
		out[i] = byIRI[iri]
	}
	return out, 0, nil
}
