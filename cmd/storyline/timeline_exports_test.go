package main

// The timeline exports other tools open: CSV and TimelineJS, each read
// back by a real reader of its format (encoding/csv, TimelineJS in
// headless Chromium).

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/storyline/storyline/timeline"
)

// needTool returns the path of an external program a test runs: when it
// is missing the test skips, unless CI is set, where it fails (.ci/run
// installs it).
func needTool(t *testing.T, path, pkg string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing on CI (apt-get install %s; .ci/run installs it)", path, pkg)
		}
		t.Skipf("%s is missing (apt-get install %s): skipped", path, pkg)
	}
	return path
}

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
		"end the Cold War":                         "1991 - - ",
		"signed the Minsk peace accord":            "2015 2 - ",
		"Turkey shot down Sukhoi Su-24":            "2015 11 24 ",
		"Russia airstrikes Islamic State at Syria": "2015 9 30 since 2015-09-30",
	} {
		s, ok := byHeadline[headline]
		if !ok {
			t.Errorf("no slide %q", headline)
			continue
		}
		got := fmt.Sprintf("%d %s %s %s", s.StartDate.Year, intOrDash(s.StartDate.Month), intOrDash(s.StartDate.Day), s.DisplayDate)
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

func intOrDash(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// TimelineJS itself (testdata/timelinejs, run in headless Chromium) reads
// the TimelineJS timeline: a slide for the title and each event, the
// meeting's headline among them, and no error. TimelineJS throws on a
// document it cannot read, and skips a slide it cannot place, so the
// check can fail.
func TestTimelineJSRenders(t *testing.T) {
	chromium := needTool(t, "/usr/bin/chromium", "chromium")
	db := ingestSeeds(t, seedOriginal, seedCopy)
	tj, out, _ := timelineJS(t, "--db", db, "timeline")
	lib, err := filepath.Abs("../../testdata/timelinejs")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 900),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	// The browser lives as long as the context of the first Run.
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}

	got := renderTimelineJS(t, bctx, lib, out)
	if got.Error != "" || len(got.Exceptions) > 0 {
		t.Errorf("TimelineJS error %q, exceptions %q", got.Error, got.Exceptions)
	}
	if got.Slides != len(tj.Events)+1 {
		t.Errorf("TimelineJS rendered %d slides, want the title and %d events", got.Slides, len(tj.Events))
	}
	if !strings.Contains(got.Headlines, "Barack Obama and Vladimir Putin meets at Le Bourget, Paris") ||
		!strings.Contains(got.Headlines, "Storyline timeline") {
		t.Errorf("TimelineJS headlines %q lack the title or the meeting", got.Headlines)
	}
	// TimelineJS reports a year it cannot read, and skips a slide with no
	// start date.
	broken := strings.Replace(out, `"year": 1991`, `"year": "MCMXCI"`, 1)
	if got := renderTimelineJS(t, bctx, lib, broken); got.Error == "" && len(got.Exceptions) == 0 {
		t.Errorf("TimelineJS reported no error on a year it cannot read (%d slides)", got.Slides)
	} else {
		t.Logf("TimelineJS on a year it cannot read: %q %q", got.Error, got.Exceptions)
	}
	broken = strings.Replace(out, `"start_date": {`, `"no_date": {`, 1)
	if got := renderTimelineJS(t, bctx, lib, broken); got.Slides != len(tj.Events) {
		t.Errorf("TimelineJS rendered %d slides with one of %d events undated", got.Slides, len(tj.Events))
	}
}

type rendered struct {
	Slides     int
	Headlines  string
	Error      string
	Exceptions []string
}

// renderTimelineJS loads a page that gives TimelineJS (from lib) the
// document data, and reads what it rendered once it is ready or has
// failed (Error: not ready; Exceptions: the errors nothing caught).
func renderTimelineJS(t *testing.T, ctx context.Context, lib, data string) rendered {
	t.Helper()
	page := filepath.Join(t.TempDir(), "timeline.html")
	html := `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://` + lib + `/timeline.css"><script src="file://` + lib + `/timeline.js"></script>
</head><body><div id="timeline" style="width: 1100px; height: 800px"></div><script>
window.tlState = "loading";
var tl = new TL.Timeline("timeline", ` + data + `, {script_path: "file://` + lib + `/", hash_bookmark: false});
// With the data given inline TimelineJS may be ready before on("ready").
if (tl.ready && window.tlState === "loading") { window.tlState = "ready"; }
tl.on("ready", function () { if (window.tlState === "loading") { window.tlState = "ready"; } });
</script></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	tctx, cancel := chromedp.NewContext(ctx)
	defer cancel()
	var r rendered
	var mu sync.Mutex
	done := make(chan struct{})
	messages := chromedp.Console(tctx)
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() {
				mu.Lock()
				r.Exceptions = append(r.Exceptions, m.Text)
				mu.Unlock()
			}
		}
	}()
	if err := chromedp.Do(tctx, chromedp.Navigate("file://"+page)); err != nil {
		t.Fatalf("opening the page in Chromium: %v", err)
	}
	// Wait until TimelineJS is ready or has thrown an error nothing caught.
	state := ""
	for deadline := time.Now().Add(time.Minute); ; {
		var err error
		state, err = chromedp.Run(tctx, chromedp.Evaluate[string](`window.tlState`))
		if err != nil {
			t.Fatalf("reading the page's state: %v", err)
		}
		mu.Lock()
		thrown := len(r.Exceptions) > 0
		mu.Unlock()
		if state == "ready" || thrown {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("TimelineJS neither got ready nor threw an error within a minute")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := chromedp.Do(tctx, chromedp.Sleep(500*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	slides, err1 := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll(".tl-storyslider .tl-slide").length`))
	headlines, err2 := chromedp.Run(tctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll(".tl-storyslider .tl-headline")).map(function (h) { return h.textContent; }).join("\n")`))
	for _, err := range []error{err1, err2} {
		if err != nil {
			t.Fatalf("reading what TimelineJS rendered: %v", err)
		}
	}
	cancel()
	<-done
	mu.Lock()
	defer mu.Unlock()
	r.Slides, r.Headlines = slides, headlines
	if state != "ready" {
		r.Error = state
	}
	return r
}
