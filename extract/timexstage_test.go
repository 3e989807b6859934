package extract

import (
	"context"
	"testing"

	"github.com/storyline/storyline/extract/timex"
)

func findTimex(txs []timex.Timex, text string) *timex.Timex {
	for i := range txs {
		if txs[i].Text == text {
			return &txs[i]
		}
	}
	return nil
}

func TestTimexStageSeedAnchoredOnFoundDCT(t *testing.T) {
	text := readSeed(t, "presstv-obama-putin.txt")
	doc := annotateUntil(t, Input{Text: text}, "timex")
	want := []struct{ text, typ, value, mod string }{
		{"Monday", "DATE", "2015-11-30", ""},
		{"November 24", "DATE", "2015-11-24", ""},
		{"September 30", "DATE", "2015-09-30", ""},
		{"more than four years", "DURATION", "P4Y", "MORE_THAN"},
		{"February", "DATE", "2015-02", ""},
		{"1991", "DATE", "1991", ""},
	}
	for _, w := range want {
		tx := findTimex(doc.Timexes, w.text)
		if tx == nil {
			t.Errorf("no timex %q in %+v", w.text, doc.Timexes)
			continue
		}
		if tx.Type != w.typ || tx.Value != w.value || tx.Mod != w.mod {
			t.Errorf("%q = %s %s %s, want %s %s %s", w.text, tx.Type, tx.Value, tx.Mod, w.typ, w.value, w.mod)
		}
		if text[tx.Start:tx.End] != tx.Text {
			t.Errorf("%q: span [%d,%d) reads %q", w.text, tx.Start, tx.End, text[tx.Start:tx.End])
		}
	}
	if tx := findTimex(doc.Timexes, "September 30"); tx != nil && tx.Range != "begin" {
		t.Errorf("since September 30: Range = %q, want begin", tx.Range)
	}
}

func TestTimexStageCopyKeepsUnknownParts(t *testing.T) {
	doc := annotateUntil(t, Input{Text: readSeed(t, "peoplesvoice-copy-obama-putin.txt")}, "timex")
	for text, value := range map[string]string{"November 24": "XXXX-11-24", "Monday": "XXXX-WXX-1", "September 30": "XXXX-09-30"} {
		tx := findTimex(doc.Timexes, text)
		if tx == nil {
			t.Errorf("no timex %q", text)
			continue
		}
		if tx.Value != value || tx.Anchor != "none" {
			t.Errorf("%q = %s (anchor %q), want %s anchored none", text, tx.Value, tx.Anchor, value)
		}
	}
}

// WithTimeAnchor chooses the anchoring of the timex stage; auto reads a
// history as narrative.
func TestTimexStageTimeAnchor(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Text: "The war in Poland\n\nOn September 17, 1939, the Soviets invaded Poland. By early October, Poland was divided. " +
		"Finland was invaded in November 1939, and the conflict ended in March 1940.\n", Date: "2009-12-19"}
	for _, c := range []struct {
		mode        timex.AnchorMode
		value, kind string
	}{
		{timex.AnchorAuto, "1939-10", timex.ModeNarrative},
		{timex.AnchorNarrative, "1939-10", timex.ModeNarrative},
		{timex.AnchorNews, "2009-10", timex.ModeNews},
	} {
		doc, err := p.AnnotateUntil(WithTimeAnchor(context.Background(), c.mode), in, "timex")
		if err != nil {
			t.Fatal(err)
		}
		tx := findTimex(doc.Timexes, "early October")
		if tx == nil || tx.Value != c.value || tx.Mode != c.kind {
			t.Errorf("%v: early October = %+v, want %s (%s)", c.mode, tx, c.value, c.kind)
		}
	}
}

// The timex stage consults the entity gazetteer: a weekday or month after
// a given name or a title is part of the person's name, while the same
// words after a surname, an article or a given name that does not open the
// name stay dates.
func TestTimexStageNamesFromTheGazetteer(t *testing.T) {
	const text = "Police said Joe Friday was held. Sergeant Friday agreed, and Prime Minister Theresa May met him in May. " +
		"President Clinton Saturday vowed to act. The President Tuesday signed the bill. Pope John Paul Monday prayed. " +
		"Ms. Thomas Wednesday denied it."
	doc := annotateUntil(t, Input{Text: text, Date: "2005-03-01"}, "timex")
	got := map[string]int{}
	for _, tx := range doc.Timexes {
		got[tx.Text]++
	}
	if got["Friday"] != 0 {
		t.Errorf("Joe Friday or Sergeant Friday tagged as a date: %+v", doc.Timexes)
	}
	for _, w := range []string{"May", "Saturday", "Tuesday", "Monday", "Wednesday"} {
		if got[w] != 1 {
			t.Errorf("%s: %d timexes, want 1 (a date): %+v", w, got[w], doc.Timexes)
		}
	}
	if tx := findTimex(doc.Timexes, "May"); tx != nil && tx.Value != "2004-05" {
		t.Errorf("in May = %s, want 2004-05", tx.Value)
	}
}
