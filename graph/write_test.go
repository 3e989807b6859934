package graph

import (
	"context"
	"fmt"
	"github.com/google/go-cmp/cmp"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/storyline/storyline/extract"
)

func writeFixtures(t *testing.T, s *Store) (a, b string) {
	t.Helper()
	ctx := context.Background()
	docA, planA := fixture(t, textA, "presstv", "2015-11-30")
	if err := s.WriteDocument(ctx, docA, planA, nil); err != nil {
		t.Fatal(err)
	}
	docB, planB := fixture(t, textB, "peoplesvoice", "")
	planB.Copies = &CopyLink{Copy: planB.DocIRI, Original: planA.DocIRI, Similarity: 0.82}
	if err := s.WriteDocument(ctx, docB, planB, nil); err != nil {
		t.Fatal(err)
	}
	return planA.DocIRI, planB.DocIRI
}

func TestWriteAndReadBack(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a, b := writeFixtures(t, s)

	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("Documents = %+v", docs)
	}
	if d := docs[0]; d.IRI != a || d.Date != "2015-11-30" || d.DateSource != "dateline" ||
		d.Headline != "Obama meets Putin at Le Bourget" || d.Source != "presstv" || d.Copies != "" ||
		!strings.HasPrefix(d.ID, "sha256:"+a[4:]) {
		t.Errorf("first document = %+v", d)
	}
	if d := docs[1]; d.IRI != b || d.Date != "" || d.DateSource != "unknown" || d.Copies != a || d.Similarity != 0.82 {
		t.Errorf("copy = %+v", d)
	}

	ents, err := s.FindEntity(ctx, "obama")
	if err != nil || len(ents) != 1 {
		t.Fatalf("FindEntity(obama) = %+v, %v", ents, err)
	}
	o := ents[0]
	if o.IRI != "entity/person/barack-obama" || o.Name != "Barack Obama" || o.Type != "PERSON" || o.Mentions != 6 {
		t.Errorf("Obama = %+v", o)
	}
	if strings.Join(o.Aliases, "|") != "Obama" {
		t.Errorf("Obama aliases = %q", o.Aliases)
	}
	var roles []string
	for _, r := range o.Relations {
		roles = append(roles, r.Predicate+"="+r.Object+"("+r.ObjectName+")@"+r.Doc)
	}
	want := "role=President()@" + a + " role=President()@" + b + " roleOf=entity/gpe/us(United States)@" + a + " roleOf=entity/gpe/us(United States)@" + b
	if strings.Join(roles, " ") != want {
		t.Errorf("Obama relations:\n got %s\nwant %s", strings.Join(roles, " "), want)
	}
	if us, _ := s.FindEntity(ctx, "US"); len(us) != 1 || us[0].Name != "United States" {
		t.Errorf("FindEntity(US) = %+v", us)
	}
	// No name equals the query: the entity whose whole name is in it.
	if got, _ := s.FindEntity(ctx, "President Barack Obama's administration"); len(got) != 1 || got[0].Name != "Barack Obama" {
		t.Errorf("FindEntity(President Barack Obama's administration) = %+v", got)
	}
	// Any case and spacing (no stored spelling: every name is compared),
	// and the node's IRI.
	for _, q := range []string{"bArAcK   oBaMa", "entity/person/barack-obama", "<entity/person/barack-obama>"} {
		if got, _ := s.FindEntity(ctx, q); len(got) != 1 || got[0].IRI != o.IRI || got[0].Mentions != o.Mentions || len(got[0].Relations) != len(o.Relations) {
			t.Errorf("FindEntity(%q) = %+v, want %+v", q, got, o)
		}
	}
	if got, _ := s.DocumentsByIRI(ctx, []string{b, "doc/nothing"}); len(got) != 1 || got[0] != docs[1] {
		t.Errorf("DocumentsByIRI(%s) = %+v, want %+v", b, got, docs[1])
	}
	if got, _ := s.FindEntity(ctx, "nobody at all"); len(got) != 0 {
		t.Errorf("FindEntity(nobody at all) = %+v", got)
	}

	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var shoot *EventInfo
	for i := range evs {
		if evs[i].IRI == "event/shootdown" {
			shoot = &evs[i]
		}
	}
	if shoot == nil {
		t.Fatalf("no shoot-down event in %+v", evs)
	}
	if shoot.Date != "2015-11-24" || shoot.Class != "attack" || shoot.Lemma != "shoot down" ||
		len(shoot.Agents) != 1 || shoot.Agents[0].Name != "Turkey" || len(shoot.Patients) != 1 || shoot.Patients[0].IRI != "entity/gpe/ru" {
		t.Errorf("shoot-down event = %+v", shoot)
	}
	if len(shoot.Mentions) != 2 {
		t.Fatalf("shoot-down mentions = %+v", shoot.Mentions)
	}
	for _, m := range shoot.Mentions {
		text := textA
		if m.Doc == b {
			text = textB
		}
		if text[m.Start:m.End] != "shot down" || m.Trigger != "shot down" || m.Timex != "November 24" ||
			m.Evidence != "Obama said Turkey shot down a Russian Su-24 jet on November 24." ||
			m.Modality != "reported" || m.Claimant == nil || m.Claimant.Name != "Barack Obama" || m.Sentence != 2 {
			t.Errorf("mention %+v", m)
		}
	}
	// Evidence and offsets point back into the source; "said" reports it.
	say, err := s.Event(ctx, "<event/say"+a[4:]+">")
	if err != nil {
		t.Fatal(err)
	}
	if len(say.Mentions) != 1 || len(say.Mentions[0].Reports) != 1 ||
		!strings.HasPrefix(say.Mentions[0].Reports[0], "evmention/"+a[4:]+"/") {
		t.Errorf("say = %+v", say)
	}
	// One event read alone is the same as in the full listing.
	for _, ev := range evs {
		one, err := s.Event(ctx, ev.IRI)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(ev, *one); d != "" {
			t.Errorf("Event(%s) differs from Events (-all +one):\n%s", ev.IRI, d)
		}
	}
	// The dates a window filter reads are the events' own.
	eventIRIs, err := s.EventIRIs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	dates, err := s.EventDatesOf(ctx, eventIRIs)
	if err != nil {
		t.Fatal(err)
	}
	if len(dates) == 0 || len(dates) > len(evs) {
		t.Errorf("EventDatesOf: %d events, Events: %d", len(dates), len(evs))
	}
	for _, ev := range evs {
		if d, want := dates[ev.IRI], (EventDate{ev.Date, ev.RangeBegin, ev.RangeEnd}); d != want {
			t.Errorf("EventDatesOf[%s] = %+v, want %+v", ev.IRI, d, want)
		}
	}
	// An entity's events read by index are the listing's events that
	// involve it.
	for _, ent := range []string{"entity/gpe/ru", "entity/gpe/tr", "entity/gpe/us", "entity/none"} {
		var want []EventInfo
		for _, ev := range evs {
			for _, r := range append(append(append([]EntityRef{}, ev.Agents...), ev.Patients...), ev.Locations...) {
				if r.IRI == ent {
					want = append(want, ev)
					break
				}
			}
		}
		iris, err := s.EventIRIsInvolving(ctx, []string{ent})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.EventsByIRI(ctx, iris)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("events involving %s (-filtered +indexed):\n%s", ent, d)
		}
		if ent == "entity/gpe/ru" && len(got) == 0 {
			t.Errorf("no events involve Russia")
		}
	}
	// Filters longer than one SQL statement takes are read in batches.
	all, err := s.loadQuads(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	subjects := map[string]bool{}
	var iris []string
	for _, q := range all {
		if k := nodeKey(q.Subject); !subjects[k] {
			subjects[k] = true
			iris = append(iris, k)
		}
	}
	for len(iris) < 3*maxFilterValues {
		iris = append(iris, fmt.Sprintf("nosuch/%d", len(iris)))
	}
	batched, err := s.loadQuads(ctx, byNodes(quad.Subject, iris))
	if err != nil {
		t.Fatal(err)
	}
	if len(batched) != len(all) {
		t.Errorf("batched read: %d quads, want %d", len(batched), len(all))
	}
	if _, err := s.Event(ctx, "nosuch"); err == nil || err.Error() != "event/nosuch: no such event" {
		t.Errorf("missing event: %v", err)
	}
	// The dated meeting and the undated one are different nodes.
	if len(evs) != 5 || evs[0].Date != "2015-11-24" || evs[len(evs)-1].Date != "" {
		t.Errorf("events order: %d events, first %q last %q", len(evs), evs[0].Date, evs[len(evs)-1].Date)
	}

	ok, err := s.HasDocument(ctx, docs[1].ID)
	if err != nil || !ok {
		t.Errorf("HasDocument(copy) = %v, %v", ok, err)
	}
	ok, err = s.HasDocument(ctx, "sha256:0000000000000000000000000000000000000000000000000000000000000000")
	if err != nil || ok {
		t.Errorf("HasDocument(other) = %v, %v", ok, err)
	}
}

func TestLoadRecordsMatchWhatWasWritten(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a, b := writeFixtures(t, s)
	recs, err := s.LoadRecords(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].IRI != a || recs[1].IRI != b {
		t.Fatalf("records: %+v", recs)
	}
	ra, rb := recs[0], recs[1]
	if ra.Text != textA || ra.Date != "2015-11-30" || ra.Source != "presstv" || len(ra.Entities) != 6 || len(ra.Events) != 3 {
		t.Errorf("record A: date %q, %d entities, %d events", ra.Date, len(ra.Entities), len(ra.Events))
	}
	if rb.Copies != a || rb.Date != "" || rb.DateSource != "unknown" {
		t.Errorf("record B = %+v", rb)
	}
	for _, e := range ra.Events {
		if e.IRI == "event/shootdown" {
			if e.Date != "2015-11-24" || strings.Join(e.Participants, " ") != "entity/gpe/ru entity/gpe/tr" || e.Class != "attack" {
				t.Errorf("shoot-down record = %+v", e)
			}
		}
	}
	for _, e := range ra.Entities {
		if e.IRI == "entity/gpe/ru" && (e.Name != "Russia" || e.Key != "gpe:RU" || strings.Join(e.Aliases, "|") != "Russian Federation") {
			t.Errorf("Russia record = %+v", e)
		}
	}
}

func TestRewriteReplacesOnlyThatDocument(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a, b := writeFixtures(t, s)
	before := countQuads(t, s)

	// Writing the same document again changes nothing.
	docB, planB := fixture(t, textB, "peoplesvoice", "")
	planB.Copies = &CopyLink{Copy: b, Original: a, Similarity: 0.82}
	if err := s.WriteDocument(ctx, docB, planB, nil); err != nil {
		t.Fatal(err)
	}
	if n := countQuads(t, s); n != before {
		t.Errorf("rewriting the same document: %d quads, was %d", n, before)
	}

	// The copy re-annotated with the original's date, as Ingest does.
	docB2, planB2 := fixture(t, textB, "peoplesvoice", "2015-11-30")
	docB2.DCT.Source = "copy"
	planB2.Copies = planB.Copies
	if err := s.WriteDocument(ctx, docB2, planB2, []string{b}); err != nil {
		t.Fatal(err)
	}
	docs, _ := s.Documents(ctx)
	if docs[1].IRI != b || docs[1].Date != "2015-11-30" || docs[1].DateSource != "copy" {
		t.Errorf("rewritten copy = %+v", docs[1])
	}
	evs, _ := s.Events(ctx)
	for _, e := range evs {
		if e.IRI == "event/meet" {
			t.Errorf("the copy's undated meeting survived its rewrite: %+v", e)
		}
		if e.IRI == "event/meet2015-11-30" && len(e.Mentions) != 2 {
			t.Errorf("dated meeting has %d mentions, want 2", len(e.Mentions))
		}
	}
	qs, err := s.quadsByLabel(ctx, []string{b})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := DocumentQuads(docB2, planB2)
	if len(qs) != len(want) {
		t.Errorf("%d quads labelled %s, want %d", len(qs), b, len(want))
	}

	// Facts two documents state survive when one of them is rewritten
	// without them.
	docB3, planB3 := fixture(t, textB, "peoplesvoice", "2015-11-30")
	docB3.Mentions, docB3.Events, docB3.Relations, docB3.Entities = nil, nil, nil, nil
	planB3.Entity, planB3.Event = nil, nil
	if err := s.WriteDocument(ctx, docB3, planB3, nil); err != nil {
		t.Fatal(err)
	}
	o, _ := s.FindEntity(ctx, "Barack Obama")
	if len(o) != 1 || o[0].Name != "Barack Obama" || o[0].Mentions != 3 {
		t.Errorf("Obama after the copy dropped him: %+v", o)
	}
	var nodes int
	if err := s.db.QueryRow("SELECT COUNT(*) FROM nodes WHERE refs <= 0").Scan(&nodes); err != nil || nodes != 0 {
		t.Errorf("%d unreferenced nodes left (%v)", nodes, err)
	}
}

func TestFailedTransactionLeavesStoreUnchanged(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a, _ := writeFixtures(t, s)
	before := countQuads(t, s)
	docsBefore, _ := s.Documents(ctx)

	// A new article's quads followed by a delete that cannot succeed: the
	// transaction fails after the inserts ran.
	docA2, planA2 := fixture(t, textA+" More text.", "presstv", "2015-12-01")
	add, err := DocumentQuads(docA2, planA2)
	if err != nil {
		t.Fatal(err)
	}
	bogus := quad.Quad{Subject: quad.IRI(a), Predicate: quad.IRI(PredName), Object: quad.String("never stored"), Label: quad.IRI(a)}
	err = s.apply("test", add, []quad.Quad{bogus})
	if err == nil {
		t.Fatal("transaction with a bad delete succeeded")
	}
	if n := countQuads(t, s); n != before {
		t.Errorf("failed transaction left %d quads, had %d", n, before)
	}
	docsAfter, _ := s.Documents(ctx)
	if len(docsAfter) != len(docsBefore) {
		t.Errorf("failed transaction changed documents: %d -> %d", len(docsBefore), len(docsAfter))
	}
	if ok, _ := s.HasDocument(ctx, docA2.ID); ok {
		t.Error("half-written document is visible")
	}
}

func TestDocumentQuadsRejectsBadInput(t *testing.T) {
	doc, plan := fixture(t, textA, "presstv", "2015-11-30")
	plan.Entity = plan.Entity[:2]
	if _, err := DocumentQuads(doc, plan); err == nil || !strings.Contains(err.Error(), "plan does not fit") {
		t.Errorf("short plan: %v", err)
	}
	doc, plan = fixture(t, textA, "presstv", "2015-11-30")
	doc.Mentions[0].End = len(doc.Text) + 5
	if _, err := DocumentQuads(doc, plan); err == nil || !strings.Contains(err.Error(), "not inside the text") {
		t.Errorf("span past the end: %v", err)
	}
	cafe := newDoc(t, "cafe.txt", "x", "Café au lait\n\nThe café opened.")
	cafe.doc.Headline = extract.Span{Start: 0, End: 4} // inside "é"
	doc, plan = cafe.doc, &Plan{DocIRI: docIRIFor(cafe.doc)}
	if qs, err := DocumentQuads(doc, plan); err != nil {
		t.Fatal(err)
	} else {
		for _, q := range qs {
			if nodeKey(q.Predicate) == PredHeadline {
				t.Errorf("headline written from a span that splits a rune: %v", q.Object)
			}
		}
	}
	if _, err := DocumentQuads(nil, nil); err == nil {
		t.Error("nil document accepted")
	}
}

// BenchmarkWriteAndRead writes the two fixture reports into a fresh store
// and reads back documents, entities and events.
func BenchmarkWriteAndRead(b *testing.B) {
	ctx := context.Background()
	docA, planA := fixture(b, textA, "presstv", "2015-11-30")
	docB, planB := fixture(b, textB, "peoplesvoice", "")
	for i := 0; i < b.N; i++ {
		s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.WriteDocument(ctx, docA, planA, nil); err != nil {
			b.Fatal(err)
		}
		if err := s.WriteDocument(ctx, docB, planB, nil); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Events(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Entities(ctx); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
