package timex

import "strings"

// Names is what an entity recognizer knows about people's names. A
// Tagger given one (WithNames) reads a capitalized month or weekday as
// part of a name where that knowledge says so: after a given name ("Joe
// Friday", "Prime Minister Theresa May") or a title ("Sergeant Friday",
// "Detective August"). Implementations must be safe for concurrent use.
type Names interface {
	// GivenName reports whether word, as written, is a known given name.
	GivenName(word string) bool
	// Title reports whether words, lower case and joined by single
	// spaces, is a title written before a person's name ("president",
	// "prime minister", "sergeant", "mr").
	Title(words string) bool
}

// WithNames returns a copy of tg that consults names; nil consults none.
func (tg *Tagger) WithNames(names Names) *Tagger {
	c := *tg
	c.names = names
	return &c
}

// nameWords are the words that, capitalized before a month or weekday,
// make it the name of a storm or a ship: "Hurricane August", "the
// freighter called Friday" is read by calledName.
var nameWords = map[string]bool{"hurricane": true, "storm": true, "typhoon": true, "cyclone": true, "hms": true, "uss": true}

// personTitles are the abbreviated titles that come before a surname
// without their period in British style: "Mr May", "Sgt Friday".
var personTitles = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Sgt": true, "Gen": true,
	"Capt": true, "Col": true, "Lt": true, "Prof": true, "Rev": true, "Sen": true, "Rep": true, "Gov": true}

// namedBy reports whether the capitalized month or weekday at i is a
// name by the words before it: a given name or a title (Names), a storm
// or ship word ("Hurricane August", "HMS Friday"), or "called"/"named"
// after a noun ("a ship called August", "a man named Friday").
func (p *parser) namedBy(i int) bool {
	k := i - 1
	if k < 0 || !p.adjacentWords(k) || p.toks[k].k != tWord {
		return false
	}
	raw := p.text[p.toks[k].s:p.toks[k].e]
	if p.toks[k].up && (nameWords[strings.ToLower(raw)] || personTitles[raw]) {
		return true // Hurricane August, Mr August (British style, no period)
	}
	if p.calledName(i) {
		return true
	}
	if p.names == nil || !p.toks[k].up {
		return false
	}
	// a given name opening the name, or after a title: "Joe Friday",
	// "Prime Minister Theresa May"; not "Pope John Paul Monday", whose
	// given name does not open the name
	if p.names.GivenName(raw) {
		if k == 0 || !p.adjacentWords(k-1) || p.toks[k-1].k != tWord || !p.toks[k-1].up || p.titleEndsAt(k-1) {
			return !p.courtesyBefore(k)
		}
		return false
	}
	return p.titleEndsAt(k)
}

// titleEndsAt reports whether a capitalized title of one to three words
// ends at token k and no article comes before it: "Sergeant Friday",
// "Prime Minister May"; "the President Tuesday" is a title used as a
// noun, and the weekday is a date.
func (p *parser) titleEndsAt(k int) bool {
	if p.names == nil {
		return false
	}
	var b strings.Builder
	for n := 1; n <= 3 && k-n+1 >= 0; n++ {
		f := k - n + 1
		t := &p.toks[f]
		if t.k != tWord || !t.up || n > 1 && !p.adjacentWords(f) {
			return false
		}
		b.Reset()
		for x := f; x <= k; x++ {
			if x > f {
				b.WriteByte(' ')
			}
			b.WriteString(strings.ToLower(p.text[p.toks[x].s:p.toks[x].e]))
		}
		if p.names.Title(b.String()) {
			return !p.rawIs(f-1, "the", "a", "an")
		}
	}
	return false
}

// courtesyBefore reports whether a courtesy title (Mr., Mrs., Ms., Dr.)
// comes right before token k: "Ms. Thomas Monday" names Ms. Thomas, and
// Monday is a date.
func (p *parser) courtesyBefore(k int) bool {
	j := k - 1
	if p.punct(j, '.') {
		j--
	}
	if j < 0 || p.toks[j].k != tWord {
		return false
	}
	switch p.text[p.toks[j].s:p.toks[j].e] {
	case "Mr", "Mrs", "Ms", "Dr":
		return true
	}
	return false
}

// calledName reports "called", "named" or "dubbed" after a noun before
// the month or weekday at i: "a ship called August", "a man named
// Friday", "the storm dubbed Sunday". "The board named Friday as its
// chairman" (named on Friday) has a determiner-less verb reading: the
// word after the name decides.
func (p *parser) calledName(i int) bool {
	k := i - 1
	switch strings.ToLower(p.text[p.toks[k].s:p.toks[k].e]) {
	case "called", "named", "dubbed", "nicknamed", "christened":
	default:
		return false
	}
	noun := k - 1
	if noun < 1 || p.toks[noun].k != tWord || p.toks[noun].up || p.toks[noun].lex != nil {
		return false
	}
	return p.rawIs(noun-1, "a", "an", "the", "this", "that", "his", "her", "their", "its") &&
		!p.rawIs(i+1, "as", "for", "to", "that", "a", "an", "the", "its", "his", "her", "their", "on", "in")
}
