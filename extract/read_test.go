package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/storyline/storyline/internal/shareddata"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// rdInputDir is the reader fixtures folder, relative to this package.
const rdInputDir = "../testdata/input"

func rdPath(parts ...string) string {
	return filepath.Join(append([]string{rdInputDir}, parts...)...)
}

// rdErrStrings returns the messages of errs, checking each is a one-line
// *ReadError.
func rdErrStrings(t *testing.T, errs []error) []string {
	t.Helper()
	var out []string
	for _, err := range errs {
		var re *ReadError
		if !errors.As(err, &re) {
			t.Errorf("error %v is %T, want *ReadError", err, err)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("error message spans lines: %q", err.Error())
		}
		out = append(out, err.Error())
	}
	return out
}

func rdNames(ins []Input) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.Name)
	}
	return out
}

func TestReadInputsSeedsPlainText(t *testing.T) {
	paths := []string{
		"../testdata/seeds/presstv-obama-putin.txt",
		"../testdata/seeds/peoplesvoice-copy-obama-putin.txt",
	}
	ins, errs := ReadInputs(context.Background(), paths, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if diff := cmp.Diff(paths, rdNames(ins)); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	for i, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if ins[i].Text != string(raw) {
			t.Errorf("%s: text differs from the file", p)
		}
		if ins[i].Date != "" || ins[i].DateSource != "" || ins[i].Source != "" || ins[i].URL != "" {
			t.Errorf("%s: plain text got metadata %+v", p, ins[i])
		}
	}
	if !strings.HasPrefix(ins[0].Text, "Obama urges Putin to de-escalate tensions with Turkey\n") {
		t.Errorf("Press TV text starts %q", ins[0].Text[:60])
	}
}

func TestReadInputsHTMLPressTV(t *testing.T) {
	path := rdPath("presstv-obama-putin.html")
	ins, errs := ReadInputs(context.Background(), []string{path}, nil)
	if len(errs) > 0 || len(ins) != 1 {
		t.Fatalf("got %d inputs, errors %v", len(ins), errs)
	}
	in := ins[0]
	want := Input{
		Name:       path,
		Source:     "Press TV",
		URL:        "https://www.presstv.ir/Detail/2015/11/30/439743/Obama-Putin-Turkey-Russia-Syria",
		Date:       "2015-11-30", // article:published_time, not the 2019 modified time or caption
		DateSource: "metadata",
	}
	got := in
	got.Text = ""
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metadata (-want +got):\n%s", diff)
	}
	const head = "Obama urges Putin to de-escalate tensions with Turkey\n\nBy Press TV US Desk\n\n" +
		"US President Barack Obama held a closed-door meeting with Russian President Vladimir Putin on Monday, " +
		"urging him to de-escalate tensions with Turkey after it downed a Russian warplane.\n\n" +
		"On November 24, NATO member Turkey shot down a Russian Sukhoi Su-24 Fencer jet,"
	if !strings.HasPrefix(in.Text, head) {
		t.Errorf("text starts\n%q\nwant\n%q", in.Text[:min(len(in.Text), len(head))], head)
	}
	// Every body paragraph of the seed (the same article as plain text)
	// is one paragraph of the extracted text.
	seed, err := os.ReadFile("../testdata/seeds/presstv-obama-putin.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := map[string]bool{}
	for _, p := range strings.Split(in.Text, "\n\n") {
		paras[strings.TrimSpace(p)] = true
	}
	for _, line := range []string{
		"Putin said the aircraft had been attacked when it was 1 kilometer inside Syria. He warned of \"serious consequences\" and called it a “stab in the back” administered by \"the accomplices of terrorists.\"",
		"US can roll back Russia sanctions",
		"The Russian government confirmed on Monday that Putin and Obama held a meeting for half an hour near Paris, but did not provide more details.",
	} {
		if !strings.Contains(string(seed), line) {
			t.Fatalf("seed lacks %q", line)
		}
		if !paras[line] {
			t.Errorf("paragraph missing from HTML text: %q", line)
		}
	}
	for _, junk := range []string{"Advertisement", "Related Stories", "Most Read", "cookies", "Subscribe",
		"All rights reserved", "Middle East", "Tweet", "googletag", "Breaking", "Tags:", "<", "&amp;", "\r"} {
		if strings.Contains(in.Text, junk) {
			t.Errorf("page junk %q in text", junk)
		}
	}
	if !utf8.ValidString(in.Text) || strings.Contains(in.Text, "\n\n\n") {
		t.Errorf("text is not clean paragraphs")
	}
}

// TestReadInputsHTMLPipeline runs the page through the pipeline: the
// metadata date becomes the DCT and the title the headline.
func TestReadInputsHTMLPipeline(t *testing.T) {
	ins, errs := ReadInputs(context.Background(), []string{rdPath("presstv-obama-putin.html")}, nil)
	if len(errs) > 0 || len(ins) != 1 {
		t.Fatalf("got %d inputs, errors %v", len(ins), errs)
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := p.AnnotateUntil(context.Background(), ins[0], "dct")
	if err != nil {
		t.Fatal(err)
	}
	if doc.DCT.Value != "2015-11-30" || doc.DCT.Source != "metadata" {
		t.Errorf("DCT = %+v, want 2015-11-30 from metadata", doc.DCT)
	}
	if got := doc.Text[doc.Headline.Start:doc.Headline.End]; got != "Obama urges Putin to de-escalate tensions with Turkey" {
		t.Errorf("headline = %q", got)
	}
	if doc.Source != "Press TV" || doc.URL == "" || doc.MetaDate != "2015-11-30" {
		t.Errorf("document metadata: source %q, url %q, meta date %q", doc.Source, doc.URL, doc.MetaDate)
	}
}

func TestReadInputsHTMLMetaDate(t *testing.T) {
	path := rdPath("folder", "sub", "page.htm")
	ins, errs := ReadInputs(context.Background(), []string{path}, nil)
	if len(errs) > 0 || len(ins) != 1 {
		t.Fatalf("got %d inputs, errors %v", len(ins), errs)
	}
	want := Input{
		Name:   path,
		Source: "City Herald",
		URL:    "https://cityherald.example.com/news/2016/04/12/bridge-reopens",
		Text: "Bridge reopens after repairs\n\nBy Ana Ruiz\n\n" +
			"The Old Mill bridge reopened to traffic on Tuesday after eight months of repairs that cost the city 4.2 million dollars.\n\n" +
			"Mayor Lena Ortiz said the crossing would carry about 20,000 vehicles a day once a second lane opens in June.\n\n" +
			"Engineers found cracks in two of the bridge's steel girders during an inspection last August, and the bridge was closed the same week.\n",
		Date:       "2016-04-12",
		DateSource: "metadata",
	}
	if diff := cmp.Diff(want, ins[0]); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestReadInputsHTMLNoDateGuessing(t *testing.T) {
	// Dates in the article text are not page metadata: Input.Date stays
	// empty and the DCT stage reads the text itself.
	page := `<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>
<figure><img src="a.jpg"><figcaption>Leaders met in Paris on March 08, 2019. (AFP photo)</figcaption></figure>
<p>Negotiators met again on November 30, 2015 in Paris to discuss the dispute over the downed jet, officials said on Monday.</p>
<p>The previous round ended on 2015-11-24 without agreement, and both sides blamed each other for the failure.</p>
<p>Posted 12/01/2015 by the desk.</p>
</article></body></html>`
	ins, errs := ReadInputs(context.Background(), []string{"-"}, strings.NewReader(page))
	if len(errs) > 0 || len(ins) != 1 {
		t.Fatalf("got %d inputs, errors %v", len(ins), errs)
	}
	if ins[0].Date != "" || ins[0].DateSource != "" {
		t.Errorf("date %q (%s) guessed from the text", ins[0].Date, ins[0].DateSource)
	}
	if !strings.HasPrefix(ins[0].Text, "Talks resume\n\nNegotiators met again on November 30, 2015 in Paris") {
		t.Errorf("text = %q", ins[0].Text)
	}
}

func TestReadInputsHTMLDates(t *testing.T) {
	body := `<body><article><h1>Talks resume</h1>
<p>Negotiators met again in Paris to discuss the dispute over the downed jet, officials said on Monday in a statement to reporters.</p>
<p>The previous round ended without agreement, and both sides blamed each other for the failure of the talks in the capital.</p>
</article></body></html>`
	tests := []struct {
		name, head, date, source, byline string
	}{
		// The publisher's calendar day, not the UTC one.
		{"evening in New York", `<meta property="article:published_time" content="2015-11-30T23:30:00-05:00">`, "2015-11-30", "", ""},
		{"published, not modified", `<meta property="article:published_time" content="2015-12-01T01:30:00+09:00">` +
			`<meta property="article:modified_time" content="2016-01-01T01:30:00+09:00">`, "2015-12-01", "", ""},
		{"JSON-LD", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks resume",` +
			`"datePublished":"2015-11-30T22:00:00-08:00","author":{"@type":"Person","name":"Jo Lee"},` +
			`"publisher":{"@type":"Organization","name":"Daily Example"}}</script>`, "2015-11-30", "Daily Example", "By Jo Lee\n\n"},
		{"pubdate", `<meta name="pubdate" content="20151130">`, "2015-11-30", "", ""},
		{"none", ``, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><head><title>Talks resume</title>" + tc.head + "</head>" + body
			ins, errs := ReadInputs(context.Background(), []string{"-"}, strings.NewReader(page))
			if len(errs) > 0 || len(ins) != 1 {
				t.Fatalf("got %d inputs, errors %v", len(ins), errs)
			}
			in := ins[0]
			if in.Date != tc.date || in.Source != tc.source {
				t.Errorf("date %q, source %q; want %q, %q", in.Date, in.Source, tc.date, tc.source)
			}
			if want := "Talks resume\n\n" + tc.byline + "Negotiators met again"; !strings.HasPrefix(in.Text, want) {
				t.Errorf("text %q, want prefix %q", in.Text, want)
			}
		})
	}
}

func TestReadInputsHTMLNoArticle(t *testing.T) {
	page := `<html><head><title>Log in</title></head><body><nav><a href="/">Home</a></nav><form><input name="user"></form></body></html>`
	_, errs := ReadInputs(context.Background(), []string{"-"}, strings.NewReader(page))
	if len(errs) != 1 || !errors.Is(errs[0], ErrNoArticle) || !strings.HasPrefix(errs[0].Error(), "<stdin>: no article text found in HTML") {
		t.Errorf("errors = %v, want one ErrNoArticle", errs)
	}
}

func TestReadInputsHTMLWindows1252(t *testing.T) {
	// Not UTF-8, but the page declares its charset: decoded, not refused.
	page := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 owners protest in Montr\xe9al</title></head><body><article>" +
		"<p>Caf\xe9 owners marched through Montr\xe9al on Saturday against a new tax on terraces, organisers said.</p>" +
		"<p>The city council will vote on the measure next week, the mayor\x92s office said in a statement.</p></article></body></html>"
	ins, errs := ReadInputs(context.Background(), []string{"-"}, strings.NewReader(page))
	if len(errs) > 0 || len(ins) != 1 {
		t.Fatalf("got %d inputs, errors %v", len(ins), errs)
	}
	want := "Café owners protest in Montréal\n\nCafé owners marched through Montréal on Saturday against a new tax on terraces, organisers said.\n\n" +
		"The city council will vote on the measure next week, the mayor’s office said in a statement.\n"
	if ins[0].Text != want {
		t.Errorf("text = %q, want %q", ins[0].Text, want)
	}
}

func TestReadInputsJSONL(t *testing.T) {
	path := rdPath("feed.jsonl")
	ins, errs := ReadInputs(context.Background(), []string{path}, nil)
	want := []Input{
		{
			Name:   path + ":1",
			Source: "Wire Service",
			URL:    "https://news.example.org/2015/11/24/turkey-downs-jet",
			Text: "Turkey downs Russian warplane near Syrian border\n\n" +
				"Turkish F-16 jets shot down a Russian Su-24 bomber near the Syrian border on Tuesday, the Turkish military said.\n\n" +
				"Ankara said the aircraft had violated its airspace ten times in five minutes. Moscow denied the jet had left Syrian airspace.",
			Date: "2015-11-24", DateSource: "metadata",
		},
		{
			Name:   path + ":2",
			Source: "Wire Service",
			Text: "Putin warns of \"serious consequences\"\n\n" +
				"Russian President Vladimir Putin called the downing a “stab in the back” and warned of serious consequences for relations with Ankara.",
			Date: "2015-11-24", DateSource: "metadata",
		},
		{
			// The title is already the text's first line: not repeated.
			// The date keeps the calendar day of its own offset.
			Name:       path + ":7",
			Text:       "Climate summit opens in Paris\n\nMore than 150 world leaders gathered at Le Bourget on Monday for the opening of the UN climate conference.",
			Date:       "2015-11-30",
			DateSource: "metadata",
		},
		{
			Name:   path + ":11",
			Source: "Example Daily",
			Text:   "Windows line ends\nare normalized.\n",
		},
	}
	if diff := cmp.Diff(want, ins); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		path + ":4: invalid JSON: unexpected end of JSON input",
		path + `:5: missing "text"`,
		path + `:6: invalid "date" "Nov 25, 2015": want YYYY-MM-DD, RFC 3339 or RFC 1123`,
		path + ":9: invalid JSON: not an object",
		path + `:10: "text" is not a string`,
	}
	if diff := cmp.Diff(wantErrs, rdErrStrings(t, errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	var re *ReadError
	if errors.As(errs[0], &re) && (re.Path != path || re.Line != 4) {
		t.Errorf("ReadError = %+v, want path %s line 4", re, path)
	}
}

func TestReadInputsFolder(t *testing.T) {
	dir := rdPath("folder")
	ins, stats, errs := ReadInputsStats(context.Background(), []string{dir}, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	wantNames := []string{
		filepath.Join(dir, "01-crlf-bom.txt"),
		filepath.Join(dir, "sub", "02-wire.txt"),
		filepath.Join(dir, "sub", "deeper", "03-feed.ndjson") + ":1",
		filepath.Join(dir, "sub", "deeper", "03-feed.ndjson") + ":2",
		filepath.Join(dir, "sub", "page.htm"),
	}
	if diff := cmp.Diff(wantNames, rdNames(ins)); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	// README.md, photo.png (extensions), .draft.txt (hidden) and
	// sub/LICENSE.txt (not an article).
	wantStats := ReadStats{Files: 4, Inputs: 5, Skipped: 4, Errors: 0}
	if !cmp.Equal(stats, wantStats) {
		t.Errorf("stats = %+v, want %+v", stats, wantStats)
	}
	// The BOM is stripped and CRLF becomes LF.
	wantText := "Floods close schools in northern Italy\n\nMILAN, Oct 3 (Wire) - Heavy rain forced the closure of schools across Lombardy on Friday.\n\nThe civil protection agency said rivers would peak on Saturday.\n"
	if ins[0].Text != wantText {
		t.Errorf("CRLF/BOM text = %q", ins[0].Text)
	}
	if ins[2].Text != "Election results delayed\n\nOfficials said the count would resume on Monday." || ins[2].Date != "2015-12-06" {
		t.Errorf("ndjson input = %+v", ins[2])
	}
}

func TestReadInputsBadFiles(t *testing.T) {
	dir := rdPath("bad")
	ins, stats, errs := ReadInputsStats(context.Background(), []string{dir, "nope.txt"}, nil)
	if len(ins) != 0 {
		t.Errorf("got inputs from bad files: %v", rdNames(ins))
	}
	want := []string{
		filepath.Join(dir, "blank.txt") + ": empty file",
		filepath.Join(dir, "control.txt") + ": binary file (75% control characters in the first 480 bytes)",
		filepath.Join(dir, "empty.txt") + ": empty file",
		filepath.Join(dir, "latin1.txt") + ": invalid UTF-8 at byte 28",
		filepath.Join(dir, "photo.txt") + ": binary file (NUL byte at offset 8)",
		"nope.txt: no such file or directory",
	}
	if diff := cmp.Diff(want, rdErrStrings(t, errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	for i, target := range []error{ErrEmpty, ErrBinary, ErrEmpty, ErrInvalidUTF8, ErrBinary, fs.ErrNotExist} {
		if i < len(errs) && !errors.Is(errs[i], target) {
			t.Errorf("errors.Is(%v, %v) = false", errs[i], target)
		}
	}
	if stats.Files != 5 || stats.Errors != 6 || stats.Inputs != 0 {
		t.Errorf("stats = %+v", stats)
	}
}

func TestReadInputsGoodAmongBad(t *testing.T) {
	paths := []string{
		rdPath("bad", "photo.txt"),
		rdPath("folder", "sub", "02-wire.txt"),
		rdPath("bad", "empty.txt"),
		rdPath("folder", "sub", "02-wire.txt"), // named twice: read once
		rdPath("folder", "README.md"),          // named explicitly: read, sniffed as text
		rdPath("folder", "photo.png"),          // named explicitly: read, found binary
	}
	ins, errs := ReadInputs(context.Background(), paths, nil)
	if diff := cmp.Diff([]string{paths[1], paths[4]}, rdNames(ins)); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	if len(ins) == 2 && !strings.HasPrefix(ins[1].Text, "# Notes\n") {
		t.Errorf("README text = %q", ins[1].Text)
	}
	want := []string{
		paths[0] + ": binary file (NUL byte at offset 8)",
		paths[2] + ": empty file",
		paths[5] + ": binary file (NUL byte at offset 8)",
	}
	if diff := cmp.Diff(want, rdErrStrings(t, errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestReadInputsStdin(t *testing.T) {
	html, err := os.ReadFile(rdPath("folder", "sub", "page.htm"))
	if err != nil {
		t.Fatal(err)
	}
	u16 := utf16.Encode([]rune("Storm hits coast\r\n\r\nWinds of 120 km/h were recorded on Sunday."))
	le := []byte{0xFF, 0xFE}
	for _, u := range u16 {
		le = append(le, byte(u), byte(u>>8))
	}
	tests := []struct {
		name, stdin string
		want        []Input
		wantErrs    []string
	}{
		{
			name:  "plain text",
			stdin: "\uFEFFHeadline here\r\n\r\nBody sentence on Monday.\r\n",
			want:  []Input{{Name: "-", Text: "Headline here\n\nBody sentence on Monday.\n"}},
		},
		{
			name:  "json lines",
			stdin: "\n  {\"text\": \"Body.\", \"title\": \"T\", \"date\": \"2020-02-29\"}\n{\"title\": \"x\"}\n",
			want:  []Input{{Name: "-:2", Text: "T\n\nBody.", Date: "2020-02-29", DateSource: "metadata"}},
			wantErrs: []string{
				`<stdin>:3: missing "text"`,
			},
		},
		{
			name:  "html",
			stdin: "\n" + string(html),
			want: []Input{{Name: "-", Source: "City Herald", URL: "https://cityherald.example.com/news/2016/04/12/bridge-reopens",
				Date: "2016-04-12", DateSource: "metadata"}},
		},
		{
			name:  "utf-16",
			stdin: string(le),
			want:  []Input{{Name: "-", Text: "Storm hits coast\n\nWinds of 120 km/h were recorded on Sunday."}},
		},
		{
			name:     "empty",
			stdin:    " \n\t",
			wantErrs: []string{"<stdin>: empty file"},
		},
		{
			name:     "invalid utf-8 after BOM",
			stdin:    "\uFEFFab\xffc",
			wantErrs: []string{"<stdin>: invalid UTF-8 at byte 5"},
		},
		{
			name:     "invalid date in json",
			stdin:    `{"text": "a", "date": "2015-02-30"}`,
			wantErrs: []string{`<stdin>:1: invalid "date" "2015-02-30": want YYYY-MM-DD, RFC 3339 or RFC 1123`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ins, errs := ReadInputs(context.Background(), []string{"-"}, strings.NewReader(tc.stdin))
			if tc.name == "html" && len(ins) == 1 {
				if !strings.HasPrefix(ins[0].Text, "Bridge reopens after repairs\n\nBy Ana Ruiz\n\nThe Old Mill") {
					t.Errorf("html text = %q", ins[0].Text)
				}
				ins[0].Text = ""
			}
			if diff := cmp.Diff(tc.want, ins); diff != "" {
				t.Errorf("inputs (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantErrs, rdErrStrings(t, errs)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadInputsStdinMisuse(t *testing.T) {
	ins, errs := ReadInputs(context.Background(), []string{"-", "-"}, strings.NewReader("A\n\nB."))
	if len(ins) != 1 {
		t.Errorf("got %d inputs, want 1", len(ins))
	}
	if diff := cmp.Diff([]string{`<stdin>: "-" given more than once`}, rdErrStrings(t, errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	_, errs = ReadInputs(context.Background(), []string{"-"}, nil)
	if diff := cmp.Diff([]string{"<stdin>: no standard input"}, rdErrStrings(t, errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestReadInputsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ins, errs := ReadInputs(ctx, []string{rdPath("folder")}, nil)
	if len(ins) != 0 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("got %d inputs, errors %v; want none and context.Canceled", len(ins), errs)
	}
}

func TestReadInputsTempFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	long := bytes.Repeat([]byte("News text. "), 1000) // 11 KB
	long[9000] = 0                                    // past the 8 KB the binary check reads
	late := write("late-nul.txt", long)
	old := write("old-mac.TXT", []byte("Title\r\rBody line one.\rBody line two.\r"))
	noExt := write("article", []byte("Plain headline\n\nNo extension, sniffed as text.\n"))
	ins, errs := ReadInputs(context.Background(), []string{late, old, noExt, dir + string(filepath.Separator)}, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	// The folder adds nothing new: both .txt files were read already and
	// "article" has no article extension.
	if diff := cmp.Diff([]string{late, old, noExt}, rdNames(ins)); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	if ins[1].Text != "Title\n\nBody line one.\nBody line two.\n" {
		t.Errorf("CR line ends: %q", ins[1].Text)
	}
}

func TestReadInputsTooLarge(t *testing.T) {
	r := &inputReader{seen: map[string]bool{}, maxSize: 100}
	r.readFile(context.Background(), rdPath("folder", "sub", "page.htm"), formatHTML)
	r.readStdin(context.Background(), strings.NewReader(strings.Repeat("x", 100)))
	want := []string{rdPath("folder", "sub", "page.htm") + ": file too large (over 100 bytes)"}
	if diff := cmp.Diff(want, rdErrStrings(t, r.errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if len(r.ins) != 1 || len(r.ins[0].Text) != 100 { // exactly the limit is fine
		t.Errorf("inputs = %d", len(r.ins))
	}
	if !errors.Is(r.errs[0], ErrTooLarge) {
		t.Errorf("%v is not ErrTooLarge", r.errs[0])
	}
}

func TestNormalizeDate(t *testing.T) {
	good := map[string]string{
		"2015-11-30":                      "2015-11-30",
		"2015-11-30T23:30:00-05:00":       "2015-11-30",
		"2015-12-01T01:30:00+09:00":       "2015-12-01",
		"2015-11-30T10:00:00.123Z":        "2015-11-30",
		"2016-02-29":                      "2016-02-29",
		"2015-11-30 10:00:00":             "2015-11-30",
		"2015-11-30T10:00:00":             "2015-11-30",
		"Mon, 30 Nov 2015 23:30:00 -0500": "2015-11-30", // RSS pubDate, the day of its own offset
		"Tue, 1 Dec 2015 01:30:00 GMT":    "2015-12-01",
		"1 Dec 2015 01:30:00 +0900":       "2015-12-01",
	}
	for in, want := range good {
		got, err := normalizeDate("date", in)
		if err != nil || got != want {
			t.Errorf("normalizeDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"2015-11-31", "2015/11/30", "30 Nov 2015", "2015-11", "20151130", "2015-13-01", "Nov 25, 2015", "yesterday"} {
		if got, err := normalizeDate("date", in); err == nil {
			t.Errorf("normalizeDate(%q) = %q, want error", in, got)
		}
	}
}

// Feeds spell the date, the outlet and the address in several ways; the
// first present field of each kind wins.
func TestReadInputsJSONLFieldNames(t *testing.T) {
	lines := []string{
		`{"text": "Body.", "published": "2015-11-24T09:00:00Z", "outlet": "Reuters", "link": "https://www.reuters.com/a"}`,
		`{"text": "Body.", "pubDate": "Tue, 24 Nov 2015 09:00:00 +0000", "site": "Wire Service"}`,
		`{"text": "Body.", "publishedAt": "2015-11-24T09:00:00Z", "source": {"id": "reuters", "name": "Reuters"}, "url": "https://www.reuters.com/b"}`,
		`{"text": "Body.", "published_at": 1448355600, "source": "https://www.reuters.com/c"}`,
		`{"text": "Body.", "date": "2015-11-25", "published": "2015-11-24", "source": "Given", "outlet": "Ignored"}`,
		`{"text": "Body.", "date": null, "published": " ", "pubDate": "2015-11-24"}`,
		`{"text": "Body.", "published": "Nov 24"}`,
		`{"text": "Body.", "outlet": 7}`,
		`{"text": "Body.", "published_at": 1448355600000}`,
	}
	ins, errs := ReadInputs(context.Background(), []string{"-"}, strings.NewReader(strings.Join(lines, "\n")))
	want := []Input{
		{Name: "-:1", Text: "Body.", Source: "Reuters", URL: "https://www.reuters.com/a", Date: "2015-11-24", DateSource: "metadata"},
		{Name: "-:2", Text: "Body.", Source: "Wire Service", Date: "2015-11-24", DateSource: "metadata"},
		{Name: "-:3", Text: "Body.", Source: "Reuters", URL: "https://www.reuters.com/b", Date: "2015-11-24", DateSource: "metadata"},
		// a "source" that is an address is the URL; Unix seconds are UTC
		{Name: "-:4", Text: "Body.", URL: "https://www.reuters.com/c", Date: "2015-11-24", DateSource: "metadata"},
		{Name: "-:5", Text: "Body.", Source: "Given", Date: "2015-11-25", DateSource: "metadata"},
		{Name: "-:6", Text: "Body.", Date: "2015-11-24", DateSource: "metadata"},
		{Name: "-:9", Text: "Body.", Date: "2015-11-24", DateSource: "metadata"},
	}
	if diff := cmp.Diff(want, ins); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		`<stdin>:7: invalid "published" "Nov 24": want YYYY-MM-DD, RFC 3339 or RFC 1123`,
		`<stdin>:8: "outlet" is not a string`,
	}
	if diff := cmp.Diff(wantErrs, rdErrStrings(t, errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestReadErrorMessage(t *testing.T) {
	tests := []struct {
		err  *ReadError
		want string
	}{
		{&ReadError{Path: "a.txt", Err: ErrEmpty}, "a.txt: empty file"},
		{&ReadError{Path: "feed.jsonl", Line: 7, Err: errors.New("invalid JSON: x")}, "feed.jsonl:7: invalid JSON: x"},
		{&ReadError{Path: "b", Err: errors.New("two\nlines")}, "b: two lines"},
		{&ReadError{Path: "c"}, "c: <nil>"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

func TestReadInputsBBC(t *testing.T) {
	bbc := shareddata.Dir(t, "bbc") // text_test.go
	ins, stats, errs := ReadInputsStats(context.Background(), []string{bbc}, nil)
	// One article of the corpus is Latin-1 (a pound sign as byte 0xA3):
	// it is reported, the other 2,224 are read.
	wantErrs := []string{filepath.Join(bbc, "sport", "199.txt") + ": invalid UTF-8 at byte 257"}
	if diff := cmp.Diff(wantErrs, rdErrStrings(t, errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	// README.TXT at the top is not an article.
	if len(ins) != 2224 || stats.Files != 2225 || stats.Skipped != 1 {
		t.Errorf("read %d articles from %d files (%d skipped), want 2224 from 2225 (1 skipped)", len(ins), stats.Files, stats.Skipped)
	}
	if len(ins) > 0 {
		if want := filepath.Join(bbc, "business", "001.txt"); ins[0].Name != want {
			t.Errorf("first input %s, want %s", ins[0].Name, want)
		}
	}
	for _, in := range ins {
		if !utf8.ValidString(in.Text) || strings.Contains(in.Text, "\r") || strings.TrimSpace(in.Text) == "" {
			t.Errorf("%s: text not clean", in.Name)
		}
	}
}

func FuzzJSONLInput(f *testing.F) {
	f.Add([]byte(`{"text": "a", "title": "b", "date": "2015-11-30T10:00:00Z"}`))
	f.Add([]byte(`{"text": null}`))
	f.Add([]byte(`[1]`))
	f.Add([]byte(`{"text": "x\u0000y"}`))
	f.Add([]byte("{\"text\": \"a\"}\n\n{\"text\": 1}\n\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &inputReader{seen: map[string]bool{}, maxSize: MaxInputSize}
		r.parse(context.Background(), "f.jsonl", "f.jsonl", data, formatJSONL)
		// Read as a stream (a file), a line at a time: the same.
		st := &inputReader{seen: map[string]bool{}, maxSize: MaxInputSize}
		st.readStream(context.Background(), "f.jsonl", "f.jsonl", bytes.NewReader(data), formatJSONL)
		if !reflect.DeepEqual(r.ins, st.ins) || fmt.Sprint(r.errs) != fmt.Sprint(st.errs) {
			t.Errorf("read whole: %d inputs, %v; streamed: %d inputs, %v", len(r.ins), r.errs, len(st.ins), st.errs)
		}
		for _, in := range r.ins {
			if strings.TrimSpace(in.Text) == "" || !utf8.ValidString(in.Text) || strings.Contains(in.Text, "\r") {
				t.Errorf("bad text %q", in.Text)
			}
			if in.Date != "" {
				if _, err := normalizeDate("date", in.Date); err != nil || len(in.Date) != 10 {
					t.Errorf("bad date %q", in.Date)
				}
			}
		}
		for _, err := range r.errs {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("multi-line error %q", err)
			}
		}
	})
}

func FuzzHTMLInput(f *testing.F) {
	page, err := os.ReadFile(rdPath("folder", "sub", "page.htm"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(page)
	f.Add([]byte("<html><body><p>x</p></body></html>"))
	f.Add([]byte("<title>t</title><pre>a\nb</pre><table><tr><td>1</td><td>2</td></tr></table>"))
	f.Add([]byte("<\xff\xfe<p>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &inputReader{seen: map[string]bool{}, maxSize: MaxInputSize}
		r.parse(context.Background(), "f.html", "f.html", data, formatHTML)
		for _, in := range r.ins {
			if strings.TrimSpace(in.Text) == "" {
				t.Errorf("empty text from %q", data)
			}
			if in.Date != "" && len(in.Date) != 10 {
				t.Errorf("bad date %q", in.Date)
			}
		}
	})
}

// FuzzReadStdin feeds anything to stdin: whatever the sniffer decides,
// reading must not panic, and every input is clean UTF-8 text.
func FuzzReadStdin(f *testing.F) {
	f.Add([]byte("Headline\r\n\r\nBody."))
	f.Add([]byte("\xef\xbb\xbf{\"text\": \"a b\"}\n{"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"))
	f.Add([]byte(" <html><p>one two three four five six</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ins, errs := ReadInputs(context.Background(), []string{"-"}, bytes.NewReader(data))
		for _, in := range ins {
			if !utf8.ValidString(in.Text) || strings.TrimSpace(in.Text) == "" || strings.Contains(in.Text, "\r") {
				t.Errorf("bad text %q from %q", in.Text, data)
			}
		}
		for _, err := range errs {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("multi-line error %q", err)
			}
		}
	})
}

// BenchmarkReadHTML measures the HTML path (parse + trafilatura) on the
// Press TV page.
func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile(rdPath("presstv-obama-putin.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := htmlInput("p.html", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadHTMLRealPages measures the HTML path on 100 real web pages
// (news, blogs, several languages) that go-trafilatura ships for its own
// tests, read from the module cache; skipped when they are not there.
func BenchmarkReadHTMLRealPages(b *testing.B) {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		b.Skipf("go env GOMODCACHE: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "github.com", "markusmobius", "go-trafilatura@v1.12.2", "test-files", "comparison")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(files) < 100 {
		b.Skipf("trafilatura test pages not found in %s", dir)
	}
	var pages [][]byte
	var size int64
	for _, f := range files[:100] {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		failed := 0
		for _, data := range pages {
			if _, err := htmlInput("page.html", data); err != nil {
				failed++
			}
		}
		if failed > 10 {
			b.Fatalf("%d of %d pages failed", failed, len(pages))
		}
	}
}

// BenchmarkReadBBC measures reading the BBC folder (2,225 text files).
func BenchmarkReadBBC(b *testing.B) {
	bbc := shareddata.Dir(b, "bbc")
	var size int64
	_ = filepath.WalkDir(bbc, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
			}
		}
		return nil
	})
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if ins, _ := ReadInputs(context.Background(), []string{bbc}, nil); len(ins) < 2000 {
			b.Fatalf("read only %d articles", len(ins))
		}
	}
}
