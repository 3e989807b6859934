package timex

import "strings"

// cat is the grammatical category of a lexicon word.
type cat uint8

const (
	cNone       cat = iota
	cMonth          // v = 1..12
	cWeekday        // v = 1 (Monday) .. 7 (Sunday)
	cUnit           // v = a unit constant; plural marks the plural form
	cNumWord        // v = the number
	cOrdinal        // v = the ordinal (first = 1)
	cSeason         // v = season index
	cPartDay        // v = part-of-day index
	cDeictic        // v = a deictic constant (last, next, this, ...)
	cModifier       // v = a mod constant (early, late, about, ...)
	cRef            // v = ref constant (now, recently, ...)
	cRelDay         // v = offset in days (yesterday -1, today 0, tomorrow 1)
	cDirection      // ago, before, after, hence
	cSetAdv         // daily, weekly, ...: v = unit
	cQuant          // every, each, per
	cVague          // several, few, many: a number that is unknown
	cFunc           // function words the grammar looks at
	cTZ             // time zones
	cSuffix         // alnum suffixes: s, th, st, nd, rd
	cHoliday        // v = a holiday constant (see holiday.go)
	cDecadeWord     // v = the decade within its century: twenties = 2, nineties = 9
	cLong           // v = a unit: yearlong, weeklong
	cWord           // ordinary nouns and adjectives the grammar looks at: term, date, ahead
)

// Units.
const (
	uNone = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeekend
	uWeek
	uMonth
	uQuarter
	uHalf
	uSeason
	uYear
	uDecade
	uCentury
	uMillennium
)

// Deictic words.
const (
	dLast = iota + 1
	dNext
	dThis
	dPast
	dComing
	dPrevious
	dFollowing
	dCurrent
	dThat
	dSame
	dLatest
	dRecent
	dFinal
)

// Modifiers.
const (
	mEarly = iota + 1
	mLate
	mMid
	mAbout
	mMore
	mLess
	mAlmost
	mEarlier
	mLater
)

// Refs.
const (
	rPresent = iota + 1
	rPast
	rFuture
)

// Directions.
const (
	dirAgo = iota + 1
	dirBefore
	dirAfter
	dirHence
)

// entry is one lexicon word.
type entry struct {
	key    string
	c      cat
	v      int
	plural bool
	abbr   bool // an abbreviation that may be followed by "."
}

// lexicon maps lower-case words to their entries. It is built once at
// init and never written afterwards.
var lexicon = buildLexicon()

func buildLexicon() map[string]*entry {
	m := map[string]*entry{}
	put := func(e *entry) {
		if _, ok := m[e.key]; !ok {
			m[e.key] = e
		}
	}
	add := func(c cat, v int, words ...string) {
		for _, w := range words {
			put(&entry{key: w, c: c, v: v})
		}
	}
	addAbbr := func(c cat, v int, words ...string) {
		for _, w := range words {
			put(&entry{key: w, c: c, v: v, abbr: true})
		}
	}
	for i, w := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		add(cMonth, i+1, w)
	}
	for i, w := range []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if w != "" {
			addAbbr(cMonth, i+1, w)
		}
	}
	addAbbr(cMonth, 9, "sept")
	for i, w := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		add(cWeekday, i+1, w)
	}
	for i, w := range []string{"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"} {
		put(&entry{key: w, c: cWeekday, v: i + 1, plural: true})
	}
	for i, w := range []string{"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"} {
		addAbbr(cWeekday, []int{1, 2, 2, 3, 4, 4, 4, 5, 6, 7}[i], w)
	}
	for _, u := range []struct {
		sg, pl string
		u      int
	}{
		{"second", "seconds", uSecond}, {"minute", "minutes", uMinute}, {"min", "mins", uMinute},
		{"hour", "hours", uHour}, {"hr", "hrs", uHour}, {"day", "days", uDay}, {"weekend", "weekends", uWeekend},
		{"week", "weeks", uWeek}, {"month", "months", uMonth}, {"quarter", "quarters", uQuarter},
		{"half", "halves", uHalf}, {"year", "years", uYear}, {"decade", "decades", uDecade},
		{"century", "centuries", uCentury}, {"millennium", "millennia", uMillennium},
		{"yr", "yrs", uYear},
	} {
		put(&entry{key: u.sg, c: cUnit, v: u.u})
		put(&entry{key: u.pl, c: cUnit, v: u.u, plural: true})
	}
	for i, w := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"} {
		add(cNumWord, i, w)
	}
	for i, w := range []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(cNumWord, 30+10*i, w)
	}
	add(cNumWord, 100, "hundred")
	add(cNumWord, 1000, "thousand")
	add(cNumWord, 2, "couple")
	add(cNumWord, 12, "dozen")
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth"} {
		if w != "second" { // "second" stays a unit; the grammar reads it as an ordinal too
			add(cOrdinal, i+1, w)
		}
	}
	for i, w := range []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		add(cDecadeWord, i+2, w)
	}
	add(cSeason, 1, "spring")
	add(cSeason, 2, "summer")
	add(cSeason, 3, "fall", "autumn")
	add(cSeason, 4, "winter")
	add(cPartDay, 1, "morning")
	add(cPartDay, 2, "afternoon")
	add(cPartDay, 3, "evening")
	add(cPartDay, 4, "night")
	add(cPartDay, 5, "overnight")
	for i, w := range []string{"mornings", "afternoons", "evenings", "nights"} {
		put(&entry{key: w, c: cPartDay, v: i + 1, plural: true})
	}
	add(cDeictic, dLast, "last")
	add(cDeictic, dNext, "next")
	add(cDeictic, dThis, "this")
	add(cDeictic, dPast, "past")
	add(cDeictic, dComing, "coming", "upcoming")
	add(cDeictic, dPrevious, "previous", "prior", "preceding")
	add(cDeictic, dFollowing, "following", "subsequent")
	add(cDeictic, dCurrent, "current")
	add(cDeictic, dThat, "that")
	add(cDeictic, dSame, "same")
	add(cDeictic, dLatest, "latest", "most")
	add(cDeictic, dRecent, "recent")
	add(cDeictic, dFinal, "final")
	add(cModifier, mEarly, "early", "beginning", "start")
	add(cModifier, mLate, "late", "end")
	add(cModifier, mMid, "mid", "middle")
	add(cModifier, mAbout, "about", "around", "approximately", "roughly", "some", "nearly")
	add(cModifier, mMore, "more", "over")
	add(cModifier, mLess, "less", "under", "fewer")
	add(cModifier, mAlmost, "almost")
	add(cModifier, mEarlier, "earlier")
	add(cModifier, mLater, "later")
	add(cRef, rPresent, "now", "currently", "nowadays", "presently")
	add(cRef, rPast, "recently", "lately", "formerly")
	add(cRef, rFuture, "future")
	add(cRelDay, -1, "yesterday")
	add(cRelDay, 0, "today", "tonight")
	add(cRelDay, 1, "tomorrow")
	add(cDirection, dirAgo, "ago")
	add(cDirection, dirHence, "hence")
	add(cDirection, dirBefore, "before")
	add(cDirection, dirAfter, "after")
	add(cSetAdv, uDay, "daily", "nightly")
	add(cSetAdv, uWeek, "weekly")
	add(cSetAdv, uMonth, "monthly")
	add(cSetAdv, uYear, "annually", "yearly")
	add(cSetAdv, uHour, "hourly")
	add(cQuant, 1, "every", "each", "per")
	add(cVague, 1, "several", "few", "many", "numerous")
	add(cFunc, 0, "the", "a", "an", "of", "on", "in", "at", "since", "until", "till", "by", "from", "to",
		"through", "during", "than", "and", "will", "would", "shall", "be", "is", "are", "was", "were",
		"fiscal", "year-end", "within", "for", "s", "noon", "midnight", "midday", "o", "clock", "p", "m",
		"am", "pm", "other", "times", "twice", "once", "not", "going", "plans", "planned", "scheduled",
		"expected", "due", "say", "says", "said", "when", "while", "ll", "least", "up", "old", "took",
		"take", "takes", "lasted", "near", "percent", "year-earlier", "year-ago", "period", "could", "might", "as",
		"ended", "ending", "full", "his", "her", "their", "its", "my", "your", "our", "soon", "likely", "set",
		"planning", "plan", "intends", "aims", "had", "than", "contrast", "or", "so", "then", "these", "right", "ca", "circa", "previously")
	add(cLong, uYear, "yearlong")
	add(cLong, uMonth, "monthlong")
	add(cLong, uWeek, "weeklong")
	add(cLong, uDay, "daylong")
	add(cLong, uHour, "hourlong")
	add(cWord, 0, "term", "date", "ahead", "short", "long", "another", "additional", "extra", "further",
		"whole", "entire")
	add(cTZ, 0, "edt", "est", "gmt", "utc", "cst", "cdt", "pst", "pdt", "mst", "mdt", "bst", "cet")
	add(cSuffix, 0, "s", "th", "st", "nd", "rd")
	for _, h := range holidayWords {
		add(cHoliday, h.id, h.word)
	}
	return m
}

// word returns the lexicon key of token t, or "".
func (t *tok) word() string {
	if t.lex == nil {
		return ""
	}
	return t.lex.key
}

// quantityNouns are the nouns a count, price or measurement is given in:
// a four-digit number right before one is an amount, not a year ("2000
// people", "1,500 jobs", "2006 points", "1218 pence", "1600 MHz"). Nouns
// that a year often modifies (sales, results, earnings, elections) are not
// here. Built once, only read afterwards.
var quantityNouns = wordSet(`people persons men women children kids adults babies workers employees staff jobs posts
	positions students pupils teachers doctors nurses soldiers troops police officers fans spectators supporters
	members residents citizens inhabitants passengers patients customers clients users subscribers viewers listeners
	readers visitors tourists delegates voters votes seats signatures applicants refugees migrants immigrants
	prisoners inmates victims casualties deaths lives homes houses households families protesters demonstrators
	marchers strikers miners drivers pilots volunteers athletes players runners entries participants guests
	redundancies layoffs cars vehicles units copies items devices machines computers pcs phones handsets tickets
	songs tracks albums titles films movies books pages words letters emails messages calls complaints shares
	stores shops branches outlets sites schools firms companies businesses factories stations flights aircraft
	planes ships animals cattle sheep birds trees acres hectares tonnes tons barrels litres liters gallons metres
	meters miles kilometres kilometers km feet ft inches yards kg kilograms grams lbs calories megabytes gigabytes
	kilobytes terabytes mb gb kb tb mhz ghz khz rpm mph kph pixels dpi watts kw mw volts degrees points runs goals
	wickets laps pence cents dollars euros pounds yen yuan francs rupees roubles rubles pesos shekels dinars riyals
	bucks quid strong seat seater page`)

// labelNouns are lower-case nouns a number labels rather than dates:
// "resolution 1441", "model 2000", "flight 1549", "page 1200".
var labelNouns = wordSet(`resolution model flight route room page chapter section article clause number no version
	bus channel item code platform gate junction exit apartment suite serial patent highway interstate rule
	paragraph`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
