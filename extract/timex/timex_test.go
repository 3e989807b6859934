package timex

import (
	"context"
	"github.com/storyline/storyline/internal/shareddata"
	"os"
	"strings"
	"testing"
)

type want struct{ text, typ, value, mod string }

func tagCheck(t *testing.T, text, dct string, wants []want) []Timex {
	t.Helper()
	txs, got := tagWith(t, New(), text, dct)
	for _, w := range wants {
		tx, ok := got[w.text]
		if !ok {
			t.Errorf("%q: no timex %q; got %+v", text, w.text, txs)
			continue
		}
		if tx.Type != w.typ || tx.Value != w.value || tx.Mod != w.mod {
			t.Errorf("%q: %q = %s %s %q, want %s %s %q", text, w.text, tx.Type, tx.Value, tx.Mod, w.typ, w.value, w.mod)
		}
	}
	return txs
}

func TestTagDatesAndRelatives(t *testing.T) {
	const dct = "2015-11-30" // a Monday
	cases := []struct {
		text  string
		wants []want
	}{
		{"Turkey shot down the jet on November 24.", []want{{"November 24", "DATE", "2015-11-24", ""}}},
		{"Obama will meet Putin on Friday.", []want{{"Friday", "DATE", "2015-12-04", ""}}},
		{"Obama met Putin on Friday.", []want{{"Friday", "DATE", "2015-11-27", ""}}},
		{"The talks were held two years ago.", []want{{"two years ago", "DATE", "2013", ""}}},
		{"Prices rose last week and the last month.", []want{{"last week", "DATE", "2015-W48", ""}}},
		{"Sales fell in the third quarter.", []want{{"the third quarter", "DATE", "2015-Q3", ""}}},
		{"Profit rose in the third quarter. A year earlier it fell.", []want{{"A year earlier", "DATE", "2014-Q3", ""}}},
		{"He was born in the 1990s and moved in late 2014.", []want{{"the 1990s", "DATE", "199", ""}, {"late 2014", "DATE", "2014", "END"}}},
		{"It happened earlier this month.", []want{{"earlier this month", "DATE", "2015-11", "START"}}},
		{"They met Monday morning.", []want{{"Monday morning", "TIME", "2015-11-30TMO", ""}}},
		{"This year was hard, and recent years too, but now things change.", []want{{"This year", "DATE", "2015", ""}, {"recent years", "DATE", "PAST_REF", ""}, {"now", "DATE", "PRESENT_REF", ""}}},
		{"Revenue for fiscal 1998 rose.", []want{{"fiscal 1998", "DATE", "1998", ""}}},
		{"The siege lasted for more than four years.", []want{{"more than four years", "DURATION", "P4Y", "MORE_THAN"}}},
		{"The meeting took 30 minutes, about two hours less than planned.", []want{{"30 minutes", "DURATION", "PT30M", ""}, {"about two hours", "DURATION", "PT2H", "APPROX"}}},
		{"The board meets every Monday and reports annually.", []want{{"every Monday", "SET", "XXXX-WXX-1", ""}, {"annually", "SET", "P1Y", ""}}},
		{"Sales in the spring of 2015 and this summer were weak.", []want{{"the spring of 2015", "DATE", "2015-SP", ""}, {"this summer", "DATE", "2015-SU", ""}}},
		{"The summit opened at 2 p.m. on Monday.", []want{{"2 p.m.", "TIME", "2015-11-30T14:00", ""}}},
		{"On March 3, 2010 he resigned. The following day his deputy quit.", []want{{"March 3, 2010", "DATE", "2010-03-03", ""}, {"The following day", "DATE", "2010-03-04", ""}}},
		{"Vote counts were published on 2015-11-02 and 11/30/2015.", []want{{"2015-11-02", "DATE", "2015-11-02", ""}, {"11/30/2015", "DATE", "2015-11-30", ""}}},
		{"It fell yesterday, rose today and may rise tomorrow.", []want{{"yesterday", "DATE", "2015-11-29", ""}, {"today", "DATE", "2015-11-30", ""}, {"tomorrow", "DATE", "2015-12-01", ""}}},
		{"In the first half of 2014 exports grew.", []want{{"the first half of 2014", "DATE", "2014-H1", ""}}},
		{"He arrived in January this year.", []want{{"January this year", "DATE", "2015-01", ""}}},
	}
	for _, c := range cases {
		tagCheck(t, c.text, dct, c.wants)
	}
}

func TestTagNewsPatterns(t *testing.T) {
	const dct = "2015-11-30" // a Monday
	cases := []struct {
		text  string
		wants []want
	}{
		// spelled-out years as broadcast transcripts write them
		{"In nineteen ninety-one he was convicted; by the year two thousand he was free.", []want{
			{"nineteen ninety-one", "DATE", "1991", ""}, {"the year two thousand", "DATE", "2000", ""}}},
		{"It was the winter of nineteen ninety-four.", []want{{"the winter of nineteen ninety-four", "DATE", "1994-WI", ""}}},
		// holidays are computed for the year the text talks about
		{"The boy was found on Thanksgiving Day.", []want{{"Thanksgiving Day", "DATE", "2015-11-26", ""}}},
		{"He was rescued last Thanksgiving and will fly home after Christmas.", []want{
			{"last Thanksgiving", "DATE", "2015-11-26", ""}, {"Christmas", "DATE", "2015-12-25", ""}}},
		{"Polls close on Election Day.", []want{{"Election Day", "DATE", "2015-11-03", ""}}},
		// a clock time and its day are one expression
		{"The relatives have until 9 a.m. Tuesday to sign.", []want{{"9 a.m. Tuesday", "TIME", "2015-12-01T09:00", ""}}},
		{"Talks broke off at noon Thursday.", []want{{"noon Thursday", "TIME", "2015-11-26T12:00", ""}}},
		{"The blast occurred at 10:35 a.m. (0735 GMT) Friday.", []want{{"10:35 a.m.", "TIME", "2015-11-27T10:35", ""}}},
		// tense cues for weekdays
		{"The group could come as soon as Tuesday.", []want{{"Tuesday", "DATE", "2015-12-01", ""}}},
		{"Shares bought from Sept. 14 to Thursday rose.", []want{{"Thursday", "DATE", "2015-11-26", ""}}},
		{"The offer had been due to expire Friday evening.", []want{{"Friday evening", "TIME", "2015-11-27TEV", ""}}},
		// quarterly reports
		{"Net sales for this year's third quarter fell; last year's quarter was better.", []want{
			{"this year's third quarter", "DATE", "2015-Q3", ""}, {"last year's quarter", "DATE", "2014-Q3", ""}}},
		{"In the 2014 second quarter the company lost money.", []want{{"the 2014 second quarter", "DATE", "2014-Q2", ""}}},
		{"Revenue for the year ended June 30 rose.", []want{{"the year", "DURATION", "P1Y", ""}}},
		{"Earnings will fall in the last half of 2015.", []want{{"the last half of 2015", "DATE", "2015-H2", ""}}},
		// vague stretches
		{"Sales slowed in recent weeks and rose in recent years.", []want{
			{"recent weeks", "DURATION", "PXW", ""}, {"recent years", "DATE", "PAST_REF", ""}}},
		{"Stocks hit a five year low within the last twenty four hours.", []want{
			{"five year", "DURATION", "P5Y", ""}, {"the last twenty four hours", "DURATION", "PT24H", ""}}},
		{"The machines were removed a few years ago.", []want{{"a few years ago", "DATE", "PAST_REF", ""}}},
		// month names lean to the tense of their clause
		{"Since KKR bought RJR in February, it has sold units.", []want{{"February", "DATE", "2015-02", ""}}},
		{"The final guidelines are to be published in early December.", []want{{"early December", "DATE", "2015-12", "START"}}},
	}
	for _, c := range cases {
		tagCheck(t, c.text, dct, c.wants)
	}
}

func TestTagRejectsAgesAndIndexLevels(t *testing.T) {
	noTimexes(t, "Mr. Reupke, 52 years old, left the board.", "The index closed at 2082.1, down 4.5%.",
		"She married when he was in his 30s.", "It will be a second betrayal, said Josefa.")
}

// Numbers are not years unless they read as years: counts, prices,
// scores, measures, clock times and the numbers of models, laws and
// resolutions. The first sentences are from BBC News and TimeBank.
func TestTagNumbersThatAreNotYears(t *testing.T) {
	noTimexes(t,
		"The company share price was down 1% at 1218 pence.",
		"The shares closed down 247p, or 18%, at 1115 pence.",
		"About 30% of the computers from Windows 2000 to Windows XP went wrong.",
		"It was an American-Hungarian joint venture called Orion 1980, manufacturing space technology.",
		"Citing United Nations Security Council Resolution 1483 and the laws of war, the CPA took control.",
		"He was dropped after England's exit from Euro 2004.",
		"Some 2000 people attended the rally and 1,500 jobs went.",
		"The console costs $1999 in the US, £1999 in the UK and €1999 in France; the TV is £2,000.",
		"United won 2-1 and finished the season on 2006 points.",
		"Samsung showed a 42-inch screen with 1080p resolution and 1024 megabytes of memory.",
		"Nearly 2000 workers and more than 1500 students were affected; a 2000-seat arena was built.",
		"The firm is one of Britain's top 2000 companies.",
	)
	tagCheck(t, "At 1405 GMT, shares in Barclays were trading higher; it aired from 1700 local time (0100 GMT).",
		"2005-02-01", []want{{"1405 GMT", "TIME", "2005-02-01T14:05", ""}, {"1700 local time", "TIME", "2005-02-01T17:00", ""}})
	// Years keep their reading where a year is meant.
	tagCheck(t, "The 2004 results showed a loss. In 2003 shares rose. Throughout 2002, the number of people in work rose.",
		"2005-02-01", []want{{"2004", "DATE", "2004", ""}, {"2003", "DATE", "2003", ""}, {"2002", "DATE", "2002", ""}})
	tagCheck(t, "Under the 1989 Children Act, public bodies have a duty to act.", "2005-02-01",
		[]want{{"1989", "DATE", "1989", ""}})
	tagCheck(t, "Eastern Theater 1861-1863", "2005-02-01", []want{{"1861", "DATE", "1861", ""}})
}

// noTimexes asserts that the tagger finds nothing in each text.
func noTimexes(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		txs, err := Tag(context.Background(), text, "2015-11-30")
		if err != nil {
			t.Fatal(err)
		}
		if len(txs) != 0 {
			t.Errorf("%q: unexpected timexes %+v", text, txs)
		}
	}
}

func TestHolidayDates(t *testing.T) {
	for _, c := range []struct {
		id, y int
		want  string
	}{
		{hEaster, 2015, "2015-04-05"}, {hEaster, 2000, "2000-04-23"}, {hEaster, 1998, "1998-04-12"},
		{hThanksgiving, 1999, "1999-11-25"}, {hElectionDay, 1998, "1998-11-03"}, {hLaborDay, 2015, "2015-09-07"},
		{hMemorialDay, 2015, "2015-05-25"}, {hChristmasEve, 2015, "2015-12-24"}, {hThanksgiving, -1, "XXXX-XX-XX"},
	} {
		if got := holidayValue(c.id, c.y).String(); got != c.want {
			t.Errorf("holiday %d in %d = %s, want %s", c.id, c.y, got, c.want)
		}
	}
}

func TestTagNoDCTKeepsUnknownParts(t *testing.T) {
	tagCheck(t, "On November 24 a jet was shot down; talks were on Monday and last year.", "", []want{
		{"November 24", "DATE", "XXXX-11-24", ""},
		{"Monday", "DATE", "XXXX-WXX-1", ""},
		{"last year", "DATE", "XXXX", ""},
	})
}

func TestTagRejectsNonTemporal(t *testing.T) {
	noTimexes(t, "He may leave; she will march on.", "The 6-year-old boy paid $1990 for 2,000 shares.",
		"Iraq imports about three-quarters of its food.", "They talked about this at length.")
}

func TestTagRangeAndAnchor(t *testing.T) {
	txs := tagCheck(t, "Airstrikes have continued since September 30. Two days later the talks began.", "2015-11-30",
		[]want{{"September 30", "DATE", "2015-09-30", ""}, {"Two days later", "DATE", "2015-10-02", ""}})
	if txs[0].Range != "begin" {
		t.Errorf("since September 30: Range = %q", txs[0].Range)
	}
	if txs[1].Anchor != "text" || txs[1].AnchorIndex != 0 {
		t.Errorf("two days later: anchor %q %d, want text 0", txs[1].Anchor, txs[1].AnchorIndex)
	}
}

func TestValidValue(t *testing.T) {
	for _, c := range []struct {
		typ, value string
		ok         bool
	}{
		{"DATE", "2015-11-24", true}, {"DATE", "2015-W48", true}, {"DATE", "199X", true}, {"DATE", "2015-Q1", true},
		{"DATE", "2015-SU", true}, {"DATE", "2015-11-30TMO", true}, {"TIME", "2015-11-30T14:00", true},
		{"DATE", "XXXX-11-24", true}, {"DURATION", "P4Y", true}, {"DURATION", "PT30M", true}, {"SET", "XXXX-WXX-1", true},
		{"DATE", "2015-13-01", false}, {"DATE", "2015-11-32", false}, {"DURATION", "4Y", false}, {"TIME", "2015-11-30", false},
		{"DATE", "", false}, {"WHEN", "2015", false},
	} {
		if err := ValidValue(c.typ, c.value); (err == nil) != c.ok {
			t.Errorf("ValidValue(%s, %q) = %v, want ok=%v", c.typ, c.value, err, c.ok)
		}
	}
}

func TestTagCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Tag(ctx, strings.Repeat("On Monday it rained. ", 10), "2015-11-30"); err == nil {
		t.Error("cancelled context: want an error")
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"On November 24, 2015 at 5:30 p.m. EST", "the late 1990s and mid-2000s", "every Monday morning",
		"two years ago, a year earlier, the following day", "11/30/2015 2015-11-30 '90s 30th",
		"since September 30 for more than four years", "Sept. 31 Feb. 30 99:99 pm", "ñ 2015\xffMonday",
		"April 24 and 25, 1999; May 3, 4 and 31", "midnight Friday, the then-current price", "Wed. 2 March, 15th March",
		"a day-long, decades-long talk in the weeks ahead", "Tuesday, May 4 and 5",
	} {
		f.Add(s, "2015-11-30")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, text, dct string) {
		if _, ok := parseDCT(dct); !ok {
			dct = ""
		}
		txs, err := Tag(context.Background(), text, dct)
		if err != nil {
			return
		}
		if err := Check(text, txs); err != nil {
			t.Fatalf("%q (dct %q): %v", text, dct, err)
		}
	})
}

// BenchmarkTagBBC tags the BBC News corpus; b.SetBytes makes go test
// report MB/s.
func BenchmarkTagBBC(b *testing.B) {
	files := shareddata.BBC(b)
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	tg := New()
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := tg.Tag(ctx, t, "2005-01-01"); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestTagFractionsPartsOfDayAndReferenceDates(t *testing.T) {
	const dct = "2015-11-30" // a Monday
	cases := []struct {
		text  string
		wants []want
	}{
		// fractions: the half goes to the next smaller unit
		{"They lived in camps for 2 1/2 years, then waited about 5 1/2 hours.", []want{
			{"2 1/2 years", "DURATION", "P2Y6M", ""}, {"about 5 1/2 hours", "DURATION", "PT5H30M", "APPROX"}}},
		{"It took two and a half days, and a minute and a half later it was over.", []want{
			{"two and a half days", "DURATION", "P2DT12H", ""}, {"a minute and a half", "DURATION", "PT1M30S", ""}}},
		{"The war lasted two and a half weeks.", []want{{"two and a half weeks", "DURATION", "P2.5W", ""}}},
		// less than a day later: the duration, not a day that would lose it
		{"Just over an hour later, he was declared dead.", []want{{"over an hour", "DURATION", "PT1H", "MORE_THAN"}}},
		// parts of the day
		{"In London at mid-afternoon yesterday, shares were up.", []want{{"mid-afternoon yesterday", "TIME", "2015-11-29TAF", "MID"}}},
		{"On Nov. 12, 2015 the offensive began. By late afternoon, the town had fallen.", []want{{"late afternoon", "TIME", "2015-11-12TAF", "END"}}},
		// weekdays counted from the day the text talks about, not the DCT
		{"On Oct. 8, 2015 the index fell, down 4.5% from the previous Friday.", []want{{"the previous Friday", "DATE", "2015-10-02", ""}}},
		{"The strike began on Wednesday, Oct. 14, 2015. The following Monday, talks resumed.", []want{{"The following Monday", "DATE", "2015-10-19", ""}}},
		{"On Oct. 14, 2015 he flew home. On that Friday he resigned.", []want{{"that Friday", "DATE", "2015-10-16", ""}}},
		// ... while relative words keep the DCT
		{"On Oct. 14, 2015 he flew home. Last week he resigned, and yesterday he left.", []want{{"Last week", "DATE", "2015-W48", ""}, {"yesterday", "DATE", "2015-11-29", ""}}},
		// a sentence-opening "Until" reads the clause's tense
		{"Until Thursday, they will wait.", []want{{"Thursday", "DATE", "2015-12-03", ""}}},
		{"Until Thursday, they had refused.", []want{{"Thursday", "DATE", "2015-11-26", ""}}},
		{"Then, a week or so ago, he picked a date.", []want{{"a week or so ago", "DATE", "2015-W48", "APPROX"}}},
		{"A hearing is set for the week of March 6, 2016.", []want{{"the week of March 6, 2016", "DATE", "2016-W09", ""}}},
		{"The day before last Tuesday's hearing, he went home.", []want{{"The day before last Tuesday", "DATE", "2015-11-23", ""}}},
		{"In the fiscal year ended Jan. 31, the company earned $5 million.", []want{{"Jan. 31", "DATE", "2015-01-31", ""}}},
		{"Sales fell in the last half of the '80s.", []want{{"the last half of the '80s", "DATE", "198", "END"}}},
	}
	for _, c := range cases {
		tagCheck(t, c.text, dct, c.wants)
	}
	// said that Friday's vote: "that" opens a clause
	tagCheck(t, "On Oct. 14, 2015 officials said that Friday's vote was fair.", dct, []want{{"Friday", "DATE", "2015-11-27", ""}})
}

func TestTagQuarterlyReportComparisons(t *testing.T) {
	const dct = "1989-11-01"
	text := "The company reported third-quarter profit of $5 million, after a flat second quarter. " +
		"In the year-earlier period, it earned $4 million. In the 1989 period, interest expense was lower than a year ago. " +
		"For the quarter a year ago, it reported a loss."
	tagCheck(t, text, dct, []want{
		{"third-quarter", "DATE", "1989-Q3", ""},
		{"second quarter", "DATE", "1989-Q2", ""},
		{"the year-earlier period", "DATE", "1988-Q3", ""},
		{"the 1989 period", "DATE", "1989-Q3", ""},
		{"a year ago", "DATE", "1988-Q3", ""},
		{"the quarter a year ago", "DATE", "1988-Q3", ""},
	})
}

func TestTagFourthPassRules(t *testing.T) {
	// plural weekdays are sets; midday and "4 in the morning" are clock
	// times; "high noon" is no time
	tagCheck(t, "Flights leave on Tuesday nights and on Fridays. The judge ruled at midday; he leaves at 4 in the morning.", "2000-04-05", []want{
		{"Tuesday nights", "SET", "XXXX-WXX-2TNI", ""}, {"Fridays", "SET", "XXXX-WXX-5", ""},
		{"midday", "TIME", "2000-04-05T12:00", ""}, {"4 in the morning", "TIME", "2000-04-05T04:00", ""}})
	noTimexes(t, "For the people of Poland, high noon comes.")
	// "effective" and a future cue past a decimal number look ahead;
	// a participle after "the" is an adjective, not a past-tense verb
	tagCheck(t, "The pact is effective June 1.", "1989-10-26", []want{{"June 1", "DATE", "1990-06-01", ""}})
	tagCheck(t, "It will redeem 9.5 million Series H preferred shares on Oct. 31 at a price.", "1989-10-27", []want{{"Oct. 31", "DATE", "1989-10-31", ""}})
	tagCheck(t, "They discuss the slated visit of the secretary in September.", "1998-08-26", []want{{"September", "DATE", "1998-09", ""}})
	// a weekday before a possessive, or in a reduced relative clause, is
	// not future even after "would"
	tagCheck(t, "The father would be traveling Thursday. They said they would get around Wednesday's ruling.", "2000-04-05", []want{
		{"Thursday", "DATE", "2000-04-06", ""}, {"Wednesday", "DATE", "2000-04-05", ""}})
}

func TestTagTenseCuesAndNonTimexes(t *testing.T) {
	const dct = "1989-10-27" // a Friday
	cases := []struct {
		text  string
		wants []want
	}{
		// "to" before a noun phrase is a preposition, no future: the past tense leads
		{"The company changed from a fiscal year to a calendar year in December.", []want{{"December", "DATE", "1988-12", ""}}},
		// a sentence-opening date takes the tense of the clause after it
		{"On Tuesday, the league plans to hold a news conference.", []want{{"Tuesday", "DATE", "1989-10-31", ""}}},
		{"On Tuesday, the league held a news conference.", []want{{"Tuesday", "DATE", "1989-10-24", ""}}},
		// "as planned" tells no future
		{"Mr. Bush let the offensive begin as previously planned Saturday night.", []want{{"Saturday night", "TIME", "1989-10-21TNI", ""}}},
		// this + month or season: the DCT's year on either side
		{"Elections are due this September; rallies grew this summer.", []want{{"this September", "DATE", "1989-09", ""}, {"this summer", "DATE", "1989-SU", ""}}},
		// centuries and decade words
		{"It was the biggest crash of the 20th century, near an 11th-century temple.", []want{{"the 20th century", "DATE", "19", ""}, {"11th-century", "DATE", "10", ""}}},
		{"Crime fell through the nineties.", []want{{"the nineties", "DATE", "199", ""}}},
		// year-end, and the article of "the end of the month"
		{"The deal should close by year-end; the index is up since year-end.", []want{{"year-end", "DATE", "1988", "END"}}},
		{"Troops will arrive by the end of the month.", []want{{"the end of the month", "DATE", "1989-10", "END"}}},
		{"Fans packed today's World Cup final.", []want{{"today", "DATE", "1989-10-27", ""}}},
	}
	for _, c := range cases {
		tagCheck(t, c.text, dct, c.wants)
	}
	// names and generic uses are no timexes
	for _, text := range []string{
		"USA Today reported the vote. This is VOA Today.",
		"The case of Elian is for today's youth what the blockade was.",
		"The Communist Party daily Granma printed the letter.",
		"He is in his forties. Year-end bonuses rose.",
	} {
		txs, err := Tag(context.Background(), text, dct)
		if err != nil {
			t.Fatal(err)
		}
		if len(txs) != 0 {
			t.Errorf("%q: got %+v, want no timex", text, txs)
		}
	}
}

func TestTagTopicQuarterAndReferenceWords(t *testing.T) {
	const dct = "1989-10-26" // a Thursday
	// "the quarter" is the quarter the report is about, here a fiscal one;
	// the year-ago quarter is a comparison and does not change the topic
	tagCheck(t, "Sun had a loss in the fiscal first quarter. For the quarter a year ago, it earned $5 million. "+
		"It shipped 28,000 systems in the quarter.", dct, []want{
		{"the fiscal first quarter", "DATE", "1989-Q1", ""},
		{"the quarter a year ago", "DATE", "1988-Q1", ""},
		{"the quarter", "DATE", "1989-Q1", ""},
	})
	// with no quarter named, "the quarter" is the latest one finished
	tagCheck(t, "Sales rose 5% in the quarter.", dct, []want{{"the quarter", "DATE", "1989-Q3", ""}})
	tagCheck(t, "Holders may buy shares at the then-current market price, which traders find hard these days.", dct, []want{
		{"then-current", "DATE", "PAST_REF", ""},
		{"these days", "DATE", "PRESENT_REF", ""},
	})
	tagCheck(t, "The offer will expire at midnight Friday.", dct, []want{{"midnight Friday", "TIME", "1989-10-27T24:00", ""}})
	// "then" alone is no timex
	if txs := tagCheck(t, "He said then that the deal was off.", dct, nil); len(txs) != 0 {
		t.Errorf("then: got %+v, want no timex", txs)
	}
}

func TestTagListsPhrasesAndLongDurations(t *testing.T) {
	const dct = "1999-02-10" // a Wednesday
	// a list of days shares the month, and a closing year, of its first date
	tagCheck(t, "The summit is on April 24 and 25. Talks ran May 3, 4 and 5, 1997, officials said.", dct, []want{
		{"April 24", "DATE", "1999-04-24", ""},
		{"25", "DATE", "1999-04-25", ""},
		{"May 3", "DATE", "1997-05-03", ""},
		{"4", "DATE", "1997-05-04", ""},
		{"5, 1997", "DATE", "1997-05-05", ""},
	})
	// the closing year decides which days exist
	tagCheck(t, "It ran Feb. 28 and 29, 2000.", dct, []want{{"29, 2000", "DATE", "2000-02-29", ""}, {"Feb. 28", "DATE", "2000-02-28", ""}})
	// counts after a date are no days
	for _, text := range []string{"On April 24, 5 people died.", "On April 24 and 25 soldiers died.", "It fell on April 24, 25 percent down."} {
		if txs := tagCheck(t, text, dct, nil); len(txs) != 1 {
			t.Errorf("%q: got %+v, want the date alone", text, txs)
		}
	}
	// a weekday given with a month-day picks the year it fits
	tagCheck(t, "It happened on Tuesday, May 4.", dct, []want{{"Tuesday, May 4", "DATE", "1999-05-04", ""}})
	tagCheck(t, "It happened on Monday, May 4.", dct, []want{{"Monday, May 4", "DATE", "1998-05-04", ""}})
	// fixed phrases for the present and the future
	tagCheck(t, "We don't minimize the challenges of the near term, nor over the long term. It will be financed at a later date.", dct, []want{
		{"the near term", "DATE", "FUTURE_REF", ""},
		{"the long term", "DATE", "FUTURE_REF", ""},
		{"a later date", "DATE", "FUTURE_REF", ""},
	})
	if txs := tagCheck(t, "Long-term debt rose; the short-term rate and the short term rate fell.", dct, nil); len(txs) != 0 {
		t.Errorf("long-term: got %+v, want no timex", txs)
	}
	// unit-long adjectives, vague stretches ahead, counts with adjectives
	tagCheck(t, "After a day-long meeting and a decades-long battle, a yearlong probe and a two-year-long inquiry, "+
		"they will sell in the weeks ahead. The loan may be extended for an additional year, or another full month, "+
		"as it has been for almost a hundred years.", dct, []want{
		{"day-long", "DURATION", "P1D", ""},
		{"decades-long", "DURATION", "PXDE", ""},
		{"yearlong", "DURATION", "P1Y", ""},
		{"two-year-long", "DURATION", "P2Y", ""},
		{"the weeks ahead", "DURATION", "PXW", ""},
		{"an additional year", "DURATION", "P1Y", ""},
		{"another full month", "DURATION", "P1M", ""},
		{"almost a hundred years", "DURATION", "P100Y", "LESS_THAN"},
	})
	// the next morning: the day after the one the text talks about
	tagCheck(t, "He was arrested on Feb. 2 and appeared in court the next morning.", dct, []want{{"the next morning", "TIME", "1999-02-03TMO", ""}})
}

func TestTagRatesAndNounPlans(t *testing.T) {
	const dct = "2005-03-01" // a Tuesday
	// a unit after a counted noun is the period of a rate: a SET
	tagCheck(t, "Output fell from about 400,000 tonnes a year. It now runs four flights a week and saves $2 million a year.", dct, []want{
		{"a year", "SET", "P1Y", ""},
		{"a week", "SET", "P1W", ""},
	})
	// "plans" as a noun is no future cue; as a verb it is
	tagCheck(t, "The Conservatives announced their support for the government plans on Monday evening.", dct, []want{{"Monday evening", "TIME", "2005-02-28TEV", ""}})
	tagCheck(t, "The party plans to announce its support on Monday.", dct, []want{{"Monday", "DATE", "2005-03-07", ""}})
}

func TestTagFutureVerbsAndCodes(t *testing.T) {
	const dct = "2005-03-01"
	// a future verb outweighs a date's nearness in the past; a deadline
	// preposition alone does not
	tagCheck(t, "The bill will be considered by parliament before Christmas.", dct, []want{{"Christmas", "DATE", "2005-12-25", ""}})
	tagCheck(t, "He will be repatriated by Jan. 14.", dct, []want{{"Jan. 14", "DATE", "2006-01-14", ""}})
	tagCheck(t, "He was to be repatriated by Jan. 14.", dct, []want{{"Jan. 14", "DATE", "2005-01-14", ""}})
	// "due to" a noun phrase is "because of"; "as expected" tells no tense
	tagCheck(t, "It cut the dividend due to its February loss. As expected, it reported a December loss.", dct, []want{
		{"February", "DATE", "2005-02", ""},
		{"December", "DATE", "2004-12", ""},
	})
	// a number glued to letters is a name or a code
	tagCheck(t, "FM2005 runs on Windows2000; results for FY2005 are due.", dct, []want{{"2005", "DATE", "2005", ""}})
	if txs := tagCheck(t, "FM2005 runs on Windows2000.", dct, nil); len(txs) != 0 {
		t.Errorf("codes: got %+v, want no timex", txs)
	}
}

func TestTagNamedTodayAndAnaphoricUnits(t *testing.T) {
	const dct = "2005-03-01"
	// a capitalized "Today" inside a sentence, before a common noun, is a name
	if txs := tagCheck(t, "He told Radio 4's Today programme he would stand.", dct, nil); len(txs) != 0 {
		t.Errorf("Today programme: got %+v, want no timex", txs)
	}
	tagCheck(t, "Today the vote was held.", dct, []want{{"Today", "DATE", "2005-03-01", ""}})
	// "the month" after a month is that month; alone, the DCT's
	tagCheck(t, "Retail sales rose in December. Sales rose 1.2% in the month.", dct, []want{{"the month", "DATE", "2004-12", ""}})
	tagCheck(t, "Sales rose 1.2% in the month.", dct, []want{{"the month", "DATE", "2005-03", ""}})
}

func TestTagBritishDatesAndWeekdayAbbreviations(t *testing.T) {
	const dct = "2005-03-01" // a Tuesday
	tagCheck(t, "On 15th March 2005 they met, and on the 16th of March, and on Wednesday 2 March, and Wed. 2 March.", dct, []want{
		{"15th March 2005", "DATE", "2005-03-15", ""},
		{"the 16th of March", "DATE", "2005-03-16", ""},
		{"Wednesday 2 March", "DATE", "2005-03-02", ""},
		{"Wed. 2 March", "DATE", "2005-03-02", ""},
	})
	tagCheck(t, "The game is on Sat., Feb. 26.", dct, []want{{"Sat., Feb. 26", "DATE", "2005-02-26", ""}})
	// Sun, Sat and Wed are words and names too: only a date after them
	// makes them weekdays; ordinals alone are no dates
	for _, text := range []string{"Solaris is owned by Sun. It ran well.", "He wrote in The Sun.", "He was 5th in the race."} {
		if txs := tagCheck(t, text, dct, nil); len(txs) != 0 {
			t.Errorf("%q: got %+v, want no timex", text, txs)
		}
	}
}
