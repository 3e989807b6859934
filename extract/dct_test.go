package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
