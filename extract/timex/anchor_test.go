package timex

import (
	"context"
	"testing"
)

// tagWith tags text with tg, checks the result and returns the timexes,
// also by text.
func tagWith(t *testing.T, tg *Tagger, text, dct string) ([]Timex, map[string]Timex) {
	t.Helper()
	txs, err := tg.Tag(context.Background(), text, dct)
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(text, txs); err != nil {
		t.Fatalf("%v in %+v", err, txs)
	}
	got := map[string]Timex{}
	for _, tx := range txs {
		got[tx.Text] = tx
	}
	return txs, got
}

// tagMode tags text with the anchoring mode m.
func tagMode(t *testing.T, m AnchorMode, text, dct string) map[string]Timex {
	t.Helper()
	_, got := tagWith(t, NewAnchored(m), text, dct)
	return got
}

func expectValues(t *testing.T, name string, got map[string]Timex, want map[string]string) {
	t.Helper()
	for text, v := range want {
		tx, ok := got[text]
		switch {
		case !ok:
			t.Errorf("%s: no timex %q in %v", name, text, got)
		case tx.Value != v:
			t.Errorf("%s: %q = %s (%s), want %s", name, text, tx.Value, tx.Mode, v)
		}
	}
}

// From WikiWars, World War II: a history page dated 2009 whose relative
// dates follow the story.
const ww2 = `On September 1, 1939, Germany and Slovakia attacked Poland and World War II broke out. On September 17, 1939, after signing an armistice with Japan, the Soviets launched their own invasion of Poland. By early October, Poland was divided among Germany, the Soviet Union, Lithuania and Slovakia.

The Soviet Union and Germany entered a trade pact in February of 1940. In April, Germany invaded Denmark and Norway. Japan had seized military control of southern Indochina the previous year. On June 10, Italy invaded; twelve days later France surrendered. In January, the United States and the United Kingdom signed a declaration.`

func TestNarrativeAnchoring(t *testing.T) {
	const dct = "2009-12-19"
	got := tagMode(t, AnchorAuto, ww2, dct)
	expectValues(t, "auto", got, map[string]string{
		"early October":     "1939-10",
		"April":             "1940-04",
		"June 10":           "1940-06-10",
		"twelve days later": "1940-06-22",
		"January":           "1941-01", // after June 1940 the story goes forward
	})
	if m := got["April"].Mode; m != ModeNarrative {
		t.Errorf("April: mode %q, want narrative", m)
	}
	if got["April"].Anchor != "text" || got["April"].AnchorIndex < 0 {
		t.Errorf("April: anchor %q %d, want the text's February 1940", got["April"].Anchor, got["April"].AnchorIndex)
	}
	if m := got["September 1, 1939"].Mode; m != "" {
		t.Errorf("an absolute date has mode %q", m)
	}
	// --time-anchor news: the page's date, as before
	news := tagMode(t, AnchorNews, ww2, dct)
	expectValues(t, "news", news, map[string]string{"April": "2009-04", "June 10": "2009-06-10"})
	if m := news["April"].Mode; m != ModeNews {
		t.Errorf("news April: mode %q", m)
	}
}

func TestNarrativeAsidesKeepTheReferenceTime(t *testing.T) {
	// WikiWars, World War II and Vietnam: a pluperfect relative clause
	// and a plan do not move the story's time
	const flashback = `In March 1944, the Japanese launched the first of two invasions. In May 1944, British forces mounted a counter-offensive, and Chinese forces that had invaded Northern Burma in late 1943 besieged Japanese troops in Myitkyina. By June, the Japanese had conquered the province of Henan.`
	expectValues(t, "flashback", tagMode(t, AnchorNarrative, flashback, "2009-12-19"), map[string]string{"June": "1944-06"})
	const plan = `On 10 March 1975, General Dung launched Campaign 275. If the town could be taken, the road to the coast would be exposed for a planned campaign in 1976. The ARVN proved incapable of resisting the onslaught, and its forces collapsed on 11 March.`
	expectValues(t, "plan", tagMode(t, AnchorNarrative, plan, "2009-12-19"), map[string]string{"11 March": "1975-03-11"})
}

func TestNewsBackgroundParagraph(t *testing.T) {
	// a news story (DCT 1998) with a background paragraph: the month
	// after "In June 1994" is of 1994; the deictic words of the news
	// paragraph keep the DCT
	const text = `The company said on Friday that it would close its Ohio plant next month.

In June 1994, the company opened the plant near Dayton. In September, it hired 200 workers.`
	got := tagMode(t, AnchorAuto, text, "1998-04-18")
	expectValues(t, "background", got, map[string]string{
		"Friday": "1998-04-17", "next month": "1998-05", "September": "1994-09",
	})
	// TBAQ APW19990607.0041: a date naming a thing (the 1988 bombing)
	// sets no background time
	const bombing = `On the FBI list, Bin Laden and Kopp replace two former Libyan intelligence agents charged in the Dec. 21, 1988, bombing of Pan Am Flight 103. The two were removed from the list after Libyan leader Moammar Gadhafi agreed in April to hand them over for trial.`
	expectValues(t, "bombing", tagMode(t, AnchorAuto, bombing, "1999-06-07"), map[string]string{"April": "1999-04"})
}

func TestNarrativeDocumentNeedsOldYearsAndFewNewsCues(t *testing.T) {
	// a news story about history: many old years, but "Friday",
	// "yesterday" and "ago" say it is news
	const text = `NATO was founded in 1949. Poland left the Warsaw Pact in 1991, and Hungary in 1991. On Friday, the three joined NATO. Officials said yesterday that a decade ago this was unthinkable. The ceremony was held Friday.`
	p := parser{text: text, toks: scan(text, nil)}
	p.dct, _ = parseDCT("1999-03-12")
	if p.narrativeYears() {
		t.Error("a news story with weekdays and ago read as narrative")
	}
	p = parser{text: ww2, toks: scan(ww2, nil)}
	p.dct, _ = parseDCT("2009-12-19")
	if !p.narrativeYears() {
		t.Error("the WikiWars passage not read as narrative")
	}
}

func TestParseAnchorMode(t *testing.T) {
	for s, want := range map[string]AnchorMode{"auto": AnchorAuto, "news": AnchorNews, "Narrative": AnchorNarrative, "": AnchorAuto} {
		m, err := ParseAnchorMode(s)
		if err != nil || m != want {
			t.Errorf("ParseAnchorMode(%q) = %v, %v; want %v", s, m, err, want)
		}
	}
	if _, err := ParseAnchorMode("story"); err == nil {
		t.Error("ParseAnchorMode accepted story")
	}
	if AnchorNarrative.String() != "narrative" || AnchorAuto.String() != "auto" {
		t.Error("AnchorMode.String")
	}
}

func TestNarrativeReferenceTimeMoves(t *testing.T) {
	// TBAQ APW19980418.0210: "the following year" moves the background
	// on to 1996, a year at large, so "in December" is the news's own
	const farkas = `On May 22, 1995, Farkas was made a brigadier general, and the following year he was appointed military attache at the Hungarian embassy in Washington. However, cited by District of Columbia traffic police in December for driving under the influence of alcohol, Farkas was recalled.`
	expectValues(t, "farkas", tagMode(t, AnchorAuto, farkas, "1998-04-18"), map[string]string{"the following year": "1996", "December": "1997-12"})
	// WikiWars, World War II: a year after the day it closes does not
	// widen the story's time; a span's end ("until ... February 1945")
	// does not move it
	const pearl = `Japan and the United States negotiated through the autumn of 1941. On December 7 (December 8 in Asian time zones), 1941, Japan attacked British and American holdings. In January, the United States, United Kingdom, Soviet Union and China signed a declaration.

In northern Serbia, the Red Army assisted the partisans in a joint liberation of Belgrade on October 20, 1944. A few days later, the Soviets launched a massive assault against Hungary that lasted until the fall of Budapest in February 1945. By the start of July, Commonwealth forces in Southeast Asia had repelled the Japanese sieges.`
	expectValues(t, "pearl", tagMode(t, AnchorNarrative, pearl, "2009-12-19"), map[string]string{"January": "1942-01", "the start of July": "1944-07"})
	// "a year earlier" looks back and leaves the story where it was
	const iraq = `On March 20, 2003, the invasion began. It used the largest special operations force since the attack on the Taliban just a year earlier. On April 9 Baghdad fell.`
	expectValues(t, "iraq", tagMode(t, AnchorNarrative, iraq, "2009-12-19"), map[string]string{"a year earlier": "2002", "April 9": "2003-04-09"})
}

func TestYearBeforeACommaAndACount(t *testing.T) {
	// WikiWars, Iraq War: "November 2005, 10 of them" is a month and a
	// year, then a count (1,500 stays a number)
	const text = `Prosecutors charged eight Marines with the murders of 24 civilians in Haditha in November 2005, 10 of them women and children.`
	expectValues(t, "haditha", tagMode(t, AnchorAuto, text, "2009-12-19"), map[string]string{"November 2005": "2005-11"})
}

func TestYearsBeforeChrist(t *testing.T) {
	// WikiWars, Greco-Persian Wars
	const text = `The first campaign, in 492 BC, was led by Mardonius, who re-subjugated Thrace, which had nominally been part of the Persian empire since 513 BC. The following year, Darius sent ambassadors to all the Greek cities. Having crossed into Europe in April 480 B.C., the Persian army marched on Greece; at the Battle of Mycale that same day the fleet was destroyed. Cimon campaigned in the 470s BC, and the treaty was doubted in the 4th century BC. Pompeii was buried in 79 AD.`
	got := tagMode(t, AnchorAuto, text, "2009-12-19")
	expectValues(t, "bc", got, map[string]string{
		"492 BC": "BC0492", "513 BC": "BC0513", "The following year": "BC0491", "April 480 B.C.": "BC0480-04",
		"that same day": "BC0480-04-XX", "the 470s BC": "BC047", "the 4th century BC": "BC03", "79 AD": "0079",
	})
	for _, v := range []string{"BC0480", "BC0480-04-XX", "BC047", "BC03"} {
		if err := ValidValue("DATE", v); err != nil {
			t.Error(err)
		}
	}
	if bcYear(480)+1 != bcYear(479) {
		t.Error("the year after 480 BC is not 479 BC")
	}
}

func TestRangesOfYearsBeforeChristAndDatesOfThatYear(t *testing.T) {
	// WikiWars: Greco-Persian Wars, World War II, American Civil War,
	// Vietnam War, Algerian War
	const text = `The Ionian Revolt lasted from 499 to 493 BC. First invasion of Greece (492-490 BC). The fighting between China and Japan was stalemated by 1940. In August of that year, Chinese communists launched an offensive. Congress passed the resolution on July 25 of that year. The CIA predicted victory by Christmas 1963. Early in 1862 the Union army advanced, and late in 1957 the rebels retreated.`
	got := tagMode(t, AnchorAuto, text, "2009-12-19")
	expectValues(t, "ranges", got, map[string]string{
		"499": "BC0499", "493 BC": "BC0493", "492": "BC0492", "490 BC": "BC0490",
		"August of that year": "1940-08", "July 25 of that year": "1940-07-25", "Christmas 1963": "1963-12-25",
		"Early in 1862": "1862", "late in 1957": "1957",
	})
	if got["Early in 1862"].Mod != "START" || got["late in 1957"].Mod != "END" {
		t.Errorf("early/late in: mods %q %q", got["Early in 1862"].Mod, got["late in 1957"].Mod)
	}
	// a count before a year of our era is no year before Christ
	expectValues(t, "count", tagMode(t, AnchorAuto, "Between 1990 and 1995 prices rose.", "2009-12-19"), map[string]string{"1990": "1990", "1995": "1995"})
}

func TestNamesAndFractionsThatAreNoTime(t *testing.T) {
	// WikiWars: the fall of a city is no autumn, three quarters of the
	// troops no nine months, a Second United Front no second; "the
	// now-isolated" has no article in its timex; "ca. 466 BC" is about
	// a year; "the spring of next year" one season
	const text = `The fall of Atlanta, on September 2, 1864, was significant. The diversion of three quarters of the Axis troops failed. Both parties suspended fighting to form a Second United Front. Japan seized bases in the now-isolated French Indochina. Such a peace was made at this point (ca. 466 BC). "Right now we are fighting," he said. The withdrawal is to be completed during the spring of next year. Sales fell in the fall of 1998 and the first three quarters of the year.`
	txs, got := tagWith(t, New(), text, "2009-12-19")
	for _, tx := range txs {
		switch tx.Text {
		case "The fall", "three quarters", "a Second", "the now":
			t.Errorf("%q tagged %s %s", tx.Text, tx.Type, tx.Value)
		}
	}
	expectValues(t, "names", got, map[string]string{"now": "PRESENT_REF", "ca. 466 BC": "BC0466", "Right now": "PRESENT_REF",
		"the spring of next year": "2010-SP", "the fall of 1998": "1998-FA", "the first three quarters": "P3Q"})
	if got["ca. 466 BC"].Mod != "APPROX" {
		t.Errorf("ca. 466 BC: mod %q", got["ca. 466 BC"].Mod)
	}
}

func TestPartsNamesAndPreviously(t *testing.T) {
	// WikiWars: World War II, Iraq War, Greco-Persian Wars, Chinese and
	// American Civil Wars, Russo-Japanese War
	const text = `Protesters met where U.S. troops five years previously organized a tearing down of a statue. German forces were pushed back in Western Europe during the latter part of the year. Attacks numbered 200 per week in the latter half of 2008. In the early part of the next decade, Cimon campaigned in Asia Minor. The Persians held Memphis despite a 3 year long siege. It had been pushed back beyond its position before the summer offensive. An insurrection known as the Autumn Harvest Uprising was staged. Lee defeated McClellan in the Seven Days Battles. Thompson surrendered on May 11, 1865, and the day following saw the surrender of the last forces. They travelled at night so they might not be discovered.`
	txs, got := tagWith(t, New(), text, "2009-12-19")
	expectValues(t, "parts", got, map[string]string{
		"the latter part of the year": "2009", "the latter half of 2008": "2008-H2", "3 year long": "P3Y",
		"five years previously": "2004", "summer": "2009-SU", "Autumn": "2009-FA", "Seven Days": "P7D",
		"the day following": "1865-05-12", "night": "XXXX-XX-XXTNI",
	})
	if got["the latter part of the year"].Mod != "END" || got["the early part of the next decade"].Mod != "START" {
		t.Errorf("part mods: %q %q", got["the latter part of the year"].Mod, got["the early part of the next decade"].Mod)
	}
	for _, tx := range txs {
		if tx.Text == "the summer" || tx.Text == "the Seven Days" {
			t.Errorf("%q: the article belongs to the noun", tx.Text)
		}
	}
}

func TestWeekdaysAndMonthsThatAreNames(t *testing.T) {
	const text = `Police told Friday Ahmed to leave. Mr. Friday said Sgt. June Smith agreed. On Tuesday Bush met Blair. President Clinton Saturday vowed to hunt down the bombers. A pre-war February Peace Conference met in Washington.`
	txs, got := tagWith(t, New(), text, "2015-11-30")
	n := 0
	for _, tx := range txs {
		if tx.Text == "Friday" || tx.Text == "June" {
			n++
		}
	}
	if n > 0 {
		t.Errorf("names tagged as dates: %+v", txs)
	}
	expectValues(t, "names", got, map[string]string{"Tuesday": "2015-11-24", "Saturday": "2015-11-28", "February": "2016-02"})
}

func TestShortenedRangeEnds(t *testing.T) {
	// the end of a year range written short is a year of its own, as the
	// two years of "1861-1865" are (WikiWars: "the three years (1957-60)")
	const text = `In the three years (1957-60) the program ran. The 1998-99 season and the 2014/15 budget, 1999-00, and call 1998-99-01.`
	_, got := tagWith(t, New(), text, "2015-11-30")
	expectValues(t, "ranges", got, map[string]string{"1957": "1957", "60": "1960", "99": "1999", "15": "2015", "00": "2000"})
	if _, ok := got["01"]; ok {
		t.Error("1998-99-01 read as a range")
	}
}

func TestComparisonsAndMidDecade(t *testing.T) {
	// durations that are not dates, and the middle of a decade
	const text = `The plant opened a month later than planned, two days earlier than expected and a week ahead of schedule. The man, aged 62, left hours after the attack. By mid-decade, growth slowed.`
	txs, got := tagWith(t, New(), text, "2015-11-30")
	expectValues(t, "comparisons", got, map[string]string{"a month": "P1M", "two days": "P2D", "a week": "P1W", "mid-decade": "201"})
	if got["mid-decade"].Mod != "MID" {
		t.Errorf("mid-decade: mod %q", got["mid-decade"].Mod)
	}
	for _, tx := range txs {
		if tx.Type == "DATE" && tx.Text != "mid-decade" {
			t.Errorf("%q is a date (%s)", tx.Text, tx.Value)
		}
	}
}

func TestSetFrequencies(t *testing.T) {
	// TimeBank spans the rate's unit ("a year"); how often goes in freq
	const text = `The board meets twice a year and the staff three times a week, every other week and each summer.`
	txs, _ := tagWith(t, New(), text, "2015-11-30")
	want := map[string][2]string{"a year": {"P1Y", "2X"}, "a week": {"P1W", "3X"}, "every other week": {"P2W", ""}, "each summer": {"XXXX-SU", ""}}
	for _, tx := range txs {
		w, ok := want[tx.Text]
		if !ok {
			continue
		}
		delete(want, tx.Text)
		if tx.Type != "SET" || tx.Value != w[0] || w[1] != "" && tx.Freq != w[1] {
			t.Errorf("%q = %s %s freq %q, want SET %s freq %q", tx.Text, tx.Type, tx.Value, tx.Freq, w[0], w[1])
		}
	}
	if len(want) > 0 {
		t.Errorf("not found: %v in %+v", want, txs)
	}
}
