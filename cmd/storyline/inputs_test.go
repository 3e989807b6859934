package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Ingest reads HTML, JSON Lines, folders and standard input, keeping the
// metadata each format carries.
func TestIngestFormats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "formats.db")
	_, stderr, err := cli(t, "", "--db", db, "ingest", "../../testdata/input/presstv-obama-putin.html", "../../testdata/input/feed.jsonl")
	// feed.jsonl holds broken lines on purpose: they are reported, the
	// good lines stored.
	if err == nil {
		t.Fatal("ingest of a feed with broken lines exited 0")
	}
	for _, w := range []string{"feed.jsonl:4: invalid JSON", "feed.jsonl:5: missing"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr does not report %s:\n%s", w, stderr)
		}
	}
	tl := loadTimeline(t, db)
	var html, wire int
	for _, d := range tl.Documents {
		switch {
		case strings.HasSuffix(d.File, ".html"):
			html++
			if d.DateSource != "metadata" || d.Date != "2015-11-30" {
				t.Errorf("HTML page date %q from %q, want 2015-11-30 from metadata", d.Date, d.DateSource)
			}
			if d.Headline != "Obama urges Putin to de-escalate tensions with Turkey" {
				t.Errorf("HTML page headline %q", d.Headline)
			}
		case d.Outlet == "Wire Service":
			wire++
			if d.DateSource != "metadata" || !strings.HasPrefix(d.Date, "2015-11-2") {
				t.Errorf("JSON Lines article %s date %q from %q, want its date field", d.File, d.Date, d.DateSource)
			}
		}
	}
	if html != 1 || wire != 2 {
		t.Errorf("stored %d HTML pages and %d Wire Service articles, want 1 and 2: %+v", html, wire, tl.Documents)
	}
}

func TestIngestStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "stdin.db")
	_, _, err := cli(t, readFile(t, seedCopy), "--db", db, "ingest", "--source", "The People's Voice", "--date", "2015-11-30", "-")
	if err != nil {
		t.Fatal(err)
	}
	tl := loadTimeline(t, db)
	if len(tl.Documents) != 1 {
		t.Fatalf("%d documents from stdin, want 1", len(tl.Documents))
	}
	d := tl.Documents[0]
	if d.Date != "2015-11-30" || d.DateSource != "flag" || d.Outlet != "The People's Voice" {
		t.Errorf("stdin document = %+v, want date 2015-11-30 from flag, outlet The People's Voice", d)
	}
	if got := find(tl, eventQuery{class: "attack", date: "2015-11-24", patient: "Sukhoi Su-24"}); len(got) != 1 {
		t.Errorf("with --date, the shoot-down is not dated 2015-11-24 (%d events)", len(got))
	}
}

func TestIngestFolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "folder.db")
	mustCLI(t, "--db", db, "ingest", "../../testdata/input/folder")
	tl := loadTimeline(t, db)
	files := map[string]bool{}
	for _, d := range tl.Documents {
		files[filepath.Base(strings.SplitN(d.File, ":", 2)[0])] = true
	}
	for _, want := range []string{"01-crlf-bom.txt", "02-wire.txt", "page.htm", "03-feed.ndjson"} {
		if !files[want] {
			t.Errorf("folder ingest did not store %s (stored %v)", want, files)
		}
	}
	for _, skip := range []string{"README.md", "LICENSE.txt", "photo.png"} {
		if files[skip] {
			t.Errorf("folder ingest stored %s", skip)
		}
	}
}
