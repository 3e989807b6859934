package extract

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"github.com/storyline/storyline/internal/shareddata"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline/extract/timex"
)

// tmlTimex is a TIMEX3 read back from TimeML: its span in the text and
// its attributes.
type tmlTimex struct {
	Start, End int
	Attrs      map[string]string
}

// tmlDoc is a TimeML document read back: DOCID, the DCT's TIMEX3
// attributes, the TEXT content with tags removed, and its TIMEX3s.
type tmlDoc struct {
	DocID   string
	DCT     map[string]string
	Text    string
	Timexes []tmlTimex
}

// tmlParse reads TimeML strictly with encoding/xml. Tags other than
// TIMEX3 inside TEXT (EVENT, SIGNAL in TimeBank) are dropped, keeping
// their text.
func tmlParse(data []byte) (*tmlDoc, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	doc := &tmlDoc{}
	var text strings.Builder
	var stack []string
	var open []int // indexes into doc.Timexes of open TIMEX3s in TEXT
	within := func(name string) bool {
		for _, s := range stack {
			if s == name {
				return true
			}
		}
		return false
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
			}
			if tok.Name.Local == "TIMEX3" {
				switch {
				case within("DCT"):
					doc.DCT = attrs
				case within("TEXT"):
					doc.Timexes = append(doc.Timexes, tmlTimex{Start: text.Len(), Attrs: attrs})
					open = append(open, len(doc.Timexes)-1)
				}
			}
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if tok.Name.Local == "TIMEX3" && within("TEXT") && len(open) > 0 {
				doc.Timexes[open[len(open)-1]].End = text.Len()
				open = open[:len(open)-1]
			}
		case xml.CharData:
			switch {
			case within("TEXT"):
				text.Write(tok)
			case len(stack) > 0 && stack[len(stack)-1] == "DOCID":
				doc.DocID += string(tok)
			}
		}
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("unclosed elements %v", stack)
	}
	doc.Text = text.String()
	return doc, nil
}

// tmlSpan builds a timex over the n-th (0-based) occurrence of s in text.
func tmlSpan(t *testing.T, text, s string, n int, typ, value string) timex.Timex {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], s)
		if j < 0 {
			t.Fatalf("%q occurrence %d not in text", s, n)
		}
		if i == n {
			start := off + j
			return timex.Timex{Start: start, End: start + len(s), Text: s, Type: typ, Value: value, AnchorIndex: -1}
		}
		off += j + len(s)
	}
}

func TestWriteTimeMLSeed(t *testing.T) {
	raw, err := os.ReadFile("../testdata/seeds/presstv-obama-putin.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	caption := tmlSpan(t, text, "March 08, 2019", 0, "DATE", "2019-03-08")
	nov30 := tmlSpan(t, text, "November 30, 2015", 0, "DATE", "2015-11-30")
	monday := tmlSpan(t, text, "Monday", 0, "DATE", "2015-11-30")
	monday.Anchor = "dct"
	nov24 := tmlSpan(t, text, "November 24", 0, "DATE", "2015-11-24")
	nov24.Anchor, nov24.AnchorIndex = "text", 1
	day24 := tmlSpan(t, text, "24", 0, "DATE", "XXXX-XX-24") // nested in "November 24": dropped
	day24.Start, day24.End = nov24.End-2, nov24.End
	since := tmlSpan(t, text, "since September 30", 0, "DATE", "2015-09-30")
	since.Range = "begin"
	sept := since // starts inside "since September 30": dropped
	sept.Start, sept.End, sept.Value = since.Start+6, since.End+9, "2015-09-30"
	years := tmlSpan(t, text, "more than four years", 0, "DURATION", "P4Y")
	years.Mod = "MORE_THAN"
	quote := strings.Index(text, "“stab")
	doc := &Document{
		Name: "testdata/seeds/presstv-obama-putin.txt",
		Text: text,
		DCT:  DCT{Value: "2015-11-30", Source: "dateline"},
		Timexes: []timex.Timex{
			caption, nov30, monday, nov24, day24, since, sept, years,
			{Start: 50, End: 40, Type: "DATE", Value: "bad"},               // reversed
			{Start: len(text) - 2, End: len(text) + 5, Value: "bad"},       // out of range
			{Start: quote + 1, End: quote + 8, Type: "DATE", Value: "bad"}, // inside a rune
			{Start: -3, End: 2, Type: "DATE", Value: "bad"},
		},
	}
	var buf bytes.Buffer
	if err := WriteTimeML(&buf, doc); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	got, err := tmlParse(buf.Bytes())
	if err != nil {
		t.Fatalf("output is not well-formed XML: %v", err)
	}
	if got.Text != text {
		t.Errorf("TEXT without tags differs from the input")
	}
	if got.DocID != "presstv-obama-putin" {
		t.Errorf("DOCID = %q", got.DocID)
	}
	wantDCT := map[string]string{"tid": "t0", "type": "DATE", "value": "2015-11-30", "temporalFunction": "false", "functionInDocument": "CREATION_TIME"}
	if diff := cmp.Diff(wantDCT, got.DCT); diff != "" {
		t.Errorf("DCT (-want +got):\n%s", diff)
	}
	type span struct {
		Tid, Text, Type, Value, Mod, Anchor string
	}
	var spans []span
	for _, x := range got.Timexes {
		spans = append(spans, span{x.Attrs["tid"], text[x.Start:x.End], x.Attrs["type"], x.Attrs["value"], x.Attrs["mod"], x.Attrs["anchorTimeID"]})
	}
	want := []span{
		{"t1", "March 08, 2019", "DATE", "2019-03-08", "", ""},
		{"t2", "November 30, 2015", "DATE", "2015-11-30", "", ""},
		{"t3", "Monday", "DATE", "2015-11-30", "", "t0"},
		{"t4", "November 24", "DATE", "2015-11-24", "", "t2"},
		{"t6", "since September 30", "DATE", "2015-09-30", "", ""},
		{"t8", "more than four years", "DURATION", "P4Y", "MORE_THAN", ""},
	}
	if diff := cmp.Diff(want, spans); diff != "" {
		t.Errorf("timexes (-want +got):\n%s", diff)
	}
	for _, s := range []string{
		"<?xml version=\"1.0\" ?>\n<TimeML>\n\n<DOCID>presstv-obama-putin</DOCID>\n\n" +
			"<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2015-11-30\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">2015-11-30</TIMEX3></DCT>\n\n" +
			"<TEXT>Obama urges Putin to de-escalate tensions with Turkey\n",
		`on <TIMEX3 tid="t3" type="DATE" value="2015-11-30" temporalFunction="true" anchorTimeID="t0" functionInDocument="NONE">Monday</TIMEX3>, urging`,
		`<TIMEX3 tid="t8" type="DURATION" value="P4Y" mod="MORE_THAN" temporalFunction="false" functionInDocument="NONE">more than four years</TIMEX3>.`,
		"</TEXT>\n\n</TimeML>\n",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
}

// TestWriteTimeMLPipelineSeeds writes what the real pipeline finds in the
// seeds: whatever the tagger does, the output is well-formed, gives back
// the text, and carries each kept timex with its value.
func TestWriteTimeMLPipelineSeeds(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"presstv-obama-putin.txt", "peoplesvoice-copy-obama-putin.txt"} {
		raw, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.AnnotateUntil(context.Background(), Input{Name: name, Text: string(raw)}, "timex")
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteTimeML(&buf, doc); err != nil {
			t.Fatal(err)
		}
		got, err := tmlParse(buf.Bytes())
		if err != nil {
			t.Fatalf("%s: output is not well-formed: %v", name, err)
		}
		if got.Text != doc.Text {
			t.Errorf("%s: text changed", name)
		}
		wantDCT := doc.DCT.Value
		if wantDCT == "" {
			wantDCT = "XXXX-XX-XX"
		}
		if got.DCT["value"] != wantDCT {
			t.Errorf("%s: DCT value %q, want %q", name, got.DCT["value"], wantDCT)
		}
		kept := keptTimexes(doc.Timexes, doc.Text)
		if len(got.Timexes) != len(kept) {
			t.Fatalf("%s: %d TIMEX3 tags for %d kept timexes", name, len(got.Timexes), len(kept))
		}
		for j, x := range got.Timexes {
			want := doc.Timexes[kept[j]]
			if x.Start != want.Start || x.End != want.End || x.Attrs["value"] != want.Value || x.Attrs["tid"] != fmt.Sprintf("t%d", kept[j]+1) {
				t.Errorf("%s: tag %+v for timex %+v", name, x, want)
			}
		}
	}
}

func TestWriteTimeMLEscaping(t *testing.T) {
	text := "AT&T <b>said</b> \"on\r\nFriday\" it\fwill\ttalk in 2 > 1 weeks\x00."
	friday := strings.Index(text, "Friday")
	doc := &Document{
		ID:   "sha256:abc",
		Name: "-",
		Text: text,
		Timexes: []timex.Timex{
			{Start: friday, End: friday + 6, Type: "DATE", Value: `XXXX-WXX-5"&<`, Anchor: "none", AnchorIndex: -1},
			{Start: strings.Index(text, "2 > 1 weeks"), End: strings.Index(text, "\x00"), Type: "DURATION", Value: "P2W"},
		},
	}
	var buf bytes.Buffer
	if err := WriteTimeML(&buf, doc); err != nil {
		t.Fatal(err)
	}
	want := "<?xml version=\"1.0\" ?>\n<TimeML>\n\n<DOCID>sha256:abc</DOCID>\n\n" +
		"<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"XXXX-XX-XX\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">XXXX-XX-XX</TIMEX3></DCT>\n\n" +
		"<TEXT>AT&amp;T &lt;b&gt;said&lt;/b&gt; \"on&#xD;\n" +
		"<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"XXXX-WXX-5&quot;&amp;&lt;\" temporalFunction=\"true\" functionInDocument=\"NONE\">Friday</TIMEX3>\" it will\ttalk in " +
		"<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2W\" temporalFunction=\"false\" functionInDocument=\"NONE\">2 &gt; 1 weeks</TIMEX3> .</TEXT>\n\n</TimeML>\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	got, err := tmlParse(buf.Bytes())
	if err != nil {
		t.Fatalf("output is not well-formed XML: %v", err)
	}
	// Form feed and NUL are not allowed in XML 1.0: they become spaces;
	// everything else, \r included, comes back byte for byte.
	if wantText := strings.NewReplacer("\f", " ", "\x00", " ").Replace(text); got.Text != wantText {
		t.Errorf("text = %q, want %q", got.Text, wantText)
	}
	if len(got.Timexes) != 2 || got.Timexes[0].Attrs["value"] != `XXXX-WXX-5"&<` {
		t.Errorf("timexes = %+v", got.Timexes)
	}
}

func TestWriteTimeMLEmptyAndErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTimeML(&buf, &Document{Name: "dir/a.html"}); err != nil {
		t.Fatal(err)
	}
	got, err := tmlParse(buf.Bytes())
	if err != nil || got.Text != "" || got.DocID != "a" || len(got.Timexes) != 0 {
		t.Errorf("empty document: %+v, %v", got, err)
	}
	if err := WriteTimeML(&buf, nil); err == nil {
		t.Error("nil document: no error")
	}
	errDisk := errors.New("disk full")
	err = WriteTimeML(tmlFailWriter{errDisk}, &Document{Name: "x.txt", Text: strings.Repeat("text ", 2000)})
	if !errors.Is(err, errDisk) || !strings.Contains(err.Error(), "writing TimeML for x") {
		t.Errorf("write error = %v", err)
	}
}

type tmlFailWriter struct{ err error }

func (w tmlFailWriter) Write(p []byte) (int, error) { return 0, w.err }

// TestWriteTimeMLTimeBank rebuilds every TimeBank and AQUAINT document
// from its gold TIMEX3s, writes it and reads it back: text, spans and
// values must survive exactly.
func TestWriteTimeMLTimeBank(t *testing.T) {
	root := shareddata.Dir(t, filepath.Join("timeml", "tbaq")) // text_test.go
	files, err := filepath.Glob(filepath.Join(root, "*", "*.tml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 257 {
		t.Fatalf("found %d .tml files under %s, want 257", len(files), root)
	}
	timexes := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := tmlParse(data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		doc := &Document{Name: f, Text: gold.Text, DCT: DCT{Value: gold.DCT["value"]}}
		for _, x := range gold.Timexes {
			doc.Timexes = append(doc.Timexes, timex.Timex{Start: x.Start, End: x.End, Type: x.Attrs["type"],
				Value: x.Attrs["value"], Mod: x.Attrs["mod"], AnchorIndex: -1})
		}
		var buf bytes.Buffer
		if err := WriteTimeML(&buf, doc); err != nil {
			t.Fatal(err)
		}
		back, err := tmlParse(buf.Bytes())
		if err != nil {
			t.Errorf("%s: output is not well-formed: %v", f, err)
			continue
		}
		if back.Text != gold.Text {
			t.Errorf("%s: text changed", f)
		}
		if back.DocID != strings.TrimSuffix(filepath.Base(f), ".tml") || back.DCT["value"] != gold.DCT["value"] {
			t.Errorf("%s: DOCID %q, DCT %q", f, back.DocID, back.DCT["value"])
		}
		if len(back.Timexes) != len(gold.Timexes) {
			t.Errorf("%s: %d timexes back, %d written", f, len(back.Timexes), len(gold.Timexes))
			continue
		}
		for i, x := range back.Timexes {
			g := gold.Timexes[i]
			if x.Start != g.Start || x.End != g.End || x.Attrs["value"] != g.Attrs["value"] ||
				x.Attrs["type"] != g.Attrs["type"] || x.Attrs["mod"] != g.Attrs["mod"] {
				t.Errorf("%s: timex %d = %+v, want %+v", f, i, x, g)
			}
		}
		timexes += len(back.Timexes)
	}
	// The files hold 2,112 TIMEX3s, 257 of them DCTs.
	if timexes != 2112-257 {
		t.Errorf("round-tripped %d timexes in TEXT, want %d", timexes, 2112-257)
	}
}

func FuzzWriteTimeML(f *testing.F) {
	f.Add("Talks on Monday & <Tuesday>\r\n", 9, 15, 8, 12)
	f.Add("caf\u00e9 \xff\x01 2015", 0, 4, 3, 20)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		doc := &Document{Text: text, Timexes: []timex.Timex{
			{Start: s1, End: e1, Type: "DATE", Value: text[:min(len(text), 3)]},
			{Start: s2, End: e2, Type: "TIME", Value: "x", Anchor: "text", AnchorIndex: 0},
		}}
		var buf bytes.Buffer
		if err := WriteTimeML(&buf, doc); err != nil {
			t.Fatal(err)
		}
		got, err := tmlParse(buf.Bytes())
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, buf.String())
		}
		clean := utf8.ValidString(text) && !strings.ContainsFunc(text, func(r rune) bool {
			return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
		})
		if clean && got.Text != text {
			t.Errorf("text %q came back as %q", text, got.Text)
		}
		if len(got.Timexes) > 2 {
			t.Errorf("%d timexes from 2", len(got.Timexes))
		}
	})
}
