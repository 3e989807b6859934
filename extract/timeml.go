package extract

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/storyline/storyline/extract/timex"
)

// WriteTimeML writes doc as a TimeML document in the layout of TimeBank
// and TempEval-3: <DOCID>, <DCT> holding the document creation time as
// TIMEX3 t0 (value "XXXX-XX-XX" when unknown), and <TEXT> holding
// doc.Text with each temporal expression tagged inline as
// <TIMEX3 tid="tN" type=".." value=".." [mod=".."]>..</TIMEX3>.
//
// Timex i of doc.Timexes gets tid "t<i+1>". Relative expressions carry
// temporalFunction="true" and anchorTimeID (t0 for the DCT). When timexes
// overlap, the first (on a tie, the longer, outer) one is kept; spans that
// are empty, out of range or not on rune boundaries are left out.
//
// The text is written unchanged, only escaped, so removing the tags gives
// doc.Text back, with three exceptions needed for well-formed XML 1.0:
// control characters other than tab, newline and carriage return become
// spaces, U+FFFE and U+FFFF become U+FFFD, and each invalid UTF-8 byte
// becomes U+FFFD. Carriage returns are written as &#xD; so that XML
// parsers keep them.
func WriteTimeML(w io.Writer, doc *Document) error {
	if doc == nil {
		return fmt.Errorf("writing TimeML: nil document")
	}
	bw := bufio.NewWriter(w)
	text := doc.Text
	keep := keptTimexes(doc.Timexes, text)

	dct := doc.DCT.Value
	if dct == "" {
		dct = "XXXX-XX-XX"
	}
	bw.WriteString("<?xml version=\"1.0\" ?>\n<TimeML>\n\n<DOCID>")
	writeXMLText(bw, timeMLDocID(doc))
	bw.WriteString("</DOCID>\n\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"")
	writeXMLAttr(bw, dct)
	bw.WriteString("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">")
	writeXMLText(bw, dct)
	bw.WriteString("</TIMEX3></DCT>\n\n<TEXT>")

	kept := make(map[int]bool, len(keep))
	for _, i := range keep {
		kept[i] = true
	}
	pos := 0
	for _, i := range keep {
		t := doc.Timexes[i]
		writeXMLText(bw, text[pos:t.Start])
		writeTimexStart(bw, i, t, kept)
		writeXMLText(bw, text[t.Start:t.End])
		bw.WriteString("</TIMEX3>")
		pos = t.End
	}
	writeXMLText(bw, text[pos:])
	bw.WriteString("</TEXT>\n\n</TimeML>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing TimeML for %s: %w", timeMLDocID(doc), err)
	}
	return nil
}

// keptTimexes returns the indexes of the timexes to tag, in text order:
// valid spans only, and of overlapping ones the first and outermost.
func keptTimexes(ts []timex.Timex, text string) []int {
	var idx []int
	for i, t := range ts {
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
			continue
		}
		if !runeBoundary(text, t.Start) || !runeBoundary(text, t.End) {
			continue
		}
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ta, tb := ts[idx[a]], ts[idx[b]]
		if ta.Start != tb.Start {
			return ta.Start < tb.Start
		}
		return ta.End > tb.End
	})
	keep := idx[:0]
	end := -1
	for _, i := range idx {
		if ts[i].Start < end {
			continue
		}
		keep = append(keep, i)
		end = ts[i].End
	}
	return keep
}

// runeBoundary reports whether offset i of s starts a rune (or is len(s)).
func runeBoundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// timeMLDocID is the document's name without folders and article
// extensions, or its content id.
func timeMLDocID(doc *Document) string {
	if doc.Name == "" || doc.Name == "-" {
		if doc.ID != "" {
			return doc.ID
		}
		return "doc"
	}
	name := filepath.Base(doc.Name)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".html", ".htm", ".tml", ".xml":
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return name
}

func writeTimexStart(bw *bufio.Writer, i int, t timex.Timex, kept map[int]bool) {
	attr := func(k, v string) {
		bw.WriteString(" ")
		bw.WriteString(k)
		bw.WriteString("=\"")
		writeXMLAttr(bw, v)
		bw.WriteString("\"")
	}
	bw.WriteString("<TIMEX3")
	attr("tid", "t"+strconv.Itoa(i+1))
	typ := t.Type
	if typ == "" {
		typ = "DATE"
	}
	attr("type", typ)
	attr("value", t.Value)
	if t.Mod != "" {
		attr("mod", t.Mod)
	}
	if t.Quant != "" {
		attr("quant", t.Quant)
	}
	if t.Freq != "" {
		attr("freq", t.Freq)
	}
	switch {
	case t.Anchor == "dct":
		attr("temporalFunction", "true")
		attr("anchorTimeID", "t0")
	case t.Anchor == "text" && kept[t.AnchorIndex]:
		attr("temporalFunction", "true")
		attr("anchorTimeID", "t"+strconv.Itoa(t.AnchorIndex+1))
	case t.Anchor != "":
		attr("temporalFunction", "true")
	default:
		attr("temporalFunction", "false")
	}
	attr("functionInDocument", "NONE")
	bw.WriteString(">")
}

// writeXMLText writes s as XML character data (see writeXMLEscaped).
func writeXMLText(bw *bufio.Writer, s string) { writeXMLEscaped(bw, s, false) }

// writeXMLAttr writes s as a double-quoted attribute value.
func writeXMLAttr(bw *bufio.Writer, s string) { writeXMLEscaped(bw, s, true) }

// writeXMLEscaped escapes & < > (and " and white space in attributes),
// writes \r as a character reference, and replaces what XML 1.0 forbids
// (see WriteTimeML).
func writeXMLEscaped(bw *bufio.Writer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '\r':
			esc = "&#xD;"
		case attr && r == '"':
			esc = "&quot;"
		case attr && r == '\n':
			esc = "&#xA;"
		case attr && r == '\t':
			esc = "&#x9;"
		case r == utf8.RuneError && size == 1:
			esc = "\uFFFD"
		case r < 0x20 && r != '\t' && r != '\n':
			esc = " "
		case r == 0xFFFE || r == 0xFFFF:
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		bw.WriteString(s[last:i])
		bw.WriteString(esc)
		i += size
		last = i
	}
	bw.WriteString(s[last:])
}
