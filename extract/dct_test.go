package extract

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/shareddata"
)

func annotateUntil(t *testing.T, in Input, last string) *Document {
	t.Helper()
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := p.AnnotateUntil(context.Background(), in, last)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// readSeed reads a seed article from testdata/seeds.
func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDCTSeedCaptionSharingHeadlineNames(t *testing.T) {
	text := readSeed(t, "presstv-obama-putin.txt")
	doc := annotateUntil(t, Input{Name: "presstv", Text: text}, "dct")
	if doc.DCT.Value != "2015-11-30" || doc.DCT.Source != "caption" {
		t.Fatalf("DCT = %q from %q, want 2015-11-30 from caption", doc.DCT.Value, doc.DCT.Source)
	}
	if doc.DCT.Span == nil || text[doc.DCT.Span.Start:doc.DCT.Span.End] != "November 30, 2015" {
		t.Errorf("DCT span = %v, want the caption's \"November 30, 2015\"", doc.DCT.Span)
	}
	found := false
	for _, r := range doc.DCT.Rejected {
		if r.Value == "2019-03-08" {
			found = true
			if !strings.Contains(r.Reason, "shares no people or places") {
				t.Errorf("2019 caption rejected for %q", r.Reason)
			}
			if text[r.Span.Start:r.Span.End] != "March 08, 2019" {
				t.Errorf("rejected span reads %q", text[r.Span.Start:r.Span.End])
			}
		}
	}
	if !found {
		t.Errorf("the March 08, 2019 caption is not in Rejected: %+v", doc.DCT.Rejected)
	}
}

func TestDCTCopyWithoutDateIsUnknown(t *testing.T) {
	doc := annotateUntil(t, Input{Name: "copy", Text: readSeed(t, "peoplesvoice-copy-obama-putin.txt")}, "dct")
	if doc.DCT.Value != "" || doc.DCT.Source != "unknown" {
		t.Fatalf("DCT = %q from %q, want unknown", doc.DCT.Value, doc.DCT.Source)
	}
}

func TestDCTFlagIsKept(t *testing.T) {
	doc := annotateUntil(t, Input{Text: readSeed(t, "presstv-obama-putin.txt"), Date: "2015-12-01", DateSource: "metadata"}, "dct")
	if doc.DCT.Value != "2015-12-01" || doc.DCT.Source != "metadata" {
		t.Fatalf("DCT = %q from %q, want the metadata date kept", doc.DCT.Value, doc.DCT.Source)
	}
}

func TestDCTSources(t *testing.T) {
	cases := []struct {
		name, text, value, source string
	}{
		{"dateline", "Storm floods coastal towns\n\nMIAMI, Sept. 3, 2004 (AP) - Hurricane Frances flooded towns on Friday.\n\nOfficials said more rain was coming.\n",
			"2004-09-03", "dateline"},
		{"byline", "Storm floods coastal towns\n\nBy Jane Roe, published March 4, 2011\n\nHurricane Frances flooded towns on Friday.\n",
			"2011-03-04", "byline"},
		{"headline", "Election results of November 3, 2020 in review\n\nVoters went to the polls on Tuesday.\n",
			"2020-11-03", "headline"},
		{"caption without shared names", "Merkel visits Paris\n\nJoe Smith (L) talks with Ann Lee in Boston on May 5, 2009. (AFP photo)\n\nThe chancellor arrived on Monday.\n",
			"", "unknown"},
		{"body date is not a dateline", "Merkel visits Paris\n\nThe chancellor, who took office in 2005, met officials on June 2, 2010, in Berlin, a spokesman said later.\n",
			"", "unknown"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := annotateUntil(t, Input{Text: c.text}, "dct")
			if doc.DCT.Value != c.value || doc.DCT.Source != c.source {
				t.Errorf("DCT = %q from %q, want %q from %q (rejected %+v)", doc.DCT.Value, doc.DCT.Source, c.value, c.source, doc.DCT.Rejected)
			}
		})
	}
}

func TestDCTFromTextAndURL(t *testing.T) {
	cases := []struct {
		name, url, text, value, source, evidence string
	}{
		{"year-less wire dateline", "", "Turkey downs Russian jet\n\nMOSCOW, Nov 24 (Reuters) - Turkey shot down a Russian warplane near the Syrian border, Russia said.\n",
			"XXXX-11-24", "dateline", "Nov 24"},
		{"dateline on its own line", "", "\n\nHAVANA, August 7 (Xinhua) --\n\nThe Cuban government Friday condemned the two bomb explosions.\n",
			"XXXX-08-07", "dateline", "August 7"},
		{"updated stamp", "", "Storm floods coast\n\nUpdated 10:14 GMT, 3 March 2020\n\nA storm flooded the coast on Monday, officials said.\n",
			"2020-03-03", "byline", "3 March 2020"},
		{"published stamp before updated", "", "Storm floods coast\n\nUpdated: 4 March 2020\nPublished: 3 March 2020\n\nA storm flooded the coast on Monday, officials said.\n",
			"2020-03-03", "byline", "3 March 2020"},
		{"date and time line", "", "Storm floods coast\n\nMarch 3, 2020 at 10:14 a.m.\n\nA storm flooded the coast on Monday, officials said.\n",
			"2020-03-03", "byline", "March 3, 2020"},
		{"stamp split by the tagger", "", "Storm floods coast\n\nMay 2, 2013, 1:12 PM\n\nA storm flooded the coast on Monday, officials said.\n",
			"2013-05-02", "byline", "May 2, 2013"},
		{"year-less stamp with a time", "", "Storm floods coast\n\nMar. 8 5:46 PM EST\n\nA storm flooded the coast on Monday, officials said.\n",
			"XXXX-03-08", "byline", "Mar. 8"},
		{"url path", "https://www.example.com/news/2015/11/24/turkey-downs-jet", "Turkey downs Russian jet\n\nTurkey shot down a Russian warplane on Tuesday.\n",
			"2015-11-24", "url", ""},
		{"url month gives the dateline its year", "https://www.example.com/2015/11/turkey-downs-jet.html", "Turkey downs Russian jet\n\nMOSCOW, Nov 24 (Reuters) - Turkey shot down a Russian warplane.\n",
			"2015-11-24", "dateline", "Nov 24"},
		{"full url date outranks a year-less dateline", "https://example.com/2015-11-25/jet", "Turkey downs Russian jet\n\nMOSCOW, Nov 24 (Reuters) - Turkey shot down a Russian warplane.\n",
			"2015-11-25", "url", ""},
		{"a full date of the same day gives the year", "", "Jet downed on Nov. 24, 2015\n\nMOSCOW, Nov 24 (Reuters) - Turkey shot down a Russian warplane.\n",
			"2015-11-24", "headline", "Nov. 24, 2015"},
		{"lede speaking of today", "", "Senate votes\n\nToday, Tuesday, March 3, 2020, the Senate votes on the bill, its leaders said.\n",
			"2020-03-03", "lede", "Tuesday, March 3, 2020"},
		{"event date in the lede", "", "Suspect charged\n\nOn March 3, 2019, police arrested a man who is now charged with the robbery, prosecutors said.\n",
			"", "unknown", ""},
		{"fixture, not a stamp", "", "France v Wales (Sat)\n\nStade de France, Paris\n\nSaturday, 26 February\n\n1600 GMT\n\nFrance may have beaten Scotland but they face a test.\n",
			"", "unknown", ""},
		{"first line is a story sentence", "", "Foreign ministers agreed on Friday to set up a panel to investigate who shot down the plane on April 6, 1994.\n\nThe panel will report next year.\n",
			"", "unknown", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := annotateUntil(t, Input{Text: c.text, URL: c.url}, "dct")
			if doc.DCT.Value != c.value || doc.DCT.Source != c.source {
				t.Fatalf("DCT = %q from %q, want %q from %q (rejected %+v)", doc.DCT.Value, doc.DCT.Source, c.value, c.source, doc.DCT.Rejected)
			}
			got := ""
			if doc.DCT.Span != nil {
				got = doc.Text[doc.DCT.Span.Start:doc.DCT.Span.End]
			}
			if got != c.evidence {
				t.Errorf("DCT read from %q, want %q", got, c.evidence)
			}
		})
	}
}

// Every candidate not used keeps its reason and where it was read.
func TestDCTRejectedReasons(t *testing.T) {
	text := "Suspect charged\n\nWASHINGTON (AP) — On March 3, 2019, police arrested a man who was charged Tuesday, prosecutors said.\n"
	doc := annotateUntil(t, Input{Text: text}, "dct")
	if doc.DCT.Value != "" {
		t.Fatalf("DCT = %q from %q, want unknown", doc.DCT.Value, doc.DCT.Source)
	}
	reasons := map[string]string{}
	for _, r := range doc.DCT.Rejected {
		reasons[text[r.Span.Start:r.Span.End]] = r.Reason
	}
	if !strings.Contains(reasons["March 3, 2019"], "dates an event") {
		t.Errorf("March 3, 2019: reason %q", reasons["March 3, 2019"])
	}
	if !strings.Contains(reasons["Tuesday"], "news day") {
		t.Errorf("Tuesday after a wire dateline: reason %q", reasons["Tuesday"])
	}
}

// A full URL date outranks a year-less dateline of the same day, which is
// kept with the reason.
func TestDCTPartialAgreeingWithURL(t *testing.T) {
	text := "Turkey downs Russian jet\n\nMOSCOW, Nov 24 (Reuters) - Turkey shot down a Russian warplane.\n"
	doc := annotateUntil(t, Input{Text: text, URL: "https://www.reuters.com/article/2015/11/24/us-turkey-jet"}, "dct")
	if doc.DCT.Value != "2015-11-24" || doc.DCT.Source != "url" || doc.DCT.Span != nil {
		t.Fatalf("DCT = %q from %q (span %v), want 2015-11-24 from the url", doc.DCT.Value, doc.DCT.Source, doc.DCT.Span)
	}
	if len(doc.DCT.Rejected) != 1 || doc.DCT.Rejected[0].Value != "XXXX-11-24" || doc.DCT.Rejected[0].Reason != "no year; the same day as the url date" ||
		text[doc.DCT.Rejected[0].Span.Start:doc.DCT.Rejected[0].Span.End] != "Nov 24" {
		t.Errorf("rejected %+v", doc.DCT.Rejected)
	}
}

// A year-less dateline still dates relative expressions by its month and day.
func TestDCTPartialResolvesTimexes(t *testing.T) {
	text := "Turkey downs Russian jet\n\nMOSCOW, Nov 24 (Reuters) - Russia said on Tuesday that a jet it lost yesterday had not left Syrian airspace, unlike last year.\n"
	doc := annotateUntil(t, Input{Text: text}, "timex")
	vals := map[string]string{}
	for _, tx := range doc.Timexes {
		vals[tx.Text] = tx.Value
	}
	if vals["yesterday"] != "XXXX-11-23" || vals["last year"] != "XXXX" || vals["Nov 24"] != "XXXX-11-24" {
		t.Errorf("timexes against the DCT %s: %v", doc.DCT.Value, vals)
	}
}

// On TimeBank and AQUAINT articles, whose gold DCT is known: a date is read
// only from wire datelines, and it is the archive's date or the day before
// (a dateline names the news day; the archive stamps its transmission).
func TestDCTOnTimeMLArticles(t *testing.T) {
	dir := shareddata.Dir(t, "timeml", "tbaq")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.tml"))
	dctRE := regexp.MustCompile(`<DCT><TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)`)
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		m := dctRE.FindStringSubmatch(src)
		start, end := strings.Index(src, "<TEXT>"), strings.LastIndex(src, "</TEXT>")
		if m == nil || start < 0 || end < start {
			continue
		}
		text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(src[start+6:end], ""))
		doc, err := p.AnnotateUntil(context.Background(), Input{Name: f, Text: text}, "dct")
		if err != nil {
			t.Fatal(err)
		}
		v := doc.DCT.Value
		if v == "" {
			continue
		}
		found++
		gold, _ := time.Parse("2006-01-02", m[1])
		if v[4:] != gold.Format("-01-02") && v[4:] != gold.AddDate(0, 0, -1).Format("-01-02") ||
			v[:4] != "XXXX" && v[:4] != m[1][:4] || doc.DCT.Source != "dateline" {
			t.Errorf("%s: DCT %s from %s (%q), gold %s", filepath.Base(f), v, doc.DCT.Source, clip(text[doc.DCT.Span.Start:], 30), m[1])
		}
	}
	if found < 12 {
		t.Errorf("%d of %d articles dated, want at least 12 (their wire datelines)", found, len(files))
	}
}

// BBC News articles carry no dateline, byline or stamp: no date is made up.
func TestDCTNoneInventedOnBBC(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range shareddata.BBC(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.AnnotateUntil(context.Background(), Input{Name: f, Text: string(b)}, "dct")
		if err != nil {
			t.Fatal(err)
		}
		if doc.DCT.Value != "" || doc.Source != "" {
			t.Errorf("%s: DCT %q from %s, outlet %q from %s", f, doc.DCT.Value, doc.DCT.Source, doc.Source, doc.Outlet.Source)
		}
	}
}
