package extract

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/storyline/storyline/extract/timex"
	"github.com/storyline/storyline/internal/shareddata"
)

// A news story's background paragraph is told in its own time: an event
// there with no date in its sentence happened when the paragraph's date
// says, while an undated event of the news paragraphs stays undated.
func TestBackgroundParagraphEventsTakeItsDate(t *testing.T) {
	const text = "Jet downing condemned\n\nRussia condemned the downing of its jet on Tuesday.\n\n" +
		"In June 1994, rebels attacked the capital. Government troops killed 40 rebels.\n\n" +
		"Officials met to discuss the crisis."
	d := annotateUntil(t, Input{Text: text, Date: "2015-11-30"}, "")
	wantTimexText(t, d, findEvent(t, d, "killed", "Government troops"), "June 1994", true)
	wantUndated(t, d, findEvent(t, d, "met", "Officials met"))
	// with news anchoring, the background paragraph's date stays in its
	// sentence
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	news, err := p.Annotate(WithTimeAnchor(context.Background(), timex.AnchorNews), Input{Text: text, Date: "2015-11-30"})
	if err != nil {
		t.Fatal(err)
	}
	wantUndated(t, news, findEvent(t, news, "killed", "Government troops"))
}

// WikiWars' World War II history (a 2009 page about 1939-45): an event
// whose sentence has no date happened at the date the story had reached,
// not on the page's date and not undated.
func TestHistoryEventsTakeTheStorysDate(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(shareddata.Dir(t, "timeml", "wikiwars"), "01_WW2.tml"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	start := strings.Index(src, "<TEXT>")
	if start < 0 {
		t.Fatal("01_WW2.tml: no <TEXT>")
	}
	text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(src[start:], "")
	d := annotateUntil(t, Input{Text: text, Date: "2009-12-19"}, "")
	// "On September 1, 1939, Germany ... attacked Poland ... France,
	// Britain, and the countries of the Commonwealth declared war on
	// Germany ..."
	declared := findEvent(t, d, "declared", "countries of the Commonwealth")
	wantTimexText(t, d, declared, "September 1, 1939", true)
	// no event takes the page's year, and most events are dated (without
	// the story's time, 255 of the 724)
	dated := 0
	for k := range d.Events {
		ev := &d.Events[k]
		if ev.Timex >= 0 && strings.HasPrefix(d.Timexes[ev.Timex].Value, "2009") {
			t.Errorf("%q is dated by the page's year: %q", ev.TriggerText, d.Timexes[ev.Timex].Text)
		}
		if ev.Timex >= 0 {
			dated++
		}
	}
	if dated*4 < len(d.Events)*3 {
		t.Errorf("%d of %d events dated in a history, want most", dated, len(d.Events))
	}
}
