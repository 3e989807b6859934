package timex

import (
	"strings"
	"testing"
)

// A news article that opens in the present stays news however many old
// years its background names (Wikinews, 2006: the Apple trademark
// dispute), and its weekdays keep the article's date.
func TestNewsLeadKeepsNewsAnchoring(t *testing.T) {
	const text = "March 28, 2006\n\nThe Beatles' Apple Corps has filed a lawsuit against Apple Computer in a London court this week. " +
		"Apple Corps claims that the iTunes Music Store violates an agreement reached between the two companies in 1991. " +
		"The trial is set to begin on Wednesday. The first lawsuit was settled out of court in 1981. " +
		"Apple Corps filed suit again in 1989. That lawsuit was settled in 1991. Apple Corps was founded by the Beatles in 1968. " +
		"Apple Computer was started in 1976, and launched the iTunes Music Store in 2003. " +
		"Apple Corps threatened to sue again in 1998 and in 2001."
	txs, got := tagWith(t, New(), text, "2006-03-28")
	expectValues(t, "news", got, map[string]string{"Wednesday": "2006-03-29", "this week": "2006-W13"})
	if m := got["Wednesday"].Mode; m != ModeNews {
		t.Errorf("Wednesday: mode %q, want news", m)
	}
	for _, tx := range txs {
		if tx.RefUntil != 0 {
			t.Errorf("%q holds the story's time in a news article (until %d)", tx.Text, tx.RefUntil)
		}
	}
}

// A history that opens on an old year is narrative even when a name in
// it looks like an abbreviated weekday (WikiWars, the Chinese Civil War:
// "Sun Yat-sen").
func TestHistoryLeadWithAWeekdayLikeName(t *testing.T) {
	const text = "Just months after Sun Yat-sen's death in 1925, Chiang set out on the Northern Expedition. " +
		"By 1926, the KMT had divided into factions. In March 1926, Chiang imposed restrictions on CPC members. " +
		"In early 1927, the rivalry led to a split. On April 12, Chiang began the purge."
	_, got := tagWith(t, New(), text, "2009-12-19")
	expectValues(t, "history", got, map[string]string{"April 12": "1927-04-12"})
}

// RefUntil marks how long each date holds the story's time: in a
// history until the next date the story moves to; in a news article only
// in its background paragraph, to the paragraph's end; never with news
// anchoring.
func TestRefUntilSpans(t *testing.T) {
	txs, got := tagWith(t, New(), ww2, "2009-12-19")
	sep1, sep17 := got["September 1, 1939"], got["September 17, 1939"]
	if sep1.RefUntil != sep17.Start {
		t.Errorf("September 1, 1939 holds until %d, want %d (September 17, 1939)", sep1.RefUntil, sep17.Start)
	}
	if last := txs[len(txs)-1]; last.RefUntil != len(ww2) {
		t.Errorf("the last date %q holds until %d, want the end %d", last.Text, last.RefUntil, len(ww2))
	}
	const news = "The company said on Friday that it would close its Ohio plant next month.\n\n" +
		"In June 1994, the company opened the plant near Dayton. Its workers built cars.\n\nThe union said it would protest."
	_, got = tagWith(t, New(), news, "1998-04-18")
	if u := got["June 1994"].RefUntil; u != strings.Index(news, "\n\nThe union") {
		t.Errorf("June 1994 holds until %d, want the end of its paragraph %d", u, strings.Index(news, "\n\nThe union"))
	}
	if u := got["Friday"].RefUntil; u != 0 {
		t.Errorf("Friday of the news paragraph holds until %d", u)
	}
	txs, _ = tagWith(t, NewAnchored(AnchorNews), ww2, "2009-12-19")
	for _, tx := range txs {
		if tx.RefUntil != 0 {
			t.Errorf("news anchoring: %q holds until %d", tx.Text, tx.RefUntil)
		}
	}
}

// A month or season coordinated with a dated one shares its year
// (WikiWars: "In April and June 1955, Diem cleared ...", "spent the
// spring and early summer of 1943 making preparations").
func TestCoordinatedMonthsShareTheYear(t *testing.T) {
	const text = "In 1954, the French left. In April and June 1955, Diem cleared the city of its militias. " +
		"Both armies spent the spring and early summer of 1943 making preparations."
	_, got := tagWith(t, New(), text, "2009-12-19")
	expectValues(t, "coordinated", got, map[string]string{"April": "1955-04", "June 1955": "1955-06", "the spring": "1943-SP"})
	if got["April"].Anchor != "" {
		t.Errorf("April: anchor %q, want none (its year is written)", got["April"].Anchor)
	}
}

// In a narrative, a clock time takes the day named right after it, as in
// news (WikiWars, the Iraq War: "At 5:34 AM Baghdad time on March 20,
// 2003 ...").
func TestNarrativeClockTimeTakesTheDayAfterIt(t *testing.T) {
	const text = "In July 2002, the plans were drawn up. In 2003 the army massed on the border. " +
		"At 5:34 AM Baghdad time on March 20, 2003 the invasion began."
	_, got := tagWith(t, NewAnchored(AnchorNarrative), text, "2009-12-19")
	expectValues(t, "clock", got, map[string]string{"5:34 AM": "2003-03-20T05:34"})
	if m := got["5:34 AM"].Mode; m != "" {
		t.Errorf("5:34 AM: mode %q, want none (its day is written)", m)
	}
}

// A range from a later month to an earlier one crosses a new year: in a
// history that has reached March 1945, "from October to March" is
// October 1944 to March 1945 (WikiWars, World War II), and the story goes
// on from there.
func TestNarrativeRangeOverANewYear(t *testing.T) {
	const text = "They landed on Luzon in January 1945 and seized Manila in March. " +
		"British and Chinese forces defeated the Japanese in northern Burma from October to March, then the British pushed on to Rangoon by May 3."
	_, got := tagWith(t, NewAnchored(AnchorNarrative), text, "2009-12-19")
	expectValues(t, "range", got, map[string]string{"October": "1944-10", "May 3": "1945-05-03"})
	// a range within one year is left to the story's time
	_, got = tagWith(t, NewAnchored(AnchorNarrative), "In January 1945 they landed. They fought from March to May.", "2009-12-19")
	expectValues(t, "within", got, map[string]string{"March": "1945-03", "May": "1945-05"})
}
