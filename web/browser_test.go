package web

// Browser tests: the page driven in Debian's chromium, headless, through
// chromedp. They skip when no chromium is installed, except under CI
// (env CI set), where they fail.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts a headless chromium for one test and returns its
// context.
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium on PATH: CI must run the browser tests (apt-get install chromium)")
		}
		t.Skip("no chromium on PATH: browser tests skipped (apt-get install chromium)")
	}
	// This machine's network is closed: background connections (updates,
	// sync, QUIC) are switched off, and each test has a fresh profile.
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first call starts the browser, under the context that lives as
	// long as it: no timeout on this one.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// stepTimeout bounds each step of a browser test.
const stepTimeout = 60 * time.Second

// do runs chromedp actions and fails the test on an error, naming step.
func do(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitLoaded waits until the timeline has loaded a window after the one
// numbered after (data-loaded counts the filter changes).
func waitLoaded(after string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.body.dataset.loaded && document.body.dataset.loaded !== %q`, after),
		chromedp.WithPollingTimeout(30*time.Second))
}

func loaded(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `document.body.dataset.loaded || ""`)
}

// listed returns the text of each event listed in the list with id.
func listed(t *testing.T, ctx context.Context, id string) []string {
	t.Helper()
	return eval[[]string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('#%s button.event')].map(b => b.textContent)`, id))
}

// screenshot saves what the screen shows where a person can look at it:
// $STORYLINE_SCREENSHOTS, else storyline-web-screenshots in the temp folder.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("STORYLINE_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "storyline-web-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// two animation frames: the time line draws in the next one
	do(t, ctx, "waiting for the page to be drawn",
		chromedp.Poll[chromedp.Void](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`))
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(sctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

func TestBrowserSeeds(t *testing.T) {
	ctx := browser(t)
	s := ingestStore(t, seedFiles...)
	ts := serveStore(t, s)

	do(t, ctx, "loading the page", chromedp.Navigate(ts.URL+"/"), waitLoaded(""))
	// The meeting appears once, with both outlets (the copy counted apart).
	var met []string
	for _, e := range listed(t, ctx, "events-list") {
		if strings.Contains(e, "meet") && strings.Contains(e, "Barack Obama and Vladimir Putin") && strings.HasPrefix(e, "2015-11-30") {
			met = append(met, e)
		}
	}
	if len(met) != 1 {
		t.Fatalf("the Obama–Putin meeting is listed %d times, want once: %q", len(met), listed(t, ctx, "events-list"))
	}
	if !strings.Contains(met[0], "Press TV") || !strings.Contains(met[0], "The People's Voice (copy)") || !strings.Contains(met[0], "1 outlet + 1 copy") {
		t.Errorf("the meeting's outlets: %q", met[0])
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#timeline .vis-item.vis-box').length`); n == 0 {
		t.Error("no event drawn on the timeline")
	}
	do(t, ctx, "the undated lane", chromedp.WaitVisible(chromedp.CSS("#undated-list button.event")))
	if undated := listed(t, ctx, "undated-list"); len(undated) == 0 || !strings.HasPrefix(undated[0], "undated") {
		t.Errorf("undated lane: %q", undated)
	}
	screenshot(t, ctx, "seeds-main.png")

	// Filter by entity: the URL holds it, and every event listed is one of
	// Putin's (as the API gives them).
	before := loaded(t, ctx)
	do(t, ctx, "filter by Putin",
		chromedp.SetValue(chromedp.ID("f-entity"), "Putin"),
		chromedp.Click(chromedp.ID("f-apply")),
		waitLoaded(before))
	if hash := eval[string](t, ctx, `location.hash`); !strings.Contains(hash, "entity=Putin") {
		t.Errorf("the URL does not hold the filter: %q", hash)
	}
	putin := listed(t, ctx, "events-list")
	var tl struct{ Events []struct{ Summary string } }
	getJSON(t, ts.URL, "/api/timeline?entity=Putin", &tl)
	if len(putin) == 0 || len(putin) > len(tl.Events) {
		t.Errorf("filtered by Putin: %d events listed; Putin has %d", len(putin), len(tl.Events))
	}
	for _, e := range putin {
		found := false
		for _, want := range tl.Events {
			found = found || strings.Contains(e, want.Summary)
		}
		if !found {
			t.Errorf("filtered by Putin, the page lists %q, which is not one of Putin's events", e)
		}
	}
	// Reloading the URL gives the same view.
	do(t, ctx, "reload", chromedp.Reload(), waitLoaded(""))
	entity := eval[string](t, ctx, `document.getElementById('f-entity').value`)
	if again := listed(t, ctx, "events-list"); entity != "Putin" || strings.Join(again, "\n") != strings.Join(putin, "\n") {
		t.Errorf("after reload: entity %q, %d events (was %d)", entity, len(again), len(putin))
	}

	// A date range: only that day's events.
	before = loaded(t, ctx)
	do(t, ctx, "filter by date",
		chromedp.SetValue(chromedp.ID("f-from"), "2015-11-30"),
		chromedp.SetValue(chromedp.ID("f-to"), "2015-11-30"),
		chromedp.Click(chromedp.ID("f-apply")),
		waitLoaded(before))
	day := listed(t, ctx, "events-list")
	if len(day) == 0 {
		t.Fatal("no event on 2015-11-30 with Putin")
	}
	for _, e := range day {
		if !strings.HasPrefix(e, "2015-11-30") {
			t.Errorf("filtered to 2015-11-30, the page lists %q", e)
		}
	}

	// Open the meeting: its reports, with trigger and participants marked.
	do(t, ctx, "open the meeting",
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('#events-list button.event')].find(b => b.textContent.includes('Barack Obama and Vladimir Putin') && b.textContent.includes('meet')).click()`),
		chromedp.WaitVisible(chromedp.ID("detail")),
		chromedp.WaitVisible(chromedp.CSS("#detail-reports mark.trigger")))
	triggers := eval[[]string](t, ctx, `[...document.querySelectorAll('#detail-reports mark.trigger')].map(m => m.textContent)`)
	parts := eval[[]string](t, ctx, `[...document.querySelectorAll('#detail-reports mark.participant')].map(m => m.textContent)`)
	if len(triggers) == 0 || !strings.Contains(strings.ToLower(strings.Join(triggers, " ")), "meet") {
		t.Errorf("triggers marked in the reports: %q", triggers)
	}
	if j := strings.Join(parts, "|"); !strings.Contains(j, "Putin") || !strings.Contains(j, "Obama") {
		t.Errorf("participants marked in the reports: %q", parts)
	}
	screenshot(t, ctx, "seeds-event.png")

	// Follow the article link: the stored text with the trigger marked.
	want := eval[string](t, ctx, `document.querySelector('#detail-reports mark.trigger').textContent`)
	do(t, ctx, "follow the article link",
		chromedp.Click(chromedp.CSS("#detail-reports a.article-link")),
		chromedp.WaitVisible(chromedp.ID("passage")))
	passage := eval[string](t, ctx, `document.getElementById('passage').textContent`)
	article := eval[string](t, ctx, `document.getElementById('article-text').textContent`)
	if passage != want || !strings.Contains(article, "Le Bourget") {
		t.Errorf("the article's marked passage is %q, want %q", passage, want)
	}

	// The entity view: aliases and linked entities, drawn as a graph.
	do(t, ctx, "the entity view",
		chromedp.Navigate(ts.URL+"/#view=entity&ent=Putin"),
		chromedp.WaitVisible(chromedp.CSS("#entity-linked li")))
	aliases := eval[string](t, ctx, `document.getElementById('entity-aliases').textContent`)
	linked := eval[string](t, ctx, `document.getElementById('entity-linked').textContent`)
	if !strings.Contains(aliases, "Russian President Vladimir Putin") || !strings.Contains(linked, "Barack Obama") {
		t.Errorf("entity view: aliases %q, linked %q", aliases, linked)
	}
	do(t, ctx, "the entity graph", chromedp.WaitVisible(chromedp.CSS("#entity-graph canvas")))
	screenshot(t, ctx, "seeds-entity.png")

	// Keyboard and phone width: on a 390 px screen nothing is wider than
	// the screen, and the events are reached with Tab and opened with
	// Enter; Escape closes the reports.
	do(t, ctx, "a phone-width screen",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(ts.URL+"/#entity=Putin"))
	do(t, ctx, "reload", chromedp.Reload(), waitLoaded(""), chromedp.WaitVisible(chromedp.CSS("#undated-list button.event")))
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("on a 390 px screen the page is %d px wide", w)
	}
	screenshot(t, ctx, "seeds-phone.png")
	do(t, ctx, "keyboard: focus the first event, Enter, Escape",
		chromedp.Focus(chromedp.CSS("#events-list button.event")),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.ID("detail")),
		chromedp.KeyEvent("\x1b"),
		chromedp.WaitNotVisible(chromedp.ID("detail")))
	if back := eval[bool](t, ctx, `document.activeElement === document.querySelector('#events-list button.event')`); !back {
		t.Error("after Escape the focus is not back on the event that opened the reports")
	}
	do(t, ctx, "desktop width", chromedp.ResetViewport())

	// The copies view: the People's Voice article copies Press TV's.
	do(t, ctx, "the copies view",
		chromedp.Navigate(ts.URL+"/#view=copies"),
		chromedp.WaitVisible(chromedp.CSS("#copies-table tbody td a")))
	if row := eval[string](t, ctx, `document.querySelector('#copies-table tbody tr').textContent`); !strings.HasPrefix(row, "The People's Voice") || !strings.Contains(row, "Press TV") {
		t.Errorf("copies view: %q", row)
	}
}

func TestBrowserEscapes(t *testing.T) {
	ctx := browser(t)
	s := ingestStore(t, xssArticle(t))
	ts := serveStore(t, s)
	do(t, ctx, "loading the page", chromedp.Navigate(ts.URL+"/"), waitLoaded(""))
	if events := listed(t, ctx, "events-list"); len(events) == 0 {
		t.Fatal("the article gave no dated event")
	}
	do(t, ctx, "open an event, then its article",
		chromedp.Click(chromedp.CSS("#events-list button.event")),
		chromedp.WaitVisible(chromedp.CSS("#detail-reports a.article-link")))
	pageText := eval[string](t, ctx, `document.body.innerText`)
	do(t, ctx, "open its article",
		chromedp.Click(chromedp.CSS("#detail-reports a.article-link")),
		chromedp.WaitVisible(chromedp.ID("passage")))
	pageText += eval[string](t, ctx, `document.body.innerText`)
	pwned := eval[string](t, ctx, `String(window.__pwned)`)
	imgs := eval[int](t, ctx, `document.querySelectorAll('img').length`)
	scripts := eval[int](t, ctx, `[...document.scripts].filter(s => !s.src.startsWith(location.origin + '/static/')).length`)
	jsLinks := eval[int](t, ctx, `[...document.querySelectorAll('a')].filter(a => a.href.toLowerCase().startsWith('javascript:')).length`)
	if pwned != "undefined" || imgs != 0 || scripts != 0 || jsLinks != 0 {
		t.Errorf("the article's markup ran or was built: window.__pwned=%s, %d img, %d script not the page's own, %d javascript: links", pwned, imgs, scripts, jsLinks)
	}
	for _, literal := range []string{"<script>window.__pwned='title'</script>", `"><img src=x onerror="window.__pwned='outlet'">`, "javascript:window.__pwned='url'", "<script>window.__pwned='text'</script>"} {
		if !strings.Contains(pageText, literal) {
			t.Errorf("the page does not show %q as text", literal)
		}
	}
	screenshot(t, ctx, "escapes-article.png")
}

// TestBrowserStore measures the page on the store named by
// STORYLINE_WEB_STORE (the whole BBC store, say): the first view and a
// filter change, with the Performance API. It reports the times; it does
// not assert them.
func TestBrowserStore(t *testing.T) {
	addr := os.Getenv("STORYLINE_WEB_STORE")
	if addr == "" {
		t.Skip("STORYLINE_WEB_STORE names no store: set it to measure the page on one")
	}
	ctx := browser(t)
	s := openReadOnly(t, addr) // closed after the server stops
	// Served as `storyline serve` serves it, which reads the whole
	// store's counts as it starts: the first visit below may come before
	// they are read (cold), the second finds them (warm).
	url, _ := serveListening(t, s)
	for _, visit := range []string{"first visit", "second visit"} {
		do(t, ctx, visit, chromedp.Navigate(url+"/"), waitLoaded(""))
		first := eval[float64](t, ctx, `+document.body.dataset.readyAt`)
		n := eval[int](t, ctx, `document.querySelectorAll('#events-list button.event').length`)
		t.Logf("%s: %d events listed and drawn %.0f ms after navigation began (Performance API)", visit, n, first)
		for _, r := range eval[[]string](t, ctx, `performance.getEntriesByType('resource').map(r => Math.round(r.startTime) + '-' + Math.round(r.responseEnd) + ' ms ' + r.name.replace(location.origin, ''))`) {
			t.Logf("  %s", r)
		}
		do(t, ctx, "blank", chromedp.Navigate("about:blank"))
	}
	do(t, ctx, "third visit", chromedp.Navigate(url+"/"), waitLoaded(""))
	screenshot(t, ctx, "store-main.png")
	// Each filter change from the first view: the time from the click to
	// the events listed.
	for _, c := range []struct{ field, value string }{
		{"f-class", "statement"}, {"f-entity", "Tony Blair"}, {"f-entity", "Microsoft"}, {"f-from", "2004-06-01"},
	} {
		do(t, ctx, "back to the first view", chromedp.Navigate(url+"/"), waitLoaded(""))
		before := loaded(t, ctx)
		do(t, ctx, "set "+c.field,
			chromedp.Poll[chromedp.Void](`document.getElementById('f-class').options.length > 1`),
			chromedp.SetValue(chromedp.ID(c.field), c.value))
		start := eval[float64](t, ctx, `performance.now()`)
		do(t, ctx, "filter change", chromedp.Click(chromedp.ID("f-apply")), waitLoaded(before))
		end := eval[float64](t, ctx, `+document.body.dataset.readyAt`)
		n := eval[int](t, ctx, `document.querySelectorAll('#events-list button.event').length`)
		t.Logf("filter %s=%s: %d events listed %.0f ms after the click", c.field, c.value, n, end-start)
		heading := eval[string](t, ctx, `document.getElementById('events-heading').textContent`)
		if from, _, _ := strings.Cut(strings.TrimPrefix(heading, "Events from "), " "); n == 0 || c.field == "f-from" && from < c.value {
			t.Errorf("filter %s=%s: %d events listed, %q", c.field, c.value, n, heading)
		}
		for _, r := range eval[[]string](t, ctx, fmt.Sprintf(`performance.getEntriesByType('resource').filter(r => r.startTime >= %f).map(r => Math.round(r.startTime - %f) + '-' + Math.round(r.responseEnd - %f) + ' ms ' + r.name.replace(location.origin, ''))`, start, start, start)) {
			t.Logf("  %s", r)
		}
	}
}
