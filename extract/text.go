package extract

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/tokenize"
)

// The text stage splits the article into lines, paragraphs and sentences,
// tokenizes it as prose's tokenizer does, tags every sentence with prose's
// averaged-perceptron POS model, gives verbs and nouns a cheap lemma, and
// labels each sentence with a SentenceKind (headline, body, caption, byline,
// boilerplate) from general layout and cue-word rules.
//
// Speed: the tokenizer (proseTokenize) and the tagger (perceptron) are
// reimplementations of prose's that give identical output (tested over the
// whole BBC corpus) several times faster, and the cue regexps run only when
// a literal prefilter (cueText) says they can match. The text is tokenized
// once and each sentence tagged once.
//
// Layout model:
//   - the first non-empty line is the headline: one sentence, never joined
//     to the next line;
//   - a blank line ends a paragraph;
//   - a line break ends a sentence, except inside a hard-wrapped paragraph
//     (several lines of similar, long width that mostly do not end in
//     sentence punctuation) or when a line visibly continues onto the next
//     (it ends with a comma, hyphen or open bracket, or the next line starts
//     in lower case);
//   - within a line (or joined block) sentences end at . ! ? … (plus any
//     closing quotes/brackets) when the next token can start a sentence,
//     except after titles (Mr., Rep., Gov.), initials (J. K. Rowling) and,
//     unless a typical sentence opener follows, other abbreviations
//     (U.S., Inc., Jan.).
type textStage struct {
	pos *perceptron
	// bufs holds *[]tokenize.Token scratch slices for the tokenizer's
	// output, reused across documents.
	bufs sync.Pool
}

// maxPooledTokens bounds the scratch slices kept for reuse, so one huge
// document does not pin its token buffer for the life of the pipeline.
const maxPooledTokens = 1 << 18

// textLexicon fixes the tags of quotes, dashes and the possessive, which
// prose's model tags unreliably.
var textLexicon = map[string]string{
	"“":  "``",
	"‘":  "``",
	"”":  "''",
	"’":  "''",
	"\"": "''",
	"’s": "POS",
	"—":  ":",
	"–":  ":",
}

func newTextStage() (Stage, error) {
	pos, err := perceptronModel()
	if err != nil {
		return nil, fmt.Errorf("text stage: loading POS model: %w", err)
	}
	return &textStage{pos: pos}, nil
}

func (*textStage) Name() string { return "text" }

// line is one non-empty line of the text, trimmed of surrounding space.
type line struct {
	span Span
	para int
}

// block is one or more lines read as continuous text.
type block struct {
	span       Span
	para       int
	firstLine  int
	endLine    int // exclusive
	kind       SentenceKind
	firstTok   int
	endTok     int
	terminated bool // ends with sentence punctuation
}

// Run fills doc.Headline, doc.Sentences and doc.Tokens.
func (s *textStage) Run(ctx context.Context, doc *Document) error {
	text := doc.Text
	doc.Sentences = doc.Sentences[:0]
	doc.Tokens = doc.Tokens[:0]
	doc.Headline = Span{}
	lines := splitLines(text)
	if len(lines) == 0 {
		return nil
	}
	blocks := makeBlocks(text, lines)
	buf, _ := s.bufs.Get().(*[]tokenize.Token)
	if buf == nil {
		buf = new([]tokenize.Token)
	}
	ptoks := proseTokenize(text, *buf)
	defer func() {
		if cap(ptoks) <= maxPooledTokens {
			clear(ptoks) // drop references to this document's text
			*buf = ptoks[:0]
			s.bufs.Put(buf)
		}
	}()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("text stage: %w", err)
	}

	// Assign tokens to blocks (both are in text order; tokens never cross
	// whitespace, so never cross lines). Tokens outside every block cannot
	// exist, but are dropped defensively. Kept tokens are moved down in
	// place.
	toks := ptoks[:0]
	bi := 0
	for _, t := range ptoks {
		t = trimToken(t)
		if t.Text == "" {
			continue
		}
		for bi < len(blocks) && blocks[bi].span.End <= t.Start {
			bi++
		}
		if bi == len(blocks) {
			break
		}
		if t.Start < blocks[bi].span.Start {
			continue
		}
		toks = append(toks, t)
	}
	bi = 0
	for i, t := range toks {
		for blocks[bi].span.End <= t.Start {
			blocks[bi].endTok = i
			bi++
			blocks[bi].firstTok = i
		}
	}
	for ; bi < len(blocks); bi++ {
		blocks[bi].endTok = len(toks)
		if bi+1 < len(blocks) {
			blocks[bi+1].firstTok = len(toks)
		}
	}

	var cue cueText
	classifyBlocks(text, blocks, toks, &cue)
	doc.Headline = blocks[0].span

	out := make([]Token, 0, len(toks))
	var scratch tagScratch
	for bi := range blocks {
		if bi%64 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("text stage: %w", err)
			}
		}
		b := &blocks[bi]
		if b.firstTok == b.endTok {
			continue
		}
		var bounds []int
		if b.kind == KindHeadline {
			bounds = []int{b.endTok}
		} else {
			bounds = sentenceEnds(toks, b.firstTok, b.endTok)
		}
		bounds = capSentences(toks, b.firstTok, bounds)
		start := b.firstTok
		for _, end := range bounds {
			if end <= start {
				continue
			}
			sent := toks[start:end]
			s.pos.tagTokens(sent, &scratch)
			fixQuoteTags(text, sent)
			si := len(doc.Sentences)
			kind := b.kind
			if kind == KindHeadline && start > b.firstTok {
				// An overlong first line: only its first part heads.
				kind = KindBody
			} else if kind == KindHeadline {
				doc.Headline = Span{sent[0].Start, sent[len(sent)-1].End()}
			}
			if kind == KindBody && sentenceBoilerplate(text[sent[0].Start:sent[len(sent)-1].End()], &cue) {
				kind = KindBoilerplate
			}
			doc.Sentences = append(doc.Sentences, Sentence{
				Span:       Span{sent[0].Start, sent[len(sent)-1].End()},
				Kind:       kind,
				Paragraph:  b.para,
				FirstToken: len(out),
				EndToken:   len(out) + len(sent),
			})
			for k, t := range sent {
				out = append(out, Token{
					Span:     Span{t.Start, t.End()},
					Text:     t.Text,
					Tag:      t.Tag,
					Lemma:    lemmaOfLower(scratch.lower[k], t.Tag),
					Sentence: si,
				})
			}
			start = end
		}
	}
	doc.Tokens = out
	return nil
}

// proseTokenize splits text into tokens exactly as prose's default
// tokenize.Tokenizer does (prose v3.2.3), without its per-span regexp and
// repeated affix scans: every maximal run of non-space runes is split into
// prefixes ($ ( " [ “ ‘), contraction endings ('ll 's 're 'm n't, straight or
// curly) and suffixes (, ) " ] ! ; . ? : ' ” ’), except that emoticons and
// abbreviations like U.S. or Mr. stay whole. TestTokenizeMatchesProse
// holds it to prose's output.
//
// Tokens are appended to dst[:0].
func proseTokenize(text string, dst []tokenize.Token) []tokenize.Token {
	toks := dst[:0]
	if need := len(text)/4 + 16; cap(toks) < need {
		toks = make([]tokenize.Token, 0, need)
	}
	start := -1
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 {
				toks = splitSpan(text[start:i], start, toks)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		toks = splitSpan(text[start:], start, toks)
	}
	return toks
}

// splitSpan is prose's Tokenizer.split for one run of non-space runes.
func splitSpan(span string, base int, toks []tokenize.Token) []tokenize.Token {
	var sufArr [8]tokenize.Token
	sufs := sufArr[:0]
	for span != "" {
		if keepWhole(span) {
			toks = append(toks, tokenize.Token{Text: span, Start: base})
			span = ""
			break
		}
		if p := tokPrefix(span); p > 0 {
			toks = append(toks, tokenize.Token{Text: span[:p], Start: base})
			span, base = span[p:], base+p
			continue
		}
		if i := contractionAt(span); i > 0 {
			toks = append(toks, tokenize.Token{Text: span[:i], Start: base})
			span, base = span[i:], base+i
			continue
		}
		if s := tokSuffix(span); s > 0 {
			cut := len(span) - s
			sufs = append(sufs, tokenize.Token{Text: span[cut:], Start: base + cut})
			span = span[:cut]
			continue
		}
		toks = append(toks, tokenize.Token{Text: span, Start: base})
		span = ""
	}
	for i := len(sufs) - 1; i >= 0; i-- {
		toks = append(toks, sufs[i])
	}
	return toks
}

// keepWhole reports whether prose keeps a span whole: an emoticon, letters
// with periods (U.S., e.g.) or a short capitalized abbreviation (Mr., Gen.).
func keepWhole(s string) bool {
	if s == "" {
		return false
	}
	if emoticonStart[s[0]] && proseEmoticons[s] {
		return true
	}
	n := len(s)
	if s[n-1] != '.' {
		return false
	}
	// ^[A-Z][a-z]{1,2}\.$
	if (n == 3 || n == 4) && 'A' <= s[0] && s[0] <= 'Z' {
		ok := true
		for i := 1; i < n-1; i++ {
			ok = ok && 'a' <= s[i] && s[i] <= 'z'
		}
		if ok {
			return true
		}
	}
	// ^(?:[A-Za-z]\.){2,}$
	if n < 4 || n%2 != 0 {
		return false
	}
	for i := 0; i < n; i += 2 {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' || s[i+1] != '.' {
			return false
		}
	}
	return true
}

// emoticonStart marks the first bytes of prose's emoticons.
var emoticonStart = func() (a [256]bool) {
	for e := range proseEmoticons {
		a[e[0]] = true
	}
	return a
}()

var (
	tokPrefixes     = []string{"$", "(", `"`, "[", "“", "‘"}
	tokSuffixes     = []string{",", ")", `"`, "]", "!", ";", ".", "?", ":", "'", "”", "’"}
	tokContractions = []string{"'ll", "'s", "'re", "'m", "n't", "’ll", "’s", "’re", "’m", "n’t"}
)

// tokPrefix returns the length of the first prefix of s (shorter than s)
// prose splits off, or 0.
func tokPrefix(s string) int {
	switch s[0] {
	case '$', '(', '"', '[', 0xE2:
		for _, p := range tokPrefixes {
			if len(s) > len(p) && strings.HasPrefix(s, p) {
				return len(p)
			}
		}
	}
	return 0
}

// tokSuffix returns the length of the first suffix of s (shorter than s)
// prose splits off, or 0.
func tokSuffix(s string) int {
	switch s[len(s)-1] {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'', 0x9D, 0x99:
		for _, p := range tokSuffixes {
			if len(s) > len(p) && strings.HasSuffix(s, p) {
				return len(p)
			}
		}
	}
	return 0
}

// contractionAt returns where prose splits a contraction off s ("they'll"
// at 4, "don't" at 2), or -1. As in prose, an ending counts only by its
// first occurrence, case-insensitively (ASCII), and not at 0.
func contractionAt(s string) int {
	if strings.IndexByte(s, '\'') < 0 && !strings.Contains(s, "’") {
		return -1
	}
	best := -1
	for _, c := range tokContractions {
		if i := indexFoldASCII(s, c); i > 0 && (best == -1 || i < best) {
			best = i
		}
	}
	return best
}

// indexFoldASCII is the first index of sub in s, comparing ASCII letters
// case-insensitively, or -1.
func indexFoldASCII(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for ; j < len(sub); j++ {
			a, b := s[i+j], sub[j]
			if 'A' <= a && a <= 'Z' {
				a += 'a' - 'A'
			}
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			if a != b {
				break
			}
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// trimToken drops surrounding white space a tokenizer may leave on a token
// (non-breaking and other Unicode spaces).
func trimToken(t tokenize.Token) tokenize.Token {
	s := t.Text
	l := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	s = strings.TrimSpace(s)
	t.Start += l
	t.Text = s
	return t
}

// splitLines returns the non-empty lines of text with their paragraph
// index (paragraphs are separated by blank lines).
func splitLines(text string) []line {
	var out []line
	para := 0
	blank := false
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		raw := text[pos:end]
		trimmed := strings.TrimSpace(raw)
		if trimmed == "" {
			blank = true
		} else {
			if blank && len(out) > 0 {
				para++
			}
			blank = false
			lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
			st := pos + lead
			out = append(out, line{span: Span{st, st + len(trimmed)}, para: para})
		}
		pos = end + 1
	}
	return out
}

// endsSentence reports whether s ends with sentence punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»'
	})
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// makeBlocks groups lines into blocks of continuous text. The headline is
// always a block of its own.
func makeBlocks(text string, lines []line) []block {
	blocks := make([]block, 0, len(lines))
	// Hard-wrapped paragraphs: decided per paragraph.
	wrapped := map[int]bool{}
	for i := 1; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].para == lines[i].para {
			j++
		}
		wrapped[lines[i].para] = hardWrapped(text, lines[i:j])
		i = j
	}
	for i, ln := range lines {
		if i > 1 {
			prev := &blocks[len(blocks)-1]
			pl := lines[i-1]
			if pl.para == ln.para && (wrapped[ln.para] || continues(text[pl.span.Start:pl.span.End], text[ln.span.Start:ln.span.End])) {
				prev.span.End = ln.span.End
				prev.endLine = i + 1
				continue
			}
		}
		blocks = append(blocks, block{span: ln.span, para: ln.para, firstLine: i, endLine: i + 1})
	}
	for i := range blocks {
		blocks[i].terminated = endsSentence(text[blocks[i].span.Start:blocks[i].span.End])
	}
	return blocks
}

// hardWrapped reports whether a paragraph's lines look like one text
// wrapped at a fixed width: at least three lines, all but the last of
// similar length of 40+ characters, and most not ending a sentence.
func hardWrapped(text string, ls []line) bool {
	if len(ls) < 3 {
		return false
	}
	minL, maxL, open := 1<<30, 0, 0
	for _, l := range ls[:len(ls)-1] {
		n := utf8.RuneCountInString(text[l.span.Start:l.span.End])
		minL = min(minL, n)
		maxL = max(maxL, n)
		if !endsSentence(text[l.span.Start:l.span.End]) {
			open++
		}
	}
	return minL >= 40 && maxL <= 110 && maxL-minL <= 25 && open*2 >= len(ls)-1
}

// continues reports whether line b visibly continues line a.
func continues(a, b string) bool {
	if endsSentence(a) || a == "" || b == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	switch last {
	case ',', '-', '(', '[', '&', '/':
		return !bulleted(b)
	case ':', ';':
		return false
	}
	first, _ := utf8.DecodeRuneInString(b)
	return unicode.IsLower(first) && utf8.RuneCountInString(a) >= 30
}

func bulleted(s string) bool {
	return bulletRE.MatchString(s)
}

var bulletRE = regexp.MustCompile(`^(?:[-*•·–—▪►]\s|\d{1,2}[.)]\s)`)

// Sentence-boundary tables.
var (
	// titleAbbrev never end a sentence: a name follows.
	titleAbbrev = wordSet("mr mrs ms dr rep reps sen sens gov gen lt col capt cpt sgt prof rev st hon pres supt cmdr adm maj brig cpl pvt fr sr jr messrs mt ft no nos vs v op art sec")
	// monthAbbrev do not end a sentence before a number (Jan. 5,
	// Sept. 30, Dec. 2015).
	monthAbbrev = wordSet("jan feb febr mar apr jun jul aug sep sept oct nov dec")
	// sentenceOpeners are words that commonly start a sentence; after an
	// ambiguous abbreviation (U.S., Inc., Jan.) they signal a new one.
	sentenceOpeners = wordSet("the a an he she it they we i you but and this that these those there in on at his her its their our my however meanwhile if when while after before as so yet some many most all not one what who why how where mr mrs ms officials police critics also then still")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func isTerminal(s string) bool {
	return s == "." || s == "!" || s == "?" || s == "…" || s == "?!" || s == "!?"
}

func isCloser(t, prev tokenize.Token) bool {
	switch t.Text {
	case "”", "’", "»", ")", "]", "''":
		return true
	case "\"", "'":
		return t.Start == prev.End()
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// canStart reports whether token t may begin a new sentence.
func canStart(t tokenize.Token) bool {
	r := firstRune(t.Text)
	if unicode.IsLower(r) {
		return false
	}
	switch t.Text {
	case ",", ";", ":", ")", "]", "}", "%", "'s", "’s":
		return false
	}
	return !isTerminal(t.Text)
}

func isOpenerWord(s string) bool {
	return sentenceOpeners[strings.ToLower(s)]
}

// sentenceEnds returns the exclusive end token index of each sentence in
// toks[first:end]; the last one is always end.
func sentenceEnds(toks []tokenize.Token, first, end int) []int {
	var out []int
	start := first
	words := 0
	for i := first; i < end; i++ {
		t := toks[i]
		w := t.Text
		var boundary bool
		switch {
		case isTerminal(w):
			boundary = words > 0
			// An ellipsis written as dots: end after the last one.
			if w == "." && i+1 < end && toks[i+1].Text == "." {
				boundary = false
			}
			if boundary && w == "." && i > start {
				p := toks[i-1]
				pl := strings.ToLower(p.Text)
				if p.End() == t.Start {
					switch {
					case titleAbbrev[pl]:
						boundary = false
					case monthAbbrev[pl] && i+1 < end && startsWithDigit(toks[i+1].Text):
						// Sept. 30, Dec. 2015: a date goes on.
						boundary = false
					case utf8.RuneCountInString(p.Text) == 1 && unicode.IsUpper(firstRune(p.Text)):
						// initial: J. K. Rowling
						boundary = i+1 < end && isOpenerWord(toks[i+1].Text)
					}
				}
			}
		case len(w) > 1 && strings.HasSuffix(w, ".") && hasLetter(w):
			// An abbreviation the tokenizer kept whole (Rep., U.S., Jan.).
			base := strings.ToLower(strings.TrimSuffix(w, "."))
			if titleAbbrev[base] || monthAbbrev[base] && i+1 < end && startsWithDigit(toks[i+1].Text) {
				boundary = false
			} else {
				boundary = words > 0 && i+1 < end && (isOpenerWord(toks[i+1].Text) || isQuote(toks[i+1].Text))
			}
		}
		if hasLetter(w) || hasDigit(w) {
			words++
		}
		if !boundary {
			continue
		}
		j := i + 1
		for j < end && isCloser(toks[j], toks[j-1]) {
			j++
		}
		if j >= end {
			break
		}
		if !canStart(toks[j]) {
			continue
		}
		if toks[j].Text == "(" && j+1 < end && unicode.IsLower(firstRune(toks[j+1].Text)) {
			continue
		}
		out = append(out, j)
		start = j
		words = 0
		i = j - 1
	}
	return append(out, end)
}

func startsWithDigit(s string) bool {
	return s != "" && '0' <= s[0] && s[0] <= '9'
}

func isQuote(s string) bool {
	return s == "\"" || s == "“" || s == "‘" || s == "'"
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// fixQuoteTags tags straight double quotes as opening (“) when they are
// not attached to the preceding token.
func fixQuoteTags(text string, toks []tokenize.Token) {
	for i := range toks {
		if toks[i].Text != "\"" && toks[i].Text != "'" {
			continue
		}
		if i == 0 || toks[i-1].End() < toks[i].Start {
			if i+1 < len(toks) && toks[i+1].Start == toks[i].End() {
				toks[i].Tag = "``"
				continue
			}
		}
		toks[i].Tag = "''"
	}
}

// perceptron is prose's averaged-perceptron POS tagger (tag.Tagger with the
// built-in English model), reimplemented to give the same tags faster:
// prose finds each of the 14 features of every token by binary search over
// 75,447 sorted strings, which was most of the text stage's time; here a
// hash map finds them, and the features on the previous tags are looked up
// once per tag pair when the model is loaded. The model itself is read from
// prose's embedded bytes (tag/aptagmodel, prose's flat format version 1).
// TestPerceptronMatchesProse holds the two taggers to the same output.
type perceptron struct {
	classes []string
	classID map[string]int
	feats   map[string]int32 // feature string -> feature index
	pairOff []uint32         // feature index -> range in ids/weights
	ids     []uint8
	weights []float32
	tagMap  map[string]uint8 // words with a single tag
	lexicon map[string]string
	bias    []float32 // the scores after the "bias" feature
	// Feature indexes (or -1) by tag id, where a tag id is a class index,
	// or len(classes) for -START-, len(classes)+1 for -START2-:
	// prevTag[p1] "i-1 tag p1", prev2Tag[p2] "i-2 tag p2" and
	// tagPair[p1*nTags+p2] "i tag+i-2 tag p1 p2".
	prevTag, prev2Tag, tagPair []int32
	nTags                      int
	// The features on one word or suffix, found with one lookup:
	// wordFeats[w] holds "i word w", "i-1 word w", "i-2 word w",
	// "i+1 word w", "i+2 word w"; suffixFeats[x] holds "i suffix x",
	// "i-1 suffix x", "i+1 suffix x"; pref1[b] is "i pref1 b".
	wordFeats   map[string]*[5]int32
	suffixFeats map[string]*[3]int32
	pref1       [256]int32
}

// perceptronModel loads the English model once; the result is never
// written after loading.
var perceptronModel = sync.OnceValues(func() (*perceptron, error) {
	return loadPerceptron(aptagmodel.English)
})

// flatReader reads prose's little-endian flat model format.
type flatReader struct {
	b   []byte
	pos int
	err error
}

func (r *flatReader) next(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.pos {
		r.err = fmt.Errorf("truncated model: %d bytes wanted at offset %d", n, r.pos)
		return nil
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

func (r *flatReader) u32() int {
	b := r.next(4)
	if b == nil {
		return 0
	}
	return int(binary.LittleEndian.Uint32(b))
}

func (r *flatReader) str16() string {
	b := r.next(2)
	if b == nil {
		return ""
	}
	return string(r.next(int(binary.LittleEndian.Uint16(b))))
}

func (r *flatReader) u32s(n int) []uint32 {
	b := r.next(4 * n)
	if b == nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

func loadPerceptron(data []byte) (*perceptron, error) {
	r := &flatReader{b: data}
	if string(r.next(8)) != "PROSETAG" || r.u32() != 1 {
		return nil, fmt.Errorf("POS model: not a version 1 prose flat model")
	}
	p := &perceptron{classID: map[string]int{}, lexicon: textLexicon}
	nClasses := r.u32()
	if r.err == nil && nClasses > 256 {
		return nil, fmt.Errorf("POS model: %d classes", nClasses)
	}
	for i := 0; i < nClasses && r.err == nil; i++ {
		p.classes = append(p.classes, r.str16())
		p.classID[p.classes[i]] = i
	}
	nFeat, nPairs, blobLen := r.u32(), r.u32(), r.u32()
	blob := string(r.next(blobLen))
	featOff := r.u32s(nFeat + 1)
	p.pairOff = r.u32s(nFeat + 1)
	p.ids = r.next(nPairs)
	wb := r.next(4 * nPairs)
	if r.err != nil {
		return nil, fmt.Errorf("POS model: %w", r.err)
	}
	p.weights = make([]float32, nPairs)
	for i := range p.weights {
		p.weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(wb[4*i:]))
	}
	p.feats = make(map[string]int32, nFeat)
	for i := 0; i < nFeat; i++ {
		a, b := featOff[i], featOff[i+1]
		lo, hi := p.pairOff[i], p.pairOff[i+1]
		if a > b || int(b) > len(blob) || lo > hi || int(hi) > nPairs {
			return nil, fmt.Errorf("POS model: feature %d has bad offsets", i)
		}
		p.feats[blob[a:b]] = int32(i)
	}
	for _, id := range p.ids {
		if int(id) >= nClasses {
			return nil, fmt.Errorf("POS model: class id %d of %d", id, nClasses)
		}
	}
	nMap := r.u32()
	p.tagMap = make(map[string]uint8, nMap)
	for i := 0; i < nMap && r.err == nil; i++ {
		w := r.str16()
		id := r.next(1)
		if id != nil && int(id[0]) < nClasses {
			p.tagMap[w] = id[0]
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("POS model: %w", r.err)
	}
	p.indexWordFeatures(blob, featOff)
	p.bias = make([]float32, nClasses)
	p.accumulate(p.feature("bias"), p.bias)
	names := append(append([]string(nil), p.classes...), "-START-", "-START2-")
	p.nTags = len(names)
	p.prevTag = make([]int32, p.nTags)
	p.prev2Tag = make([]int32, p.nTags)
	p.tagPair = make([]int32, p.nTags*p.nTags)
	for i, a := range names {
		p.prevTag[i] = p.feature("i-1 tag " + a)
		p.prev2Tag[i] = p.feature("i-2 tag " + a)
		for j, b := range names {
			p.tagPair[i*p.nTags+j] = p.feature("i tag+i-2 tag " + a + " " + b)
		}
	}
	return p, nil
}

// wordFeatPrefixes and suffixFeatPrefixes are the feature templates on
// one word or suffix, in the order of wordFeats and suffixFeats.
var (
	wordFeatPrefixes   = []string{"i word ", "i-1 word ", "i-2 word ", "i+1 word ", "i+2 word "}
	suffixFeatPrefixes = []string{"i suffix ", "i-1 suffix ", "i+1 suffix "}
)

func (p *perceptron) indexWordFeatures(blob string, featOff []uint32) {
	p.wordFeats = map[string]*[5]int32{}
	p.suffixFeats = map[string]*[3]int32{}
	for i := range p.pref1 {
		p.pref1[i] = -1
	}
	for i := 0; i+1 < len(featOff); i++ {
		f := blob[featOff[i]:featOff[i+1]]
		for k, pre := range wordFeatPrefixes {
			if w, ok := strings.CutPrefix(f, pre); ok {
				e := p.wordFeats[w]
				if e == nil {
					e = &[5]int32{-1, -1, -1, -1, -1}
					p.wordFeats[w] = e
				}
				e[k] = int32(i)
			}
		}
		for k, pre := range suffixFeatPrefixes {
			if w, ok := strings.CutPrefix(f, pre); ok {
				e := p.suffixFeats[w]
				if e == nil {
					e = &[3]int32{-1, -1, -1}
					p.suffixFeats[w] = e
				}
				e[k] = int32(i)
			}
		}
		if w, ok := strings.CutPrefix(f, "i pref1 "); ok && len(w) == 1 {
			p.pref1[w[0]] = int32(i)
		}
	}
}

var noWordFeats = &[5]int32{-1, -1, -1, -1, -1}
var noSuffixFeats = &[3]int32{-1, -1, -1}

func (p *perceptron) wordFeatures(w string) *[5]int32 {
	if e, ok := p.wordFeats[w]; ok {
		return e
	}
	return noWordFeats
}

func (p *perceptron) suffixFeatures(w string) *[3]int32 {
	if e, ok := p.suffixFeats[wordSuffix(w)]; ok {
		return e
	}
	return noSuffixFeats
}

func (p *perceptron) feature(key string) int32 {
	if i, ok := p.feats[key]; ok {
		return i
	}
	return -1
}

// accumulate adds feature f's weights to scores.
func (p *perceptron) accumulate(f int32, scores []float32) {
	if f < 0 {
		return
	}
	lo, hi := p.pairOff[f], p.pairOff[f+1]
	ids, wts := p.ids[lo:hi], p.weights[lo:hi]
	for j, id := range ids {
		scores[id] += wts[j]
	}
}

// tagScratch is one Run's working space for the tagger.
type tagScratch struct {
	scores []float32
	key    []byte
	ctx    []string
	lower  []string
	// word and suffix features of each ctx entry, and the suffix
	// features of each raw word.
	words   []*[5]int32
	ctxSufs []*[3]int32
	rawSufs []*[3]int32
}

// sentinel tag ids for the two tags before a sentence.
func (p *perceptron) startIDs() (int, int) { return p.nTags - 2, p.nTags - 1 }

// tagID returns the tag id of a tag name, or -1 for a name that is not one
// of the model's classes.
func (p *perceptron) tagID(tag string) int {
	if id, ok := p.classID[tag]; ok {
		return id
	}
	return -1
}

// tagTokens fills in Tag of every token, as prose's Tagger.TagTokens does:
// toks is one sentence.
func (p *perceptron) tagTokens(toks []tokenize.Token, s *tagScratch) {
	if len(toks) == 0 {
		return
	}
	n := len(toks) + 4
	if cap(s.ctx) < n {
		s.ctx = make([]string, n)
		s.lower = make([]string, n)
		s.words = make([]*[5]int32, n)
		s.ctxSufs = make([]*[3]int32, n)
		s.rawSufs = make([]*[3]int32, n)
	}
	if s.scores == nil {
		s.scores = make([]float32, len(p.classes))
	}
	ctx, lower := s.ctx[:n], s.lower[:len(toks)]
	ctx[0], ctx[1], ctx[n-2], ctx[n-1] = "-START-", "-START2-", "-END-", "-END2-"
	for i := range toks {
		lower[i] = asciiFastLower(toks[i].Text)
		ctx[i+2] = normalizeWord(toks[i].Text, lower[i])
	}
	for i, w := range ctx {
		s.words[i] = p.wordFeatures(w)
		s.ctxSufs[i] = p.suffixFeatures(w)
	}
	for i := range toks {
		s.rawSufs[i] = p.suffixFeatures(toks[i].Text)
	}
	p1s, p2s := "-START-", "-START2-"
	p1, p2 := p.startIDs()
	for i := range toks {
		tag, id := p.tagOne(s, i, ctx, toks[i].Text, lower[i], p1s, p2s, p1, p2)
		toks[i].Tag = tag
		p2s, p1s = p1s, tag
		p2, p1 = p1, id
	}
}

// tagOne tags token i, with the special cases of prose's tagger first.
func (p *perceptron) tagOne(s *tagScratch, i int, ctx []string, word, lower, p1s, p2s string, p1, p2 int) (string, int) {
	var tag string
	switch {
	case word == "-":
		tag = "-"
	case proseEmoticons[word]:
		tag = "SYM"
	case strings.HasPrefix(word, "@"):
		tag = "NN"
	case word == "0" || strings.HasPrefix(word, "*") && proseNoneRE.MatchString(word):
		tag = "-NONE-"
	case isBracketLiteral(word):
		tag = word
	default:
		if t, ok := p.lexicon[word]; ok {
			tag = t
		} else if t, ok := p.lexicon[lower]; ok && lower != word {
			tag = t
		} else if id, ok := p.tagMap[word]; ok {
			return p.classes[id], int(id)
		} else {
			id := p.predict(s, i, ctx, word, p1s, p2s, p1, p2)
			return p.classes[id], id
		}
	}
	return tag, p.tagID(tag)
}

// predict scores the 14 features of token i and returns the best class.
func (p *perceptron) predict(s *tagScratch, i int, ctx []string, word, p1s, p2s string, p1, p2 int) int {
	sc := s.scores
	copy(sc, p.bias)
	raw := i
	i += 2
	p.accumulate(s.rawSufs[raw][0], sc)
	if word != "" {
		p.accumulate(p.pref1[word[0]], sc)
	} else {
		s.feat("i pref1 ", "", "", "", p, sc)
	}
	if p1 >= 0 {
		p.accumulate(p.prevTag[p1], sc)
	} else {
		s.feat("i-1 tag ", p1s, "", "", p, sc)
	}
	if p2 >= 0 {
		p.accumulate(p.prev2Tag[p2], sc)
	} else {
		s.feat("i-2 tag ", p2s, "", "", p, sc)
	}
	if p1 >= 0 && p2 >= 0 {
		p.accumulate(p.tagPair[p1*p.nTags+p2], sc)
	} else {
		s.feat("i tag+i-2 tag ", p1s, " ", p2s, p, sc)
	}
	p.accumulate(s.words[i][0], sc)
	s.feat("i-1 tag+i word ", p1s, " ", ctx[i], p, sc)
	p.accumulate(s.words[i-1][1], sc)
	p.accumulate(s.ctxSufs[i-1][1], sc)
	p.accumulate(s.words[i-2][2], sc)
	p.accumulate(s.words[i+1][3], sc)
	p.accumulate(s.ctxSufs[i+1][2], sc)
	p.accumulate(s.words[i+2][4], sc)
	best, bestID := float32(math.Inf(-1)), 0
	for id, v := range sc {
		if v > best {
			best, bestID = v, id
		}
	}
	return bestID
}

// feat looks up the feature a+b+c+d and adds its weights to sc.
func (s *tagScratch) feat(a, b, c, d string, p *perceptron, sc []float32) {
	s.key = append(append(append(append(s.key[:0], a...), b...), c...), d...)
	if f, ok := p.feats[string(s.key)]; ok {
		p.accumulate(f, sc)
	}
}

// wordSuffix is the last three bytes of w (prose's feature, byte-based).
func wordSuffix(w string) string {
	if len(w) <= 3 {
		return w
	}
	return w[len(w)-3:]
}

// asciiFastLower is strings.ToLower without an allocation for words that
// are already lower-case ASCII.
func asciiFastLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// normalizeWord maps a word onto the form prose's model was trained on;
// lower is the word lower-cased.
func normalizeWord(word, lower string) string {
	if word == "" {
		return word
	}
	if word[0] != '-' && strings.IndexByte(word, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(word) == 4 && isYearLike(word) {
		return "!YEAR"
	}
	if '0' <= word[0] && word[0] <= '9' {
		return "!DIGITS"
	}
	return lower
}

// isYearLike reports whether a 4-byte word is an optionally signed decimal
// integer (what strconv.Atoi accepts).
func isYearLike(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isBracketLiteral reports whether w is a Penn Treebank literal such as
// -LRB-, which prose's tagger passes through as its own tag.
func isBracketLiteral(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// proseNoneRE is prose's pattern for Penn Treebank traces (*-1, *T*-2).
var proseNoneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)

// proseEmoticons are the emoticons prose's tagger tags SYM (prose v3.2.3,
// internal/emoticon).
var proseEmoticons = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields("(-8 (-; (-_-) (._.) (: (= (o: (¬_¬) (ಠ_ಠ) (╯°□°）╯︵┻━┻ -__- 8-) 8-D 8D :( :(( :((( :() :))) :-) :-)) :-))) :-* :-/ :-X :-] :-o :-p :-x :-| :-} :0 :3 :P :] :`( :`) :`-( :o :o) =( =) =D =| @_@ O.o O_o V_V XDD xD xDD [-: ^___^ o_0 o_O o_o v_v ¯\\(ツ)/¯") {
		m[e] = true
	}
	return m
}()

// Kind classification.
var (
	captionRE = regexp.MustCompile(`(?i)\((?:[^()]{0,40}\b)?(?:photo|photos|image|picture|file|video|illustration|graphic)\b[^()]{0,60}\)|\((?:L|R|C|left|right|centre|center|top|bottom|front|back|2nd [LR]|[LR] to [LR])\)|\bphoto(?:graph)? (?:by|credit|courtesy)\b|\bgetty images\b|\b(?:AFP|AP|Reuters|EPA|Anadolu|Xinhua)(?:/| Photo| photo)|^(?:photo|image|picture|caption|credit)\s*:|\bfile photo\b|\bpictured\b|\(photo:`)
	bylineRE  = regexp.MustCompile(`^(?:(?i:written|reported|reporting|posted|edited|editing|fact[- ]checked|compiled|additional reporting|words|story|text|interview) by\b|(?i:by|author:|authors:|byline:)\s+\p{Lu}|\(reporting by)`)
	// tailRE marks the start of site furniture after the story: author
	// boxes, mirror-site notices, copyright, sharing and related links.
	tailRE = regexp.MustCompile(`(?i)can also be accessed at|^about\s+[^\n]{2,60}?\s\d[\d,]*\s+(?:articles|posts|stories)\b|all rights reserved|^copyright\b|^©|\(c\) \d{4}|^follow us\b|follow us on|^share this\b|^share (?:on|via)\b|^subscribe\b|^sign up\b|^related (?:articles|posts|stories|news|content|coverage)\b|^you (?:may|might) also like|^more from\b|^leave a (?:comment|reply)|^\d+ comments?\b|^comments?\s*$|^tags?\s*:|^filed under\b|^(?:about|the) author\b`)
	// lineBoilerRE marks single boilerplate lines anywhere.
	lineBoilerRE = regexp.MustCompile(`(?i)^read (?:more|also|next)\b|^(?:also )?read\s*:|^click here\b|^advertisement$|^sponsored\b|^watch\s*:|^listen\s*:|^(?:see|related)\s*:|download (?:our|the) app|^\S+(?:\.\S+)+ (?:reports|reported|writes|wrote)\s*:$|^[\p{Lu}][\w’'.\- ]{0,50} (?:reports|writes)\s*:$|newsletter|^send us your|^contact us\b|^email\s*:|^tel\s*:|^this (?:article|story) (?:was|is|first)\b.{0,60}\b(?:published|appeared|originally)\b`)
	urlRE        = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
)

// The cue regexps above are case-insensitive and mostly unanchored, so Go's
// regexp engine walks every byte of every paragraph with them; that was
// most of the text stage's time. cueText is a cheap exact prefilter: each
// may* method returns false only when its regexp cannot match, because
// every alternative of the regexp needs a literal (a prefix, a substring,
// a final colon) that is absent. The regexp itself still decides.
type cueText struct {
	// low is the text with ASCII letters lower-cased; other bytes as is.
	low []byte
	// odd is set when the text holds a rune that (?i) folds to an ASCII
	// letter (U+212A Kelvin sign ~ k, U+017F long s ~ s): the literal
	// checks cannot rule anything out then.
	odd bool
}

func (c *cueText) reset(s string) {
	c.low = c.low[:0]
	c.odd = false
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case 'A' <= b && b <= 'Z':
			b += 'a' - 'A'
		case b == 0xE2 && i+2 < len(s) && s[i+1] == 0x84 && s[i+2] == 0xAA, // U+212A
			b == 0xC5 && i+1 < len(s) && s[i+1] == 0xBF: // U+017F
			c.odd = true
		}
		c.low = append(c.low, b)
	}
}

// has reports whether the lower-cased text contains p (lower case).
func (c *cueText) has(p string) bool {
	low := c.low
	for {
		i := bytes.IndexByte(low, p[0])
		if i < 0 || len(low)-i < len(p) {
			return false
		}
		if string(low[i:i+len(p)]) == p {
			return true
		}
		low = low[i+1:]
	}
}

func (c *cueText) hasAny(ps []string) bool {
	for _, p := range ps {
		if c.has(p) {
			return true
		}
	}
	return false
}

func (c *cueText) prefixAny(ps []string) bool {
	for _, p := range ps {
		if len(c.low) >= len(p) && string(c.low[:len(p)]) == p {
			return true
		}
	}
	return false
}

// Literals the cue regexps need, lower case, alternative by alternative.
var (
	captionWords    = []string{"photo", "getty images", "pictured"}
	captionPrefixes = []string{"image", "picture", "caption", "credit"}
	captionParen    = []string{"image", "picture", "file", "video", "illustration", "graphic", "(l)", "(r)", "(c)", "(left)", "(right)", "(centre)", "(center)", "(top)", "(bottom)", "(front)", "(back)", "(2nd ", "(l to ", "(r to "}
	captionAgency   = []string{"afp/", "ap/", "reuters/", "epa/", "anadolu/", "xinhua/"}
	tailWords       = []string{"can also be accessed at", "all rights reserved", "(c) ", "follow us"}
	tailPrefixes    = []string{"about", "copyright", "©", "share ", "subscribe", "sign up", "related ", "you m", "more from", "leave a ", "comment", "tag", "filed under", "the author"}
	boilerWords     = []string{"download ", "newsletter"}
	boilerPrefixes  = []string{"read", "also read", "click here", "advertisement", "sponsored", "watch", "listen", "see", "related", "send us your", "contact us", "email", "tel", "this article", "this story"}
	urlWords        = []string{"http", "www."}
)

// mayCaption reports whether captionRE can match.
func (c *cueText) mayCaption() bool {
	return c.odd || c.hasAny(captionWords) || c.prefixAny(captionPrefixes) ||
		bytes.IndexByte(c.low, '(') >= 0 && c.hasAny(captionParen) ||
		bytes.IndexByte(c.low, '/') >= 0 && c.hasAny(captionAgency)
}

// mayTail reports whether tailRE can match.
func (c *cueText) mayTail() bool {
	return c.odd || c.hasAny(tailWords) || c.prefixAny(tailPrefixes) ||
		len(c.low) > 0 && '0' <= c.low[0] && c.low[0] <= '9'
}

// mayLineBoiler reports whether lineBoilerRE can match.
func (c *cueText) mayLineBoiler() bool {
	return c.odd || c.hasAny(boilerWords) || c.prefixAny(boilerPrefixes) ||
		len(c.low) > 0 && c.low[len(c.low)-1] == ':'
}

// mayURL reports whether urlRE can match.
func (c *cueText) mayURL() bool {
	return c.odd || c.hasAny(urlWords)
}

// classifyBlocks sets each block's kind.
func classifyBlocks(text string, blocks []block, toks []tokenize.Token, cue *cueText) {
	blocks[0].kind = KindHeadline
	tail := len(blocks)
	for i := 1; i < len(blocks); i++ {
		b := &blocks[i]
		s := text[b.span.Start:b.span.End]
		// Furniture lines are short: long paragraphs skip the cue scans.
		short := len(s) <= 600
		if short {
			cue.reset(s)
		}
		switch {
		case short && cue.mayCaption() && captionRE.MatchString(s):
			b.kind = KindCaption
		case isByline(s, toks[b.firstTok:b.endTok]):
			b.kind = KindByline
		case short && cue.mayTail() && tailRE.MatchString(s):
			b.kind = KindBoilerplate
			// In the second half of the article it starts the tail.
			if tail == len(blocks) && 2*b.span.Start >= len(text) {
				tail = i
			}
		case short && (cue.mayLineBoiler() && lineBoilerRE.MatchString(s) || cue.mayURL() && linkLine(s)):
			b.kind = KindBoilerplate
		default:
			b.kind = KindBody
		}
	}
	if tail < len(blocks) {
		for i := tail + 1; i < len(blocks); i++ {
			if blocks[i].kind != KindByline {
				blocks[i].kind = KindBoilerplate
			}
		}
		// A bare name line right before an author box is the author.
		for i := tail - 1; i > 0 && i >= tail-2; i-- {
			b := blocks[i]
			if b.kind != KindBody || !nameLine(toks[b.firstTok:b.endTok]) {
				break
			}
			blocks[i].kind = KindByline
		}
	}
	// Short unterminated lines after the last sentence of the story
	// ("Press TV News Roku", "Share", section names) are site furniture.
	last := -1
	for i := len(blocks) - 1; i > 0; i-- {
		if blocks[i].kind == KindBody && blocks[i].terminated {
			last = i
			break
		}
	}
	if last > 0 {
		for i := last + 1; i < len(blocks); i++ {
			b := &blocks[i]
			if b.kind == KindBody && !b.terminated && b.endTok-b.firstTok <= 8 {
				b.kind = KindBoilerplate
			}
		}
	}
}

// isByline recognises "By NAME", "Fact checked by ..." lines: a cue at the
// start and, for a bare "By", a short run of capitalized words.
func isByline(s string, toks []tokenize.Token) bool {
	if len(toks) > 25 || !bylineRE.MatchString(s) {
		return false
	}
	low := strings.ToLower(s)
	if !strings.HasPrefix(low, "by ") && !strings.HasPrefix(low, "by\t") {
		return true
	}
	// "By the end of the year, ..." is a body sentence: require names.
	caps, words := 0, 0
	for _, t := range toks[1:] {
		if !hasLetter(t.Text) {
			continue
		}
		words++
		if unicode.IsUpper(firstRune(t.Text)) {
			caps++
		}
	}
	return words > 0 && words <= 12 && caps*3 >= words*2
}

// nameLine reports whether toks look like a bare personal name: 1-4
// capitalized words and nothing else.
func nameLine(toks []tokenize.Token) bool {
	if len(toks) == 0 || len(toks) > 5 {
		return false
	}
	for _, t := range toks {
		if !unicode.IsUpper(firstRune(t.Text)) {
			return false
		}
	}
	return true
}

// linkLine reports whether a line is mostly URLs.
func linkLine(s string) bool {
	n := 0
	for _, m := range urlRE.FindAllStringIndex(s, -1) {
		n += m[1] - m[0]
	}
	return n > 0 && 2*n >= len(s)
}

// sentenceBoilerplate catches boilerplate sentences inside body lines.
func sentenceBoilerplate(s string, cue *cueText) bool {
	if len(s) >= 200 {
		return false
	}
	cue.reset(s)
	return cue.mayLineBoiler() && lineBoilerRE.MatchString(s)
}

// Lemma returns a cheap lower-cased base form for verbs and nouns (Penn
// tags VB*, NN*): an irregular-form table, then suffix rules. Other tokens
// get "" (their lower-cased text is their base form).
func Lemma(word, tag string) string {
	if !strings.HasPrefix(tag, "VB") && !strings.HasPrefix(tag, "NN") {
		return ""
	}
	return lemmaOfLower(strings.ToLower(word), tag)
}

// lemmaOfLower is Lemma of a word already lower-cased.
func lemmaOfLower(w, tag string) string {
	if !strings.HasPrefix(tag, "VB") && !strings.HasPrefix(tag, "NN") {
		return ""
	}
	w = strings.ReplaceAll(w, "’", "'")
	if tag == "NNP" {
		return w
	}
	if strings.HasPrefix(tag, "VB") {
		if b, ok := irregularVerbs[w]; ok {
			return b
		}
		switch tag {
		case "VBD", "VBN":
			return verbStem(w, "ed")
		case "VBG":
			return verbStem(w, "ing")
		case "VBZ":
			return pluralStem(w)
		}
		// VB, VBP: already the base form, but taggers confuse forms.
		switch {
		case strings.HasSuffix(w, "ed"):
			return verbStem(w, "ed")
		}
		return w
	}
	if b, ok := irregularNouns[w]; ok {
		return b
	}
	if tag == "NNS" || tag == "NNPS" {
		return pluralStem(w)
	}
	return w
}

// pluralStem strips a plural or third-person -s. When the rules give a
// word the POS model never saw and stripping -es instead gives one it
// knows that takes -es, that wins: focuses, buses, viruses -> focus,
// bus, virus (but breathes and emphasises stay breathe and emphasise:
// a word in -is makes its plural in -es, not -ises).
func pluralStem(w string) string {
	r := rulePluralStem(w)
	if r == w || !strings.HasSuffix(w, "es") || r != w[:len(w)-1] || knownWord(r) {
		return r
	}
	if c := w[:len(w)-2]; esBase(c) && !strings.HasSuffix(c, "i") && !strings.HasSuffix(c, "is") && knownWord(c) {
		return c
	}
	return r
}

// rulePluralStem is pluralStem by the spelling rules alone.
func rulePluralStem(w string) string {
	n := len(w)
	switch {
	case n <= 3 || !strings.HasSuffix(w, "s"):
		return w
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "ics"):
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") ||
		strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "zzes") || strings.HasSuffix(w, "oes"):
		return w[:n-2]
	}
	return w[:n-1]
}

func isVowel(b byte) bool {
	return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u'
}

// verbStem strips -ed or -ing and restores a final e or undoubles a final
// consonant by spelling rules. When the rules give a word the POS model
// never saw and another reading of the stem is one it knows, that reading
// wins: ruled, filed, managed, acquired -> rule, file, manage, acquire
// (not rul, fil, manag, acquir); hoped -> hope; signalling -> signal.
//
// A stem of one syllable ending in one vowel and one consonant would have
// doubled it (hopped, starring), so "hoped", "staring" and "fading" are
// never hop, star and fad; only a final l is undoubled this way
// (signalling, labelled), as the rules undouble the others.
func verbStem(w, suf string) string {
	r := ruleVerbStem(w, suf)
	if r == w || len(w) < len(suf)+3 {
		return r
	}
	st := w[:len(w)-len(suf)]
	n := len(st)
	if r == st && wouldDouble(st) {
		return st + "e" // hoped, hoping: hop would be hopped, hopping
	}
	if knownWord(r) {
		return r
	}
	cands := [...]string{st, st + "e", ""}
	if st[n-1] == 'l' && st[n-2] == 'l' {
		cands[2] = st[:n-1]
	}
	for i, c := range cands {
		if c == "" || c == r || i == 0 && (wouldDouble(st) || r == st[:n-1] || strings.HasSuffix(st, "is")) {
			continue // hop (hoped), wedd (wedding), synthesis (synthesising)
		}
		if knownWord(c) {
			return c
		}
	}
	return r
}

// wouldDouble reports a one-syllable stem ending in one vowel and one
// consonant other than w, x, y ("hop", "star", "fad"), whose -ed and -ing
// forms double the consonant.
func wouldDouble(st string) bool {
	n := len(st)
	last := st[n-1]
	if isVowel(last) || last == 'w' || last == 'x' || last == 'y' || !isVowel(st[n-2]) || n >= 3 && isVowel(st[n-3]) {
		return false
	}
	for i := 0; i < n-2; i++ {
		if isVowel(st[i]) {
			return false
		}
	}
	return true
}

// knownWord reports whether the POS model saw w in training (or its -s
// form, when that is no -es form of another word: "cites" vouches for
// "cite", "relishes" does not vouch for "relishe"): a check that a
// guessed base form is an English word.
func knownWord(w string) bool {
	p, err := perceptronModel()
	if err != nil || len(w) < 2 {
		return false
	}
	forms := []string{w}
	if b, ok := strings.CutSuffix(w, "e"); !ok || !esBase(b) {
		forms = append(forms, w+"s")
	}
	for _, f := range forms {
		if p.wordFeats[f] != nil {
			return true
		}
		if _, ok := p.tagMap[f]; ok {
			return true
		}
	}
	return false
}

// esBase reports a word whose plural or third person adds -es: one
// ending in s, x, z, ch, sh, o or (as -ies) y/i.
func esBase(b string) bool {
	for _, suf := range [...]string{"s", "x", "z", "ch", "sh", "o", "i"} {
		if strings.HasSuffix(b, suf) {
			return true
		}
	}
	return false
}

// ruleVerbStem is verbStem by the spelling rules alone.
func ruleVerbStem(w, suf string) string {
	if !strings.HasSuffix(w, suf) || len(w) < len(suf)+2 {
		return w
	}
	st := w[:len(w)-len(suf)]
	n := len(st)
	if n == 2 {
		return shortStem(w, st, suf)
	}
	if suf == "ed" && strings.HasSuffix(st, "i") {
		return st[:n-1] + "y" // tried -> try
	}
	if suf == "ing" && strings.HasSuffix(st, "y") {
		return st
	}
	last := st[n-1]
	if n >= 3 && last == st[n-2] && !isVowel(last) && last != 'l' && last != 's' && last != 'z' && last != 'f' {
		return st[:n-1] // stopped -> stop
	}
	if needsE(st) {
		return st + "e"
	}
	return st
}

// shortStem is the base of a verb whose stem is two letters: a vowel and
// a consonant take a final e (aged, owed, axed, using -> age, owe, axe,
// use), as do a consonant and a vowel other than e (sued, tied, suing ->
// sue, tie, sue); "-ying" is "-ie" (vying -> vie). Others (shed, feed,
// bring) are already whole.
func shortStem(w, st, suf string) string {
	switch a, b := st[0], st[1]; {
	case isVowel(a) && !isVowel(b):
		return st + "e"
	case !isVowel(a) && isVowel(b) && b != 'e':
		return st + "e"
	case !isVowel(a) && b == 'y' && suf == "ing":
		return st[:1] + "ie"
	}
	return w
}

// needsE reports whether a verb stem, after -ed/-ing was removed, was
// spelled with a final e (urg-ed -> urge, vot-ed -> vote).
func needsE(st string) bool {
	n := len(st)
	if n < 2 {
		return false
	}
	last, prev := st[n-1], st[n-2]
	var prev2 byte
	if n >= 3 {
		prev2 = st[n-3]
	}
	switch last {
	case 'v', 'z', 'u':
		return true
	case 'c':
		return true
	case 'g':
		if prev == 'n' {
			// changing, avenging; infringing, impinging (not bringing)
			return prev2 == 'a' || prev2 == 'e' || prev2 == 'i' && strings.ContainsAny(st[:n-3], "aeiou")
		}
		return prev == 'r' || prev == 'd' || prev == 'l' || prev == 'u'
	case 'l':
		return !isVowel(prev) && prev != 'l' && prev != 'r' && prev != 'w'
	case 's':
		// confusing, refused, amused (focused is in irregularVerbs)
		return isVowel(prev) && prev != 'u' || prev == 'u' && prev2 != 'c' || prev == 'p' && prev2 == 'a' || prev == 'n' && prev2 == 'e'
	case 't':
		if prev == 'a' && prev2 != 'e' && prev2 != 'o' {
			return true // created, stated (but not heated, floated)
		}
		return (prev == 'o' || prev == 'u') && !isVowel(prev2) && prev2 != 0
	case 'd':
		return (prev == 'i' || prev == 'u' || prev == 'a') && !isVowel(prev2)
	case 'r':
		return (prev == 'i' || prev == 'u' || prev == 'a' || prev == 'o') && !isVowel(prev2) && prev2 != 0
	case 'k':
		return isVowel(prev) && !isVowel(prev2) && prev != 'e'
	case 'n':
		return prev == 'i' && !isVowel(prev2) && prev2 != 0 || prev == 'o' && prev2 == 'z'
	case 'b':
		return prev == 'i' && !isVowel(prev2)
	case 'p':
		return (prev == 'a' || prev == 'i' || prev == 'o') && !isVowel(prev2) && n >= 4 && prev2 != 'l'
	case 'm':
		return (prev == 'a' || prev == 'u' || prev == 'o') && !isVowel(prev2) && prev2 != 'r' && prev2 != 0
	}
	return false
}

// irregularNouns maps irregular plurals to singulars.
var irregularNouns = map[string]string{
	"men": "man", "women": "woman", "children": "child", "people": "people",
	"police": "police", "feet": "foot", "teeth": "tooth", "mice": "mouse",
	"lives": "life", "wives": "wife", "knives": "knife", "leaves": "leave",
	"thieves": "thief", "halves": "half", "crises": "crisis", "analyses": "analysis",
	"news": "news", "series": "series", "species": "species", "data": "data",
	"media": "media", "criteria": "criterion", "phenomena": "phenomenon",
	"talks": "talk", "forces": "force", "sanctions": "sanction", "airstrikes": "airstrike",
	"troops": "troop", "arms": "arms", "headquarters": "headquarters", "means": "means",
}

// irregularVerbs maps inflected forms of common irregular (and a few
// awkwardly spelled regular) verbs to their base form.
var irregularVerbs = func() map[string]string {
	// base past participle [more forms]
	const table = `be was were been being is are am 's 're 'm
have had has having 've 'd
do did done does doing
go went gone goes going
say said says
make made
take took taken taking
come came coming
see saw seen seeing
know knew known
get got gotten getting
give gave given giving
find found
think thought
tell told
become became becoming
leave left leaving
feel felt
bring brought
begin began begun beginning
keep kept
hold held
write wrote written writing
stand stood
hear heard
let letting
mean meant
set setting
meet met meeting
run ran running
pay paid
sit sat sitting
speak spoke spoken
lie lay lain lying
lead led
read
grow grew grown
lose lost losing
fall fell fallen
send sent
build built
understand understood
draw drew drawn
break broke broken
spend spent
cut cutting
rise rose risen rising
drive drove driven driving
buy bought
wear wore worn
choose chose chosen choosing
seek sought
throw threw thrown
catch caught
deal dealt
win won winning
shoot shot shooting
fight fought
sell sold
flee fled
strike struck stricken striking
hit hitting
put putting
shut shutting
quit quitting
bear bore borne
beat beaten
bind bound
bite bit bitten biting
blow blew blown
hide hid hidden hiding
forget forgot forgotten forgetting
forgive forgave forgiven
freeze froze frozen
ride rode ridden riding
ring rang rung
shake shook shaken shaking
sing sang sung
sink sank sunk
slay slew slain
steal stole stolen
swear swore sworn
swim swam swum swimming
tear tore torn
wake woke woken waking
withdraw withdrew withdrawn
overthrow overthrew overthrown
undertake undertook undertaken undertaking
arise arose arisen arising
eat ate eaten
fly flew flown flies
forbid forbade forbidden
lend lent
light lit
shine shone
slide slid sliding
spread
stick stuck
sweep swept
swing swung
teach taught
weep wept
wind wound
dig dug digging
feed fed
hang hung
sleep slept
flee fled
split splitting
upset upsetting
bet betting
bid bidding
broadcast
cast
cost
hurt
forecast
wed
quit
rid ridding
seize seized seizing
lay laid
die died dying dies
tie tied tying
lie lied
see sees
agree agreed agreeing agrees
free freed freeing
flee flees fleeing
visit visited visiting
edit edited editing
target targeted targeting
limit limited limiting
exit exited exiting
credit credited crediting
audit audited auditing
vomit vomited
benefit benefited benefiting benefitted
deposit deposited
inherit inherited
prohibit prohibited
exhibit exhibited
inhibit inhibited
open opened opening
happen happened happening
threaten threatened threatening
listen listened
strengthen strengthened
weaken weakened
worsen worsened
broaden broadened
frighten frightened
lessen lessened
join joined joining
gain gained gaining
remain remained remaining
explain explained explaining
complain complained
contain contained
obtain obtained
detain detained detaining
retain retained
maintain maintained maintaining
sustain sustained
attain attained
train trained training
rain rained
ban banned banning
plan planned planning
scan scanned
shun shunned
stun stunned
spin spun spinning
win wins
fear feared fearing
appear appeared appearing
clear cleared clearing
near neared
disappear disappeared
offer offered offering
suffer suffered suffering
enter entered entering
order ordered ordering
consider considered considering
deliver delivered delivering
discover discovered
cover covered
recover recovered
gather gathered
murder murdered
shatter shattered
counter countered
monitor monitored monitoring
honor honored
honour honoured
occur occurred occurring
refer referred referring
prefer preferred
transfer transferred transferring
deter deterred
confer conferred
defer deferred
infer inferred
incur incurred
spur spurred
stir stirred
bar barred barring
blur blurred
differ differed
render rendered
wonder wondered
remember remembered
answer answered
power powered
tower towered
lower lowered
bother bothered
filter filtered
alter altered
register registered
administer administered
minister ministered
foster fostered
master mastered
pioneer pioneered
engineer engineered
steer steered
cheer cheered
volunteer volunteered
peer peered
veer veered
pour poured
tour toured
sour soured
favor favored
favour favoured
labor labored
color colored
repair repaired
pair paired
air aired
chair chaired
despair despaired
bomb bombed bombing
claim claimed claiming
aim aimed aiming
seem seemed
deem deemed
storm stormed
perform performed
form formed forming
inform informed informing
reform reformed
transform transformed
confirm confirmed confirming
affirm affirmed
alarm alarmed
arm armed arming
harm harmed
warm warmed
charm charmed
doom doomed
loom loomed
boom boomed
zoom zoomed
kill killed killing
call called calling
fail failed failing
sail sailed
mail mailed
unveil unveiled
prevail prevailed
entail entailed
curtail curtailed
derail derailed
hail hailed
jail jailed
rail railed
fill filled
fulfil fulfilled
fulfill fulfilled
pull pulled
roll rolled
poll polled
control controlled controlling
patrol patrolled patrolling
enrol enrolled
compel compelled compelling
expel expelled expelling
propel propelled
repel repelled
cancel cancelled canceled cancelling canceling
label labelled labeled
model modelled modeled
travel travelled traveled travelling traveling
signal signalled signaled
total totalled totaled
level levelled leveled
fuel fuelled fueled fuelling fueling
appeal appealed appealing
reveal revealed revealing
conceal concealed
heal healed
steal steals
deal deals
seal sealed
feel feels
kneel knelt
peel peeled
fuel fuels
boil boiled
foil foiled
spoil spoiled spoilt
toil toiled
cool cooled
pool pooled
fool fooled
head headed heading
lead leads
plead pleaded pled
need needed needing
succeed succeeded succeeding
proceed proceeded
exceed exceeded
heed heeded
feed feeds
speed sped speeded
bleed bled
breed bred
load loaded loading
add added adding
end ended ending
defend defended defending
attend attended attending
extend extended
intend intended
pretend pretended
depend depended
spend spends
tend tended
suspend suspended
recommend recommended
fund funded funding
found founded
sound sounded
wound wounded
ground grounded
surround surrounded
land landed landing
demand demanded demanding
expand expanded
command commanded
brand branded
hand handed
stand stands
mind minded
remind reminded
avoid avoided avoiding
aid aided aiding
raid raided raiding
trade traded trading
invade invaded invading
persuade persuaded
evade evaded
fade faded
parade paraded
wait waited waiting
await awaited
treat treated treating
create created creating
recreate recreated
defeat defeated defeating
repeat repeated repeating
heat heated
cheat cheated
seat seated
eat eats
greet greeted
meet meets
tweet tweeted tweeting
float floated
boast boasted
toast toasted
coat coated
shout shouted shouting
doubt doubted
count counted counting
amount amounted
mount mounted
point pointed pointing
appoint appointed
disappoint disappointed
paint painted
print printed
hint hinted
protest protested protesting
arrest arrested arresting
suggest suggested suggesting
request requested requesting
invest invested investing
test tested testing
rest rested
attest attested
contest contested
digest digested
ask asked asking
talk talked talking
walk walked walking
work worked working
look looked looking
book booked
cook cooked
attack attacked attacking
back backed backing
track tracked
lack lacked
crack cracked
pack packed
hack hacked
block blocked blocking
lock locked
shock shocked
mock mocked
knock knocked
check checked checking
pick picked
kick kicked
lick licked
stick sticks
mark marked marking
remark remarked
embark embarked
spark sparked
park parked
risk risked
ask asks
thank thanked
rank ranked
sink sinks
link linked
drink drank drunk
think thinks
seek seeks
speak speaks
break breaks
leak leaked
peak peaked
sneak sneaked snuck
squeak squeaked
weaken weakens
help helped helping
develop developed developing
envelop enveloped
gallop galloped
stop stopped stopping
drop dropped dropping
shop shopped
step stepped stepping
keep keeps
sweep sweeps
leap leapt leaped
jump jumped
dump dumped
pump pumped
bump bumped
slump slumped
camp camped
clamp clamped
stamp stamped
gasp gasped
grasp grasped
clasp clasped
wrap wrapped
grip gripped
ship shipped
equip equipped
slip slipped
trip tripped
tip tipped
drip dripped
strip stripped
whip whipped
worship worshipped
kidnap kidnapped kidnapping
overlap overlapped
tap tapped
trap trapped
map mapped
scrap scrapped
snap snapped
clap clapped
cap capped
top topped
chop chopped
crop cropped
swap swapped
flip flipped
sip sipped
rob robbed robbing
grab grabbed
stab stabbed stabbing
sob sobbed
lobby lobbied lobbying
rub rubbed
club clubbed
dub dubbed
curb curbed
disturb disturbed
absorb absorbed
climb climbed
comb combed
bomb bombs
plumb plumbed
refuse refused refusing
use used using
abuse abused abusing
accuse accused accusing
cause caused causing
pause paused
excuse excused
amuse amused
confuse confused
diffuse diffused
focus focused focussed focusing focussing
bias biased
harass harassed
gas gassed
pass passed passing
amass amassed
miss missed missing
dismiss dismissed
kiss kissed
discuss discussed discussing
press pressed pressing
express expressed expressing
address addressed addressing
stress stressed stressing
confess confessed
possess possessed
process processed
access accessed
assess assessed
progress progressed
obsess obsessed
bless blessed
guess guessed
cross crossed crossing
toss tossed
fuss fussed
release released releasing
increase increased increasing
decrease decreased
cease ceased
lease leased
please pleased
ease eased easing
tease teased
erase erased
base based basing
chase chased
phase phased
purchase purchased
raise raised raising
praise praised
appraise appraised
arise arises
rise rises
promise promised promising
surprise surprised
comprise comprised
revise revised
advise advised
devise devised
supervise supervised
televise televised
criticise criticised criticising
criticize criticized criticizing
organise organised
organize organized
recognise recognised
recognize recognized
apologise apologised
apologize apologized
emphasise emphasised
emphasize emphasized
exercise exercised
franchise franchised
compromise compromised
close closed closing
dispose disposed
expose exposed
impose imposed imposing
oppose opposed opposing
propose proposed proposing
suppose supposed
pose posed
compose composed
depose deposed
enclose enclosed
disclose disclosed
choose chooses
lose loses
nurse nursed
curse cursed
reverse reversed
disperse dispersed
immerse immersed
endorse endorsed
rinse rinsed
sense sensed
license licensed
condense condensed
dispense dispensed
cleanse cleansed
collapse collapsed collapsing
relapse relapsed
lapse lapsed
glimpse glimpsed
eclipse eclipsed
parse parsed
rehearse rehearsed
house housed
rouse roused
arouse aroused
douse doused
browse browsed
goose goosed`
	m := map[string]string{}
	for _, ln := range strings.Split(table, "\n") {
		f := strings.Fields(ln)
		if len(f) == 0 {
			continue
		}
		for _, form := range f {
			if _, ok := m[form]; !ok {
				m[form] = f[0]
			}
		}
	}
	return m
}()

// maxSentenceTokens bounds a sentence's length. News sentences rarely pass
// 100 tokens; text with no sentence punctuation (a list flattened by an
// HTML extractor, a transcript) is cut into pieces of at most this many
// tokens so that the later stages, which look across a sentence, stay
// linear in the text.
const maxSentenceTokens = 150

// capSentences splits every sentence [start, end) of bounds that is longer
// than maxSentenceTokens, after the last comma, semicolon, colon or dash of
// its second half, else at the limit.
func capSentences(toks []tokenize.Token, start int, bounds []int) []int {
	long := false
	prev := start
	for _, end := range bounds {
		if end-prev > maxSentenceTokens {
			long = true
			break
		}
		prev = end
	}
	if !long {
		return bounds
	}
	out := make([]int, 0, len(bounds)+4)
	prev = start
	for _, end := range bounds {
		for end-prev > maxSentenceTokens {
			cut := prev + maxSentenceTokens
			for j := cut - 1; j > prev+maxSentenceTokens/2; j-- {
				switch toks[j].Text {
				case ",", ";", ":", "—", "–", "-":
					cut = j + 1
					j = prev // stop
				}
			}
			out = append(out, cut)
			prev = cut
		}
		out = append(out, end)
		prev = end
	}
	return out
}
