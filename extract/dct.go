package extract

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/extract/timex"
)

// dctStage finds the article's own date (document creation time).
//
// Order of trust: a date given with the input (--date, metadata) is kept;
// else a full date in a dateline (a date at the very start of the first
// body paragraph, "WASHINGTON, Nov. 30, 2015 -"), in a byline line, or in
// the headline; else a date in a photo caption, but only a caption that
// names people or places the headline names too (news sites reuse file
// photos whose captions carry old dates), preferring the caption sharing
// most names; else unknown. The machine clock is never used. Every
// candidate turned down is recorded in DCT.Rejected with the reason.
type dctStage struct {
	tagger *timex.Tagger
}

func newDCTStage() (Stage, error) { return &dctStage{tagger: timex.New()}, nil }

func (*dctStage) Name() string { return "dct" }

// dctLine is a headline, byline, caption or body line of the article.
type dctLine struct {
	Span
	kind  SentenceKind
	first bool // the first body sentence (a dateline's place)
}

// Run fills doc.DCT unless it is already set.
func (s *dctStage) Run(ctx context.Context, doc *Document) error {
	if doc.DCT.Value != "" {
		if doc.DCT.Source == "" {
			doc.DCT.Source = "flag"
		}
		return nil
	}
	lines := dctLines(doc)
	dct := DCT{Source: "unknown"}
	headNames := properNames(doc.Text, doc.Text[doc.Headline.Start:doc.Headline.End])
	type cand struct {
		value  string
		span   Span
		source string
		shared int
	}
	var best *cand
	var captions []cand
	for _, l := range lines {
		if l.kind != KindHeadline && l.kind != KindByline && l.kind != KindCaption && !l.first {
			continue
		}
		text := doc.Text[l.Start:l.End]
		txs, err := s.tagger.Tag(ctx, text, "")
		if err != nil {
			return fmt.Errorf("dct: tagging %q: %w", clip(text, 40), err)
		}
		for _, t := range txs {
			if !fullDate(t.Value) {
				continue
			}
			c := cand{value: t.Value[:10], span: Span{l.Start + t.Start, l.Start + t.End}}
			switch {
			case l.kind == KindHeadline:
				c.source = "headline"
			case l.kind == KindByline:
				c.source = "byline"
			case l.kind == KindCaption:
				c.source = "caption"
				c.shared = sharedNames(headNames, properNames(doc.Text, text))
				captions = append(captions, c)
				continue
			case l.first && isDateline(text[:t.Start], text[t.End:]):
				c.source = "dateline"
			default:
				continue
			}
			if best == nil || dctRank(c.source) < dctRank(best.source) {
				cc := c
				best = &cc
			}
		}
	}
	if best == nil {
		for i := range captions {
			c := &captions[i]
			if c.shared > 0 && (best == nil || c.shared > best.shared) {
				best = c
			}
		}
	}
	for _, c := range captions {
		if best != nil && c.span == best.span {
			continue
		}
		reason := "caption shares no people or places with the headline"
		switch {
		case best != nil && best.source != "caption":
			reason = "a " + best.source + " date is more reliable than a photo caption"
		case c.shared > 0:
			reason = "another caption shares more names with the headline"
		}
		dct.Rejected = append(dct.Rejected, RejectedDate{Value: c.value, Span: c.span, Reason: reason})
	}
	if best != nil {
		sp := best.span
		dct.Value, dct.Source, dct.Span = best.value, best.source, &sp
	}
	doc.DCT = dct
	return nil
}

// isDateline reports whether a date with text before and after it on the
// first body line is a dateline: at most a place name (and comma or dash)
// before it, and a dash, parenthesis or colon (or the end) right after.
func isDateline(before, after string) bool {
	b := strings.TrimSpace(before)
	if len(b) > 40 {
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
	return strings.ContainsRune("(-–—:|/", r)
}

func dctRank(source string) int {
	switch source {
	case "dateline":
		return 0
	case "byline":
		return 1
	case "headline":
		return 2
	}
	return 3
}

// fullDate reports whether v is a TIMEX3 value with a known year, month
// and day.
func fullDate(v string) bool {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// dctLines returns the article's lines with their kinds: the text stage's
// sentences when present, else lines split here (first line headline,
// "By ..." lines bylines, photo lines captions).
func dctLines(doc *Document) []dctLine {
	var out []dctLine
	if len(doc.Sentences) > 0 {
		firstBody := true
		for i, s := range doc.Sentences {
			l := dctLine{Span: s.Span, kind: s.Kind}
			if s.Kind == KindBody && firstBody {
				// the dateline's place is the first body paragraph (a
				// sentence splitter may break it after "Sept.")
				l.first, firstBody = true, false
				for _, n := range doc.Sentences[i+1:] {
					if n.Paragraph != s.Paragraph {
						break
					}
					l.End = n.End
				}
			}
			out = append(out, l)
		}
		return out
	}
	text := doc.Text
	headline := true
	firstBody := true
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		l := strings.TrimSpace(text[start:end])
		if l != "" {
			ls := start + strings.Index(text[start:end], l)
			dl := dctLine{Span: Span{ls, ls + len(l)}, kind: KindBody}
			switch {
			case headline:
				dl.kind, headline = KindHeadline, false
				if doc.Headline == (Span{}) {
					doc.Headline = dl.Span
				}
			case isBylineLine(l):
				dl.kind = KindByline
			case isCaptionLine(l):
				dl.kind = KindCaption
			case firstBody:
				dl.first, firstBody = true, false
			}
			out = append(out, dl)
		}
		start = end + 1
	}
	return out
}

func isBylineLine(l string) bool {
	low := strings.ToLower(l)
	if len(l) > 120 {
		return false
	}
	for _, p := range []string{"by ", "published", "posted", "updated", "last updated", "date:"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

func isCaptionLine(l string) bool {
	low := strings.ToLower(l)
	for _, p := range []string{"photo)", "photo:", "(file photo", "photo credit", "(l)", "(r)", "(c)", "pictured", "(reuters)", "(ap photo", "getty images", "(epa"} {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
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
