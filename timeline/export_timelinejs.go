package timeline

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/storyline/storyline/graph"
)

// The TimelineJS JSON format (Knight Lab's TimelineJS 3,
// timeline.knightlab.com/docs/json-format.html): one object with the
// events as slides and a title slide.

// TimelineJS is the document TimelineJS reads.
type TimelineJS struct {
	Events []TimelineJSSlide `json:"events"`
	Title  *TimelineJSSlide  `json:"title,omitempty"`
}

// TimelineJSSlide is one slide: an event, or the title.
type TimelineJSSlide struct {
	StartDate *TimelineJSDate `json:"start_date,omitempty"`
	EndDate   *TimelineJSDate `json:"end_date,omitempty"`
	Text      TimelineJSText  `json:"text"`
	Group     string          `json:"group,omitempty"`
	// DisplayDate replaces the dates TimelineJS would show, for values
	// it has no form for (2015-W48, 199X) and for ranges.
	DisplayDate string `json:"display_date,omitempty"`
	UniqueID    string `json:"unique_id,omitempty"`
}

// TimelineJSDate is a date at its own granularity: a year, a month or a
// day.
type TimelineJSDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

// TimelineJSText is a slide's text; TimelineJS renders both fields as
// HTML, so they hold escaped text.
type TimelineJSText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// Unplaced counts the events a TimelineJS timeline leaves out because
// TimelineJS cannot place them on its time axis: a date with no known
// year (XXXX-11-24, PRESENT_REF) or no date at all.
type Unplaced struct {
	NoYear  int
	Undated int
}

// String says what was left out: "2 events with no known year (such as
// XXXX-11-24) and 42 undated events"; "" when nothing was.
func (u Unplaced) String() string {
	var out []string
	if u.NoYear > 0 {
		out = append(out, plural(u.NoYear, "event")+" with no known year (such as XXXX-11-24)")
	}
	if u.Undated > 0 {
		out = append(out, plural(u.Undated, "undated event"))
	}
	return strings.Join(out, " and ")
}

// StreamTimelineJS writes the timeline f selects to w in TimelineJS's JSON
// format: each event a slide (headline the summary; text the class, the
// modality, disputed fields and every report, HTML-escaped; group the
// class; unique_id the event's id) dated at its own granularity, a range
// from its begin to its end; then a title slide saying what was selected
// and what was left out. Events TimelineJS cannot place are left out and
// counted in the returned Unplaced. Like Stream it reads and writes a
// chunk of events at a time. Without a limit, the events it leaves out
// are counted from their dates, classes and participants read by index,
// never read whole.
func StreamTimelineJS(ctx context.Context, s *graph.Store, f Filter, w io.Writer) (Unplaced, error) {
	var left Unplaced
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("{\n  \"events\": ")
	slides := jsonArray{w: bw}
	reports := 0
	var skip *unread
	if f.Limit == 0 {
		// With a limit, the unplaced events (listed last) are read only
		// when the placed ones leave room.
		skip = &unread{read: timelineJSPlaced, dates: map[string]graph.EventDate{}}
	}
	omitted, docs, _, err := walk(ctx, s, f, skip, func(e Event, docs map[string]graph.DocInfo) error {
		slide, ok := timelineJSSlide(e, docs)
		switch {
		case ok:
			reports += len(e.Sources)
			return slides.add(slide)
		case e.Date == "" && e.Range == nil:
			left.Undated++
		default:
			left.NoYear++
		}
		return nil
	})
	if err != nil {
		return left, err
	}
	if skip != nil {
		minor, err := countUnplaced(ctx, s, f, skip, &left)
		if err != nil {
			return left, err
		}
		omitted += minor
	}
	slides.close()
	title, err := indented(timelineJSTitle(f, slides.n, reports, len(docs), omitted, left), "  ")
	if err != nil {
		return left, err
	}
	bw.WriteString(",\n  \"title\": ")
	bw.Write(title)
	bw.WriteString("\n}\n")
	return left, bw.Flush()
}

// timelineJSPlaced reports whether TimelineJS can place an event with
// these dates (timelineJSDates).
func timelineJSPlaced(d graph.EventDate) bool {
	e := Event{Date: d.Date}
	if d.RangeBegin != "" || d.RangeEnd != "" {
		e.Range = &Range{Begin: d.RangeBegin, End: d.RangeEnd}
	}
	_, _, _, ok := timelineJSDates(e)
	return ok
}

// countUnplaced counts into left the events a walk left unread (skip)
// that the timeline f selects would list, as the walk would have counted
// them, from their classes and whether they name an agent or patient,
// read by index; it returns the number of minor events among them (left
// out unless f.All).
func countUnplaced(ctx context.Context, s *graph.Store, f Filter, skip *unread, left *Unplaced) (minor int, _ error) {
	if len(skip.events) == 0 {
		return 0, nil
	}
	classes, err := s.EventClassesOf(ctx, skip.events)
	if err != nil {
		return 0, fmt.Errorf("timeline: %w", err)
	}
	named, err := s.EventsNamingAgentOrPatient(ctx, skip.events)
	if err != nil {
		return 0, fmt.Errorf("timeline: %w", err)
	}
	for _, iri := range skip.events {
		d := skip.dates[iri]
		undated := d.Date == "" && d.RangeBegin == "" && d.RangeEnd == ""
		switch {
		case classes[iri] == "":
			// no event node: the walk would have read nothing
		case f.Class != "" && classes[iri] != f.Class:
		case !f.All && undated && classes[iri] == "other" && !named[iri]:
			minor++
		case undated:
			left.Undated++
		default:
			left.NoYear++
		}
	}
	return minor, nil
}

// timelineJSSlide is e's slide, or false when TimelineJS cannot place e.
func timelineJSSlide(e Event, docs map[string]graph.DocInfo) (TimelineJSSlide, bool) {
	start, end, display, ok := timelineJSDates(e)
	if !ok {
		return TimelineJSSlide{}, false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<p>%s", html.EscapeString(e.Class))
	if e.Modality != "" {
		fmt.Fprintf(&b, ", %s", html.EscapeString(e.Modality))
	}
	if len(e.Disagreements) > 0 {
		fields := make([]string, len(e.Disagreements))
		for i, d := range e.Disagreements {
			fields[i] = d.Field
		}
		fmt.Fprintf(&b, "; the reports disagree on: %s", html.EscapeString(strings.Join(fields, ", ")))
	}
	b.WriteString("</p><ul>")
	for _, src := range e.Sources {
		outlet := src.Outlet
		if outlet == "" {
			outlet = src.Document
		}
		fmt.Fprintf(&b, "<li><b>%s</b>", html.EscapeString(outlet))
		if src.Headline != "" {
			fmt.Fprintf(&b, ", <i>%s</i>", html.EscapeString(src.Headline))
		}
		if d := docs[src.Document].Date; d != "" {
			fmt.Fprintf(&b, " (%s)", html.EscapeString(d))
		}
		if src.Modality != "" && src.Modality != "asserted" {
			fmt.Fprintf(&b, " [%s]", html.EscapeString(src.Modality))
		}
		fmt.Fprintf(&b, ": “%s”</li>", html.EscapeString(src.Sentence))
	}
	b.WriteString("</ul>")
	return TimelineJSSlide{
		StartDate: start, EndDate: end, DisplayDate: display,
		Text:     TimelineJSText{Headline: html.EscapeString(e.Summary), Text: b.String()},
		Group:    e.Class,
		UniqueID: e.ID,
	}, true
}

// plainDate matches the TIMEX3 values TimelineJS shows as they are: a
// year, a month or a day.
var plainDate = regexp.MustCompile(`^\d{4}(-\d\d(-\d\d)?)?$`)

// timelineJSDates places e: its date at its own granularity (a year for
// 1991, a month for 2015-02, a day for 2015-11-24; the first and last
// year, month or day of a decade, week, quarter or season, shown as the
// TIMEX3 value), else its range from begin to end. It reports false for
// an event with no known year.
func timelineJSDates(e Event) (start, end *TimelineJSDate, display string, ok bool) {
	if iv, known := parseDate(decade(e.Date)); known {
		start, end = timelineJSSpan(iv)
		if !plainDate.MatchString(e.Date) {
			display = e.Date
		}
		return start, end, display, true
	}
	if e.Date != "" || e.Range == nil {
		return nil, nil, "", false
	}
	begin, okb := parseDate(e.Range.Begin)
	until, oke := parseDate(e.Range.End)
	switch {
	case okb && oke:
		start, _ = timelineJSSpan(begin)
		from, to := timelineJSSpan(until)
		if to == nil {
			to = from
		}
		return start, to, e.Range.Begin + " to " + e.Range.End, true
	case okb:
		start, _ = timelineJSSpan(begin)
		return start, nil, "since " + e.Range.Begin, true
	case oke:
		start, _ = timelineJSSpan(until)
		return start, nil, "until " + e.Range.End, true
	}
	return nil, nil, "", false
}

// decade writes a decade or century as parseDate reads it: TIMEX3's 199
// (the 1990s) as 199X, 19 as 19XX.
func decade(v string) string {
	if isDigits(v) && len(v) < 4 {
		return v + strings.Repeat("X", 4-len(v))
	}
	return v
}

// timelineJSSpan is iv's first and last year, month or day, whichever
// unit its ends fall on; last is nil when iv is one such unit.
func timelineJSSpan(iv interval) (first, last *TimelineJSDate) {
	lastDay := iv.end.AddDate(0, 0, -1)
	unit := func(t time.Time) *TimelineJSDate {
		return &TimelineJSDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	switch {
	case iv.start.YearDay() == 1 && iv.end.YearDay() == 1:
		unit = func(t time.Time) *TimelineJSDate { return &TimelineJSDate{Year: t.Year()} }
	case iv.start.Day() == 1 && iv.end.Day() == 1:
		unit = func(t time.Time) *TimelineJSDate { return &TimelineJSDate{Year: t.Year(), Month: int(t.Month())} }
	}
	first, last = unit(iv.start), unit(lastDay)
	if *first == *last {
		last = nil
	}
	return first, last
}

// timelineJSTitle is the title slide: what the timeline holds and what it
// leaves out.
func timelineJSTitle(f Filter, events, reports, articles, omitted int, left Unplaced) *TimelineJSSlide {
	headline := "Storyline timeline"
	var sel []string
	if f.Entity != "" {
		sel = append(sel, "involving "+f.Entity)
	}
	if f.Story != "" {
		sel = append(sel, "story "+f.Story)
	}
	if f.Outlet != "" {
		sel = append(sel, "reported by "+f.Outlet)
	}
	if f.Class != "" {
		sel = append(sel, "class "+f.Class)
	}
	switch {
	case f.From != "" && f.To != "":
		sel = append(sel, "from "+f.From+" to "+f.To)
	case f.From != "":
		sel = append(sel, "from "+f.From)
	case f.To != "":
		sel = append(sel, "until "+f.To)
	}
	if len(sel) > 0 {
		headline += ": " + strings.Join(sel, ", ")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<p>%s from %s in %s.</p>", plural(events, "event"), plural(reports, "report"), plural(articles, "article"))
	if left.NoYear+left.Undated > 0 {
		fmt.Fprintf(&b, "<p>Left out, as TimelineJS cannot place them: %s. The JSON, text and CSV timelines list them.</p>", html.EscapeString(left.String()))
	}
	if omitted > 0 {
		fmt.Fprintf(&b, "<p>%s left out (--all lists them).</p>", plural(omitted, "minor event"))
	}
	return &TimelineJSSlide{Text: TimelineJSText{Headline: html.EscapeString(headline), Text: b.String()}}
}

// plural is "1 event" or "n events".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
