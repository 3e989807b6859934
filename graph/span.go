package graph

import (
	"strconv"
	"strings"
)

// A mention's position is stored as one value, "S:START-END": the index
// of its sentence and the half-open byte range of its name or trigger in
// the document's text. A document's sentences are stored as one value,
// "START-END START-END ...". Text is never copied into a mention: it is
// read back from the document's text by these offsets.

// formatSpan is the PredSpan value of a mention.
func formatSpan(sentence, start, end int) string {
	return strconv.Itoa(sentence) + ":" + strconv.Itoa(start) + "-" + strconv.Itoa(end)
}

// parseSpan reads a PredSpan value; ok is false when it is malformed.
func parseSpan(v string) (sentence, start, end int, ok bool) {
	s, rng, found := strings.Cut(v, ":")
	if !found {
		return 0, 0, 0, false
	}
	sentence, err := strconv.Atoi(s)
	if err != nil {
		return 0, 0, 0, false
	}
	start, end, ok = parseRange(rng)
	return sentence, start, end, ok
}

func parseRange(v string) (start, end int, ok bool) {
	a, b, found := strings.Cut(v, "-")
	if !found {
		return 0, 0, false
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || start < 0 || end < start {
		return 0, 0, false
	}
	return start, end, true
}

// formatSentences is the PredSentences value of a document.
func formatSentences(spans [][2]int) string {
	var b strings.Builder
	for i, sp := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(sp[0]))
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(sp[1]))
	}
	return b.String()
}

// storedText is a stored document's text with its sentence spans, from
// which mentions' texts and evidence sentences are read back.
type storedText struct {
	text      string
	sentences [][2]int
}

func newStoredText(text, sentences string) storedText {
	st := storedText{text: text}
	for _, f := range strings.Fields(sentences) {
		if a, b, ok := parseRange(f); ok {
			st.sentences = append(st.sentences, [2]int{a, b})
		}
	}
	return st
}

// slice returns text[start:end], or "" when the range is not inside the
// text (a store written by another program).
func (st storedText) slice(start, end int) string {
	if start < 0 || end > len(st.text) || start > end {
		return ""
	}
	return st.text[start:end]
}

// sentence returns the text of sentence i, trimmed.
func (st storedText) sentence(i int) string {
	if i < 0 || i >= len(st.sentences) {
		return ""
	}
	return strings.TrimSpace(st.slice(st.sentences[i][0], st.sentences[i][1]))
}

// docOfMention is the document IRI of a mention IRI (mention/H/N or
// evmention/H/N -> doc/H).
func docOfMention(m string) string {
	_, rest, ok := strings.Cut(m, "/")
	if !ok {
		return ""
	}
	h, _, ok := strings.Cut(rest, "/")
	if !ok || h == "" {
		return ""
	}
	return "doc/" + h
}
