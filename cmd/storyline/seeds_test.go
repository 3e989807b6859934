package main

// End-to-end tests of the storyline command on the two seed articles in
// testdata/seeds: an outlet's report of the Obama–Putin meeting at Le
// Bourget, and another outlet's near-copy of it with no year anywhere.
// Every README claim about the seeds is asserted here.

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

const (
	seedOriginal = "../../testdata/seeds/presstv-obama-putin.txt"
	seedCopy     = "../../testdata/seeds/peoplesvoice-copy-obama-putin.txt"
)

// cli runs the storyline command in-process and returns its stdout and
// stderr apart.
func cli(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	root := newRootCmd()
	var out, errOut bytes.Buffer
	root.SetArgs(args)
	root.SetIn(strings.NewReader(stdin))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err = root.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// mustCLI is cli for commands that must succeed.
func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, err := cli(t, "", args...)
	if err != nil {
		t.Fatalf("storyline %s: %v\nstderr: %s", strings.Join(args, " "), err, errOut)
	}
	return out
}

func loadTimeline(t *testing.T, db string, args ...string) *timeline.Timeline {
	t.Helper()
	return loadTimelineJSON(t, mustCLI(t, append([]string{"--db", db, "timeline"}, args...)...))
}

// loadTimelineJSON parses a timeline's JSON.
func loadTimelineJSON(t *testing.T, out string) *timeline.Timeline {
	t.Helper()
	var tl timeline.Timeline
	if err := json.Unmarshal([]byte(out), &tl); err != nil {
		t.Fatalf("timeline JSON: %v\n%s", err, out)
	}
	return &tl
}

// ingestSeeds ingests the given seed files into a new store.
func ingestSeeds(t *testing.T, files ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "seeds.db")
	mustCLI(t, append([]string{"--db", db, "ingest"}, files...)...)
	return db
}

func names(refs []timeline.EntityRef) map[string]bool {
	m := make(map[string]bool)
	for _, r := range refs {
		m[r.Name] = true
	}
	return m
}

// eventQuery describes an event by its class, date, participants and place.
type eventQuery struct {
	what      string
	class     string
	date      string // exact TIMEX3 value; "" = any
	rangeFrom string // range begin; "" = not checked
	agent     string
	patient   string
	location  string
	trigger   string // the trigger lemma or a source's trigger text contains this
}

func (q eventQuery) matches(e timeline.Event) bool {
	if q.class != "" && e.Class != q.class {
		return false
	}
	if q.date != "" && e.Date != q.date {
		return false
	}
	if q.rangeFrom != "" && (e.Range == nil || e.Range.Begin != q.rangeFrom) {
		return false
	}
	if q.agent != "" && !names(e.Agents)[q.agent] {
		return false
	}
	if q.patient != "" && !names(e.Patients)[q.patient] {
		return false
	}
	if q.location != "" && !names(e.Locations)[q.location] {
		return false
	}
	if q.trigger != "" {
		found := strings.Contains(e.Trigger, q.trigger)
		for _, s := range e.Sources {
			if strings.Contains(strings.ToLower(s.Trigger), q.trigger) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func find(tl *timeline.Timeline, q eventQuery) []timeline.Event {
	var out []timeline.Event
	for _, e := range tl.Events {
		if q.matches(e) {
			out = append(out, e)
		}
	}
	return out
}

func docByFile(t *testing.T, tl *timeline.Timeline, suffix string) timeline.Document {
	t.Helper()
	for _, d := range tl.Documents {
		if strings.HasSuffix(d.File, suffix) {
			return d
		}
	}
	t.Fatalf("no document from %s in %+v", suffix, tl.Documents)
	return timeline.Document{}
}

// The events both seeds report, as the README lists them.
var seedEvents = []eventQuery{
	{what: "Turkey shoots down the Russian Su-24", class: "attack", date: "2015-11-24", patient: "Sukhoi Su-24", trigger: "shoot"},
	{what: "Obama meets Putin at Le Bourget", class: "meet", date: "2015-11-30", agent: "Barack Obama", location: "Le Bourget"},
	{what: "Obama urges Putin to de-escalate", class: "appeal", date: "2015-11-30", agent: "Barack Obama", patient: "Vladimir Putin"},
	{what: "Russian airstrikes in Syria since September 30", class: "attack", rangeFrom: "2015-09-30", agent: "Russia", location: "Syria", trigger: "airstrike"},
	{what: "the Minsk accord signed in February", class: "agree", date: "2015-02", trigger: "sign"},
	{what: "the end of the Cold War in 1991", date: "1991", trigger: "end"},
	{what: "the Russian government confirms the meeting", class: "statement", date: "2015-11-30", trigger: "confirm"},
}

func TestSeedOriginal(t *testing.T) {
	db := ingestSeeds(t, seedOriginal)
	tl := loadTimeline(t, db)
	doc := docByFile(t, tl, "presstv-obama-putin.txt")
	if doc.Date != "2015-11-30" {
		t.Errorf("article date = %q (from %s), want 2015-11-30 although the first caption is dated March 08, 2019", doc.Date, doc.DateSource)
	}
	if doc.DateSource != "caption" {
		t.Errorf("date source = %q, want caption", doc.DateSource)
	}
	if doc.Outlet != "Press TV" {
		t.Errorf("outlet = %q, want Press TV (named in its boilerplate)", doc.Outlet)
	}
	for _, q := range append(seedEvents,
		eventQuery{what: "Turkey is the agent of the shoot-down", class: "attack", date: "2015-11-24", agent: "Turkey", patient: "Sukhoi Su-24"},
	) {
		if got := find(tl, q); len(got) != 1 {
			t.Errorf("%s: %d matching events, want 1", q.what, len(got))
		}
	}
}

// Unnamed participants reach the timeline: the pilot killed by militants,
// the second pilot saved by Syrian forces, the US backing militants.
func TestSeedUnnamedParticipants(t *testing.T) {
	db := ingestSeeds(t, seedOriginal)
	tl := loadTimeline(t, db)
	for _, tc := range []struct {
		what, class, role, text string
	}{
		{"a pilot killed by militants", "kill", "agent", "militants"},
		{"the US and its allies backing militants", "support", "patient", "militants"},
		{"the second pilot saved by Syrian forces", "rescue", "agent", "Syrian forces"},
		{"a Russian pilot killed by militants", "kill", "patient", "the Russian pilots"},
	} {
		found := false
		for _, e := range tl.Events {
			if e.Class != tc.class {
				continue
			}
			for _, p := range e.Phrases {
				if p.Role == tc.role && strings.Contains(p.Text, tc.text) {
					found = true
					if !strings.Contains(e.Summary, tc.text) {
						t.Errorf("%s: summary %q does not name %q", tc.what, e.Summary, tc.text)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s event with %s %q", tc.what, tc.class, tc.role, tc.text)
		}
	}
	// A demonym names a participant's country, never the participant:
	// Russia is not the one killed, Syria not the one who saved.
	for _, q := range []eventQuery{
		{what: "the Syrian forces' rescue", class: "rescue", agent: "Syria"},
		{what: "the Russian pilot's death", class: "kill", patient: "Russia"},
		{what: "the Russian warplane downed", class: "attack", patient: "Russia"},
	} {
		if got := find(tl, q); len(got) != 0 {
			t.Errorf("%s: %d events with the bare country as participant, want none", q.what, len(got))
		}
	}
}

func TestSeedCopyAloneKeepsUnknownYear(t *testing.T) {
	db := ingestSeeds(t, seedCopy)
	tl := loadTimeline(t, db)
	doc := docByFile(t, tl, "peoplesvoice-copy-obama-putin.txt")
	if doc.Date != "" || doc.DateSource != "unknown" {
		t.Errorf("copy alone: article date %q from %q, want none (unknown)", doc.Date, doc.DateSource)
	}
	q := eventQuery{class: "attack", date: "XXXX-11-24", patient: "Sukhoi Su-24", trigger: "shoot"}
	if got := find(tl, q); len(got) != 1 {
		t.Errorf("copy alone: %d shoot-down events dated XXXX-11-24, want 1", len(got))
	}
	for _, e := range tl.Events {
		if len(e.Date) >= 4 && e.Date[0] >= '0' && e.Date[0] <= '9' && !strings.HasPrefix(e.Date, "1991") {
			t.Errorf("copy alone: event %q dated %s, but the copy names no year but 1991", e.Summary, e.Date)
		}
	}
}

func TestSeedsTogether(t *testing.T) {
	for _, order := range [][]string{{seedOriginal, seedCopy}, {seedCopy, seedOriginal}} {
		t.Run(filepath.Base(order[0])+" first", func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "seeds.db")
			// Separate runs, so that the later one must reconcile with
			// what the store already holds.
			mustCLI(t, "--db", db, "ingest", order[0])
			mustCLI(t, "--db", db, "ingest", order[1])
			checkSeedsTogether(t, db)
		})
	}
}

func checkSeedsTogether(t *testing.T, db string) {
	tl := loadTimeline(t, db)
	orig := docByFile(t, tl, "presstv-obama-putin.txt")
	cp := docByFile(t, tl, "peoplesvoice-copy-obama-putin.txt")
	if len(cp.Copies) != 1 || cp.Copies[0] != orig.ID {
		t.Errorf("copy's copies = %v, want [%s]", cp.Copies, orig.ID)
	}
	if len(orig.Copies) != 0 {
		t.Errorf("original's copies = %v, want none", orig.Copies)
	}
	if cp.Date != "2015-11-30" || cp.DateSource != "copy" {
		t.Errorf("copy's date = %q from %q, want 2015-11-30 from copy", cp.Date, cp.DateSource)
	}
	if orig.Story == "" || cp.Story != orig.Story {
		t.Errorf("stories: original %q, copy %q, want one story", orig.Story, cp.Story)
	}
	var stories []graph.StoryInfo
	if err := json.Unmarshal([]byte(mustCLI(t, "--db", db, "stories", "--format", "json")), &stories); err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 || len(stories[0].Documents) != 2 || stories[0].IRI != orig.Story {
		t.Errorf("storyline stories = %+v, want one story of both articles", stories)
	} else if st := loadTimeline(t, db, "--story", orig.Story); len(st.Events) != len(tl.Events) || st.Filter.Story != orig.Story {
		t.Errorf("timeline --story: %d events, want all %d", len(st.Events), len(tl.Events))
	}
	// Every event told by both articles in the same sentence is one
	// event with both as sources.
	checkSharedSentences(t, tl, orig, cp)
	// Putin's accusation that Turkey supports ISIS is in the copy only.
	accusations := find(tl, eventQuery{class: "accuse", agent: "Vladimir Putin", patient: "Turkey"})
	if len(accusations) != 1 {
		t.Errorf("Putin accusing Turkey: %d events, want 1", len(accusations))
	} else {
		for _, s := range accusations[0].Sources {
			if s.Document != cp.ID {
				t.Errorf("Putin accusing Turkey is reported by %s, want the copy only", s.Document)
			}
		}
	}
	for _, q := range seedEvents {
		got := find(tl, q)
		if len(got) != 1 {
			t.Errorf("%s: %d matching events, want 1", q.what, len(got))
			continue
		}
		docs := map[string]bool{}
		for _, s := range got[0].Sources {
			docs[s.Document] = true
		}
		if !docs[orig.ID] || !docs[cp.ID] {
			t.Errorf("%s: sources %v, want both %s and %s", q.what, docs, orig.ID, cp.ID)
		}
	}
	// Every mention of the meeting and of the urging, dated or not, is
	// one event.
	for _, q := range []eventQuery{
		{what: "a meeting of Obama and Putin", class: "meet", agent: "Barack Obama"},
		{what: "Obama urging Putin", class: "appeal", agent: "Barack Obama", patient: "Vladimir Putin"},
	} {
		if got := find(tl, q); len(got) != 1 {
			t.Errorf("%s: %d events, want 1", q.what, len(got))
		}
	}
	for _, e := range tl.Events {
		if strings.HasPrefix(e.Date, "XXXX") {
			t.Errorf("event %q still dated %s once the copy has its original's date", e.Summary, e.Date)
		}
		for _, s := range e.Sources {
			for _, boiler := range []string{"can also be accessed", "Fact checked by", "Having cut his teeth", "Articles", "Roku"} {
				if strings.Contains(s.Sentence, boiler) {
					t.Errorf("event %q comes from boilerplate: %q", e.Summary, s.Sentence)
				}
			}
			if s.Start < 0 || s.End <= s.Start {
				t.Errorf("event %q: bad trigger offsets %d-%d", e.Summary, s.Start, s.End)
			}
		}
	}
}

// checkSharedSentences fails for every event reported by one of the two
// articles in a sentence the other article has too, word for word: such an
// event is told by both and must list both.
func checkSharedSentences(t *testing.T, tl *timeline.Timeline, a, b timeline.Document) {
	t.Helper()
	text := map[string]string{}
	for _, d := range []timeline.Document{a, b} {
		raw, err := os.ReadFile(d.File)
		if err != nil {
			t.Fatal(err)
		}
		text[d.ID] = string(raw)
	}
	other := map[string]string{a.ID: b.ID, b.ID: a.ID}
	for _, e := range tl.Events {
		docs := map[string]bool{}
		for _, s := range e.Sources {
			docs[s.Document] = true
		}
		if len(docs) != 1 {
			continue
		}
		for _, s := range e.Sources {
			if o, ok := other[s.Document]; ok && strings.Contains(text[o], s.Sentence) {
				t.Errorf("%s %q is told in the same sentence by both articles but listed for one: %q",
					e.Class, e.Summary, s.Sentence)
			}
		}
	}
}

// The trigger offsets in each source point at the trigger in the file.
func TestSeedSourceOffsets(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	tl := loadTimeline(t, db)
	texts := map[string]string{}
	for _, d := range tl.Documents {
		texts[d.ID] = readFile(t, d.File)
	}
	n := 0
	for _, e := range tl.Events {
		for _, s := range e.Sources {
			text := texts[s.Document]
			if s.End > len(text) || text[s.Start:s.End] != s.Trigger {
				t.Errorf("event %s: %s[%d:%d] is not %q", e.ID, s.Document, s.Start, s.End, s.Trigger)
			}
			if !strings.Contains(text, s.Sentence) {
				t.Errorf("event %s: evidence sentence not in %s: %q", e.ID, s.Document, s.Sentence)
			}
			n++
		}
	}
	if n < 20 {
		t.Errorf("only %d event reports in the two seeds", n)
	}
}

func TestSeedEntitiesMerge(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	ctx := context.Background()
	s, err := graph.Open(ctx, db, graph.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, group := range [][]string{
		{"Barack Obama", "Obama", "US President Barack Obama"},
		{"Vladimir Putin", "Putin", "Russian President Vladimir Putin"},
		{"ISIS", "ISIL", "Daesh"},
		{"US", "United States"},
	} {
		iris := map[string]bool{}
		for _, name := range group {
			ents, err := s.FindEntity(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			if len(ents) != 1 {
				t.Errorf("FindEntity(%q) = %d entities, want 1", name, len(ents))
				continue
			}
			iris[ents[0].IRI] = true
		}
		if len(iris) != 1 {
			t.Errorf("%v are %d entities (%v), want one", group, len(iris), iris)
		}
	}
}

func TestIngestTwiceChangesNothing(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	before := mustCLI(t, "--db", db, "export", "--format", "nquads")
	_, errOut, err := cli(t, "", "--db", db, "ingest", seedOriginal, seedCopy)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "2 skipped") {
		t.Errorf("second ingest summary %q does not say both were skipped", errOut)
	}
	after := mustCLI(t, "--db", db, "export", "--format", "nquads")
	if before != after {
		t.Error("ingesting the same content twice changed the store")
	}
}

func TestExportImportSameTimeline(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	nq := filepath.Join(t.TempDir(), "seeds.nq")
	out := mustCLI(t, "--db", db, "export", "--format", "nquads")
	writeFile(t, nq, out)
	db2 := filepath.Join(t.TempDir(), "copy.db")
	mustCLI(t, "--db", db2, "import", nq)
	a := mustCLI(t, "--db", db, "timeline")
	b := mustCLI(t, "--db", db2, "timeline")
	if a != b {
		t.Error("the imported store gives another timeline")
	}
}

func TestTimelineFilters(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	tl := loadTimeline(t, db, "--entity", "Putin")
	if len(tl.Events) == 0 {
		t.Fatal("--entity Putin: no events")
	}
	for _, e := range tl.Events {
		all := names(append(append(append([]timeline.EntityRef{}, e.Agents...), e.Patients...), e.Locations...))
		if !all["Vladimir Putin"] {
			t.Errorf("--entity Putin kept %q, which does not involve him", e.Summary)
		}
	}
	tl = loadTimeline(t, db, "--from", "2015-11", "--to", "2015-11-30")
	if len(tl.Events) == 0 {
		t.Fatal("--from 2015-11 --to 2015-11-30: no events")
	}
	for _, e := range tl.Events {
		if e.Date == "" && e.Range != nil && e.Range.Begin <= "2015-11-30" {
			continue // a range still open in November
		}
		if !strings.HasPrefix(e.Date, "2015-11") && e.Date != "2015" {
			t.Errorf("--from 2015-11 kept an event dated %q", e.Date)
		}
	}
	// Minor events (class other, undated, no named participant) are left
	// out unless --all, and counted.
	all := loadTimeline(t, db, "--all")
	some := loadTimeline(t, db)
	if some.Omitted == 0 || len(some.Events)+some.Omitted != len(all.Events) || all.Omitted != 0 {
		t.Errorf("default %d events + %d omitted, --all %d events (%d omitted)", len(some.Events), some.Omitted, len(all.Events), all.Omitted)
	}
	for _, e := range some.Events {
		if e.Class == "other" && e.Date == "" && e.Range == nil && len(e.Agents) == 0 && len(e.Patients) == 0 {
			t.Errorf("minor event %q listed without --all", e.Summary)
		}
	}
	text := mustCLI(t, "--db", db, "timeline", "--format", "text")
	if !strings.Contains(text, "2015-11-24") || !strings.Contains(text, "Press TV") {
		t.Errorf("text timeline lacks the shoot-down date or the outlet:\n%s", text)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The ingest summary counts what the store ends up with, also when the copy
// is stored before its original and re-dated in the same run.
func TestIngestSummary(t *testing.T) {
	db := filepath.Join(t.TempDir(), "seeds.db")
	_, stderr, err := cli(t, "", "--db", db, "ingest", seedCopy, seedOriginal)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^read 2 articles \(0 skipped as already stored\): (\d+) events, (\d+) entities, (\d+) events merged across sources, 1 copy\n$`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("summary %q", stderr)
	}
	tl := loadTimeline(t, db, "--all")
	if n, _ := strconv.Atoi(m[1]); n != len(tl.Events) {
		t.Errorf("summary says %d events, the timeline has %d", n, len(tl.Events))
	}
	merged := 0
	for _, e := range tl.Events {
		docs := map[string]bool{}
		for _, s := range e.Sources {
			docs[s.Document] = true
		}
		if len(docs) == 2 {
			merged++
		}
	}
	if n, _ := strconv.Atoi(m[3]); n != merged || merged < 20 {
		t.Errorf("summary says %d events merged across sources, the timeline has %d reported by both", n, merged)
	}
}

// Roles from clause structure on the seeds: the speaker of a reporting verb
// is not the agent of what was said, a reporting verb takes no patient or
// place from inside what was said, "for X to leave" makes X the one who
// leaves, and a country is a place only where a locative preposition of
// the event's clause names it.
func TestSeedRoles(t *testing.T) {
	db := ingestSeeds(t, seedOriginal)
	tl := loadTimeline(t, db)
	for _, q := range []eventQuery{
		{what: "Assad must leave power (not Obama, who speaks)", agent: "Bashar al-Assad", trigger: "leave"},
		{what: "He (Putin) warned of serious consequences", class: "warn", agent: "Vladimir Putin"},
		{what: "Obama urged Putin to focus the campaign in Syria", agent: "Vladimir Putin", location: "Syria", trigger: "focus"},
		{what: "the US backing militants", class: "support", agent: "United States", trigger: "back"},
		{what: "Turkey downed a Russian warplane", class: "attack", agent: "Turkey", trigger: "downed"},
	} {
		if got := find(tl, q); len(got) != 1 {
			t.Errorf("%s: %d matching events, want 1", q.what, len(got))
		}
	}
	for _, e := range tl.Events {
		switch {
		case e.Class == "statement" && (len(e.Locations) > 0 || len(e.Patients) > 0):
			t.Errorf("reporting event %q has patients %v and places %v from inside what was said", e.Summary, e.Patients, e.Locations)
		case e.Trigger == "leave" && names(e.Agents)["Barack Obama"]:
			t.Errorf("%q: Obama is the speaker, not the one who leaves", e.Summary)
		case e.Trigger == "call" && names(e.Patients)["Syria"]:
			t.Errorf("%q: \"called it a stab in the back\" is not said of Syria", e.Summary)
		}
	}
}

// Every role keeps its words and the rule that found it, in the store:
// :event prints them, and the timeline gives an unnamed participant's
// country.
func TestSeedRoleEvidence(t *testing.T) {
	db := ingestSeeds(t, seedOriginal)
	tl := loadTimeline(t, db)
	shot := find(tl, eventQuery{class: "attack", date: "2015-11-24", trigger: "shoot"})
	if len(shot) != 1 {
		t.Fatalf("%d shoot-down events, want 1", len(shot))
	}
	out, err := runCLI(t, ":event "+shot[0].ID+"\n", "--db", db, "repl")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`agent:    "NATO member Turkey" at bytes [732,750) by subject -> Turkey`,
		`patient:  "a Russian Sukhoi Su-24 Fencer jet" at bytes [761,794) by object -> Sukhoi Su-24, country Russia`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf(":event lacks %q\n--- output:\n%s", want, out)
		}
	}
	// A phrase an entity's role already names is not listed again.
	if n := strings.Count(out, `"a Russian Sukhoi Su-24 Fencer jet" at bytes [761,794)`); n != 1 {
		t.Errorf(":event lists the jet's words %d times, want once\n--- output:\n%s", n, out)
	}
	killed := find(tl, eventQuery{class: "kill", trigger: "kill"})
	if len(killed) != 1 {
		t.Fatalf("%d kill events by militants, want 1", len(killed))
	}
	var got []string
	for _, p := range killed[0].Phrases {
		c := ""
		if p.Country != nil {
			c = p.Country.Name
		}
		got = append(got, p.Role+":"+p.Text+":"+c)
	}
	if strings.Join(got, ", ") != "agent:militants:, patient:the Russian pilots:Russia" {
		t.Errorf("kill phrases = %v, want militants (agent) and the Russian pilots (patient, country Russia)", got)
	}
	for _, tc := range []struct{ class, role, text, country string }{
		{"rescue", "agent", "Syrian forces", "Syria"},
		{"attack", "patient", "a Russian warplane", "Russia"},
	} {
		found := false
		for _, e := range tl.Events {
			for _, p := range e.Phrases {
				if e.Class == tc.class && p.Role == tc.role && p.Text == tc.text {
					found = true
					if p.Country == nil || p.Country.Name != tc.country {
						t.Errorf("%s %q: country %+v, want %s", tc.role, tc.text, p.Country, tc.country)
					}
				}
			}
		}
		if !found {
			t.Errorf("no %s event with %s %q", tc.class, tc.role, tc.text)
		}
	}
}
