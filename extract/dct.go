package extract

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/extract/timex"
)

// dctStage finds the article's own date (document creation time).
//
// A date given with the input (--date, metadata) is kept. Else the date
// comes from the text and the URL; the candidates, from most to least
// trusted:
//
//	dateline  a date opening the lede, before its dash or wire credit:
//	          "WASHINGTON, Nov. 30, 2015 -", "MOSCOW, Nov 24 (Reuters) -"
//	byline    a date in a byline line ("By Jane Roe, published March 4,
//	          2011") or in a timestamp line at the top, a short line that
//	          holds nothing but a date, a time and words such as
//	          Published, Posted, Updated, GMT ("Updated 10:14 GMT, 3 March
//	          2020", "March 3, 2020 at 10:14 a.m."); a published or posted
//	          stamp before an updated one
//	url       a date in the article URL's path (/2015/11/24/, /20151124/,
//	          /2015/nov/24/, -2015-11-24-; /2015/11/ gives the month only)
//	lede      a full date in the lede's first sentence next to "today" or
//	          "this morning": the day the article speaks from. Any other
//	          date there dates an event ("On March 3, 2019, police
//	          arrested ..." in a 2020 story) and is turned down
//	headline  a full date in the headline
//	caption   a date in a photo caption, but only a caption that names
//	          people or places the headline names too (news sites reuse
//	          file photos whose captions carry old dates), preferring the
//	          caption sharing most names
//
// A dateline or timestamp without a year ("MOSCOW, Nov 24 (Reuters) -",
// "Mar. 8 5:46 PM EST") gives the partial date XXXX-11-24. A full dateline,
// byline or URL date outranks it; otherwise it is used, and a full date
// elsewhere (URL, lede, headline, caption) on the same day, or a URL month,
// gives it its year. Else the date is unknown: the machine clock is never
// used. Every candidate not used is recorded in DCT.Rejected with the
// reason.
type dctStage struct {
	tagger *timex.Tagger
}

// newDCTStage tags candidates in news mode: a dateline is read as it
// stands, never against another date of the text.
func newDCTStage() (Stage, error) { return &dctStage{tagger: timex.NewAnchored(timex.AnchorNews)}, nil }

func (*dctStage) Name() string { return "dct" }

// dateCand is one candidate article date.
type dateCand struct {
	value  string // YYYY-MM-DD, XXXX-MM-DD, or YYYY-MM (URL month)
	span   *Span  // nil for the URL
	source string
	rank   int
	shared int    // captions: names shared with the headline
	reject string // set when the candidate is turned down whatever else is found
}

// Candidate ranks: lower is more trusted.
const (
	rankDateline = iota
	rankByline
	rankBylineUpdated
	rankURL
	rankDatelinePartial
	rankBylinePartial
	rankBylineUpdatedPartial
	rankURLMonth
	rankLede
	rankHeadline
	rankCaption
)

// Run fills doc.DCT unless it is already set.
func (s *dctStage) Run(ctx context.Context, doc *Document) error {
	if doc.DCT.Value != "" {
		if doc.DCT.Source == "" {
			doc.DCT.Source = "flag"
		}
		return nil
	}
	cands, err := s.candidates(ctx, doc)
	if err != nil {
		return err
	}
	doc.DCT = chooseDCT(cands)
	return nil
}

// candidates collects the article's date candidates.
func (s *dctStage) candidates(ctx context.Context, doc *Document) ([]dateCand, error) {
	var cands []dateCand
	seen := map[Span]bool{}
	add := func(c dateCand) {
		if c.span != nil {
			if seen[*c.span] {
				return
			}
			seen[*c.span] = true
		}
		cands = append(cands, c)
	}
	tag := func(sp Span) ([]timex.Timex, error) {
		txs, err := s.tagger.Tag(ctx, doc.Text[sp.Start:sp.End], "")
		if err != nil {
			return nil, fmt.Errorf("dct: tagging %q: %w", clip(doc.Text[sp.Start:sp.End], 40), err)
		}
		return joinYears(doc.Text[sp.Start:sp.End], txs), nil
	}
	top := articleTop(doc)
	// Timestamp lines at the top (the lede is one only when no paragraph
	// reads as prose).
	for _, p := range top.paras {
		for _, ln := range lines(doc.Text, p.Span) {
			if len(doc.Text[ln.Start:ln.End]) > 120 {
				continue
			}
			txs, err := tag(ln)
			if err != nil {
				return nil, err
			}
			text := doc.Text[ln.Start:ln.End]
			stamp, cued := timestampLine(text, txs)
			if !stamp {
				continue
			}
			updated := strings.Contains(strings.ToLower(text), "updated")
			for _, t := range txs {
				c, ok := bylineCand(txs, t, ln.Start, updated)
				if ok && !cued && partialDate(c.value) {
					// "Saturday, 26 February" over "1600 GMT": a fixture
					c.reject = "a year-less date alone on a line, with no Published or Updated and no time, may announce an event"
				}
				if ok {
					add(c)
				}
			}
		}
	}
	// Datelines: the lede, the first body paragraph, and a first line that
	// is a wire dateline (a text without a headline). The dates of the
	// lede's first sentence.
	for i, p := range top.paras {
		lede := i == top.lede
		if !lede && i != top.firstBodyPara && !(p.kind == KindHeadline && datelineOutlet.MatchString(doc.Text[p.Start:p.End])) {
			continue
		}
		txs, err := tag(p.Span)
		if err != nil {
			return nil, err
		}
		text := doc.Text[p.Start:p.End]
		wire := wireDateline(text)
		for _, t := range txs {
			sp := Span{p.Start + t.Start, p.Start + t.End}
			full, part := fullDate(t.Value), partialDate(t.Value)
			switch {
			case (full || part) && isDateline(text[:t.Start], text[t.End:]):
				add(dateCand{value: t.Value[:10], span: &sp, source: "dateline", rank: pick(full, rankDateline, rankDatelinePartial)})
			case !lede || sp.Start >= p.firstEnd:
				// past the first sentence: the story's own dates
			case full && todayCue(text[:t.Start], text[t.End:], t.Text):
				add(dateCand{value: t.Value[:10], span: &sp, source: "lede", rank: rankLede})
			case full:
				add(dateCand{value: t.Value[:10], span: &sp, source: "lede", rank: rankLede,
					reject: "a date in the first sentence, not in dateline position, dates an event, not the article"})
			case wire && weekdayValue(t.Value):
				add(dateCand{value: t.Value, span: &sp, source: "dateline", rank: rankDatelinePartial,
					reject: "a weekday after a wire dateline names the news day, not a calendar date"})
			}
		}
	}
	// Bylines, headlines and captions anywhere.
	headNames := properNames(doc.Text, doc.Text[doc.Headline.Start:doc.Headline.End])
	for _, l := range doc.Sentences {
		if l.Kind != KindHeadline && l.Kind != KindByline && l.Kind != KindCaption {
			continue
		}
		txs, err := tag(l.Span)
		if err != nil {
			return nil, err
		}
		text := doc.Text[l.Start:l.End]
		updated := strings.Contains(strings.ToLower(text), "updated")
		for _, t := range txs {
			sp := Span{l.Start + t.Start, l.Start + t.End}
			switch {
			case l.Kind == KindByline:
				if c, ok := bylineCand(txs, t, l.Start, updated); ok {
					add(c)
				}
			case !fullDate(t.Value):
			case l.Kind == KindHeadline:
				c := dateCand{value: t.Value[:10], span: &sp, source: "headline", rank: rankHeadline}
				if n := len(strings.Fields(text)); n > 20 || prose(text) && n >= 12 {
					c.reject = "the first line is a sentence of the story, not a headline: its date dates an event"
				}
				add(c)
			case l.Kind == KindCaption:
				c := dateCand{value: t.Value[:10], span: &sp, source: "caption", rank: rankCaption,
					shared: sharedNames(headNames, properNames(doc.Text, text))}
				if c.shared == 0 {
					c.reject = "caption shares no people or places with the headline"
				}
				add(c)
			}
		}
	}
	if v := urlDate(doc.URL); v != "" {
		add(dateCand{value: v, source: "url", rank: pick(len(v) == 10, rankURL, rankURLMonth)})
	}
	return cands, nil
}

// joinYears gives a month-day the year that follows it: stamps such as
// "May 2, 2013, 1:12 PM" or "Sunday, November 27 - 2005 at 16:12" may be
// tagged as a month-day and a separate year.
func joinYears(text string, txs []timex.Timex) []timex.Timex {
	for i := 0; i+1 < len(txs); i++ {
		a, b := txs[i], txs[i+1]
		if !partialDate(a.Value) || len(b.Value) != 4 || !digits(b.Value) || b.Start-a.End > 3 ||
			strings.Trim(text[a.End:b.Start], " ,-–") != "" {
			continue
		}
		a.Value = b.Value + a.Value[4:]
		a.End, a.Text = b.End, text[a.Start:b.End]
		txs[i] = a
		txs = append(txs[:i+1], txs[i+2:]...)
	}
	return txs
}

// bylineCand makes the candidate of a date t in a byline or timestamp line
// starting at offset off, whose timexes are txs. A clock time that the
// tagger put on the day of a date beside it ("10:14 GMT, 3 March 2020")
// leaves the candidate to the date.
func bylineCand(txs []timex.Timex, t timex.Timex, off int, updated bool) (dateCand, bool) {
	full, part := fullDate(t.Value), partialDate(t.Value)
	if !full && !part {
		return dateCand{}, false
	}
	if t.Type == "TIME" {
		for _, d := range txs {
			if d.Type == "DATE" && strings.HasPrefix(d.Value, t.Value[:10]) {
				return dateCand{}, false
			}
		}
	}
	rank := pick(full, rankByline, rankBylinePartial)
	if updated {
		rank = pick(full, rankBylineUpdated, rankBylineUpdatedPartial)
	}
	sp := Span{off + t.Start, off + t.End}
	return dateCand{value: t.Value[:10], span: &sp, source: "byline", rank: rank}, true
}

func pick(cond bool, a, b int) int {
	if cond {
		return a
	}
	return b
}

// chooseDCT picks the most trusted candidate, completes a partial date
// from another candidate of the same day or month, and records why every
// other candidate was not used.
func chooseDCT(cands []dateCand) DCT {
	dct := DCT{Source: "unknown"}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].rank != cands[j].rank {
			return cands[i].rank < cands[j].rank
		}
		return cands[i].shared > cands[j].shared // captions: most shared names first
	})
	best := -1
	for i, c := range cands {
		if c.reject == "" {
			best = i
			break
		}
	}
	why := make([]string, len(cands))
	if best >= 0 {
		b := cands[best]
		dct.Value, dct.Source, dct.Span = b.value, b.source, b.span
		switch {
		case partialDate(b.value):
			// a full date of the same day, or a URL month, gives the year
			for i, c := range cands {
				if i == best || c.reject != "" {
					continue
				}
				if fullDate(c.value) && c.value[4:] == b.value[4:] {
					dct.Value, dct.Source, dct.Span = c.value, c.source, c.span
					why[best] = "no year; the " + c.source + " date of the same day gives it"
					why[i] = "-"
					break
				}
				if len(c.value) == 7 && c.value[4:] == b.value[4:7] {
					dct.Value = c.value + b.value[7:]
					why[i] = "used: the URL month gives the " + b.source + " date its year"
					break
				}
			}
		case len(b.value) == 7:
			// a URL month with a year-less dateline of that month gives the day
			for i, c := range cands {
				if c.reject == "" && partialDate(c.value) && c.value[4:7] == b.value[4:] {
					dct.Value, dct.Source, dct.Span = b.value+c.value[7:], c.source, c.span
					why[best] = "used: the URL month gives the " + c.source + " date its year"
					why[i] = "-"
					break
				}
			}
		}
	}
	for i, c := range cands {
		if i == best && why[i] == "" || why[i] == "-" {
			continue
		}
		reason := why[i]
		switch {
		case reason != "":
		case c.reject != "":
			reason = c.reject
		case c.value == dct.Value:
			reason = "the same date as the " + dct.Source + " date"
		case partialDate(c.value) && len(dct.Value) >= 10 && c.value[4:] == dct.Value[4:10]:
			reason = "no year; the same day as the " + dct.Source + " date"
		case c.source == "caption" && cands[best].source == "caption":
			reason = "another caption shares more names with the headline"
		case c.source == "caption":
			reason = "a " + cands[best].source + " date is more reliable than a photo caption"
		default:
			reason = "a " + cands[best].source + " date ranks above a " + c.source + " date"
		}
		r := RejectedDate{Value: c.value, Reason: reason}
		if c.span != nil {
			r.Span = *c.span
		}
		dct.Rejected = append(dct.Rejected, r)
	}
	return dct
}

// isDateline reports whether a date with text before and after it on the
// lede is a dateline: at most a place name (and comma or dash) before it,
// and a dash, parenthesis or colon (or the end) right after. A date alone
// on its line is a stamp (or a fixture), not a dateline.
func isDateline(before, after string) bool {
	b := strings.TrimSpace(before)
	if len(b) > 40 || b == "" && strings.TrimSpace(after) == "" {
		return false
	}
	b = strings.TrimRight(b, ",-–—: ")
	for i, r := range b {
		if i == 0 && !unicode.IsUpper(r) {
			return false
		}
		if !unicode.IsLetter(r) && r != ' ' && r != '.' && r != '\'' && r != '-' && r != ',' {
			return false
		}
	}
	a := strings.TrimLeft(after, " \t")
	if a == "" || a[0] == '\n' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(a)
	return strings.ContainsRune("(-–—_:|/", r)
}

// wireDateline reports whether a lede opens with a wire credit and no
// date: "WASHINGTON (AP) —", "(CNN) --".
func wireDateline(lede string) bool {
	if m := datelineOutlet.FindStringSubmatch(lede); m != nil {
		return knownOutlet(m[2])
	}
	m := bareCreditOutlet.FindStringSubmatch(lede)
	return m != nil && knownOutlet(m[1])
}

// todayCue reports whether a date in the lede is marked as the day the
// article speaks from: "today, March 3, 2020", "March 3, 2020 (today)".
func todayCue(before, after, text string) bool {
	low := strings.ToLower(text)
	b := strings.ToLower(before)
	if len(b) > 30 {
		b = b[len(b)-30:]
	}
	a := strings.ToLower(after)
	if len(a) > 20 {
		a = a[:20]
	}
	for _, cue := range []string{"today", "tonight", "this morning", "this afternoon", "this evening"} {
		if strings.Contains(low, cue) || strings.Contains(b, cue) || strings.Contains(a, cue) {
			return true
		}
	}
	return false
}

// stampWords may stand in a timestamp line beside its dates and times
// (and the stamp cues below).
var stampWords = map[string]bool{
	"last": true, "first": true, "on": true, "at": true, "time": true, "a": true, "m": true, "p": true,
	"th": true, "st": true, "nd": true, "rd": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// timestampLine reports whether a short line is a date stamp: it holds a
// month-day date, and outside its dates and times only stamp words
// ("Published", "Updated", "at", "GMT", weekday names) and numbers. cued
// is whether it also has a clock time or a word such as Published.
func timestampLine(line string, txs []timex.Timex) (stamp, cued bool) {
	hasDate := false
	var rest strings.Builder
	pos := 0
	for _, t := range txs {
		if fullDate(t.Value) || partialDate(t.Value) {
			hasDate = true
		}
		if t.Type == "TIME" {
			cued = true
		}
		rest.WriteString(line[pos:t.Start])
		rest.WriteByte(' ')
		pos = t.End
	}
	if !hasDate {
		return false, false
	}
	rest.WriteString(line[pos:])
	for _, w := range strings.FieldsFunc(strings.ToLower(rest.String()), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !stampWords[w] && !stampCues[w] {
			return false, false
		}
		if stampCues[w] {
			cued = true
		}
	}
	return true, cued
}

// stampCues are the stamp words that say a line stamps the article: a
// publishing word, or a clock's am, pm or time zone.
var stampCues = map[string]bool{"published": true, "posted": true, "updated": true, "modified": true,
	"created": true, "date": true, "dated": true, "am": true, "pm": true, "gmt": true, "utc": true,
	"bst": true, "cet": true, "cest": true, "est": true, "edt": true, "cst": true, "cdt": true, "mst": true,
	"mdt": true, "pst": true, "pdt": true, "et": true, "pt": true, "ct": true, "ist": true, "jst": true,
	"aest": true, "aedt": true, "msk": true}

// fullDate reports whether v is a TIMEX3 value with a known year, month
// and day.
func fullDate(v string) bool {
	return len(v) >= 10 && v[4] == '-' && v[7] == '-' && digits(v[:4]) && digits(v[5:7]) && digits(v[8:10])
}

// partialDate reports whether v is a month-day of unknown year:
// XXXX-11-24.
func partialDate(v string) bool {
	return len(v) >= 10 && v[:5] == "XXXX-" && v[7] == '-' && digits(v[5:7]) && digits(v[8:10])
}

// weekdayValue reports whether v is a bare weekday: XXXX-WXX-2.
func weekdayValue(v string) bool {
	return len(v) == 10 && strings.HasPrefix(v, "XXXX-WXX-") && v[9] >= '1' && v[9] <= '7'
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// URL path dates: /2015/11/24/, /2015/nov/24/, /20151124/, -2015-11-24-,
// and /2015/11/ (a month).
var (
	urlYMD    = regexp.MustCompile(`/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$)`)
	urlYMonD  = regexp.MustCompile(`(?i)/((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/([0-3]?\d)(?:/|$)`)
	urlISO    = regexp.MustCompile(`[/_-]((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[/_.-]|$)`)
	urlPacked = regexp.MustCompile(`/((?:19|20)\d\d)([01]\d)([0-3]\d)(?:/|$)`)
	urlYM     = regexp.MustCompile(`/((?:19|20)\d\d)/([01]?\d)(?:/|$)`)
)

var urlMonths = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// urlDate reads a publication date from an article URL's path:
// YYYY-MM-DD, or YYYY-MM when the path gives only the month; "" if none.
func urlDate(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	path := u.EscapedPath()
	for _, re := range []*regexp.Regexp{urlYMD, urlYMonD, urlISO, urlPacked} {
		m := re.FindStringSubmatch(path)
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		mo, ok := urlMonths[strings.ToLower(m[2])]
		if !ok {
			mo, _ = strconv.Atoi(m[2])
		}
		d, _ := strconv.Atoi(m[3])
		if v := ymd(y, mo, d); v != "" {
			return v
		}
	}
	if m := urlYM.FindStringSubmatch(path); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo >= 1 && mo <= 12 {
			return fmt.Sprintf("%04d-%02d", y, mo)
		}
	}
	return ""
}

// ymd formats a valid calendar date, or returns "".
func ymd(y, m, d int) string {
	if m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// topPara is one paragraph of the article.
type topPara struct {
	Span
	kind     SentenceKind // the kind of its first sentence
	firstEnd int          // end of its first sentence
	words    int
}

// articleTop is the top of the article: its first paragraphs, up to and
// including the lede.
type articleTopInfo struct {
	paras []topPara
	// lede indexes paras: the first body paragraph that reads as prose
	// (it ends with sentence punctuation or runs to 20 words), else the
	// first body paragraph; -1 if none.
	lede int
	// ledeSentence is the index into doc.Sentences of the lede's first
	// sentence, firstBody that of the first body sentence (-1 if none).
	ledeSentence, firstBody int
	// firstBodyPara indexes paras: the first body paragraph, or -1.
	firstBodyPara int
	// end is the index into doc.Sentences past the top: past the first
	// five body paragraphs, where credits such as "X reports:" still
	// introduce the article's text.
	end int
}

// maxTopParas bounds the paragraphs searched for the lede.
const maxTopParas = 8

// articleTop finds the lede and the paragraphs above it.
func articleTop(doc *Document) articleTopInfo {
	top := articleTopInfo{lede: -1, ledeSentence: -1, firstBody: -1, firstBodyPara: -1, end: len(doc.Sentences)}
	bodyParas := 0
	for i := 0; i < len(doc.Sentences); {
		s := doc.Sentences[i]
		j := i + 1
		for j < len(doc.Sentences) && doc.Sentences[j].Paragraph == s.Paragraph {
			j++
		}
		if s.Kind == KindBody {
			if top.firstBody < 0 {
				top.firstBody = i
			}
			if bodyParas++; bodyParas > 5 {
				top.end = i
				break
			}
		}
		if len(top.paras) < maxTopParas && top.lede < 0 {
			p := topPara{Span: Span{s.Start, doc.Sentences[j-1].End}, kind: s.Kind, firstEnd: s.End}
			text := doc.Text[p.Start:p.End]
			p.words = len(strings.Fields(text))
			top.paras = append(top.paras, p)
			if s.Kind == KindBody {
				if top.firstBodyPara < 0 {
					top.firstBodyPara = len(top.paras) - 1
				}
				if prose(text) || p.words >= 20 {
					top.lede, top.ledeSentence = len(top.paras)-1, i
				}
			}
		}
		i = j
	}
	if top.lede < 0 && top.firstBodyPara >= 0 {
		top.lede, top.ledeSentence = top.firstBodyPara, top.firstBody
	}
	return top
}

// prose reports whether a paragraph ends like a sentence.
func prose(text string) bool {
	t := strings.TrimRight(text, " \t\n\"'”’)")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?")
}

// lines splits a span of the text at line breaks, trimming space.
func lines(text string, sp Span) []Span {
	var out []Span
	for start := sp.Start; start < sp.End; {
		end := strings.IndexByte(text[start:sp.End], '\n')
		if end < 0 {
			end = sp.End
		} else {
			end += start
		}
		l := strings.TrimSpace(text[start:end])
		if l != "" {
			ls := start + strings.Index(text[start:end], l)
			out = append(out, Span{ls, ls + len(l)})
		}
		start = end + 1
	}
	return out
}

// properNames returns the capitalized words of s that look like names:
// not a common word (its lower-case form never appears in the article)
// and not a function word.
func properNames(article, s string) map[string]bool {
	names := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '-' }) {
		w = strings.Trim(w, "'-")
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) < 3 || !unicode.IsUpper(r) {
			continue
		}
		low := strings.ToLower(w)
		if dctStop[low] || strings.Contains(article, " "+low+" ") {
			continue
		}
		names[low] = true
	}
	return names
}

// dctStop are capitalized words in captions and headlines that name no one.
var dctStop = map[string]bool{
	"the": true, "and": true, "with": true, "for": true, "from": true, "photo": true, "file": true,
	"afp": true, "reuters": true, "getty": true, "images": true, "president": true, "minister": true,
	"prime": true, "foreign": true, "secretary": true, "house": true, "speaker": true, "rep": true,
	"sen": true, "senator": true, "leader": true, "chief": true, "january": true, "february": true,
	"march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

func sharedNames(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
