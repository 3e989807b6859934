package timex

import (
	"unicode"
	"unicode/utf8"
)

// tokKind is the coarse class of a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters (a known lexicon word when lex != nil)
	tNum                  // digits only
	tAlnum                // digits followed by letters: 1990s, 30th, 5pm
	tPunct                // one punctuation or symbol rune
)

// tok is one token of the scanned text. Tokens never allocate: lex points
// into the lexicon for a known word, or is nil.
type tok struct {
	s, e int
	k    tokKind
	lex  *entry // lexicon entry of a known word (or of an alnum's suffix)
	n    int    // value of a number (tNum, leading digits of tAlnum), else -1
	nd   int    // number of digits of a number
	up   bool   // word starts with an upper-case letter
}

// scan splits text into tokens: runs of letters, runs of digits
// (optionally followed by letters), and single punctuation runes.
// Whitespace is dropped. Offsets are byte offsets on rune boundaries.
func scan(text string, toks []tok) []tok {
	var buf [24]byte
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if j-i < 9 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			t := tok{s: i, e: j, k: tNum, n: n, nd: j - i}
			if j-i > 9 {
				t.n = -1
			}
			k := j
			for k < len(text) && isASCIILetter(text[k]) {
				k++
			}
			if k > j {
				t.k = tAlnum
				t.e = k
				t.lex = lookup(text[j:k], &buf)
			}
			toks = append(toks, t)
			i = t.e
		case c < utf8.RuneSelf:
			if isASCIILetter(c) {
				j := i
				for j < len(text) && isASCIILetter(text[j]) {
					j++
				}
				for j < len(text) && text[j] >= utf8.RuneSelf {
					r, sz := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r) {
						break
					}
					j += sz
					for j < len(text) && isASCIILetter(text[j]) {
						j++
					}
				}
				toks = append(toks, tok{s: i, e: j, k: tWord, n: -1, lex: lookup(text[i:j], &buf), up: c >= 'A' && c <= 'Z'})
				i = j
				continue
			}
			toks = append(toks, tok{s: i, e: i + 1, k: tPunct, n: -1})
			i++
		default:
			r, sz := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += sz
				continue
			}
			if unicode.IsLetter(r) {
				j := i + sz
				for j < len(text) {
					r2, sz2 := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) {
						break
					}
					j += sz2
				}
				toks = append(toks, tok{s: i, e: j, k: tWord, n: -1, up: unicode.IsUpper(r)})
				i = j
				continue
			}
			toks = append(toks, tok{s: i, e: i + sz, k: tPunct, n: -1})
			i += sz
		}
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// lookup finds the lexicon entry of an ASCII word, case-insensitively,
// without allocating.
func lookup(w string, buf *[24]byte) *entry {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lexicon[string(buf[:len(w)])]
}
