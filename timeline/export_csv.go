package timeline

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/storyline/storyline/graph"
)

// CSVHeader is the header row of the CSV timeline: one row per report of
// an event, the event's own columns repeated on each of its rows.
var CSVHeader = []string{
	"event_id", "date", "range_begin", "range_end", "class", "trigger", "summary",
	"agents", "patients", "locations", "modality", "disputed",
	"document", "outlet", "headline", "article_date",
	"report_date", "report_modality", "sentence", "trigger_text", "trigger_start", "trigger_end",
}

// StreamCSV writes the timeline f selects to w as CSV (RFC 4180, by
// encoding/csv): the CSVHeader row, then one row per report of each
// event in timeline order. Lists (agents, disputed fields) are joined
// with "; ". Like Stream it reads and writes a chunk of events at a time.
//
// Cells are text a spreadsheet may take for a formula: a cell that begins
// with =, +, -, @, a tab or a carriage return gets a leading apostrophe,
// as OWASP recommends against CSV injection.
func StreamCSV(ctx context.Context, s *graph.Store, f Filter, w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("timeline: writing CSV: %w", err)
	}
	_, _, _, err := walk(ctx, s, f, nil, func(e Event, docs map[string]graph.DocInfo) error {
		for _, row := range csvRows(e, docs) {
			if err := cw.Write(row); err != nil {
				return fmt.Errorf("timeline: writing CSV: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("timeline: writing CSV: %w", err)
	}
	return nil
}

// csvRows are the rows of one event, one per report (one with empty
// report columns for an event with no report).
func csvRows(e Event, docs map[string]graph.DocInfo) [][]string {
	var begin, end string
	if e.Range != nil {
		begin, end = e.Range.Begin, e.Range.End
	}
	disputed := make([]string, 0, len(e.Disagreements))
	for _, d := range e.Disagreements {
		disputed = append(disputed, d.Field)
	}
	event := []string{
		e.ID, e.Date, begin, end, e.Class, e.Trigger, e.Summary,
		refNames(e.Agents), refNames(e.Patients), refNames(e.Locations),
		e.Modality, strings.Join(disputed, "; "),
	}
	sources := e.Sources
	if len(sources) == 0 {
		sources = []Source{{}}
	}
	rows := make([][]string, 0, len(sources))
	for _, src := range sources {
		row := append(append(make([]string, 0, len(CSVHeader)), event...),
			src.Document, src.Outlet, src.Headline, docs[src.Document].Date,
			src.Date, src.Modality, src.Sentence, src.Trigger, "", "")
		if src.Document != "" {
			row[len(row)-2], row[len(row)-1] = strconv.Itoa(src.Start), strconv.Itoa(src.End)
		}
		for i, cell := range row {
			row[i] = noFormula(cell)
		}
		rows = append(rows, row)
	}
	return rows
}

// refNames joins the names of rs with "; ".
func refNames(rs []EntityRef) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
	}
	return strings.Join(names, "; ")
}

// noFormula keeps a spreadsheet from evaluating cell: one that begins
// with a character that starts a formula (=, +, -, @, tab, carriage
// return) gets a leading apostrophe (OWASP, CSV injection).
func noFormula(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
