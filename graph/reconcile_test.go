package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"github.com/storyline/storyline/internal/shareddata"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/extract/timex"
)

// rcDoc builds extract.Documents by hand, the way the extraction
// stages would fill them.
type rcDoc struct {
	doc *extract.Document
}

func rcNewDoc(text string) *rcDoc {
	sum := sha256.Sum256([]byte(text))
	return &rcDoc{doc: &extract.Document{ID: "sha256:" + hex.EncodeToString(sum[:]), Text: text}}
}

func (b *rcDoc) entity(typ extract.EntityType, name, key string, aliases ...string) int {
	id := len(b.doc.Entities)
	b.doc.Entities = append(b.doc.Entities, extract.Entity{ID: id, Type: typ, Name: name, Key: key, Aliases: aliases})
	return id
}

// date adds a DATE (or TIME, when value has a T) timex and returns its index.
func (b *rcDoc) date(value, rng string) int {
	typ := "DATE"
	if strings.Contains(value, "T") && !strings.HasPrefix(value, "XXXX") {
		typ = "TIME"
	}
	b.doc.Timexes = append(b.doc.Timexes, timex.Timex{Type: typ, Value: value, Range: rng, AnchorIndex: -1})
	return len(b.doc.Timexes) - 1
}

func rcArgs(ids ...int) []extract.Arg {
	var out []extract.Arg
	for _, id := range ids {
		out = append(out, extract.Arg{Entity: id, Mention: -1})
	}
	return out
}

type rcEv struct {
	class, lemma string
	sentence     int
	agents       []int
	patients     []int
	locations    []int
	timex        int
	reports      []int
}

func (b *rcDoc) event(e rcEv) int {
	id := len(b.doc.Events)
	b.doc.Events = append(b.doc.Events, extract.Event{
		ID: id, Lemma: e.lemma, TriggerText: e.lemma, Class: e.class, Sentence: e.sentence,
		Agents: rcArgs(e.agents...), Patients: rcArgs(e.patients...), Locations: rcArgs(e.locations...),
		Timex: e.timex, Modality: extract.Asserted, Claimant: -1, Reports: e.reports,
	})
	return id
}

// ingest plans b's document, checks the plan's shape, and registers it.
func rcIngest(t *testing.T, r *Reconciler, b *rcDoc) *Plan {
	t.Helper()
	p, err := r.Plan(b.doc)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	if len(p.Entity) != len(b.doc.Entities) || len(p.Event) != len(b.doc.Events) ||
		len(p.EventDate) != len(b.doc.Events) || len(p.EventRangeBegin) != len(b.doc.Events) {
		t.Fatalf("plan sizes %d/%d/%d do not match the document", len(p.Entity), len(p.Event), len(p.EventDate))
	}
	for _, rs := range p.Restamp {
		r.Restamped(rs)
	}
	r.Add(r.Record(b.doc, p))
	return p
}

// rcNode is the node event i of p's document is written as now: later
// documents may move it into a larger cluster.
func rcNode(r *Reconciler, p *Plan, i int) string {
	if rec := r.docs[p.DocIRI]; rec != nil {
		for _, ev := range rec.Events {
			if ev.Local == p.Local[i] {
				return ev.IRI
			}
		}
	}
	return p.Event[i]
}

func TestDocIRI(t *testing.T) {
	if got := DocIRI("sha256:ABCDEF0123456789ffff0000"); got != "doc/abcdef0123456789" {
		t.Errorf("DocIRI = %q", got)
	}
	sum := sha256.Sum256([]byte("x"))
	want := "doc/" + hex.EncodeToString(sum[:])[:16]
	if got := DocIRI("x"); got != want {
		t.Errorf("DocIRI of a non-digest id = %q, want %q", got, want)
	}
	if got := DocIRI(""); !regexp.MustCompile(`^doc/[0-9a-f]{16}$`).MatchString(got) {
		t.Errorf("DocIRI(\"\") = %q", got)
	}
}

func TestEntityIRI(t *testing.T) {
	for _, tc := range []struct {
		typ       extract.EntityType
		key, want string
	}{
		{extract.GPE, "gpe:US", "entity/gpe/us"},
		{extract.Person, "person:barack obama", "entity/person/barack-obama"},
		{extract.Person, "person:bashar al-assad", "entity/person/bashar-al-assad"},
		{extract.Person, "person:recep tayyip erdoğan", "entity/person/recep-tayyip-erdoğan"},
		{extract.Org, "org:u.s. army", "entity/org/us-army"},
		{extract.Equipment, "equipment:sukhoi su-24", "entity/equipment/sukhoi-su-24"},
		{extract.Facility, "white house", "entity/facility/white-house"},
		{extract.Loc, "loc:  black   sea ", "entity/loc/black-sea"},
	} {
		if got := EntityIRI(tc.typ, tc.key); got != tc.want {
			t.Errorf("EntityIRI(%s, %q) = %q, want %q", tc.typ, tc.key, got, tc.want)
		}
	}
	if got := EntityIRI(extract.Org, "org:!!!"); !regexp.MustCompile(`^entity/org/h[0-9a-f]{12}$`).MatchString(got) {
		t.Errorf("EntityIRI of an all-punctuation key = %q", got)
	}
}

func TestEntityObama(t *testing.T) {
	r := NewReconciler()
	b1 := rcNewDoc("one")
	full := b1.entity(extract.Person, "Barack Obama", "person:barack obama", "Obama", "US President Barack Obama")
	p1 := rcIngest(t, r, b1)
	if p1.Entity[full] != "entity/person/barack-obama" || p1.NewEntities != 1 {
		t.Fatalf("first Barack Obama: %q, %d new", p1.Entity[full], p1.NewEntities)
	}

	b2 := rcNewDoc("two")
	short := b2.entity(extract.Person, "Obama", "person:obama")
	titled := b2.entity(extract.Person, "US President Barack Obama", "person:us president barack obama")
	putin := b2.entity(extract.Person, "Vladimir Putin", "person:vladimir putin", "Putin")
	p2 := rcIngest(t, r, b2)
	for _, i := range []int{short, titled} {
		if p2.Entity[i] != "entity/person/barack-obama" {
			t.Errorf("%q -> %q, want entity/person/barack-obama", b2.doc.Entities[i].Name, p2.Entity[i])
		}
	}
	if p2.Entity[putin] != "entity/person/vladimir-putin" || p2.NewEntities != 1 {
		t.Errorf("Putin -> %q with %d new entities, want a new node", p2.Entity[putin], p2.NewEntities)
	}
}

func TestEntityShortNameFirst(t *testing.T) {
	// A document that only says "Obama", then one with the full name: the
	// full name joins the stored node, which is renamed after its fullest
	// name (as if the full name had come first) and its document
	// restamped.
	r := NewReconciler()
	b1 := rcNewDoc("one")
	b1.entity(extract.Person, "Obama", "person:obama")
	p1 := rcIngest(t, r, b1)
	b2 := rcNewDoc("two")
	full := b2.entity(extract.Person, "Barack Obama", "person:barack obama")
	p2 := rcIngest(t, r, b2)
	if p2.Entity[full] != "entity/person/barack-obama" || p2.NewEntities != 0 {
		t.Fatalf("Barack Obama after Obama -> %q (%d new), want the stored node renamed entity/person/barack-obama", p2.Entity[full], p2.NewEntities)
	}
	if p2.EntityRenames["entity/person/obama"] != "entity/person/barack-obama" {
		t.Errorf("EntityRenames = %v", p2.EntityRenames)
	}
	if rec := r.docs[p1.DocIRI]; rec == nil || len(rec.Entities) != 1 || rec.Entities[0].IRI != "entity/person/barack-obama" {
		t.Errorf("the first document was not restamped: %+v", rec)
	}
	// The node now knows the full name: a third document's "Michelle
	// Obama" must not join it.
	b3 := rcNewDoc("three")
	m := b3.entity(extract.Person, "Michelle Obama", "person:michelle obama")
	if p3 := rcIngest(t, r, b3); p3.Entity[m] != "entity/person/michelle-obama" {
		t.Errorf("Michelle Obama -> %q", p3.Entity[m])
	}
	// ... and now "Obama" alone is ambiguous only if both nodes carry the
	// head word; the Barack node has "Obama" as a name of its own and is
	// the only one with that exact name, so it wins.
	b4 := rcNewDoc("four")
	o := b4.entity(extract.Person, "Obama", "person:obama")
	if p4 := rcIngest(t, r, b4); p4.Entity[o] != "entity/person/barack-obama" {
		t.Errorf("Obama -> %q, want the node named Obama before", p4.Entity[o])
	}
}

func TestEntityAmbiguousAndConflicting(t *testing.T) {
	r := NewReconciler()
	b1 := rcNewDoc("one")
	b1.entity(extract.Person, "George W. Bush", "person:george w bush", "Bush")
	b1.entity(extract.Person, "Barack Obama", "person:barack obama")
	b1.entity(extract.Person, "Michelle Obama", "person:michelle obama")
	rcIngest(t, r, b1)

	b2 := rcNewDoc("two")
	jeb := b2.entity(extract.Person, "Jeb Bush", "person:jeb bush", "Bush")
	obama := b2.entity(extract.Person, "Obama", "person:obama")
	p2 := rcIngest(t, r, b2)
	if p2.Entity[jeb] != "entity/person/jeb-bush" {
		t.Errorf("Jeb Bush joined %q through the alias Bush", p2.Entity[jeb])
	}
	if p2.Entity[obama] != "entity/person/obama" {
		t.Errorf("Obama with two known Obamas -> %q, want a node of its own", p2.Entity[obama])
	}
	if p2.NewEntities != 2 {
		t.Errorf("NewEntities = %d, want 2", p2.NewEntities)
	}
}

func TestEntityWithinDocument(t *testing.T) {
	r := NewReconciler()
	b := rcNewDoc("one")
	short := b.entity(extract.Person, "Obama", "person:obama")
	full := b.entity(extract.Person, "Barack Obama", "person:barack obama")
	p := rcIngest(t, r, b)
	if p.Entity[short] != p.Entity[full] || p.Entity[full] != "entity/person/barack-obama" || p.NewEntities != 1 {
		t.Errorf("Obama %q, Barack Obama %q, %d new: want one node entity/person/barack-obama",
			p.Entity[short], p.Entity[full], p.NewEntities)
	}
	rec := r.Record(b.doc, p)
	if len(rec.Entities) != 1 || rec.Entities[0].Name != "Barack Obama" || !cmp.Equal(rec.Entities[0].Aliases, []string{"Obama"}) {
		t.Errorf("record entities = %+v, want one Barack Obama with alias Obama", rec.Entities)
	}
}

func TestEntityISIS(t *testing.T) {
	// A gazetteer entity with its alternate names, then articles that
	// use one name each.
	r := NewReconciler()
	b1 := rcNewDoc("one")
	b1.entity(extract.Org, "Islamic State", "org:isis", "ISIS", "ISIL", "Daesh", "Islamic State of Iraq and the Levant")
	rcIngest(t, r, b1)
	for _, name := range []string{"Daesh", "ISIL", "ISIS", "the Islamic State"} {
		b := rcNewDoc("doc " + name)
		i := b.entity(extract.Org, name, "org:"+strings.ToLower(name))
		if p := rcIngest(t, r, b); p.Entity[i] != "entity/org/isis" {
			t.Errorf("%s -> %q, want entity/org/isis", name, p.Entity[i])
		}
	}

	// Without a gazetteer: "Daesh (ISIL)" in one article, the spelled-out
	// name in another: the acronym links them.
	r = NewReconciler()
	b2 := rcNewDoc("two")
	b2.entity(extract.Org, "Daesh", "org:daesh", "ISIL")
	rcIngest(t, r, b2)
	b3 := rcNewDoc("three")
	long := b3.entity(extract.Org, "Islamic State of Iraq and the Levant", "org:islamic state of iraq and the levant")
	isis := b3.entity(extract.Org, "ISIS", "org:isis")
	p3 := rcIngest(t, r, b3)
	if to := p3.EntityRenames["entity/org/daesh"]; p3.Entity[long] != to || to != "entity/org/islamic-state-of-iraq-and-the-levant" {
		t.Errorf("Islamic State of Iraq and the Levant -> %q, want the Daesh (ISIL) node renamed after it (renames %v)", p3.Entity[long], p3.EntityRenames)
	}
	if p3.Entity[isis] == p3.Entity[long] {
		t.Errorf("ISIS joined Daesh/ISIL with nothing in the text saying so")
	}
}

func TestEntityUS(t *testing.T) {
	r := NewReconciler()
	b1 := rcNewDoc("one")
	b1.entity(extract.GPE, "United States", "gpe:united states")
	b1.entity(extract.GPE, "Saudi Arabia", "gpe:saudi arabia")
	b1.entity(extract.GPE, "South Africa", "gpe:south africa")
	rcIngest(t, r, b1)
	for _, name := range []string{"US", "U.S.", "the United States"} {
		b := rcNewDoc("doc " + name)
		i := b.entity(extract.GPE, name, "gpe:"+strings.ToLower(name))
		if p := rcIngest(t, r, b); p.Entity[i] != "entity/gpe/united-states" {
			t.Errorf("%s -> %q, want entity/gpe/united-states", name, p.Entity[i])
		}
	}
	b := rcNewDoc("sa")
	sa := b.entity(extract.GPE, "SA", "gpe:sa")
	usOrg := b.entity(extract.Org, "US", "org:us") // wrong type: not a place
	p := rcIngest(t, r, b)
	if p.Entity[sa] != "entity/gpe/sa" {
		t.Errorf("SA (Saudi Arabia or South Africa) -> %q, want a node of its own", p.Entity[sa])
	}
	if p.Entity[usOrg] != "entity/org/us" {
		t.Errorf("an ORG named US joined %q", p.Entity[usOrg])
	}
	// Gazetteer keys win over names.
	r2 := NewReconciler()
	g1 := rcNewDoc("g1")
	g1.entity(extract.GPE, "United States", "gpe:US", "US", "America")
	rcIngest(t, r2, g1)
	g2 := rcNewDoc("g2")
	am := g2.entity(extract.GPE, "America", "gpe:US")
	if p := rcIngest(t, r2, g2); p.Entity[am] != "entity/gpe/us" {
		t.Errorf("America with key gpe:US -> %q", p.Entity[am])
	}
}

// shootdown builds an article where agent attacks patient on date.
func rcShootdown(text, agent, patient, date, lemma string) (*rcDoc, int) {
	b := rcNewDoc(text)
	ids := map[string]int{}
	for _, n := range []string{agent, patient} {
		if n == "" {
			continue
		}
		typ := extract.GPE
		if strings.Contains(n, "Su-24") {
			typ = extract.Equipment
		}
		ids[n] = b.entity(typ, n, strings.ToLower(string(typ))+":"+strings.ToLower(n))
	}
	e := rcEv{class: "attack", lemma: lemma, timex: -1}
	if date != "" {
		e.timex = b.date(date, "")
	}
	if agent != "" {
		e.agents = []int{ids[agent]}
	}
	if patient != "" {
		e.patients = []int{ids[patient]}
	}
	return b, b.event(e)
}

func TestEventMergeAcrossDocuments(t *testing.T) {
	r := NewReconciler()
	b1, e1 := rcShootdown("a", "Turkey", "Sukhoi Su-24", "2015-11-24", "shoot down")
	p1 := rcIngest(t, r, b1)
	if !regexp.MustCompile(`^event/[0-9a-f]{16}$`).MatchString(rcNode(r, p1, e1)) || p1.EventDate[e1] != "2015-11-24" {
		t.Fatalf("event %q dated %q", rcNode(r, p1, e1), p1.EventDate[e1])
	}
	if p1.MergedEvents != 0 {
		t.Errorf("first document MergedEvents = %d", p1.MergedEvents)
	}
	// The copy's nominal "the shooting down of the Russian Su-24 on
	// November 24": no agent, same patient and date.
	b2, e2 := rcShootdown("b", "", "Sukhoi Su-24", "2015-11-24", "shooting down")
	p2 := rcIngest(t, r, b2)
	if rcNode(r, p2, e2) != rcNode(r, p1, e1) || p2.MergedEvents != 1 {
		t.Errorf("same attack from two sources: %q vs %q, MergedEvents %d", rcNode(r, p2, e2), rcNode(r, p1, e1), p2.MergedEvents)
	}
	// Another day: not the same event.
	b3, e3 := rcShootdown("c", "Turkey", "Sukhoi Su-24", "2015-11-25", "shoot down")
	if p3 := rcIngest(t, r, b3); rcNode(r, p3, e3) == rcNode(r, p1, e1) {
		t.Errorf("attacks on different days merged")
	}
	// Undated, with two dated candidates that differ: it could be
	// either, so it joins neither.
	b4, e4 := rcShootdown("d", "Turkey", "Sukhoi Su-24", "", "shoot down")
	if p4 := rcIngest(t, r, b4); rcNode(r, p4, e4) == rcNode(r, p1, e1) || rcNode(r, p4, e4) == rcNode(r, planAgain(r, b3), e3) || p4.EventDate[e4] != "" {
		t.Errorf("undated attack merged with one of two dated ones (%q)", p4.EventDate[e4])
	}
}

// An undated mention joins the one dated event it agrees with.
func TestEventUndatedJoinsDated(t *testing.T) {
	r := NewReconciler()
	b1, e1 := rcShootdown("a", "Turkey", "Sukhoi Su-24", "2015-11-24", "shoot down")
	p1 := rcIngest(t, r, b1)
	b2, e2 := rcShootdown("b", "Turkey", "Sukhoi Su-24", "", "downing")
	p2 := rcIngest(t, r, b2)
	if rcNode(r, p2, e2) != rcNode(r, p1, e1) {
		t.Errorf("undated downing of the Su-24 by Turkey did not join the dated shoot-down")
	}
	// A year-less date fits a dated one.
	b3, e3 := rcShootdown("c", "Turkey", "Sukhoi Su-24", "XXXX-11-24", "shoot down")
	if p3 := rcIngest(t, r, b3); rcNode(r, p3, e3) != rcNode(r, p1, e1) {
		t.Errorf("XXXX-11-24 did not fit 2015-11-24")
	}
}

// planAgain is the plan of a document already ingested, planned again.
func planAgain(r *Reconciler, b *rcDoc) *Plan {
	p, _ := r.Plan(b.doc)
	return p
}

func TestEventDirectionMatters(t *testing.T) {
	r := NewReconciler()
	b1, e1 := rcShootdown("a", "Russia", "Turkey", "2015-11-24", "attack")
	p1 := rcIngest(t, r, b1)
	b2, e2 := rcShootdown("b", "Turkey", "Russia", "2015-11-24", "attack")
	p2 := rcIngest(t, r, b2)
	if rcNode(r, p1, e1) == rcNode(r, p2, e2) || p2.MergedEvents != 0 {
		t.Errorf("Russia attacks Turkey and Turkey attacks Russia share %q", rcNode(r, p1, e1))
	}
	// Not even in a fresh store, where both get hashed IRIs.
	r2 := NewReconciler()
	q2 := rcIngest(t, r2, b2)
	if q2.Event[e2] == rcNode(r, p1, e1) {
		t.Errorf("role-swapped events hash to the same IRI")
	}
	if q2.Event[e2] != rcNode(r, p2, e2) {
		t.Errorf("IRI not deterministic: %q in one store, %q in another", rcNode(r, p2, e2), q2.Event[e2])
	}
}

func TestEventSymmetricMeeting(t *testing.T) {
	mk := func(text, a, p, c string) (*rcDoc, int) {
		b := rcNewDoc(text)
		ids := map[string]int{}
		for _, n := range []string{a, p} {
			ids[n] = b.entity(extract.Person, n, "person:"+strings.ToLower(n))
		}
		loc := b.entity(extract.GPE, "Le Bourget", "gpe:le bourget")
		return b, b.event(rcEv{class: c, lemma: "meet", agents: []int{ids[a]}, patients: []int{ids[p]},
			locations: []int{loc}, timex: b.date("2015-11-30", "")})
	}
	r := NewReconciler()
	b1, e1 := mk("a", "Barack Obama", "Vladimir Putin", "meet")
	p1 := rcIngest(t, r, b1)
	b2, e2 := mk("b", "Vladimir Putin", "Barack Obama", "meet")
	if p2 := rcIngest(t, r, b2); rcNode(r, p2, e2) != rcNode(r, p1, e1) {
		t.Errorf("Putin meets Obama and Obama meets Putin on the same day are one meeting")
	}
	b3, e3 := mk("c", "Barack Obama", "Benjamin Netanyahu", "meet")
	if p3 := rcIngest(t, r, b3); rcNode(r, p3, e3) == rcNode(r, p1, e1) {
		t.Errorf("Obama meeting Netanyahu merged with Obama meeting Putin")
	}
}

func TestEventWithinDocumentAndStatements(t *testing.T) {
	text := "Obama held a meeting with Putin on Monday. In the meeting, Obama urged calm, an official said."
	b := rcNewDoc(text)
	obama := b.entity(extract.Person, "Barack Obama", "person:barack obama", "Obama")
	putin := b.entity(extract.Person, "Vladimir Putin", "person:vladimir putin", "Putin")
	official := b.entity(extract.Org, "White House", "org:white house")
	monday := b.date("2015-11-30", "")
	meet := b.event(rcEv{class: "meet", lemma: "meeting", agents: []int{obama}, patients: []int{putin}, timex: monday})
	meet2 := b.event(rcEv{class: "meet", lemma: "meeting", sentence: 1, timex: monday})
	urge := b.event(rcEv{class: "appeal", lemma: "urge", sentence: 1, agents: []int{obama}, timex: monday})
	said := b.event(rcEv{class: "statement", lemma: "say", sentence: 1, agents: []int{official}, timex: -1, reports: []int{urge}})
	r := NewReconciler()
	p := rcIngest(t, r, b)
	if rcNode(r, p, meet2) != rcNode(r, p, meet) {
		t.Errorf("\"the meeting\" did not join the meeting of the same day in the same article")
	}
	if rcNode(r, p, urge) == rcNode(r, p, meet) || rcNode(r, p, said) == rcNode(r, p, urge) {
		t.Errorf("events of different classes merged")
	}
	rec := r.Record(b.doc, p)
	if len(rec.Events) != 3 {
		t.Fatalf("record has %d event nodes, want 3", len(rec.Events))
	}
	if m := rec.Events[0]; m.Date != "2015-11-30" || !cmp.Equal(m.Participants, rcSorted(p.Entity[obama], p.Entity[putin])) {
		t.Errorf("meeting record %+v", m)
	}

	// A second article reporting the same urging, said by the same
	// official: the statement merges because what it reports merges.
	b2 := rcNewDoc("copy: " + text)
	obama2 := b2.entity(extract.Person, "Obama", "person:obama")
	official2 := b2.entity(extract.Org, "White House", "org:white house")
	urge2 := b2.event(rcEv{class: "appeal", lemma: "urge", agents: []int{obama2}, timex: b2.date("2015-11-30", "")})
	said2 := b2.event(rcEv{class: "statement", lemma: "say", agents: []int{official2}, timex: -1, reports: []int{urge2}})
	p2 := rcIngest(t, r, b2)
	if rcNode(r, p2, urge2) != rcNode(r, p, urge) || rcNode(r, p2, said2) != rcNode(r, p, said) || p2.MergedEvents != 2 {
		t.Errorf("urge %q/%q, said %q/%q, MergedEvents %d: want both merged",
			rcNode(r, p2, urge2), rcNode(r, p, urge), rcNode(r, p2, said2), rcNode(r, p, said), p2.MergedEvents)
	}
	// The same official saying something else does not merge.
	b3 := rcNewDoc("other")
	official3 := b3.entity(extract.Org, "White House", "org:white house")
	turkey := b3.entity(extract.GPE, "Turkey", "gpe:tr")
	warn := b3.event(rcEv{class: "warn", lemma: "warn", agents: []int{turkey}, timex: b3.date("2015-11-30", "")})
	said3 := b3.event(rcEv{class: "statement", lemma: "say", agents: []int{official3}, timex: -1, reports: []int{warn}})
	if p3 := rcIngest(t, r, b3); rcNode(r, p3, said3) == rcNode(r, p, said) {
		t.Errorf("statements reporting different events merged")
	}
}

func TestEventDatesAndRanges(t *testing.T) {
	b := rcNewDoc("x")
	russia := b.entity(extract.GPE, "Russia", "gpe:RU")
	syria := b.entity(extract.GPE, "Syria", "gpe:SY")
	strikes := b.event(rcEv{class: "attack", lemma: "airstrike", agents: []int{russia}, locations: []int{syria}, timex: b.date("2015-09-30", "begin")})
	at := b.event(rcEv{class: "attack", lemma: "airstrike", agents: []int{russia}, locations: []int{syria}, sentence: 2, timex: b.date("2015-09-30T14:00", "")})
	dur := b.doc.Timexes
	b.doc.Timexes = append(dur, timex.Timex{Type: "DURATION", Value: "P4Y", AnchorIndex: -1})
	long := b.event(rcEv{class: "attack", lemma: "havoc", sentence: 3, timex: len(b.doc.Timexes) - 1})
	bad := b.event(rcEv{class: "kill", lemma: "kill", agents: []int{42}, patients: []int{-3}, timex: 99, reports: []int{7}})
	r := NewReconciler()
	p, err := r.Plan(b.doc)
	if err != nil {
		t.Fatal(err)
	}
	if p.EventDate[strikes] != "" || p.EventRangeBegin[strikes] != "2015-09-30" {
		t.Errorf("since September 30: date %q begin %q", p.EventDate[strikes], p.EventRangeBegin[strikes])
	}
	if p.EventDate[at] != "2015-09-30" {
		t.Errorf("a TIME is dated by its day: %q", p.EventDate[at])
	}
	if rcNode(r, p, at) == rcNode(r, p, strikes) {
		t.Errorf("airstrikes since a day merged with airstrikes on that day")
	}
	if p.EventDate[long] != "" || p.EventDate[bad] != "" || rcNode(r, p, bad) == "" {
		t.Errorf("a DURATION or a bad timex index must leave the event undated")
	}
}

func TestRemoveForgets(t *testing.T) {
	r := NewReconciler()
	b1, e1 := rcShootdown("a", "Turkey", "Sukhoi Su-24", "2015-11-24", "shoot down")
	p1 := rcIngest(t, r, b1)
	r.Remove(p1.DocIRI)
	if r.Len() != 0 {
		t.Fatalf("Len after Remove = %d", r.Len())
	}
	b2, e2 := rcShootdown("a", "Turkey", "Sukhoi Su-24", "2015-11-24", "shoot down")
	p2 := rcIngest(t, r, b2)
	if p2.MergedEvents != 0 || p2.NewEntities != 2 {
		t.Errorf("after Remove: MergedEvents %d, NewEntities %d, want 0 and 2", p2.MergedEvents, p2.NewEntities)
	}
	if rcNode(r, p2, e2) != rcNode(r, p1, e1) {
		t.Errorf("the same article must give the same event IRI in an emptied store")
	}
	// Plan does not change the reconciler.
	before := r.Len()
	if _, err := r.Plan(b1.doc); err != nil {
		t.Fatal(err)
	}
	if r.Len() != before {
		t.Errorf("Plan changed the reconciler")
	}
	if _, err := r.Plan(nil); err == nil {
		t.Errorf("Plan(nil) must fail")
	}
}

func rcSorted(s ...string) []string {
	sort.Strings(s)
	return s
}

// TestPipelineSeedsReconcile runs the extraction pipeline over both seeds
// and checks what reconciliation makes of them: whatever the stages find,
// names shared by the two articles meet in one node.
func TestPipelineSeedsReconcile(t *testing.T) {
	p, err := extract.New()
	if err != nil {
		t.Fatalf("extract.New: %v", err)
	}
	ctx := context.Background()
	r := NewReconciler()
	var plans []*Plan
	var docs []*extract.Document
	for _, name := range []string{seedPressTV, seedCopy} {
		doc, err := p.Annotate(ctx, extract.Input{Name: name, Text: readSeed(t, name)})
		if err != nil {
			t.Fatal(err)
		}
		pl, err := r.Plan(doc)
		if err != nil {
			t.Fatal(err)
		}
		if doc.DCT.Value == "" && pl.Copies != nil && pl.Copies.OriginalDate != "" {
			// As the store's ingest does: an undated copy speaks from
			// its original's date.
			in := extract.Input{Name: name, Text: readSeed(t, name), Date: pl.Copies.OriginalDate, DateSource: "copy"}
			if doc, err = p.Annotate(ctx, in); err != nil {
				t.Fatal(err)
			}
			if pl, err = r.Plan(doc); err != nil {
				t.Fatal(err)
			}
		}
		for _, rs := range pl.Restamp {
			r.Restamped(rs)
		}
		r.Add(r.Record(doc, pl))
		plans, docs = append(plans, pl), append(docs, doc)
	}
	if len(docs[0].Entities) == 0 {
		t.Skip("the entity stage finds nothing yet")
	}
	byName := func(i int, name string) string {
		for k, e := range docs[i].Entities {
			if e.Name == name || containsString(e.Aliases, name) {
				return plans[i].Entity[k]
			}
		}
		return ""
	}
	for _, name := range []string{"Obama", "Putin", "Turkey", "Russia"} {
		a, b := byName(0, name), byName(1, name)
		if a == "" || b == "" {
			t.Errorf("%s not found in both seeds (%q, %q)", name, a, b)
		} else if a != b {
			t.Errorf("%s: %q in Press TV, %q in the copy", name, a, b)
		}
	}
	if len(docs[1].Events) > 0 && plans[1].MergedEvents == 0 {
		t.Errorf("the copy shares no event node with its original")
	}
	// The shoot-down of November 24 and the meeting of November 30, told
	// by both articles, are one node each.
	nodes := func(i int, class, date string) set {
		out := set{}
		for k, e := range docs[i].Events {
			if e.Class == class && plans[i].EventDate[k] == date {
				out.add(rcNode(r, plans[i], k))
			}
		}
		return out
	}
	for _, want := range [][2]string{{"attack", "2015-11-24"}, {"meet", "2015-11-30"}} {
		a, b := nodes(0, want[0], want[1]), nodes(1, want[0], want[1])
		if len(a) == 0 || len(b) == 0 {
			t.Logf("no %s event dated %s in both seeds (%d, %d)", want[0], want[1], len(a), len(b))
			continue
		}
		if shares(a, b) == 0 {
			t.Errorf("%s on %s: Press TV nodes %v, copy nodes %v share none", want[0], want[1], a.sorted(), b.sorted())
		}
	}
	t.Logf("copy: %d entities (%d new), %d events, %d merged with Press TV",
		len(docs[1].Entities), plans[1].NewEntities, len(docs[1].Events), plans[1].MergedEvents)
}

func BenchmarkPlanBBC(b *testing.B) {
	dir := filepath.Join(shareddata.Dir(b), "bbc")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("../shared/data/bbc: no articles (%v)", err)
	}
	sort.Strings(files)
	pipe, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var docs []*extract.Document
	bytes := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := pipe.Annotate(ctx, extract.Input{Name: f, Text: string(text)})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		bytes += len(text)
	}
	// The store holds every article; each iteration plans them all again,
	// as a re-ingest of the corpus would.
	r := NewReconciler()
	for _, d := range docs {
		p, err := r.Plan(d)
		if err != nil {
			b.Fatal(err)
		}
		r.Add(r.Record(d, p))
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := r.Plan(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestEventUndatedNeedsSameDocumentDate(t *testing.T) {
	mk := func(text, dct string) (*rcDoc, int) {
		b := rcNewDoc(text)
		b.doc.DCT = extract.DCT{Value: dct, Source: "dateline"}
		russia := b.entity(extract.GPE, "Russia", "gpe:RU")
		ukraine := b.entity(extract.GPE, "Ukraine", "gpe:UA")
		return b, b.event(rcEv{class: "reject", lemma: "deny", agents: []int{russia}, patients: []int{ukraine}, timex: -1})
	}
	r := NewReconciler()
	b1, e1 := mk("a", "2015-11-30")
	p1 := rcIngest(t, r, b1)
	b2, e2 := mk("b", "2015-11-30")
	if p2 := rcIngest(t, r, b2); rcNode(r, p2, e2) != rcNode(r, p1, e1) || p2.EventDate[e2] != "" {
		t.Errorf("undated denials in two articles of the same day: %q vs %q", rcNode(r, p2, e2), rcNode(r, p1, e1))
	}
	b3, e3 := mk("c", "2019-03-08")
	if p3 := rcIngest(t, r, b3); rcNode(r, p3, e3) == rcNode(r, p1, e1) {
		t.Errorf("an undated denial in a 2019 article merged with the 2015 one")
	}
	// An article with no date gives no time context: the rest agrees.
	b4, e4 := mk("d", "")
	if p4 := rcIngest(t, r, b4); rcNode(r, p4, e4) != rcNode(r, p1, e1) && rcNode(r, p4, e4) != rcNode(r, planAgain(r, b3), e3) {
		t.Errorf("an undated denial in an undated article joined neither story's denial")
	}
}

func TestEntityTitledPerson(t *testing.T) {
	r := NewReconciler()
	b1 := rcNewDoc("one")
	b1.entity(extract.Person, "Vladimir Putin", "person:vladimir putin")
	rcIngest(t, r, b1)
	b2 := rcNewDoc("two")
	pres := b2.entity(extract.Person, "President Putin", "person:president putin")
	p2 := rcIngest(t, r, b2)
	if p2.Entity[pres] != "entity/person/vladimir-putin" {
		t.Errorf("President Putin -> %q", p2.Entity[pres])
	}
	b3 := rcNewDoc("three")
	other := b3.entity(extract.Person, "President Vladimir Zelensky", "person:president vladimir zelensky")
	if p3 := rcIngest(t, r, b3); p3.Entity[other] == "entity/person/vladimir-putin" {
		t.Errorf("a different Vladimir joined Putin")
	}
}

// Events with no named participant merge only between an article and its
// copy, and then only with the same class, lemma and date.
func TestEventNoParticipantsMergeBetweenCopies(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	end := func(text string) (*rcDoc, int) {
		b := rcNewDoc(text)
		b.doc.DCT = extract.DCT{Value: "2015-11-30", Source: "caption"}
		return b, b.event(rcEv{class: "other", lemma: "end", timex: b.date("1991", "")})
	}
	r := NewReconciler()
	orig, oi := end(read("presstv-obama-putin.txt"))
	po := rcIngest(t, r, orig)
	cp, ci := end(read("peoplesvoice-copy-obama-putin.txt"))
	pc := rcIngest(t, r, cp)
	if pc.Copies == nil || pc.Copies.Original != po.DocIRI {
		t.Fatalf("the copy seed is not found to copy the original: %+v", pc.Copies)
	}
	if rcNode(r, pc, ci) != rcNode(r, po, oi) {
		t.Errorf("'the end' in 1991 in an article and its copy: %s and %s, want one event", rcNode(r, pc, ci), rcNode(r, po, oi))
	}
	other, xi := end("Strike ends\n\nThe end came in 1991 after a long strike by miners in the north of the country.")
	px := rcIngest(t, r, other)
	if rcNode(r, px, xi) == rcNode(r, po, oi) {
		t.Error("'the end' in 1991 in an unrelated article merged with the seeds' event")
	}
}

// An undated mention of an event that its article (or the article's
// original) dates elsewhere, with the same participants, is that event;
// with other participants, or two dated candidates, it is not.
func TestEventUndatedMentionOfDatedEvent(t *testing.T) {
	b := rcNewDoc("meeting story")
	b.doc.DCT = extract.DCT{Value: "2015-11-30", Source: "flag"}
	obama := b.entity(extract.Person, "Barack Obama", "person:barack obama")
	putin := b.entity(extract.Person, "Vladimir Putin", "person:vladimir putin")
	erdogan := b.entity(extract.Person, "Recep Tayyip Erdogan", "person:recep tayyip erdogan")
	dated := b.event(rcEv{class: "meet", lemma: "meeting", agents: []int{obama}, patients: []int{putin}, timex: b.date("2015-11-30", "")})
	again := b.event(rcEv{class: "meet", lemma: "meeting", sentence: 5, agents: []int{putin, obama}, timex: -1})
	other := b.event(rcEv{class: "meet", lemma: "meeting", sentence: 6, agents: []int{erdogan, obama}, timex: -1})
	r := NewReconciler()
	p := rcIngest(t, r, b)
	if rcNode(r, p, again) != rcNode(r, p, dated) {
		t.Error("an undated mention of the dated meeting, same participants, is another event")
	}
	if rcNode(r, p, other) == rcNode(r, p, dated) {
		t.Error("a meeting with someone else merged with the dated one")
	}
}

// An article tells its main happening again, once dated and once not: the
// undated repeat of a specific trigger joins the dated one, unless the
// article dates two happenings of that trigger or the repeat names another
// unnamed participant.
func TestEventUndatedRepeatWithinDocument(t *testing.T) {
	b := rcNewDoc("Tara Reid checked into rehab on Tuesday. Reid checked in, her rep said.")
	reid := b.entity(extract.Person, "Tara Reid", "person:tara reid", "Reid")
	dated := b.event(rcEv{class: "other", lemma: "check", agents: []int{reid}, timex: b.date("2008-12-09", "")})
	again := b.event(rcEv{class: "other", lemma: "check", sentence: 3, timex: -1})
	r := NewReconciler()
	p := rcIngest(t, r, b)
	if p.Local[again] != p.Local[dated] {
		t.Error("the undated repeat of the dated check-in is another event")
	}

	// Two meetings on different days: "the meeting" could be either.
	b2 := rcNewDoc("Obama met Putin on Monday and again on Friday. The meeting was tense.")
	obama := b2.entity(extract.Person, "Barack Obama", "person:barack obama")
	putin := b2.entity(extract.Person, "Vladimir Putin", "person:vladimir putin")
	mon := b2.event(rcEv{class: "meet", lemma: "meet", agents: []int{obama}, patients: []int{putin}, timex: b2.date("2015-11-30", "")})
	fri := b2.event(rcEv{class: "meet", lemma: "meet", agents: []int{obama}, patients: []int{putin}, timex: b2.date("2015-12-04", "")})
	which := b2.event(rcEv{class: "meet", lemma: "meet", sentence: 1, timex: -1})
	p2 := rcIngest(t, NewReconciler(), b2)
	if p2.Local[mon] == p2.Local[fri] || p2.Local[which] == p2.Local[mon] || p2.Local[which] == p2.Local[fri] {
		t.Errorf("meetings on two days: %q %q, the undated one %q", p2.Local[mon], p2.Local[fri], p2.Local[which])
	}

	// "A man was shot ... a woman was shot": one trigger, two victims.
	b3 := rcNewDoc("A man was shot on Sunday. A woman was shot too.")
	man := b3.event(rcEv{class: "attack", lemma: "shoot", timex: b3.date("2015-11-29", "")})
	woman := b3.event(rcEv{class: "attack", lemma: "shoot", sentence: 1, timex: -1})
	b3.doc.Events[man].Nominals = []extract.NominalArg{{Role: "patient", Text: "A man", Head: extract.Span{Start: 2, End: 5}}}
	b3.doc.Events[woman].Nominals = []extract.NominalArg{{Role: "patient", Text: "A woman", Head: extract.Span{Start: 28, End: 33}}}
	p3 := rcIngest(t, NewReconciler(), b3)
	if p3.Local[man] == p3.Local[woman] {
		t.Error("a man shot and a woman shot are one event")
	}

	// Told another way: what the article asserts and what it reports
	// someone denying are not one repeat.
	b4 := rcNewDoc("The jet was shot down. Russia denies that it shot down a jet.")
	told := b4.event(rcEv{class: "attack", lemma: "shoot down", timex: -1})
	denied := b4.event(rcEv{class: "attack", lemma: "shoot down", sentence: 1, timex: -1})
	b4.doc.Events[denied].Modality = extract.Negated
	p4 := rcIngest(t, NewReconciler(), b4)
	if p4.Local[told] == p4.Local[denied] {
		t.Error("an asserted and a denied shoot-down are one event")
	}
}
