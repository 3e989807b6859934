package graph

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/extract/timex"
)

// The fixtures below are hand-made annotations of two short reports of
// the same meeting (the second a near-copy with no date of its own), so
// that the store is tested independently of the extraction stages.

const textA = "Obama meets Putin at Le Bourget\n\n" +
	"US President Barack Obama met Russian President Vladimir Putin on Monday at Le Bourget, near Paris. " +
	"Obama said Turkey shot down a Russian Su-24 jet on November 24.\n\n" +
	"Photo taken March 08, 2019 shows Putin."

const textB = "Putin and Obama hold talks\n\n" +
	"US President Barack Obama met Russian President Vladimir Putin on Monday at Le Bourget, near Paris. " +
	"Obama said Turkey shot down a Russian Su-24 jet on November 24.\n\n" +
	"Subscribe to our newsletter."

// docBuilder builds an extract.Document by locating substrings.
type docBuilder struct {
	t   testing.TB
	doc *extract.Document
}

func newDoc(t testing.TB, name, source, text string) *docBuilder {
	t.Helper()
	sum := sha256.Sum256([]byte(text))
	doc := &extract.Document{ID: "sha256:" + hex.EncodeToString(sum[:]), Name: name, Source: source, Text: text}
	doc.Headline = extract.Span{Start: 0, End: strings.Index(text, "\n")}
	// Sentences: headline, then split body on ". ".
	doc.Sentences = append(doc.Sentences, extract.Sentence{Span: doc.Headline, Kind: extract.KindHeadline})
	pos := doc.Headline.End + 2
	for pos < len(text) {
		end := strings.Index(text[pos:], ". ")
		nl := strings.Index(text[pos:], "\n")
		switch {
		case end < 0 && nl < 0:
			end = len(text)
		case end < 0 || (nl >= 0 && nl < end):
			end = pos + nl
		default:
			end = pos + end + 1
		}
		doc.Sentences = append(doc.Sentences, extract.Sentence{Span: extract.Span{Start: pos, End: end}, Kind: extract.KindBody})
		pos = end
		for pos < len(text) && (text[pos] == ' ' || text[pos] == '\n') {
			pos++
		}
	}
	return &docBuilder{t: t, doc: doc}
}

// span finds the n-th (0-based) occurrence of sub.
func (b *docBuilder) span(sub string, n int) extract.Span {
	b.t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(b.doc.Text[from:], sub)
		if j < 0 {
			b.t.Fatalf("%q occurrence %d not in text", sub, n)
		}
		if i == n {
			return extract.Span{Start: from + j, End: from + j + len(sub)}
		}
		from += j + len(sub)
	}
}

func (b *docBuilder) sentenceOf(sp extract.Span) int {
	for i, s := range b.doc.Sentences {
		if s.Contains(sp) {
			return i
		}
	}
	b.t.Fatalf("span %v in no sentence", sp)
	return -1
}

func (b *docBuilder) entity(typ extract.EntityType, name, key string, aliases ...string) int {
	id := len(b.doc.Entities)
	b.doc.Entities = append(b.doc.Entities, extract.Entity{ID: id, Type: typ, Name: name, Key: key, Aliases: aliases})
	return id
}

func (b *docBuilder) mention(ent int, sub string, n int, kind, role string) int {
	sp := b.span(sub, n)
	b.doc.Mentions = append(b.doc.Mentions, extract.Mention{Span: sp, Text: sub, Entity: ent, Sentence: b.sentenceOf(sp), Kind: kind, Role: role})
	return len(b.doc.Mentions) - 1
}

func (b *docBuilder) event(trigger string, n int, lemma, class string, agents, patients []int) int {
	sp := b.span(trigger, n)
	ev := extract.Event{ID: len(b.doc.Events), Trigger: sp, TriggerText: trigger, Lemma: lemma, Class: class,
		Sentence: b.sentenceOf(sp), Timex: -1, Claimant: -1, Modality: extract.Asserted}
	for _, a := range agents {
		ev.Agents = append(ev.Agents, extract.Arg{Entity: a, Mention: -1})
	}
	for _, p := range patients {
		ev.Patients = append(ev.Patients, extract.Arg{Entity: p, Mention: -1})
	}
	b.doc.Events = append(b.doc.Events, ev)
	return ev.ID
}

func docIRIFor(doc *extract.Document) string {
	return "doc/" + strings.TrimPrefix(doc.ID, "sha256:")[:16]
}

// fixture builds one of the two reports with its plan. date is the DCT
// ("" for none); the event IRIs depend on it as the reconciler's do.
func fixture(t testing.TB, text, source, date string) (*extract.Document, *Plan) {
	t.Helper()
	b := newDoc(t, source+".txt", source, text)
	obama := b.entity(extract.Person, "Barack Obama", "person:barack obama", "Obama")
	putin := b.entity(extract.Person, "Vladimir Putin", "person:vladimir putin")
	turkey := b.entity(extract.GPE, "Turkey", "gpe:TR")
	russia := b.entity(extract.GPE, "Russia", "gpe:RU", "Russian Federation")
	us := b.entity(extract.GPE, "United States", "gpe:US", "US")
	lb := b.entity(extract.Facility, "Le Bourget", "facility:le bourget")
	b.mention(obama, "Obama", 0, "alias", "")
	b.mention(obama, "Barack Obama", 0, "name", "President")
	b.mention(obama, "Obama", 2, "alias", "")
	b.mention(putin, "Putin", 0, "alias", "")
	b.mention(putin, "Vladimir Putin", 0, "name", "President")
	b.mention(turkey, "Turkey", 0, "name", "")
	b.mention(russia, "Russian", 0, "demonym", "")
	b.mention(russia, "Russian", 1, "demonym", "")
	b.mention(us, "US", 0, "acronym", "")
	b.mention(lb, "Le Bourget", 0, "name", "")
	meet := b.event("met", 0, "meet", "meet", []int{obama}, []int{putin})
	b.doc.Events[meet].Locations = []extract.Arg{{Entity: lb, Mention: 9}}
	shoot := b.event("shot down", 0, "shoot down", "attack", []int{turkey}, []int{russia})
	said := b.event("said", 0, "say", "statement", []int{obama}, nil)
	b.doc.Events[said].Reports = []int{shoot}
	b.doc.Events[shoot].Modality = extract.Reported
	b.doc.Events[shoot].Claimant = obama
	b.doc.Timexes = append(b.doc.Timexes,
		timexAt(b, "November 24", "DATE", "2015-11-24"))
	b.doc.Events[shoot].Timex = 0
	b.doc.Relations = append(b.doc.Relations,
		extract.Relation{Type: "role", Subject: obama, Object: us, Value: "President", Sentence: 1},
		extract.Relation{Type: "role", Subject: putin, Object: russia, Value: "President", Sentence: 1},
		extract.Relation{Type: "located_in", Subject: lb, Object: -1, Value: "near Paris", Sentence: 1},
	)
	if date != "" {
		b.doc.DCT = extract.DCT{Value: date, Source: "dateline"}
		b.doc.Events[meet].TimeInherited = true
	} else {
		b.doc.DCT = extract.DCT{Source: "unknown"}
	}
	iri := docIRIFor(b.doc)
	plan := &Plan{
		DocIRI: iri,
		Entity: []string{"entity/person/barack-obama", "entity/person/vladimir-putin", "entity/gpe/tr",
			"entity/gpe/ru", "entity/gpe/us", "entity/facility/le-bourget"},
		Event:     []string{"event/meet" + date, "event/shootdown", "event/say" + iri[4:]},
		EventDate: []string{date, "2015-11-24", date},
	}
	return b.doc, plan
}

func timexAt(b *docBuilder, text, typ, value string) (tx timex.Timex) {
	sp := b.span(text, 0)
	tx.Start, tx.End, tx.Text, tx.Type, tx.Value, tx.AnchorIndex = sp.Start, sp.End, text, typ, value, -1
	return tx
}

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := Open(context.Background(), path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func countQuads(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT COUNT(*) FROM quads").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOpenCreatesAndReopensReadOnly(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	docA, planA := fixture(t, textA, "presstv", "2015-11-30")
	if err := s.WriteDocument(ctx, docA, planA, nil); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(ctx, path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("reopen read-only while a writer has it open: %v", err)
	}
	defer ro.Close()
	docs, err := ro.Documents(ctx)
	if err != nil || len(docs) != 1 || docs[0].Date != "2015-11-30" {
		t.Fatalf("read-only Documents = %+v, %v", docs, err)
	}
	docB, planB := fixture(t, textB, "peoplesvoice", "")
	err = ro.WriteDocument(ctx, docB, planB, nil)
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("write to read-only store: err = %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	_, err := Open(ctx, filepath.Join(dir, "missing.db"), OpenOptions{ReadOnly: true})
	if err == nil || err.Error() != filepath.Join(dir, "missing.db")+": no such store" {
		t.Errorf("read-only missing store: %v", err)
	}

	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("this is not a database\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, garbage, OpenOptions{})
	if err == nil || !strings.HasPrefix(err.Error(), garbage+": not a Storyline store") {
		t.Errorf("garbage file: %v", err)
	}

	// A valid SQLite database that is not ours.
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite3-regexp", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE people (name TEXT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(ctx, other, OpenOptions{})
	if err == nil || err.Error() != other+": not a Storyline store" {
		t.Errorf("foreign SQLite database: %v", err)
	}

	if os.Geteuid() != 0 { // root ignores directory permissions
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		_, err = Open(ctx, filepath.Join(ro, "x.db"), OpenOptions{})
		if err == nil || err.Error() != filepath.Join(ro, "x.db")+": cannot create store: permission denied" {
			t.Errorf("unwritable directory: %v", err)
		}
	}
	_, err = Open(ctx, filepath.Join(dir, "no", "such", "dir", "x.db"), OpenOptions{})
	if err == nil || !strings.HasSuffix(err.Error(), ": cannot create store: no such file or directory") {
		t.Errorf("missing directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Errorf("a failed open created directories")
	}
}

func TestOpenPostgresUnreachable(t *testing.T) {
	ctx := context.Background()
	// Port 1 on localhost: nothing listens there.
	addr := "postgres://storyline:secret@127.0.0.1:1/storyline?sslmode=disable&connect_timeout=2"
	_, err := Open(ctx, addr, OpenOptions{})
	if err == nil {
		t.Fatal("opened a store on a closed port")
	}
	msg := err.Error()
	if strings.Contains(msg, "secret") || !strings.HasPrefix(msg, "postgres://storyline:xxxxx@127.0.0.1:1/storyline") ||
		!strings.Contains(msg, "cannot reach store") || strings.Contains(msg, "\n") {
		t.Errorf("error = %q", msg)
	}
}

func TestSecondWriterFailsCleanlyWhileReadersRead(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	docA, planA := fixture(t, textA, "presstv", "2015-11-30")
	if err := s.WriteDocument(ctx, docA, planA, nil); err != nil {
		t.Fatal(err)
	}
	// Another process holds the write lock.
	locker, err := sql.Open("sqlite3-regexp", "file:"+path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close()
	tx, err := locker.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()

	s2, err := Open(ctx, path, OpenOptions{BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("opening while another writer holds the lock: %v", err)
	}
	defer s2.Close()
	docs, err := s2.Documents(ctx)
	if err != nil || len(docs) != 1 {
		t.Fatalf("reading while locked: %v, %v", docs, err)
	}
	docB, planB := fixture(t, textB, "peoplesvoice", "")
	start := time.Now()
	err = s2.WriteDocument(ctx, docB, planB, nil)
	if err == nil || err.Error() != path+": store is locked by another writer" {
		t.Fatalf("second writer: err = %v", err)
	}
	if waited := time.Since(start); waited < 150*time.Millisecond {
		t.Errorf("second writer gave up after %v, before its busy timeout", waited)
	}
	tx.Rollback()
	if err := s2.WriteDocument(ctx, docB, planB, nil); err != nil {
		t.Fatalf("write after the lock is released: %v", err)
	}
}
