package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzPipeline runs every stage over arbitrary text: no panic, and every
// span of every layer lies inside the text on rune boundaries, with indexes
// that point at existing items.
//
//	go test ./extract -run x -fuzz FuzzPipeline -fuzztime 60s
func FuzzPipeline(f *testing.F) {
	for _, name := range []string{"presstv-obama-putin.txt", "peoplesvoice-copy-obama-putin.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), "")
		f.Add(string(b), "2015-11-30")
	}
	f.Add("PARIS (Reuters) - U.S. Sen. J. K. Smith said on Sept. 30 he would meet Mr. Putin.\n", "")
	f.Add("Headline\n\n\"Quote,\" he said. (AFP photo)\n© 2015 X\n", "1999-01-01")
	f.Add("", "")
	f.Add("\u00a0\u200b\t\n", "")
	p, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, date string) {
		if !utf8.ValidString(text) {
			t.Skip() // the readers refuse invalid UTF-8 before extraction
		}
		if len(date) != 10 {
			date = ""
		}
		doc, err := p.Annotate(context.Background(), Input{Name: "fuzz", Text: text, Date: date})
		if err != nil {
			return
		}
		checkDocument(t, doc)
	})
}

// checkDocument checks every layer's spans and cross-references.
func checkDocument(t *testing.T, doc *Document) {
	t.Helper()
	text := doc.Text
	span := func(what string, s Span) {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			t.Fatalf("%s span [%d,%d) outside the %d-byte text", what, s.Start, s.End, len(text))
		}
		if !utf8.RuneStart(byteAt(text, s.Start)) || !utf8.RuneStart(byteAt(text, s.End)) {
			t.Fatalf("%s span [%d,%d) not on rune boundaries", what, s.Start, s.End)
		}
	}
	span("headline", doc.Headline)
	for _, s := range doc.Sentences {
		span("sentence", s.Span)
		if s.FirstToken < 0 || s.EndToken > len(doc.Tokens) || s.FirstToken > s.EndToken {
			t.Fatalf("sentence token range [%d,%d) of %d tokens", s.FirstToken, s.EndToken, len(doc.Tokens))
		}
	}
	for _, tok := range doc.Tokens {
		span("token", tok.Span)
	}
	for _, x := range doc.Timexes {
		span("timex", Span{x.Start, x.End})
	}
	for _, m := range doc.Mentions {
		span("mention", m.Span)
		if m.Entity < 0 || m.Entity >= len(doc.Entities) {
			t.Fatalf("mention %q of entity %d of %d", m.Text, m.Entity, len(doc.Entities))
		}
	}
	for _, ev := range doc.Events {
		span("trigger", ev.Trigger)
		if ev.Timex >= len(doc.Timexes) || ev.Sentence < 0 || ev.Sentence >= len(doc.Sentences) {
			t.Fatalf("event %q: timex %d of %d, sentence %d of %d", ev.TriggerText, ev.Timex, len(doc.Timexes), ev.Sentence, len(doc.Sentences))
		}
		for _, args := range [][]Arg{ev.Agents, ev.Patients, ev.Locations} {
			for _, a := range args {
				if a.Entity < 0 || a.Entity >= len(doc.Entities) || a.Mention >= len(doc.Mentions) {
					t.Fatalf("event %q: argument %+v out of range", ev.TriggerText, a)
				}
			}
		}
		for _, n := range ev.Nominals {
			span("nominal", n.Span)
		}
	}
	for _, r := range doc.Relations {
		span("relation evidence", r.Evidence)
		if r.Subject < 0 || r.Subject >= len(doc.Entities) || r.Object >= len(doc.Entities) {
			t.Fatalf("relation %s: subject %d object %d of %d entities", r.Type, r.Subject, r.Object, len(doc.Entities))
		}
	}
}

// byteAt is text[i], or a rune start at the end of the text.
func byteAt(text string, i int) byte {
	if i >= len(text) {
		return 0
	}
	return text[i]
}
