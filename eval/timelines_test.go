package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/timeline"
)

const taskDocFixture = `<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>42</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2008-01-09">2008-01-09</TIMEX3></DCT>
<EXTRAINFO>Acme opens   a store</EXTRAINFO>
<TEXT><s id="1">January 09 , 2008</s><s id="2">Acme <EVENT eid="e1">launched</EVENT> the " Widget Store " ( online ) , Acme 's shop .</s><s id="3">It was <EVENT eid="e2">taken</EVENT> out on April 28 , 2003 &amp; sold .</s></TEXT>
</TimeML>
`

func parseFixture(t *testing.T) *TaskDoc {
	t.Helper()
	d, err := ParseTaskDoc("dir/42.tml", []byte(taskDocFixture))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// span is the byte span of the first occurrence of s in text.
func span(t *testing.T, text, s string) (int, int) {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in text", s)
	}
	return i, i + len(s)
}

func TestParseTaskDocRebuildsText(t *testing.T) {
	d := parseFixture(t)
	want := "Acme opens a store\n\nJanuary 09, 2008\n\n" +
		"Acme launched the \"Widget Store\" (online), Acme's shop.\n\n" +
		"It was taken out on April 28, 2003 & sold.\n\n"
	if d.Text != want {
		t.Errorf("text\n%q\nwant\n%q", d.Text, want)
	}
	if d.Name != "42.tml" || d.ID != "42" || d.DCT != "2008-01-09" || d.Title != "Acme opens a store" {
		t.Errorf("name %q id %q dct %q title %q", d.Name, d.ID, d.DCT, d.Title)
	}
	if len(d.Tokens) != 4+15+12 {
		t.Errorf("%d tokens, want 31", len(d.Tokens))
	}
	for _, tok := range d.Tokens {
		if d.Text[tok.Start:tok.End] != tok.Word {
			t.Errorf("token %q at %d:%d reads %q", tok.Word, tok.Start, tok.End, d.Text[tok.Start:tok.End])
		}
	}
	for _, c := range []struct{ text, want string }{
		{"launched", "42-2-launched"},
		{"taken out", "42-3-taken_out"},
		{"aunch", "42-2-launched"}, // a part of a token is the token
		{"Widget Store", "42-2-Widget_Store"},
		{"shop.\n\nIt", "42-2-shop_."}, // a span across sentences keeps the first
		{"opens", ""},                  // the headline is no task sentence
	} {
		s, e := span(t, d.Text, c.text)
		if got := d.MentionID(s, e); got != c.want {
			t.Errorf("MentionID(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestParseTaskDocErrors(t *testing.T) {
	for name, src := range map[string]string{
		"no DCT":       strings.Replace(taskDocFixture, `value="2008-01-09"`, "", 1),
		"no DOCID":     strings.Replace(taskDocFixture, "<DOCID>42</DOCID>", "", 1),
		"no sentences": strings.NewReplacer("<s id=", "<p id=", "</s>", "</p>").Replace(taskDocFixture),
		"broken XML":   strings.Replace(taskDocFixture, "</TEXT>", "", 1),
		"bad DCT":      strings.Replace(taskDocFixture, `value="2008-01-09"`, `value="PRESENT_REF"`, 1),
	} {
		if _, err := ParseTaskDoc("x.tml", []byte(src)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestParseTaskTimeline(t *testing.T) {
	tl, err := ParseTaskTimeline("g.txt", []byte("iPhone 3G\r\n1\t2008-06-09\t12315-2-launched\t12315-3-launching\t\r\n\n2\tXXXX-XX-XX\r\n3\t2010\t1-2-x\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := &TaskTimeline{Entity: "iPhone 3G", Rows: []TaskRow{
		{1, "2008-06-09", []string{"12315-2-launched", "12315-3-launching"}},
		{3, "2010", []string{"1-2-x"}},
	}}
	if !reflect.DeepEqual(tl, want) {
		t.Errorf("got %+v, want %+v", tl, want)
	}
	if got := want.Format(); got != "iPhone 3G\n1\t2008-06-09\t12315-2-launched\t12315-3-launching\n3\t2010\t1-2-x\n" {
		t.Errorf("Format: %q", got)
	}
	for _, bad := range []string{"", "\n1\t2008\tx\n", "X\none\t2008\t1-2-x\n"} {
		if _, err := ParseTaskTimeline("g.txt", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestTaskDate(t *testing.T) {
	for v, want := range map[string]string{
		"2008-06-09": "2008-06-09", "2008-06-09T14:30": "2008-06-09", "2008-06": "2008-06", "2008": "2008",
		"2008-W23": "2008", "2008-Q2": "2008", "2008-SU": "2008", "XXXX-11-24": "XXXX-XX-XX",
		"PRESENT_REF": "XXXX-XX-XX", "199": "XXXX-XX-XX", "": "XXXX-XX-XX", "2008-6": "XXXX-XX-XX",
	} {
		if got := taskDate(v); got != want {
			t.Errorf("taskDate(%q) = %q, want %q", v, got, want)
		}
	}
}

func TestSystemTimelineRows(t *testing.T) {
	d := parseFixture(t)
	src := func(text string) timeline.Source {
		s, e := span(t, d.Text, text)
		return timeline.Source{Document: "doc:42", Start: s, End: e}
	}
	tl := &timeline.Timeline{
		Documents: []timeline.Document{{ID: "doc:42", File: "42.tml"}, {ID: "doc:7", File: "7.tml"}},
		Events: []timeline.Event{
			{ID: "a", Date: "", Sources: []timeline.Source{src("launched")}},
			{ID: "b", Date: "2008-06-09T10:00", Sources: []timeline.Source{src("taken out"), src("launched")}},
			{ID: "c", Date: "2008", Sources: []timeline.Source{src("opens"), src("shop")}},
			{ID: "d", Date: "2008-W23", Sources: []timeline.Source{src("online"), {Document: "doc:7", Start: 0, End: 3}}},
			{ID: "e", Date: "2008-06", Sources: []timeline.Source{src("sold")}},
			{ID: "f", Date: "2003", Sources: []timeline.Source{src("opens")}}, // headline only: no row
		},
	}
	got := systemTimeline("Acme", tl, []*TaskDoc{d}).Format()
	want := "Acme\n" +
		"0\tXXXX-XX-XX\t42-2-launched\n" +
		"1\t2008\t42-2-shop\n" +
		"1\t2008\t42-2-online\n" +
		"2\t2008-06\t42-3-sold\n" +
		"3\t2008-06-09\t42-3-taken_out\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTimelinesTrialSet(t *testing.T) {
	dir := shareddata.Dir(t, "timelines", "trial")
	docs, gold := filepath.Join(dir, "docs"), filepath.Join(dir, "gold")
	goldFiles, _ := filepath.Glob(filepath.Join(gold, "*.txt"))
	docFiles, _ := filepath.Glob(filepath.Join(docs, "*.tml"))
	ids := map[string]bool{}
	for _, f := range docFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseTaskDoc(f, data)
		if err != nil {
			t.Fatal(err)
		}
		ids[d.ID] = true
	}
	out := t.TempDir()
	var log bytes.Buffer
	rep, err := Timelines(context.Background(), docs, gold, TimelinesOptions{Verbose: true, Out: &log, OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Docs != len(docFiles) || len(rep.Failed) > 0 {
		t.Errorf("%d documents read, %d failed (%v); want %d read", rep.Docs, len(rep.Failed), rep.Failed, len(docFiles))
	}
	if len(rep.Entities) != len(goldFiles) {
		t.Fatalf("%d timelines for %d gold files", len(rep.Entities), len(goldFiles))
	}
	var sum AwarenessCounts
	for i, es := range rep.Entities {
		data, err := os.ReadFile(goldFiles[i])
		if err != nil {
			t.Fatal(err)
		}
		g, err := ParseTaskTimeline(goldFiles[i], data)
		if err != nil {
			t.Fatal(err)
		}
		if es.File != filepath.Base(goldFiles[i]) || es.Entity != g.Entity || es.System == nil || es.System.Entity != g.Entity {
			t.Fatalf("timeline %d: file %q entity %q, want %q for %s", i, es.File, es.Entity, g.Entity, goldFiles[i])
		}
		written, err := os.ReadFile(filepath.Join(out, es.File))
		if err != nil {
			t.Fatalf("%s: system timeline not written: %v", es.Entity, err)
		}
		back, err := ParseTaskTimeline(es.File, written)
		if err != nil || !reflect.DeepEqual(back.Rows, es.System.Rows) && len(es.System.Rows) > 0 {
			t.Errorf("%s: written timeline does not read back (%v)", es.Entity, err)
		}
		for _, r := range es.System.Rows {
			for _, m := range r.Events {
				if p := strings.SplitN(m, "-", 3); len(p) != 3 || !ids[p[0]] || p[1] == "" || p[2] == "" {
					t.Errorf("%s: mention %q is not docid-sentence-word", es.Entity, m)
				}
			}
		}
		if es.GoldTotal == 0 || es.PrecMatched > es.SysTotal || es.RecMatched > es.GoldTotal ||
			es.Found > es.GoldMentions || es.Dated > es.Found {
			t.Errorf("%s: inconsistent counts %+v", es.Entity, es)
		}
		for _, v := range []float64{es.P(), es.R(), es.F1()} {
			if v < 0 || v > 100 {
				t.Errorf("%s: score %.2f out of range", es.Entity, v)
			}
		}
		if !strings.Contains(log.String(), "== "+es.Entity+" ("+es.File+")") {
			t.Errorf("%s: not in the verbose listing", es.Entity)
		}
		sum.Add(es.AwarenessCounts)
	}
	if sum != rep.Micro {
		t.Errorf("micro counts %v, want the sum %v", rep.Micro, sum)
	}
	// Storyline finds at least the people among the targets (Steve Jobs).
	if rep.Micro.SysTotal == 0 || rep.Micro.F1() <= 0 || rep.Micro.F1() > 100 {
		t.Errorf("micro score %v: no system timeline scored", rep.Micro)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil || !strings.Contains(b.String(), "micro") {
		t.Errorf("report: %v\n%s", err, b.String())
	}
	t.Logf("\n%s", b.String())
}
