package timex

import "testing"

// The comparisons of quarterly reports (TimeBank's Wall Street Journal
// files): "a year earlier" is the period the sentence reports, a year
// before.
func TestComparisonsFollowTheReportedPeriod(t *testing.T) {
	const dct = "1989-10-26"
	cases := []struct {
		name, text string
		want       map[string]string
	}{
		// the day a period ended does not replace the period as the
		// reference: "a year ago" is that fiscal quarter a year before
		{"period end", "Dominion Textile posted net income of C$4.7 million for the fiscal-first quarter ended Sept. 30. " +
			"The company had a net loss of C$2.3 million a year ago.",
			map[string]string{"the fiscal-first quarter": "1989-Q1", "Sept. 30": "1989-09-30", "a year ago": "1988-Q1"}},
		// in a sentence about nine months, the comparison is with those
		// months a year before: only the year can be named
		{"nine months", "Du Pont said profit soared to $155 million in the latest quarter from $99 million a year earlier. " +
			"For the nine months, Du Pont earned $2 billion, up 18% from $1.69 billion a year earlier.",
			map[string]string{"the latest quarter": "1989-Q3", "a year earlier": "1988"}},
		{"latest nine months", "EDS earned $315.8 million in the third quarter. Revenue from non-GM accounts was 45% of the total in the latest nine months, compared with 40% a year earlier.",
			map[string]string{"a year earlier": "1988"}},
		{"corresponding period", "The company reported a net loss for the third quarter ended Sept. 30. " +
			"These results compare with net income of $1.8 million for the corresponding period last year.",
			map[string]string{"the corresponding period last year": "1988-Q3"}},
		// a span of months keeps its length whatever modifies it
		{"year-earlier months", "Net for the year-earlier nine months also included a gain of $9.7 million.",
			map[string]string{"the year-earlier nine months": "P9M"}},
		// the first two quarters of a year are its first half
		{"first two quarters", "Weak demand will last into the fourth quarter and through at least the first two quarters of 1990.",
			map[string]string{"the first two quarters of 1990": "1990-H1"}},
	}
	for _, c := range cases {
		_, got := tagWith(t, New(), c.text, dct)
		expectValues(t, c.name, got, c.want)
	}
	// the first nine months stay a duration
	_, got := tagWith(t, New(), "Net for the first nine months of 1989 rose.", dct)
	if tx := got["the first nine months"]; tx.Type != "DURATION" || tx.Value != "P9M" {
		t.Errorf("the first nine months = %+v, want DURATION P9M", tx)
	}
}

// "The past decade" is the ten years up to now (TimeML's guidelines, as
// "the past two years" is P2Y); "the last decade" names the calendar
// decade before this one.
func TestThePastDecadeIsADuration(t *testing.T) {
	const text = "Attacks on clinics had become routine over the past decade. " +
		"It was one of the significant events of the past century. Prices rose in the last decade."
	txs, got := tagWith(t, New(), text, "1998-10-25")
	expectValues(t, "past decade", got, map[string]string{"the past decade": "P10Y", "the past century": "P100Y", "the last decade": "198"})
	for _, tx := range txs {
		if tx.Text != "the last decade" && tx.Type != "DURATION" {
			t.Errorf("%q is a %s", tx.Text, tx.Type)
		}
	}
}

// A round hundred spelled out is a count unless a year is expected there
// (PRI transcripts: "the academy has twelve hundred mostly American
// students").
func TestRoundHundredsAreCountsUnlessAYearIsExpected(t *testing.T) {
	txs, _ := tagWith(t, New(), "The Islamic Saudi Academy has twelve hundred mostly American students.", "1998-03-03")
	if len(txs) > 0 {
		t.Errorf("a count read as a year: %+v", txs)
	}
	_, got := tagWith(t, New(), "The abbey was built in twelve hundred and burned in nineteen ten.", "1998-03-03")
	expectValues(t, "years", got, map[string]string{"twelve hundred": "1200", "nineteen ten": "1910"})
}

// A month that opens a sentence takes the tense of the clause it opens,
// across an apposition and the abbreviations inside it (NYT, 1998).
func TestSentenceOpeningMonthTakesTheVerbAfterAnApposition(t *testing.T) {
	const text = "In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision, " +
		"a clinic bombing in Birmingham, Ala., killed a security guard."
	_, got := tagWith(t, New(), text, "1998-10-25")
	expectValues(t, "January", got, map[string]string{"January": "1998-01"})
	// with a future verb, the next January
	_, got = tagWith(t, New(), "In January, a week after the inauguration, the new law will take effect.", "1998-10-25")
	expectValues(t, "future January", got, map[string]string{"January": "1999-01"})
}

// An ambiguous month name between an article and a lower-case noun is a
// month (Xinhua, 1999: "The March accession will enable the three
// countries..."); "the March on Washington" is no date.
func TestMonthBeforeANoun(t *testing.T) {
	_, got := tagWith(t, New(), "The NATO summit is on April 24. The March accession will enable the three countries to take part.", "1999-02-10")
	expectValues(t, "March", got, map[string]string{"March": "1999-03"})
	txs, _ := tagWith(t, New(), "He joined the March on Washington and the may pole dance.", "1999-02-10")
	if len(txs) > 0 {
		t.Errorf("not dates: %+v", txs)
	}
}

// "Each half" of a match (BBC sport) is no calendar period: a SET of
// halves would have no well-formed value. "Each quarter" is one.
func TestEachHalfOfAMatchIsNoSet(t *testing.T) {
	txs, got := tagWith(t, New(), "Chelsea scored in each half, and the firm reports each quarter.", "2005-03-01")
	for _, tx := range txs {
		if tx.Text == "each half" {
			t.Errorf("each half tagged: %+v", tx)
		}
	}
	expectValues(t, "each quarter", got, map[string]string{"each quarter": "P1Q"})
}

// A clock time restated with its day in parentheses takes that day (AP,
// 2000: "will leave at 4 in the morning (4 a.m. EDT Thursday)").
func TestClockTimeRestatedWithItsDay(t *testing.T) {
	_, got := tagWith(t, New(), "Castro said the father will leave at 4 in the morning (4 a.m. EDT Thursday).", "2000-04-05")
	expectValues(t, "restated", got, map[string]string{"4 in the morning": "2000-04-06T04:00", "4 a.m. EDT Thursday": "2000-04-06T04:00"})
	// another clock time after it is no restatement
	_, got = tagWith(t, New(), "He left at 4 in the morning and returned at 9 a.m. Thursday.", "2000-04-05")
	expectValues(t, "two times", got, map[string]string{"4 in the morning": "2000-04-05T04:00"})
}
