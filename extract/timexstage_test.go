package extract

import (
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
