package main

// The timeline exports other tools open: CSV and TimelineJS.

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline/storyline/timeline"
)

// The CSV timeline parses back with encoding/csv: a header, one row per
// report, the rows of each event in timeline order, the meeting at Le
// Bourget once per outlet with its evidence and the trigger's offsets.
func TestTimelineCSV(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	tl := loadTimeline(t, db)
	out := mustCLI(t, "--db", db, "timeline", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(timeline.CSVHeader, ",") {
		t.Fatalf("header %q", rows[:min(1, len(rows))])
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	rows = rows[1:]
	var want []string // event id and document of every report, in order
	for _, e := range tl.Events {
		for _, src := range e.Sources {
			want = append(want, e.ID+" "+src.Document)
		}
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want one per report: %d", len(rows), len(want))
	}
	texts := map[string]string{}
	for _, f := range []string{seedOriginal, seedCopy} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(f)] = string(b)
	}
	outlets := map[string]bool{}
	for i, r := range rows {
		if got := r[col["event_id"]] + " " + r[col["document"]]; got != want[i] {
			t.Fatalf("row %d is %s, want %s", i+1, got, want[i])
		}
		if r[col["summary"]] != "Barack Obama and Vladimir Putin meets at Le Bourget, Paris" {
			continue
		}
		outlets[r[col["outlet"]]] = true
		if r[col["date"]] != "2015-11-30" || r[col["class"]] != "meet" || r[col["article_date"]] != "2015-11-30" ||
			!strings.Contains(r[col["agents"]], "Barack Obama") || !strings.Contains(r[col["locations"]], "Le Bourget") {
			t.Errorf("meeting row %q", r)
		}
		start, err1 := strconv.Atoi(r[col["trigger_start"]])
		end, err2 := strconv.Atoi(r[col["trigger_end"]])
		found := false
		for _, text := range texts {
			if err1 == nil && err2 == nil && 0 <= start && start < end && end <= len(text) &&
				text[start:end] == r[col["trigger_text"]] && strings.Contains(text, r[col["sentence"]]) {
				found = true
			}
		}
		if !found {
			t.Errorf("meeting row: trigger %q at %s-%s and sentence %q are not in the seed's text", r[col["trigger_text"]],
				r[col["trigger_start"]], r[col["trigger_end"]], r[col["sentence"]])
		}
	}
	if !outlets["Press TV"] || !outlets["The People's Voice"] || len(outlets) != 2 {
		t.Errorf("the meeting's rows come from %v, want Press TV and The People's Voice", outlets)
	}
}

// A cell a spreadsheet would run as a formula gets a leading apostrophe:
// an article whose headline is a formula.
func TestTimelineCSVNoFormula(t *testing.T) {
	dir := t.TempDir()
	article := "=HYPERLINK(\"http://example.com\",\"Turkey shoots down jet\")\n\n" +
		"On November 24, 2015, Turkey shot down a Russian Sukhoi Su-24 jet near the Syrian border.\n"
	if err := os.WriteFile(filepath.Join(dir, "formula.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "f.db")
	mustCLI(t, "--db", db, "ingest", filepath.Join(dir, "formula.txt"))
	rows, err := csv.NewReader(strings.NewReader(mustCLI(t, "--db", db, "timeline", "--format", "csv"))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("%d rows: %v", len(rows), err)
	}
	headline := -1
	for i, name := range rows[0] {
		if name == "headline" {
			headline = i
		}
	}
	for _, r := range rows[1:] {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q begins a formula", cell)
			}
		}
		if !strings.HasPrefix(r[headline], "'=HYPERLINK(") {
			t.Errorf("headline cell %q", r[headline])
		}
	}
}

// timelineJS parses `storyline timeline --format timelinejs` and returns
// it with what was said on stderr.
func timelineJS(t *testing.T, args ...string) (timeline.TimelineJS, string, string) {
	t.Helper()
	out, errOut, err := cli(t, "", append(args, "--format", "timelinejs")...)
	if err != nil {
		t.Fatalf("timeline --format timelinejs: %v\n%s", err, errOut)
	}
	var tj timeline.TimelineJS
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&tj); err != nil {
		t.Fatalf("TimelineJS JSON: %v\n%.500s", err, out)
	}
	return tj, out, errOut
}

// The TimelineJS timeline has a slide for each event with a known year,
// in the JSON timeline's order, dated at the event's own granularity; the
// others are counted on stderr and in the title slide.
func TestTimelineJSON(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	tl := loadTimeline(t, db)
	tj, _, errOut := timelineJS(t, "--db", db, "timeline")
	var placed []string
	undated := 0
	for _, e := range tl.Events {
		if e.Date == "" && e.Range == nil {
			undated++
		} else {
			placed = append(placed, e.ID)
		}
	}
	if len(tj.Events) != len(placed) {
		t.Fatalf("%d slides for %d events with a known year", len(tj.Events), len(placed))
	}
	for i, s := range tj.Events {
		if s.UniqueID != placed[i] || s.StartDate == nil || s.StartDate.Year == 0 || s.Text.Headline == "" || s.Group == "" {
			t.Errorf("slide %d: %+v", i, s)
		}
	}
	byHeadline := map[string]timeline.TimelineJSSlide{}
	for _, s := range tj.Events {
		byHeadline[s.Text.Headline] = s
	}
	for headline, want := range map[string]string{
		"end the Cold War":                "1991 - - ",
		"signed Minsk":                    "2015 2 - ",
		"Turkey shot down Sukhoi Su-24":   "2015 11 24 ",
		"Russia airstrikes Islamic State": "2015 9 30 since 2015-09-30",
	} {
		s, ok := byHeadline[headline]
		if !ok {
			t.Errorf("no slide %q", headline)
			continue
		}
		got := fmt.Sprintf("%d %s %s %s", s.StartDate.Year, orDash(s.StartDate.Month), orDash(s.StartDate.Day), s.DisplayDate)
		if got != want || s.EndDate != nil {
			t.Errorf("slide %q dated %q (end %v), want %q", headline, got, s.EndDate, want)
		}
	}
	meeting := byHeadline["Barack Obama and Vladimir Putin meets at Le Bourget, Paris"]
	if !strings.Contains(meeting.Text.Text, "<b>Press TV</b>") || !strings.Contains(meeting.Text.Text, "<b>The People&#39;s Voice</b>") ||
		!strings.Contains(meeting.Text.Text, "meet, disputed") {
		t.Errorf("meeting slide text %q", meeting.Text.Text)
	}
	if tj.Title == nil || !strings.Contains(tj.Title.Text.Text, fmt.Sprintf("%d undated events", undated)) {
		t.Errorf("title slide %+v does not count %d undated events", tj.Title, undated)
	}
	if want := fmt.Sprintf("left out %d undated events", undated); !strings.Contains(errOut, want) {
		t.Errorf("stderr %q does not say %q", errOut, want)
	}
}

func orDash(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}
