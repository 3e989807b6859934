package extract

import (
	"context"
	"strings"
	"testing"
)

func TestOutletFromText(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"seed original", readSeed(t, "presstv-obama-putin.txt"), "Press TV"},
		{"seed copy", readSeed(t, "peoplesvoice-copy-obama-putin.txt"), "The People's Voice"},
		{"wire dateline", "Storm hits coast\n\nMIAMI (Reuters) - A storm hit the coast on Tuesday, officials said.\n", "Reuters"},
		{"copyright", "Storm hits coast\n\nA storm hit the coast on Tuesday, officials said.\n\n© 2024 Gulf Daily News\n", "Gulf Daily News"},
		{"none", "Storm hits coast\n\nA storm hit the coast on Tuesday, officials said.\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := p.AnnotateUntil(context.Background(), Input{Name: tc.name, Text: tc.text}, "outlet")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source != tc.want {
				t.Errorf("Source = %q, want %q", doc.Source, tc.want)
			}
		})
	}
	// An outlet given with the input wins.
	doc, err := p.AnnotateUntil(context.Background(), Input{Name: "given", Source: "Al Jazeera", Text: readSeed(t, "presstv-obama-putin.txt")}, "outlet")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source != "Al Jazeera" {
		t.Errorf("Source = %q, want the given Al Jazeera", doc.Source)
	}
}

func TestOutletEvidence(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	const body = "Turkey downs Russian jet\n\n"
	for _, tc := range []struct {
		name, url, text, want, source, evidence string
	}{
		{"wire dateline with a date", "", body + "MOSCOW, Nov 24 (Reuters) - Turkey shot down a Russian warplane, Russia said.\n", "Reuters", "dateline", "Reuters"},
		{"AP dateline", "", body + "WASHINGTON (AP) — The Senate voted Tuesday to end the standoff.\n", "Associated Press", "dateline", "AP"},
		{"old AP dash, spaced credit", "", "\n\nHAVANA (AP ) --\n\nElian Gonzalez's father said in a letter that he wants diplomats to meet his son.\n", "Associated Press", "dateline", "AP"},
		{"mixed-case place and a known credit", "", body + "Washington (CNN) — President Obama spoke with Putin on Monday.\n", "CNN", "dateline", "CNN"},
		{"credit without a place", "", body + "(CNN)President Obama spoke with Putin on Monday, the White House said.\n", "CNN", "dateline", "CNN"},
		{"not a wire credit", "", body + "The company (Apple) - which makes phones - said on Monday it would cut jobs.\n", "", "unknown", ""},
		{"byline with outlet", "", body + "By Jane Doe, Reuters\n\nTurkey shot down a Russian warplane on Tuesday, Russia said.\n", "Reuters", "byline", "Reuters"},
		{"wire writer byline", "", body + "By JOHN ROE Associated Press Writer\n\nTurkey shot down a Russian warplane on Tuesday, Russia said.\n", "Associated Press", "byline", "Associated Press"},
		{"byline with a job title only", "", body + "By Jane Doe, Staff Writer\n\nTurkey shot down a Russian warplane on Tuesday, Russia said.\n", "", "unknown", ""},
		{"news host", "https://www.reuters.com/article/us-mideast-crisis-turkey-idUSKBN0TD0IR20151124", body + "Turkey shot down a Russian warplane on Tuesday.\n", "Reuters", "url", ""},
		{"news host subdomain", "https://edition.cnn.com/2015/11/24/europe/turkey-russia-jet", body + "Turkey shot down a Russian warplane on Tuesday.\n", "CNN", "url", ""},
		{"other host: registrable domain", "https://www.theage.com.au/world/turkey-downs-jet-20151124.html", body + "Turkey shot down a Russian warplane on Tuesday.\n", "theage.com.au", "url", ""},
		{"dateline credit before the host", "https://news.yahoo.com/turkey-downs-jet-101940327.html", body + "ANKARA (Reuters) - Turkey shot down a Russian warplane on Tuesday.\n", "Reuters", "dateline", "Reuters"},
		{"credit line at the top", "", body + "Presstv.ir reports:\n\nTurkey shot down a Russian warplane on Tuesday, Russia said.\n", "Press TV", "attribution", "Presstv.ir"},
		{"editorial credit line", "", "The New York Times said in an editorial on Monday, Oct. 26:\n\nThe murder of a doctor is the latest assault on the clinics.\n", "The New York Times", "attribution", "The New York Times"},
		{"lede crediting an outlet", "", body + "Reuters reports that Turkey shot down a Russian warplane on Tuesday.\n", "Reuters", "attribution", "Reuters"},
		{"credit inside the story", "", body + "Turkey shot down a Russian warplane on Tuesday, the Financial Times reported.\n", "", "unknown", ""},
		{"person's report", "", body + "Smith reported that Turkey shot down a Russian warplane on Tuesday.\n", "", "unknown", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := p.AnnotateUntil(context.Background(), Input{Name: tc.name, URL: tc.url, Text: tc.text}, "outlet")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source != tc.want || doc.Outlet.Source != tc.source {
				t.Fatalf("outlet %q from %q, want %q from %q (%+v)", doc.Source, doc.Outlet.Source, tc.want, tc.source, doc.Outlet)
			}
			got := ""
			if doc.Outlet.Span != nil {
				got = doc.Text[doc.Outlet.Span.Start:doc.Outlet.Span.End]
			}
			if got != tc.evidence || tc.want != "" && doc.Outlet.Reason == "" {
				t.Errorf("read from %q (reason %q), want %q", got, doc.Outlet.Reason, tc.evidence)
			}
		})
	}
}

// The copy names its own site in a fact-checked-by line and credits the
// original with "Presstv.ir reports:": the site is the outlet, the credit
// is kept as turned down, with its reason and offsets.
func TestOutletSeedCopyKeepsTheCredit(t *testing.T) {
	text := readSeed(t, "peoplesvoice-copy-obama-putin.txt")
	doc := annotateUntil(t, Input{Name: "copy", Text: text}, "outlet")
	if doc.Source != "The People's Voice" || doc.Outlet.Source != "boilerplate" {
		t.Fatalf("outlet %q from %q", doc.Source, doc.Outlet.Source)
	}
	found := false
	for _, r := range doc.Outlet.Rejected {
		if r.Name == "Press TV" && r.Source == "attribution" && r.Span != nil && text[r.Span.Start:r.Span.End] == "Presstv.ir" {
			found = strings.Contains(r.Reason, "boilerplate name ranks above")
		}
	}
	if !found {
		t.Errorf("the Presstv.ir credit is not among the rejected names: %+v", doc.Outlet.Rejected)
	}
	given := annotateUntil(t, Input{Name: "given", Source: "Al Jazeera", Text: text}, "outlet")
	if given.Outlet.Source != "input" {
		t.Errorf("a given outlet: source %q, want input", given.Outlet.Source)
	}
}

func TestHostOutlet(t *testing.T) {
	for host, want := range map[string]string{
		"www.reuters.com": "Reuters", "uk.reuters.com": "Reuters", "apnews.com": "Associated Press",
		"news.bbc.co.uk": "BBC", "www.bbc.co.uk": "BBC", "abcnews.go.com": "ABC News",
		"www.nydailynews.com": "New York Daily News", "mybroadband.co.za": "mybroadband.co.za",
		"blog.example.org": "example.org", "localhost": "localhost", "": "",
	} {
		if got := hostOutlet(host); got != want {
			t.Errorf("hostOutlet(%q) = %q, want %q", host, got, want)
		}
	}
}
