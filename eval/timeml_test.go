package eval

import (
	"bytes"
	"context"
	"github.com/storyline/storyline/internal/shareddata"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline/extract/timex"
)

func TestParseTimeMLStripsTagsAndEntities(t *testing.T) {
	path := filepath.Join("..", "extract", "timex", "testdata", "small.tml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParseTimeML(path, data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.DCT != "2015-11-30" {
		t.Errorf("DCT = %q", doc.DCT)
	}
	if strings.Contains(doc.Text, "<") || !strings.Contains(doc.Text, "jet & its") {
		t.Errorf("text not stripped/decoded: %q", doc.Text)
	}
	if len(doc.Gold) != 6 {
		t.Fatalf("gold = %d timexes, want 6 (DCT excluded)", len(doc.Gold))
	}
	for _, g := range doc.Gold {
		if doc.Text[g.Start:g.End] != g.Text {
			t.Errorf("gold span %q does not read %q", doc.Text[g.Start:g.End], g.Text)
		}
	}
	if g := doc.Gold[2]; g.Text != "more than four years" || g.Value != "P4Y" || g.Mod != "MORE_THAN" || g.Type != "DURATION" {
		t.Errorf("gold[2] = %+v", g)
	}
}

func TestTimeMLSmallFixture(t *testing.T) {
	var log bytes.Buffer
	r, err := TimeML(context.Background(), []string{filepath.Join("..", "extract", "timex", "testdata")}, TimeMLOptions{Verbose: true, Out: &log})
	if err != nil {
		t.Fatal(err)
	}
	if r.Files != 1 || r.Gold != 6 {
		t.Fatalf("files %d gold %d, want 1 and 6", r.Files, r.Gold)
	}
	if r.Strict.F1 < 99 || r.Value.F1 < 99 || r.Type.F1 < 99 {
		var out bytes.Buffer
		r.Write(&out)
		t.Errorf("small fixture not tagged perfectly:\n%s%s", out.String(), log.String())
	}
	var out bytes.Buffer
	if err := r.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"strict span", "relaxed span", "value", "type", "100.00"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestTimeMLScorerCountsSpuriousAndMisses(t *testing.T) {
	doc := &TimeMLDoc{Name: "x", Text: "It rained on Monday and on Friday.", DCT: "2015-11-30"}
	doc.Gold = append(doc.Gold, mkTimex(doc.Text, "Monday", "DATE", "2015-11-30"))
	sys := append(doc.Gold[:0:0], mkTimex(doc.Text, "on Monday", "DATE", "2015-11-23"), mkTimex(doc.Text, "Friday", "DATE", "2015-11-27"))
	var log bytes.Buffer
	strict, relaxed, value, typ := tmlMatch(doc, sys, &log)
	if strict != 0 || relaxed != 1 || value != 0 || typ != 1 {
		t.Errorf("strict %d relaxed %d value %d type %d, want 0 1 0 1", strict, relaxed, value, typ)
	}
	for _, want := range []string{"SPAN", "VALUE", "SPUR"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("verbose log lacks %s:\n%s", want, log.String())
		}
	}
}

func TestTimeMLTBAQTargets(t *testing.T) {
	dir := shareddata.Dir(t, filepath.Join("timeml", "tbaq"))
	r, err := TimeML(context.Background(), []string{dir}, TimeMLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	r.Write(&out)
	t.Logf("\n%s", out.String())
	if r.Gold < 1800 {
		t.Errorf("only %d gold timexes read from TBAQ", r.Gold)
	}
	// Floors just under the measured figures: a regression fails the test.
	if r.Strict.F1 < 89.1 || r.Relaxed.F1 < 94.5 || r.Value.F1 < 82.0 || r.Type.F1 < 90.4 {
		t.Errorf("TBAQ below floor: strict %.1f relaxed %.1f value %.1f type %.1f", r.Strict.F1, r.Relaxed.F1, r.Value.F1, r.Type.F1)
	}
}

func mkTimex(text, s, typ, value string) timex.Timex {
	i := strings.Index(text, s)
	return timex.Timex{Start: i, End: i + len(s), Text: s, Type: typ, Value: value, AnchorIndex: -1}
}

// TempEval-3's scorer reports value F1 as value accuracy over the
// relaxed matches times the relaxed-match F1; with one-to-one matching
// that is the F1 of correct/#system and correct/#gold used here.
func TestTimeMLValueF1IsTempEval3AttributeF1(t *testing.T) {
	doc := &TimeMLDoc{Name: "x", Text: "On Monday and Friday, for two years, he met her the next day.", DCT: "2015-11-30"}
	doc.Gold = append(doc.Gold, mkTimex(doc.Text, "Monday", "DATE", "2015-11-30"),
		mkTimex(doc.Text, "Friday", "DATE", "2015-11-27"), mkTimex(doc.Text, "two years", "DURATION", "P2Y"))
	sys := []timex.Timex{mkTimex(doc.Text, "Monday", "DATE", "2015-11-30"), mkTimex(doc.Text, "Friday", "DATE", "2015-12-04"),
		mkTimex(doc.Text, "the next day", "DATE", "2015-12-01")}
	_, relaxed, value, _ := tmlMatch(doc, sys, nil)
	got := tmlScore(value, len(sys), len(doc.Gold)).F1
	rel := tmlScore(relaxed, len(sys), len(doc.Gold)).F1
	te3 := float64(value) / float64(relaxed) * rel
	if relaxed != 2 || value != 1 || got < te3-1e-9 || got > te3+1e-9 {
		t.Errorf("relaxed %d value %d: value F1 %.4f, TempEval-3 attribute F1 %.4f", relaxed, value, got, te3)
	}
}
