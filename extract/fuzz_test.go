package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/shareddata"
)

// Fuzz targets of this package, one per reader and one for the whole
// pipeline; .ci/run runs each for a few seconds. Run one long with
//
//	go test ./extract -run '^$' -fuzz '^FuzzPipeline$' -fuzztime 10m -parallel 1
//
// A finding is written to testdata/fuzz/NAME/ and then runs with every
// go test as a regression test.

// sharedSeeds returns up to n files matching pattern under
// ../shared/data, in path order; none when the data is absent.
func sharedSeeds(pattern string, n int) [][]byte {
	root, err := shareddata.Root()
	if err != nil {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(root, "..", "shared", "data", pattern))
	var out [][]byte
	for _, f := range files {
		if len(out) == n {
			break
		}
		if b, err := os.ReadFile(f); err == nil {
			out = append(out, b)
		}
	}
	return out
}

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
	for _, b := range sharedSeeds("bbc/*/00[1-3].txt", 15) {
		f.Add(string(b), "")
	}
	for name, text := range adversarialInputs() {
		if strings.HasSuffix(name, ".txt") {
			f.Add(text[:4096], "")
		}
	}
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
		if errors.Is(err, ErrInternal) {
			t.Fatalf("a stage panicked: %v", err) // recovered for users, a bug all the same
		}
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

// FuzzReadText reads anything as a plain text file: an article whose text
// is the file's (line ends made LF, byte order mark dropped), or one
// one-line error.
func FuzzReadText(f *testing.F) {
	for _, name := range []string{"presstv-obama-putin.txt", "peoplesvoice-copy-obama-putin.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, name := range []string{"blank.txt", "control.txt", "empty.txt", "latin1.txt", "photo.txt"} {
		if b, err := os.ReadFile(rdPath("bad", name)); err == nil {
			f.Add(b)
		}
	}
	for _, b := range sharedSeeds("bbc/*/00[1-2].txt", 10) {
		f.Add(b)
	}
	f.Add([]byte("\xef\xbb\xbfA\r\nB\rC"))
	f.Add([]byte("\xfe\xff\x00A\x00\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &inputReader{seen: map[string]bool{}, maxSize: MaxInputSize}
		r.parse(context.Background(), "f.txt", "f.txt", data, formatText)
		if len(r.ins)+len(r.errs) != 1 {
			t.Fatalf("%d articles and %d errors, want one of either", len(r.ins), len(r.errs))
		}
		for _, err := range r.errs {
			if msg := err.Error(); !strings.HasPrefix(msg, "f.txt: ") || strings.Contains(msg, "\n") {
				t.Errorf("error %q is not one line naming the file", msg)
			}
		}
		for _, in := range r.ins {
			if !utf8.ValidString(in.Text) || strings.Contains(in.Text, "\r") || strings.TrimSpace(in.Text) == "" {
				t.Errorf("bad text %q", in.Text)
			}
			if !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
				raw := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
				if in.Text != normalizeNewlines(string(raw)) {
					t.Errorf("text %q is not the file's %q", in.Text, raw)
				}
			}
		}
	})
}

// FuzzFlattenHTML: flattening keeps the page when nothing is too deep or
// too many, never grows it, and its output needs no more flattening.
func FuzzFlattenHTML(f *testing.F) {
	for _, p := range []string{rdPath("presstv-obama-putin.html"), rdPath("folder", "sub", "page.htm")} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, 6, 50)
		}
	}
	f.Add([]byte("<div><div><div><script>x<div></script><p>a<p>b</div></div><li>c<li>d"), 2, 10)
	f.Add([]byte("<plaintext><div><div>"), 1, 3)
	f.Add([]byte("<textarea><b></textarea><b><b><b><br/><svg/><svg>"), 2, 5)
	f.Fuzz(func(t *testing.T, data []byte, depth, elements int) {
		depth, elements = 1+abs(depth)%64, 1+abs(elements)%256
		out, deep, cut := flattenHTML(data, depth, elements)
		if len(out) > len(data) || cut > len(data) {
			t.Fatalf("flattened %d bytes into %d (cut at %d)", len(data), len(out), cut)
		}
		if deep == 0 && cut == 0 && !bytes.Equal(out, data) {
			t.Fatalf("nothing dropped, yet the page changed: %q -> %q", data, out)
		}
		if again, deep2, cut2 := flattenHTML(out, depth, elements); deep2 != 0 || cut2 != 0 || !bytes.Equal(again, out) {
			t.Fatalf("the flattened page %q needs flattening again (%d deep, cut at %d)", out, deep2, cut2)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
