package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

// get fetches path from ts and returns the status and body.
func get(t *testing.T, ts string, path string) (int, []byte) {
	t.Helper()
	res, err := http.Get(ts + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, body
}

// getJSON fetches path, wants 200, and decodes the body into v.
func getJSON(t *testing.T, ts, path string, v any) {
	t.Helper()
	code, body := get(t, ts, path)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, code, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, body)
	}
}

// meeting finds the dated Obama–Putin meeting among events.
func meeting(events []timeline.Event) []timeline.Event {
	var out []timeline.Event
	for _, e := range events {
		if e.Class == "meet" && e.Date == "2015-11-30" && strings.Contains(e.Summary, "Obama") && strings.Contains(e.Summary, "Putin") {
			out = append(out, e)
		}
	}
	return out
}

func TestAPISeeds(t *testing.T) {
	s := ingestStore(t, seedFiles...)
	ts := serveStore(t, s).URL
	ctx := context.Background()

	// /api/timeline is the CLI's timeline JSON, byte for byte.
	for _, f := range []timeline.Filter{
		{},
		{Entity: "Putin", From: "2015-11", To: "2015-12-31"},
		{Outlet: "Press TV", Class: "meet"},
		{Undated: true, Limit: 3},
	} {
		var want bytes.Buffer
		if err := timeline.Stream(ctx, s, f, &want, false); err != nil {
			t.Fatal(err)
		}
		q := url.Values{}
		for k, v := range map[string]string{"entity": f.Entity, "from": f.From, "to": f.To, "outlet": f.Outlet, "class": f.Class} {
			if v != "" {
				q.Set(k, v)
			}
		}
		if f.Undated {
			q.Set("undated", "true")
		}
		if f.Limit > 0 {
			q.Set("limit", "3")
		}
		code, got := get(t, ts, "/api/timeline?"+q.Encode())
		if code != http.StatusOK || !bytes.Equal(got, want.Bytes()) {
			t.Errorf("/api/timeline?%s: %d, not the CLI's JSON:\n%.400s\nwant\n%.400s", q.Encode(), code, got, want.Bytes())
		}
	}

	var tl timeline.Timeline
	getJSON(t, ts, "/api/timeline?entity=Putin", &tl)
	met := meeting(tl.Events)
	if len(met) != 1 {
		t.Fatalf("the Obama–Putin meeting is listed %d times, want once", len(met))
	}
	outlets := map[string]bool{}
	for _, src := range met[0].Sources {
		outlets[src.Outlet] = true
	}
	if !outlets["Press TV"] || !outlets["The People's Voice"] {
		t.Errorf("the meeting's outlets are %v, want Press TV and The People's Voice", outlets)
	}

	// Outlet and class combine: every event is a meeting Press TV reported.
	getJSON(t, ts, "/api/timeline?outlet=press+tv&class=meet", &tl)
	if len(tl.Events) == 0 {
		t.Fatal("no meeting reported by Press TV")
	}
	for _, e := range tl.Events {
		found := false
		for _, src := range e.Sources {
			found = found || src.Outlet == "Press TV"
		}
		if e.Class != "meet" || !found {
			t.Errorf("outlet=press tv&class=meet lists %s (%s, sources %v)", e.ID, e.Class, e.Sources)
		}
	}

	// A limit cuts the list and says so; undated events are their own lane.
	getJSON(t, ts, "/api/timeline?limit=2", &tl)
	if len(tl.Events) != 2 || !tl.More {
		t.Errorf("limit=2: %d events, more=%v", len(tl.Events), tl.More)
	}
	getJSON(t, ts, "/api/timeline?undated=true", &tl)
	if len(tl.Events) == 0 {
		t.Error("undated=true lists no event; the seeds have undated ones")
	}
	for _, e := range tl.Events {
		if e.Date != "" && !strings.HasPrefix(e.Date, "XXXX") || e.Range != nil {
			t.Errorf("undated=true lists %s dated %q %v", e.ID, e.Date, e.Range)
		}
	}

	// Counts per month add up to the dated events of the whole timeline.
	var counts timeline.Counts
	getJSON(t, ts, "/api/counts", &counts)
	var all timeline.Timeline
	getJSON(t, ts, "/api/timeline?all=true", &all)
	placed, sum := 0, 0
	for _, e := range all.Events {
		if e.Date != "" && !strings.HasPrefix(e.Date, "XXXX") || e.Range != nil {
			placed++
		}
	}
	nov := 0
	for _, p := range counts.Periods {
		sum += p.Count
		if p.Period == "2015-11" {
			nov = p.Count
		}
	}
	if sum != counts.Placed || counts.Placed != placed || counts.Placed+counts.Unplaced != len(all.Events) {
		t.Errorf("counts: periods sum to %d, placed %d, unplaced %d; the timeline has %d placed of %d", sum, counts.Placed, counts.Unplaced, placed, len(all.Events))
	}
	var novTL timeline.Timeline
	getJSON(t, ts, "/api/timeline?all=true&from=2015-11&to=2015-11", &novTL)
	if nov == 0 || nov > len(novTL.Events) {
		t.Errorf("counts: %d events start in 2015-11; the window 2015-11 lists %d", nov, len(novTL.Events))
	}
	// Counts of a filtered timeline (read from its events' dates) add up
	// to its placed events too.
	getJSON(t, ts, "/api/counts?outlet=Press+TV", &counts)
	var pressTV timeline.Timeline
	getJSON(t, ts, "/api/timeline?all=true&outlet=Press+TV", &pressTV)
	placed = 0
	for _, e := range pressTV.Events {
		if e.Date != "" && !strings.HasPrefix(e.Date, "XXXX") || e.Range != nil {
			placed++
		}
	}
	if counts.Placed != placed || counts.Placed+counts.Unplaced != len(pressTV.Events) {
		t.Errorf("counts?outlet=Press TV: placed %d, unplaced %d; its timeline has %d placed of %d", counts.Placed, counts.Unplaced, placed, len(pressTV.Events))
	}
	// starts=true keeps the events that start in the window: as many as
	// the counts give that month, the range since 2015-09-30 left out.
	getJSON(t, ts, "/api/timeline?all=true&from=2015-11&to=2015-11&starts=true", &novTL)
	if len(novTL.Events) != nov {
		t.Errorf("counts: %d events start in 2015-11; starts=true lists %d", nov, len(novTL.Events))
	}
	for _, e := range novTL.Events {
		if !strings.HasPrefix(e.Date, "2015-11") {
			t.Errorf("starts=true in 2015-11 lists %s dated %q %v", e.ID, e.Date, e.Range)
		}
	}

	// One event: the same entry as in the timeline, its documents, and its
	// participants' aliases.
	var ev eventAnswer
	getJSON(t, ts, "/api/event/"+met[0].ID, &ev)
	if ev.Event.ID != met[0].ID || len(ev.Event.Sources) != len(met[0].Sources) || len(ev.Documents) != 2 {
		t.Errorf("/api/event: %s with %d sources and %d documents", ev.Event.ID, len(ev.Event.Sources), len(ev.Documents))
	}
	aliases := map[string]bool{}
	for _, p := range ev.Participants {
		for _, a := range p.Aliases {
			aliases[a] = true
		}
	}
	if !aliases["Putin"] || !aliases["Obama"] {
		t.Errorf("/api/event participants' aliases %v: want Putin and Obama", aliases)
	}
	id := strings.TrimPrefix(met[0].ID, "event/")
	getJSON(t, ts, "/api/event/"+id, &ev)
	if ev.Event.ID != met[0].ID {
		t.Errorf("/api/event/%s is %s", id, ev.Event.ID)
	}

	// An entity by an alias: its names, its timeline, who it is linked to.
	var ent entityAnswer
	getJSON(t, ts, "/api/entity/Putin", &ent)
	if len(ent.Entities) != 1 || ent.Entities[0].Name != "Vladimir Putin" {
		t.Fatalf("/api/entity/Putin: %+v", ent.Entities)
	}
	if len(meeting(ent.Timeline.Events)) != 1 {
		t.Error("/api/entity/Putin: the meeting is not in its timeline")
	}
	linkedTo := map[string]bool{}
	for _, l := range ent.Linked {
		linkedTo[l.Name] = true
	}
	if !linkedTo["Barack Obama"] || !linkedTo["Turkey"] {
		t.Errorf("/api/entity/Putin linked to %v: want Barack Obama and Turkey", linkedTo)
	}

	// An article: its text holds each report's trigger at its offsets;
	// the copy names its original with a similarity.
	for _, src := range met[0].Sources {
		var art articleAnswer
		getJSON(t, ts, "/api/article/"+src.Document, &art)
		if src.End > len(art.Text) || art.Text[src.Start:src.End] != src.Trigger {
			t.Errorf("/api/article/%s: the text at %d-%d is not %q", src.Document, src.Start, src.End, src.Trigger)
		}
		if src.Outlet == "The People's Voice" && (len(art.Document.Copies) != 1 || art.Similarity <= 0) {
			t.Errorf("the copy's article: copies %v, similarity %v", art.Document.Copies, art.Similarity)
		}
		if src.Outlet == "Press TV" && len(art.CopiedBy) != 1 {
			t.Errorf("the original's article: copied by %v, want the copy", art.CopiedBy)
		}
	}

	// Stories and outlets; completion by alias; classes.
	var st storiesAnswer
	getJSON(t, ts, "/api/stories", &st)
	if len(st.Stories) != 1 || len(st.Stories[0].Documents) != 2 || len(st.Outlets) != 2 {
		t.Errorf("/api/stories: %+v", st)
	}
	var names []graph.EntityName
	getJSON(t, ts, "/api/complete?q=puti", &names)
	if len(names) == 0 || names[0].Name != "Putin" || names[0].Canonical != "Vladimir Putin" {
		t.Errorf("/api/complete?q=puti: %+v", names)
	}
	var cls []string
	getJSON(t, ts, "/api/classes", &cls)
	if !strings.Contains(strings.Join(cls, " "), "meet") {
		t.Errorf("/api/classes: %v", cls)
	}
}

// TestAPIErrors: bad requests get a JSON error with the right status, and
// nothing writes.
func TestAPIErrors(t *testing.T) {
	s := ingestStore(t, seedFiles...)
	ts := serveStore(t, s).URL
	for _, c := range []struct {
		path string
		code int
		want string
	}{
		{"/api/timeline?from=yesterday", 400, `not a date`},
		{"/api/timeline?from=2016&to=2015", 400, `after`},
		{"/api/timeline?limit=many", 400, `limit "many"`},
		{"/api/timeline?all=maybe", 400, `all "maybe"`},
		{"/api/timeline?undated=true&from=2015", 400, `does not go with`},
		{"/api/timeline?entity=Nobody+Atall", 404, `no entity named "Nobody Atall"`},
		{"/api/timeline?story=story/0000", 404, `no story`},
		{"/api/timeline?outlet=Nowhere", 404, `no article from outlet "Nowhere"`},
		{"/api/counts?entity=Nobody+Atall", 404, `no entity named`},
		{"/api/event/event/0000000000000000", 404, `no event "event/0000000000000000"`},
		{"/api/entity/Nobody%20Atall", 404, `no entity named "Nobody Atall"`},
		{"/api/article/doc/0000000000000000", 404, `no article "doc/0000000000000000"`},
		{"/api/entity/Putin?limit=0", 400, `limit "0"`},
		{"/api/query?g=g.V().All()", 404, `no such endpoint`},
	} {
		code, body := get(t, ts, c.path)
		var e struct{ Error string }
		if err := json.Unmarshal(body, &e); err != nil || code != c.code || !strings.Contains(e.Error, c.want) {
			t.Errorf("GET %s: %d %s, want %d with %q", c.path, code, body, c.code, c.want)
		}
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		req, _ := http.NewRequest(m, ts+"/api/timeline", strings.NewReader("{}"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s /api/timeline: %d, want 405", m, res.StatusCode)
		}
	}
	// The page is served with a policy that allows only its own scripts.
	res, err := http.Get(ts + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if csp := res.Header.Get("Content-Security-Policy"); res.StatusCode != 200 || !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("GET /: %d, Content-Security-Policy %q", res.StatusCode, csp)
	}
}

// TestAPITimeout: a request that outlives the query timeout is stopped
// and answered 504.
func TestAPITimeout(t *testing.T) {
	s := ingestStore(t, seedFiles...)
	srv, err := New(s, Options{QueryTimeout: 1})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/api/timeline?entity=Putin", nil)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusGatewayTimeout || !strings.Contains(rec.Body.String(), "timed out") {
		t.Errorf("1 ns timeout: %d %s", rec.Code, rec.Body)
	}
}

// TestAPISeesIngest: what serve keeps between requests (counts, those
// of a date range from the whole store's, completion names, stories) is
// read again once an ingest writes to the store.
func TestAPISeesIngest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "live.db")
	ingestInto(t, db, seedFiles...)
	ts := serveStore(t, openReadOnly(t, db)).URL
	var before, after, march, marchAfter timeline.Counts
	var names []graph.EntityName
	var storiesBefore, storiesAfter storiesAnswer
	getJSON(t, ts, "/api/counts", &before)
	getJSON(t, ts, "/api/counts?from=2020-03&to=2020-03", &march)
	getJSON(t, ts, "/api/stories", &storiesBefore)
	getJSON(t, ts, "/api/complete?q=anna+jo", &names)
	if len(names) != 0 {
		t.Fatalf("the seeds name no Anna Jones: %+v", names)
	}
	ingestInto(t, db, xssArticle(t))
	getJSON(t, ts, "/api/counts", &after)
	getJSON(t, ts, "/api/counts?from=2020-03&to=2020-03", &marchAfter)
	getJSON(t, ts, "/api/stories", &storiesAfter)
	getJSON(t, ts, "/api/complete?q=anna+jo", &names)
	if after.Placed+after.Unplaced <= before.Placed+before.Unplaced {
		t.Errorf("counts after an ingest: %d events, before %d", after.Placed+after.Unplaced, before.Placed+before.Unplaced)
	}
	// (a range since 2015 overlaps March 2020 too: it is counted in the
	// month it starts)
	inMarch := func(c timeline.Counts) int {
		for _, p := range c.Periods {
			if p.Period == "2020-03" {
				return p.Count
			}
		}
		return 0
	}
	if inMarch(march) != 0 || inMarch(marchAfter) == 0 || marchAfter.Placed != march.Placed+inMarch(marchAfter) {
		t.Errorf("counts in March 2020 after an ingest of an article of 4 March 2020: %+v, before %+v", marchAfter, march)
	}
	if len(storiesAfter.Outlets) != len(storiesBefore.Outlets)+1 {
		t.Errorf("outlets after an ingest from a new outlet: %+v, before %+v", storiesAfter.Outlets, storiesBefore.Outlets)
	}
	if len(names) == 0 || names[0].Canonical != "Anna Jones" {
		t.Errorf("completion after an ingest: %+v", names)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.4:8080": false, "[::]:80": false, "example.org:80": false,
	} {
		if got := Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

// TestServe: Serve answers on its listener and stops when its context
// ends.
func TestServe(t *testing.T) {
	url, stop := serveListening(t, ingestStore(t, seedFiles...))
	code, body := get(t, url, "/")
	if code != http.StatusOK || !bytes.Contains(body, []byte("/static/app.js")) {
		t.Errorf("GET /: %d %.200s", code, body)
	}
	if err := stop(); err != nil {
		t.Errorf("Serve after its context ended: %v", err)
	}
}

// TestAPIClassCounts: a class's counts (read by index, without the
// events) agree with its timeline, each event is counted in the one class
// it is listed with, and the classes' counts add up to the store's.
func TestAPIClassCounts(t *testing.T) {
	s := ingestStore(t, seedFiles...)
	ts := serveStore(t, s).URL
	var total timeline.Counts
	getJSON(t, ts, "/api/counts", &total)
	var classes []string
	getJSON(t, ts, "/api/classes", &classes)
	sum, nonEmpty := 0, 0
	for _, c := range classes {
		var counts timeline.Counts
		getJSON(t, ts, "/api/counts?class="+url.QueryEscape(c), &counts)
		var tl timeline.Timeline
		getJSON(t, ts, "/api/timeline?all=true&class="+url.QueryEscape(c), &tl)
		placed := 0
		for _, e := range tl.Events {
			if e.Class != c {
				t.Errorf("class=%s lists %s of class %s", c, e.ID, e.Class)
			}
			if e.Date != "" && !strings.HasPrefix(e.Date, "XXXX") || e.Range != nil {
				placed++
			}
		}
		if counts.Placed != placed || counts.Placed+counts.Unplaced != len(tl.Events) {
			t.Errorf("counts?class=%s: placed %d, unplaced %d; its timeline has %d placed of %d", c, counts.Placed, counts.Unplaced, placed, len(tl.Events))
		}
		sum += counts.Placed + counts.Unplaced
		if len(tl.Events) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 3 || sum != total.Placed+total.Unplaced {
		t.Errorf("the classes' counts add up to %d events (%d classes hold any), the store's to %d", sum, nonEmpty, total.Placed+total.Unplaced)
	}
}
