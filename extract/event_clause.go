package extract

import (
	"strings"
	"unicode"
)

// Clause-level argument rules of the event stage: the subject of a
// "for X to" infinitive, clausal complements that are not objects, the
// country a phrase's demonym links it to, and the place an event happened.
// Like the rest of the stage they read the POS tags and entity mentions of
// the Document; nothing is tokenized again.

// forSubject is the subject of an infinitive in "for X to V" ("it will be
// necessary for Bashar al-Assad to leave power": Assad leaves), with v the
// verb's first token; the zero np when the infinitive has none.
func (x *evCtx) forSubject(v int, s Sentence) np {
	j := v - 1
	for j >= s.FirstToken && x.tag(j) == "RB" {
		j--
	}
	if j <= s.FirstToken || x.tag(j) != "TO" {
		return np{}
	}
	h := j - 1
	if !(x.isNominalHead(h) || x.tag(h) == "PRP") {
		return np{}
	}
	p := x.npEndingAt(h, s)
	if p.first-1 < s.FirstToken || x.low(p.first-1) != "for" {
		return np{}
	}
	return p.as("for-subject")
}

// clauseAfter reports a verb group right after a verb's object phrase
// ending at token e: the phrase is then the subject of a clause the verb
// takes ("said the aircraft had been attacked", "says Washington is
// responsible"), not its object. The verb group must be finite: a modal,
// a present tense, or a past form of be, have or do; a bare past tense
// could be a participle modifying the phrase ("the jet downed by Turkey").
func (x *evCtx) clauseAfter(e int, s Sentence) bool {
	j := e
	// "say the issue of super-casinos should be decided": the subject's
	// prepositional phrases come first.
	for n := 0; n < 2 && j+1 < s.EndToken && x.tag(j) == "IN" && !subordinators[x.low(j)]; n++ {
		k := j + 1
		for k < s.EndToken && (npTag(x.tag(k)) || x.tokMention[k] >= 0) {
			k++
		}
		if k == j+1 {
			break
		}
		j = k
	}
	for j < s.EndToken && x.tag(j) == "RB" {
		j++
	}
	if j >= s.EndToken {
		return false
	}
	switch t := x.tag(j); t {
	case "MD", "VBZ", "VBP":
		return true
	case "VBD":
		switch x.lem[j] {
		case "be", "have", "do":
			return true
		}
	}
	return false
}

// modifierCountry reports a mention that, modifying a phrase headed by a
// common noun, names the country or organization the participant belongs
// to rather than a participant: a demonym ("the Russian pilots"), a
// country's name ("US officials", "Ukraine's army") or an organization's
// ("a White House official").
func (x *evCtx) modifierCountry(m int) bool {
	if x.doc.Mentions[m].Kind == "demonym" {
		return true
	}
	switch x.mentionType(m) {
	case GPE, Org:
		return true
	}
	return false
}

// phraseCountry is the country link of phrase p: its first demonym or
// country-name mention other than skip (the mention heading the phrase),
// or nil. An organization's name links a phrase headed by a common noun
// ("a White House official"), never a named one ("NATO member Turkey").
func (x *evCtx) phraseCountry(p np, skip int) *Arg {
	for _, m := range p.mentions {
		if m == skip || !x.modifierCountry(m) || skip >= 0 && x.mentionType(m) == Org {
			continue
		}
		mm := x.doc.Mentions[m]
		rule := "name-modifier" // "US officials", "a White House official"
		if mm.Kind == "demonym" {
			rule = "demonym"
		}
		return &Arg{Entity: mm.Entity, Mention: m, Words: mm.Span, Rule: rule}
	}
	return nil
}

// locativePreps introduce the place where an event happened; "on" only
// for a region or facility ("on the Black Sea"), "of" only after a place
// noun ("on the outskirts of Paris"). "from" and "to" give where something
// went, not where it happened, and introduce only unnamed places ("taken
// to hospital").
var locativePreps = buildSet("at in near outside inside into across throughout within around off on")

// location finds where event ev happened: the object of a locative
// preposition attached to the event's clause. The search runs right from
// the trigger and stops at the end of the clause (a subordinator, a
// semicolon, another verb event) and, for an event noun, at the end of its
// phrase (a comma or a verb). A reporting verb takes only a phrase right
// after it ("said in Paris that"): the places of what was said are not
// where it was said. A place name must head its phrase: "Ukraine" in "the
// Ukraine crisis" or "Ukraine's crisis" is no place of the event.
func (x *evCtx) location(ev *Event, endTok int, s Sentence) {
	k := ev.ID
	nominal := !x.info[k].verbal
	start := endTok
	for start < s.EndToken && (x.tag(start) == "RB" || x.tag(start) == "RP") {
		start++
	}
	report := !nominal && reportingVerbs[ev.Lemma]
	for j := start; j < s.EndToken; j++ {
		if report && j > start {
			return
		}
		w := x.low(j)
		t := x.tag(j)
		if w == ";" || (nominal && w == ",") || ((t == "IN" || t == "WDT" || t == "WRB") && subordinators[w] &&
			!(j+1 < s.EndToken && x.inTimex(j+1))) { // "since September 30 in Syria": a time, no clause
			return
		}
		if e := x.evAt[j]; e >= 0 && e != k && x.info[e].verbal {
			return
		}
		if x.isVerb(j) && !x.inNounPhrase(j, s) && !x.isAux(j) {
			// Another verb starts another clause ("decided to hold a
			// meeting in Paris": the meeting was in Paris).
			return
		}
		if t != "IN" && t != "TO" && t != "RP" {
			continue
		}
		if x.placeAfter(ev, j, s) {
			return
		}
	}
}

// inNounPhrase reports a participle inside a noun phrase ("the burning
// jet").
func (x *evCtx) inNounPhrase(j int, s Sentence) bool {
	t := x.tag(j)
	return (t == "VBG" || t == "VBN") && j+1 < s.EndToken && strings.HasPrefix(x.tag(j+1), "NN")
}

// placeAfter adds to ev the place introduced by the preposition at token
// j, if any, and reports whether it did.
func (x *evCtx) placeAfter(ev *Event, j int, s Sentence) bool {
	prep := x.low(j)
	p := x.npStartingAt(j+1, s)
	if !p.ok() || x.inTimex(p.head) {
		return false
	}
	// "on the outskirts of Paris", "in the north of Syria": the named
	// place after a place noun.
	if m := x.tokMention[p.head]; m < 0 && placeNouns[x.lem[p.head]] && p.end+1 < s.EndToken && x.low(p.end) == "of" {
		if q := x.npStartingAt(p.end+1, s); q.ok() && locativePreps[prep] {
			if m := x.placeMention(q, false); m >= 0 {
				mm := x.doc.Mentions[m]
				ev.Locations = addArg(ev.Locations, Arg{Entity: mm.Entity, Mention: m,
					Words: Span{Start: x.toks[q.first].Start, End: x.toks[q.end-1].End}, Rule: "locative-" + prep})
				return true
			}
		}
	}
	if prep == "at" && x.gathering(p, ev.ID) {
		// "opened fire at an office Christmas party", "spoke at the
		// 3GSM World Congress": a gathering is where it happened.
		span := Span{Start: x.toks[p.first].Start, End: x.toks[p.end-1].End}
		if m := x.tokMention[p.head]; m >= 0 {
			ev.Locations = addArg(ev.Locations, Arg{Entity: x.doc.Mentions[m].Entity, Mention: m, Words: span, Rule: "locative-at"})
			return true
		}
		if len(ev.Locations) == 0 && !x.hasNominal(ev.ID, "location") {
			ev.Nominals = append(ev.Nominals, NominalArg{Role: "location", Span: span,
				Text: x.doc.Text[span.Start:span.End], Head: x.toks[p.head].Span, Rule: "locative-at"})
		}
		return false // a named place later in the clause is still taken
	}
	if locativePreps[prep] {
		if m := x.placeMention(p, prep == "on"); m >= 0 {
			mm := x.doc.Mentions[m]
			ev.Locations = addArg(ev.Locations, Arg{Entity: mm.Entity, Mention: m,
				Words: Span{Start: x.toks[p.first].Start, End: x.toks[p.end-1].End}, Rule: "locative-" + prep})
			return true
		}
	}
	// An unnamed place: "in prison", "taken to hospital".
	h := p.head
	switch prep {
	case "at", "in", "near", "outside", "inside", "into", "from", "to":
	default:
		return false
	}
	if x.tokMention[h] >= 0 || !placeNouns[x.lem[h]] || x.tag(h) == "NNP" || len(ev.Locations) > 0 || x.hasNominal(ev.ID, "location") {
		return false
	}
	span := Span{Start: x.toks[j+1].Start, End: x.toks[h].End}
	ev.Nominals = append(ev.Nominals, NominalArg{Role: "location", Span: span,
		Text: x.doc.Text[span.Start:span.End], Head: x.toks[h].Span, Rule: "locative-" + prep})
	return false // a named place later in the clause is still taken
}

// placeMention is the place mention heading phrase p (a country, city,
// region or facility; a region or facility only when regionOnly), or -1.
func (x *evCtx) placeMention(p np, regionOnly bool) int {
	m := x.tokMention[p.head]
	if m < 0 || x.doc.Mentions[m].Kind == "demonym" {
		return -1
	}
	switch x.mentionType(m) {
	case GPE:
		if regionOnly {
			return -1
		}
	case Loc, Facility:
	default:
		return -1
	}
	return m
}

// locativeObject reports a mention that is the object of a locative
// preposition ("inside Syria", "in eastern Ukraine").
func (x *evCtx) locativeObject(m int) bool {
	start := x.doc.Mentions[m].Start
	i := tokenAtOffset(x.toks, start)
	for p := i - 1; p >= 0 && p >= i-3; p-- {
		if locativePreps[x.low(p)] && x.tag(p) == "IN" {
			return true
		}
		if t := x.tag(p); t != "DT" && !strings.HasPrefix(t, "JJ") {
			return false
		}
	}
	return false
}

// plainApostrophe reports a bare apostrophe after a plural or a name in s
// that the tagger did not read as a possessive ("the United States'
// support"): inside a phrase starting at a, followed by a noun or
// adjective.
func (x *evCtx) plainApostrophe(j, a int, s Sentence) bool {
	if j <= a || j+1 >= s.EndToken || x.tag(j) == "POS" {
		return false
	}
	if w := x.toks[j].Text; w != "'" && w != "’" {
		return false
	}
	prev := x.toks[j-1]
	if prev.End != x.toks[j].Start || !strings.HasSuffix(strings.ToLower(prev.Text), "s") {
		return false
	}
	nt := x.tag(j + 1)
	return strings.HasPrefix(nt, "NN") || strings.HasPrefix(nt, "JJ")
}

// parentheticalStart is the comma opening an aside that the comma at j
// closes, right before a verb: a relative clause ("The firm, which is
// now one of the biggest investors, benefited"), an appositive ("Victor
// Wong, a graduate student, had to"), a participle phrase ("The car,
// unveiled at the show, is"), a place ("Contrack, of Arlington,
// Virginia, heads") or an adverb ("The actress, however, has"). The
// opening comma must follow the head of a noun phrase; -1 when there is
// no such aside.
func (x *evCtx) parentheticalStart(j int, s Sentence) int {
	best := -1
	for k := j - 1; k > s.FirstToken; k-- {
		switch x.low(k) {
		case ";", ":", "\"", "“", "”", "''", "``", "(", ")":
			return best
		case ",":
			if best >= 0 {
				// "Contrack International, of Arlington, Virginia,
				// heads": an aside holding a comma.
				if x.low(k+1) == "of" && x.isNominalHead(k-1) && !x.finiteBetween(k+1, j) {
					return k
				}
				return best
			}
			if k+1 >= j || !x.isNominalHead(k-1) {
				// "X, Y, Z": a list item is no aside; try the comma
				// before it.
				if k+1 < j && x.isNominalHead(k+1) && x.onlyNounPhrase(k+1, j) {
					continue
				}
				return -1
			}
			if x.inTimex(k - 1) {
				return -1 // "On November 24, Turkey shot down …, claiming"
			}
			f := k + 1
			t, fw := x.tag(f), x.low(f)
			switch {
			case fw == "who" || fw == "which" || fw == "whose" || fw == "whom":
				return k
			case x.finiteBetween(f+1, j) || x.finiteBetween(f, f+1) && !x.participleStart(f):
				// "X, Y shot down a jet, claiming": a clause, no aside.
				return -1
			case fw == "of":
				return k
			case (strings.HasPrefix(t, "NN") || x.tokMention[f] >= 0) && x.onlyNounPhrase(f, j):
				best = k // a place or name: maybe the end of a longer aside
				continue
			case t == "DT" || t == "PRP$" || t == "CD" || t == "VBN" || t == "VBG" || t == "RB" || t == "VBD" ||
				strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN") || x.tokMention[f] >= 0:
				return k
			}
			return -1
		}
	}
	return best
}

// onlyNounPhrase reports tokens [a, b) that form one noun phrase.
func (x *evCtx) onlyNounPhrase(a, b int) bool {
	for j := a; j < b; j++ {
		if !npTag(x.tag(j)) && x.tokMention[j] < 0 {
			return false
		}
	}
	return true
}

// raisingSubject is the subject of an infinitive at v ("to" before it)
// that hangs on a verb or adjective which is no event of its own or is a
// passive: "Investors seemed to feel", "users will be able to download",
// "The 22-year-old is set to compete", "he was forced to resign". Nil
// when the infinitive hangs on an event verb (inheritAgents decides) or
// none.
func (x *evCtx) raisingSubject(v int, s Sentence) []np {
	j := v - 1
	for j >= s.FirstToken && x.tag(j) == "RB" {
		j--
	}
	if j <= s.FirstToken || x.tag(j) != "TO" {
		return nil
	}
	h := j - 1
	for h > s.FirstToken && x.tag(h) == "RB" {
		h--
	}
	switch {
	case strings.HasPrefix(x.tag(h), "JJ"):
	case x.isVerb(h) && (x.evAt[h] < 0 || x.isPassive(h, s)):
	default:
		return nil
	}
	subj, own := x.subject(h, s)
	if !own || len(subj) == 0 {
		return nil
	}
	return asAll(subj, "raising-subject")
}

// linkingVerbs take an adjective that says what their subject is or
// becomes ("The site looks plausible", "prices remained high").
var linkingVerbs = buildSet("look sound feel appear seem remain become prove turn grow stay")

// linking reports a linking verb at v followed by an adjective: its
// subject undergoes the state, like an unaccusative verb's.
func (x *evCtx) linking(v int, lemma string, s Sentence) bool {
	if !linkingVerbs[lemma] {
		return false
	}
	j := v + 1
	for j < s.EndToken && x.tag(j) == "RB" {
		j++
	}
	return j < s.EndToken && strings.HasPrefix(x.tag(j), "JJ")
}

// conjuncts are the noun phrases coordinated with object p ("killing a
// police officer and a bomb technician"), not a coordinated clause ("and
// killed the pilot").
func (x *evCtx) conjuncts(p np, s Sentence) []np {
	var out []np
	for p.end+1 < s.EndToken {
		c := x.low(p.end)
		if c != "and" && c != "," && c != "or" {
			break
		}
		q := x.npStartingAt(p.end+1, s)
		if !q.ok() || x.evAt[q.head] >= 0 || x.clauseAfter(q.end, s) || q.end < s.EndToken && x.isVerb(q.end) {
			break
		}
		if c == "," && !(q.end < s.EndToken && (x.low(q.end) == "and" || x.low(q.end) == "or" || x.low(q.end) == ",")) {
			break // "shot down a jet, the pilot's plane": an aside, not a list
		}
		q.rule = p.rule
		out = append(out, q)
		p = q
	}
	return out
}

// relativeAntecedent is the noun phrase a relative pronoun heading p
// stands for ("a Mafia boss who was caught", "Exeter City, who knocked
// out Doncaster"), with p's rule; the zero np when p is no relative
// pronoun or has no noun right before it.
func (x *evCtx) relativeAntecedent(p np) np {
	h := p.head
	if p.end-p.first != 1 || (x.tag(h) != "WP" && x.tag(h) != "WDT" && !(x.tag(h) == "IN" && x.low(h) == "that")) {
		return np{}
	}
	switch x.low(h) {
	case "who", "which", "whom", "that":
	default:
		return np{}
	}
	s := x.doc.Sentences[x.toks[h].Sentence]
	a := h - 1
	if a >= s.FirstToken && x.low(a) == "," {
		a--
	}
	if a < s.FirstToken || !x.isNominalHead(a) {
		return np{}
	}
	q := x.npEndingAt(a, s)
	if m := x.tokMention[q.head]; m >= 0 && x.placeMention(q, false) >= 0 && q.first-2 >= s.FirstToken &&
		locativePreps[x.low(q.first-1)] && x.isNominalHead(q.first-2) {
		// "the supermarket in Wellington that has been damaged": the
		// place only locates the noun the clause is about.
		q = x.npEndingAt(q.first-2, s)
	}
	q.rule = p.rule
	return q
}

// finiteBetween reports a finite verb or modal among tokens [a, b).
func (x *evCtx) finiteBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if t := x.tag(j); finiteTag(t) || t == "MD" {
			return true
		}
	}
	return false
}

// quantifierEnd is the token after a quantifier opening a noun phrase at
// j ("more than", "less than", "at least", "up to", "about", "nearly"
// before a number), or j when there is none.
func (x *evCtx) quantifierEnd(j int, s Sentence) int {
	if j+1 >= s.EndToken {
		return j
	}
	w, nx := x.low(j), x.low(j+1)
	switch {
	case (w == "more" || w == "less" || w == "fewer") && nx == "than",
		w == "at" && (nx == "least" || nx == "most"),
		w == "up" && nx == "to":
		return j + 2
	case (w == "about" || w == "nearly" || w == "almost" || w == "around" || w == "over" || w == "some" ||
		w == "roughly" || w == "approximately") && (x.tag(j+1) == "CD" || x.tag(j+1) == "$"):
		return j + 1
	}
	return j
}

// reducedRelativeHead is, for a subject phrase p found by the search
// leftwards from a verb, the noun that a participle phrase before p
// modifies ("The band once fronted by Ozzy Osbourne led": the band), or
// -1 when p is not the by-phrase of such a participle.
func (x *evCtx) reducedRelativeHead(p np, s Sentence) int {
	b := p.first - 1
	if b-1 <= s.FirstToken || x.low(b) != "by" || x.tag(b-1) != "VBN" {
		return -1
	}
	h := b - 2
	for h >= s.FirstToken && x.tag(h) == "RB" {
		h--
	}
	if h < s.FirstToken || !x.isNominalHead(h) {
		return -1
	}
	return h
}

// isDash reports a dash token ("-", "–", "—").
func (x *evCtx) isDash(j int) bool {
	switch x.toks[j].Text {
	case "-", "–", "—", "--":
		return x.tag(j) != "HYPH" || j == 0 || x.toks[j-1].End < x.toks[j].Start
	}
	return false
}

// dashAsideStart is the dash opening an aside that the dash at j closes
// right before a verb ("The cuts - amounting to 3% of the workforce -
// will result"), after the head of a noun phrase; -1 when none.
func (x *evCtx) dashAsideStart(j int, s Sentence) int {
	for k := j - 1; k > s.FirstToken; k-- {
		if x.isDash(k) {
			if x.isNominalHead(k - 1) {
				return k
			}
			return -1
		}
	}
	return -1
}

// participleStart reports a past form opening an aside that the tagger
// may have read as a past tense: followed by a preposition ("The car,
// unveiled at the Geneva motor show, is").
func (x *evCtx) participleStart(f int) bool {
	t := x.tag(f)
	return (t == "VBN" || t == "VBD") && f+1 < len(x.toks) && (x.tag(f+1) == "IN" || x.tag(f+1) == "RB")
}

// adverbParticles are adverbs that join a verb as its particle when the
// tagger did not read them as one ("passed away", "went back"); "off",
// "out", "up" and "down" so tagged are as often prepositions ("drowned
// off the coast").
var adverbParticles = buildSet("away back")

// infinitiveSubject is the subject of an infinitive at v that has one of
// its own or that its clause gives: "for Assad to leave" (for-subject),
// "Investors seemed to feel" (raising-subject), and the headline future
// "Turkmenistan to hold elections" (subject: a noun phrase opening the
// clause right before "to", no verb before it). Nil otherwise.
func (x *evCtx) infinitiveSubject(v int, s Sentence) []np {
	if fs := x.forSubject(v, s); fs.ok() {
		return []np{fs}
	}
	if rs := x.raisingSubject(v, s); len(rs) > 0 {
		return rs
	}
	j := v - 1
	for j >= s.FirstToken && x.tag(j) == "RB" {
		j--
	}
	if j <= s.FirstToken || x.tag(j) != "TO" || !x.isNominalHead(j-1) {
		return nil
	}
	p := x.npEndingAt(j-1, s)
	for k := p.first - 1; k >= s.FirstToken; k-- {
		if x.isVerb(k) || x.tag(k) == "IN" || x.tag(k) == "TO" || x.tag(k) == "," {
			return nil
		}
	}
	return []np{p.as("subject")}
}

// prepositionalGerund reports a gerund right after a preposition ("fined
// for leaving the facility", "after pulling a gun"): it has no subject of
// its own and shares that of the clause it hangs on.
func (x *evCtx) prepositionalGerund(v int, s Sentence) bool {
	if x.tag(v) != "VBG" || v == s.FirstToken {
		return false
	}
	p := v - 1
	return x.tag(p) == "IN" && !subordinators[x.low(p)] || x.low(p) == "after" || x.low(p) == "before" ||
		x.low(p) == "while" || x.low(p) == "since"
}

// afterModal reports a bare verb after a modal ("will direct"): a finite
// verb group.
func (x *evCtx) afterModal(v int, s Sentence) bool {
	j := v - 1
	for j >= s.FirstToken && x.tag(j) == "RB" {
		j--
	}
	return x.tag(v) == "VB" && j >= s.FirstToken && x.tag(j) == "MD"
}

// bareSingular reports a phrase headed by a singular common noun with no
// determiner, possessive or number: in English no argument, but a title
// or a modifier ("reporter and neurosurgeon Dr. Gupta").
func (x *evCtx) bareSingular(p np) bool {
	if !p.ok() || p.head < 0 || x.tag(p.head) != "NN" || x.tokMention[p.head] >= 0 {
		return false
	}
	for j := p.first; j < p.end; j++ {
		switch x.tag(j) {
		case "DT", "PRP$", "CD", "POS", "PDT":
			return false
		}
	}
	return true
}

// personHead reports a phrase headed by a person's name.
func (x *evCtx) personHead(p np) bool {
	m := x.tokMention[p.head]
	return m >= 0 && x.mentionType(m) == Person
}

// gerundObjectControl verbs pass their object to a gerund after of, for
// or from ("accuse Moscow of sending troops", "blamed him for killing",
// "stop them from leaving").
var gerundObjectControl = buildSet("accuse blame charge convict suspect criticize criticise condemn praise thank " +
	"arrest punish fine sentence prevent stop ban bar deter")

// countNominals counts the unnamed participants of ev in role.
func countNominals(ev *Event, role string) int {
	n := 0
	for _, a := range ev.Nominals {
		if a.Role == role {
			n++
		}
	}
	return n
}

// gerundSubject is the subject of a gerund after a preposition taken from
// the clause it hangs on when the verb of that clause is no event of its
// own ("Washington is responsible for the tension through sending arms":
// Washington sends them). Nil when that verb is an event (inheritAgents
// then passes its subject, or its object for "accuse X of"), or none.
func (x *evCtx) gerundSubject(v int, s Sentence) []np {
	if !x.prepositionalGerund(v, s) {
		return nil
	}
	for j := v - 2; j >= s.FirstToken; j-- {
		if !x.isVerb(j) || x.inNounPhrase(j, s) {
			continue
		}
		if x.evAt[j] >= 0 {
			return nil
		}
		subj, own := x.subject(j, s)
		if !own || len(subj) == 0 {
			return nil
		}
		return asAll(subj, "clause-subject")
	}
	return nil
}

// agentsUndergo turns the agents ev took from another verb into patients:
// a passive verb's shared subject undergoes it.
func (x *evCtx) agentsUndergo(ev *Event) {
	for _, a := range ev.Agents {
		ev.Patients = addArg(ev.Patients, a)
	}
	ev.Agents = nil
	for i := range ev.Nominals {
		if ev.Nominals[i].Role == "agent" {
			ev.Nominals[i].Role = "patient"
		}
	}
}

// modifiedNoun is the noun phrase a prenominal participle at v modifies
// ("rising raw material costs", "the burning jet", "a closed border"), with
// rule "modified-noun"; the zero np when v is no such participle: a common
// noun or adjective must follow it and a determiner, adjective, number,
// possessive or "and" precede it ("…, replacing Catherine Hardwicke" and
// "…, sparking protests" are verbs).
func (x *evCtx) modifiedNoun(v int, s Sentence) np {
	t := x.tag(v)
	if (t != "VBG" && t != "VBN") || v == s.FirstToken || v+1 >= s.EndToken || x.tokMention[v+1] >= 0 {
		return np{}
	}
	switch nt := x.tag(v + 1); nt {
	case "NN", "NNS", "JJ":
	default:
		return np{}
	}
	switch pt := x.tag(v - 1); {
	case pt == "DT" || pt == "PRP$" || pt == "POS" || pt == "CD" || strings.HasPrefix(pt, "JJ"):
	case pt == "CC" && x.low(v-1) != "but":
	default: // after a comma it is as often a clause: "…, sparking protests"
		return np{}
	}
	p := x.npStartingAt(v+1, s)
	if !p.ok() {
		return np{}
	}
	return p.as("modified-noun")
}

// clausePlace gives verb event k with no place of its own the place its
// clause states elsewhere: a participle clause after a comma shares the
// place of the verb it hangs on ("Bomb explodes at Woodburn bank, killing
// a police officer"), and the main verb of a sentence opening with a
// locative phrase takes the place named there ("In the meeting held at
// Le Bourget, Obama called for …").
func (x *evCtx) clausePlace(k int, s Sentence) {
	ev := &x.doc.Events[k]
	v := x.firstTok(k)
	if x.tag(v) == "VBG" && v > s.FirstToken && x.low(v-1) == "," {
		for p := k - 1; p >= 0 && x.doc.Events[p].Sentence == ev.Sentence; p-- {
			if !x.info[p].verbal {
				continue
			}
			for _, a := range x.doc.Events[p].Locations {
				a.Rule = "shared-place"
				ev.Locations = addArg(ev.Locations, a)
			}
			return
		}
		return
	}
	// The opening phrase: a locative preposition first, a comma after it
	// with no finite verb before ("At least 10 people were killed in
	// Syria, officials said" opens with a clause), and this verb the
	// first verb event after that comma, no reporting verb.
	if !locativePreps[x.low(s.FirstToken)] || reportingVerbs[ev.Lemma] {
		return
	}
	comma := -1
	for j := s.FirstToken; j < v; j++ {
		if x.low(j) == "," {
			comma = j
			break
		}
	}
	if comma < 0 {
		return
	}
	for j := s.FirstToken; j < comma; j++ {
		// A finite verb makes the opening a clause; a past form right
		// after a noun is a participle ("the meeting held at …").
		if t := x.tag(j); t == "MD" || t == "VBZ" || t == "VBP" || t == "VBD" && (j == s.FirstToken || !x.isNominalHead(j-1)) {
			return
		}
	}
	for j := comma + 1; j < v; j++ {
		if x.evAt[j] >= 0 && x.info[x.evAt[j]].verbal {
			return // not the main verb
		}
	}
	for j := s.FirstToken; j < comma; j++ {
		if t := x.tag(j); t != "IN" || !locativePreps[x.low(j)] {
			continue
		}
		p := x.npStartingAt(j+1, s)
		if !p.ok() {
			continue
		}
		if m := x.placeMention(p, x.low(j) == "on"); m >= 0 {
			mm := x.doc.Mentions[m]
			ev.Locations = addArg(ev.Locations, Arg{Entity: mm.Entity, Mention: m,
				Words: Span{Start: x.toks[p.first].Start, End: x.toks[p.end-1].End}, Rule: "opening-" + x.low(j)})
			return
		}
	}
}

// postmodifiedHead is the phrase that phrase p, found by the search
// leftwards from a verb, postmodifies through prepositions: "A friend of
// the actress", "A man in Canada", "The 17-year-old from a small Devon
// village near Cullumpton", "One site behind the success of the system",
// "browsers sited outside the US", "Indian Navy patrolling the Gulf of
// Aden" (up to three prepositional or participle phrases). A quantifier before "of" is no head
// ("One of the pilots": the pilots), and neither is a preposition opening
// the sentence ("In Paris, …"). A participle right after the phrase
// (reduced, when reduced is set) hangs on the noun of an "of" phrase: "the
// trial of two men accused in killing": the men.
func (x *evCtx) postmodifiedHead(p np, reduced bool, s Sentence) np {
	for hop := 0; hop < 3 && p.first-1 > s.FirstToken; hop++ {
		if g := p.first - 1; x.tag(g) == "VBG" && !prepositionalVerb[x.low(g)] && !x.inNounPhrase(g, s) && x.isNominalHead(g-1) {
			// "Indian Navy patrolling the Gulf of Aden yesterday
			// thwarted": the noun the participle phrase follows.
			p = x.npEndingAt(g-1, s).as(p.rule)
			continue
		}
		if x.tag(p.first-1) != "IN" || subordinators[x.low(p.first-1)] {
			break
		}
		prep, h := x.low(p.first-1), p.first-2
		if reduced && prep == "of" {
			return p
		}
		switch {
		case x.isNominalHead(h):
			q := x.npEndingAt(h, s)
			if !q.ok() || prep == "of" && quantifier(x.low(q.head)) {
				return p
			}
			p = q.as(p.rule)
		case x.tag(h) == "VBN" && h-1 > s.FirstToken && x.isNominalHead(h-1):
			// "The blocking of browsers sited outside the US began": a
			// participle phrase after the noun.
			p = x.npEndingAt(h-1, s).as(p.rule)
		case strings.HasPrefix(x.tag(h), "JJ") && h > s.FirstToken && x.tag(h-1) == "DT":
			// "The 17-year-old from …": an adjective after a
			// determiner heads the phrase.
			return np{first: h - 1, end: h + 1, head: h, rule: p.rule}
		default:
			return p
		}
	}
	return p
}

// standaloneWords are determiners and numbers that stand for a noun
// phrase of their own ("Some may see this", "Most were freed").
var standaloneWords = buildSet("some many most all both several few others this these those")

// standaloneSubject reports a number or determiner at j that is a noun
// phrase on its own before a verb: "11 showed stronger growth" after a
// comma or at the start of the clause, "Some may see this". A number
// inside a longer phrase ("magnitude 5.9 shook"), opening the sentence
// or in a time is not.
func (x *evCtx) standaloneSubject(j int, s Sentence) bool {
	if x.inTimex(j) {
		return false
	}
	switch t := x.tag(j); {
	case t == "CD":
		if j == s.FirstToken {
			return false // a number opening a sentence is spelled out; "9 shook" is a split "5. 9"
		}
		pw := x.low(j - 1)
		return pw == "," || pw == "the" || pw == "and" || x.tag(j-1) == "``" || pw == ";"
	case t == "DT":
		if !standaloneWords[x.low(j)] {
			return false
		}
		// "The ministers all agreed", "Robinson have both said": a
		// quantifier floating after its noun is no subject of its own.
		k := j - 1
		for k >= s.FirstToken && (x.isAux(k) || x.tag(k) == "RB") {
			k--
		}
		return k < s.FirstToken || !x.isNominalHead(k) && x.tag(k) != "PRP"
	}
	return false
}

// listBefore reports a list item before the comma at c, itself after a
// comma: the serial comma of "Europe, the Middle East, and Asia", not the
// comma between clauses of "threw for 364 yards and three touchdowns, and
// the Colts secured".
func (x *evCtx) listBefore(c int, s Sentence) bool {
	h := c - 1
	if h <= s.FirstToken || !x.isNominalHead(h) {
		return false
	}
	q := x.npEndingAt(h, s)
	return q.first-1 > s.FirstToken && x.low(q.first-1) == ","
}

// undergoerRule names the rules by which a verb's own subject is its
// patient: an unaccusative or linking verb ("Page died", "the defense
// looked shaky") or an adjective ("was found dead").
var undergoerRule = map[string]bool{"unaccusative-subject": true, "adjective-subject": true}

// subjectUndergoes reports an event whose own subject is its patient by
// an undergoerRule.
func (x *evCtx) subjectUndergoes(k int) bool {
	ev := &x.doc.Events[k]
	for _, a := range ev.Patients {
		if undergoerRule[a.Rule] {
			return true
		}
	}
	for _, n := range ev.Nominals {
		if n.Role == "patient" && undergoerRule[n.Rule] {
			return true
		}
	}
	return false
}

// coordinatedInfinitive is, for a bare verb at v right after "and" or
// "or", the first verb of the infinitive it is coordinated with ("to get
// into browsers and take over computers": get), or -1. The search stops
// at a finite verb, a subordinator or a semicolon.
func (x *evCtx) coordinatedInfinitive(v int, s Sentence) int {
	if x.tag(v) != "VB" {
		return -1
	}
	j := v - 1
	for j >= s.FirstToken && x.tag(j) == "RB" {
		j--
	}
	if j <= s.FirstToken || (x.low(j) != "and" && x.low(j) != "or") {
		return -1
	}
	for k := j - 1; k > s.FirstToken; k-- {
		t, w := x.tag(k), x.low(k)
		if finiteTag(t) || t == "MD" || w == ";" || (t == "IN" || t == "WDT" || t == "WRB") && subordinators[w] {
			return -1
		}
		if t == "VB" && x.infinitive(k, s) {
			return k
		}
	}
	return -1
}

// ergativeVerbs alternate between a transitive use whose subject acts and
// an intransitive one whose subject undergoes the change ("the firm
// ended talks", "talks ended"; "costs grew").
var ergativeVerbs = buildSet("grow expand shrink open close end begin start break change improve worsen double " +
	"triple halve stop continue resume spread burn explode ease slow quicken deepen widen narrow weaken strengthen")

// ergative reports an ergative verb used without an object whose subject
// is no person, group or organization: the subject undergoes it ("The
// number of gadgets is predicted to grow", "The blocking began"), while
// "Bell will start on the bench" acts.
func (x *evCtx) ergative(lemma string, subj []np, s Sentence) bool {
	if !ergativeVerbs[lemma] || len(subj) == 0 {
		return false
	}
	for _, p := range subj {
		if p.head < 0 || x.animate(p.head) {
			return false
		}
	}
	return true
}

// animate reports a token heading a phrase that names or denotes a
// person, a group or an organization, or a pronoun that does.
func (x *evCtx) animate(h int) bool {
	if m := x.tokMention[h]; m >= 0 {
		switch x.mentionType(m) {
		case Person, Org, GPE:
			return true
		}
		return false
	}
	w := x.low(h)
	return participantPronouns[w] || personNouns[x.lem[h]] || groupNouns[x.lem[h]] || personNouns[w] || groupNouns[w]
}

// pastClauseAfter reports a past tense right after a reporting verb's
// object phrase ending at e, with no "by" after it: the phrase is the
// subject of the reported clause ("believed the death occurred July 24"),
// not the verb's object.
func (x *evCtx) pastClauseAfter(e int, s Sentence) bool {
	if e >= s.EndToken || x.tag(e) != "VBD" {
		return false
	}
	return e+1 >= s.EndToken || x.low(e+1) != "by"
}

// lexicalUse reports a verb at v followed by a noun phrase or a
// preposition other than "to": a lexical use, not one governing another
// verb ("began to fall", "kept falling") or an adjective ("stay calm").
func (x *evCtx) lexicalUse(v int, s Sentence) bool {
	j := v + 1
	for j < s.EndToken && x.tag(j) == "RB" {
		j++
	}
	if j >= s.EndToken {
		return false
	}
	switch t := x.tag(j); {
	case t == "IN":
		return !subordinators[x.low(j)]
	case t == "DT" || t == "PRP$" || t == "CD" || strings.HasPrefix(t, "NN") || x.tokMention[j] >= 0:
		return true
	}
	return false
}

// nounBeforeInfinitive is the event noun right before the "to" of an
// infinitive at v when it has an agent of its own ("the nation's
// commitment to bring about change", "an attempt by rebels to seize the
// town"), or -1.
func (x *evCtx) nounBeforeInfinitive(v int, s Sentence) int {
	j := v - 1
	for j >= s.FirstToken && x.tag(j) == "RB" {
		j--
	}
	if j <= s.FirstToken || x.tag(j) != "TO" {
		return -1
	}
	e := x.evAt[j-1]
	if e < 0 || x.info[e].verbal || x.info[e].head != j-1 {
		return -1
	}
	if len(x.doc.Events[e].Agents) == 0 && !x.hasNominal(e, "agent") {
		return -1
	}
	return e
}

// titleCase reports a sentence whose words of four letters or more all
// start with a capital letter, as in "Indian Naval Ship Interdicts Three
// Pirate Vessels In A Single Operation".
func (x *evCtx) titleCase(s Sentence) bool {
	n := 0
	for j := s.FirstToken; j < s.EndToken; j++ {
		w := x.toks[j].Text
		if len(w) < 4 || !unicode.IsLetter(rune(w[0])) {
			continue
		}
		if !unicode.IsUpper(rune(w[0])) {
			return false
		}
		n++
	}
	return n >= 3
}

// titleEvent is the event lemma and class of a capitalized word of a
// title-case headline: an event noun of the lexicon or with an event
// suffix ("Operation", "Nomination", "Riot"), or a form of a classed verb
// ("Killed", "Shot").
func (x *evCtx) titleEvent(i int) (string, string, bool) {
	low := x.low(i)
	for _, l := range []string{low, strings.TrimSuffix(low, "s")} {
		if c, ok := eventNounClass[l]; ok {
			return l, c, true
		}
	}
	for _, tag := range []string{"VBD", "VBZ", "VBG"} {
		if st := lexiconStem(low, tag); st != "" {
			if c, ok := eventVerbClass[st]; ok && c != ClassOther {
				return st, c, true
			}
		}
	}
	if c, ok := eventVerbClass[low]; ok && c != ClassOther {
		return low, c, true
	}
	if len(low) < 6 || nonEventNouns[low] {
		return "", "", false
	}
	for _, suf := range eventNounSuffixes {
		if strings.HasSuffix(low, suf) || strings.HasSuffix(low, suf+"s") {
			return strings.TrimSuffix(low, "s"), ClassOther, true
		}
	}
	return "", "", false
}

// gatheringNouns head gatherings that are the venue of what happens at
// them ("at an office Christmas party", "at the British trials", "at the
// 1974 World Cup").
var gatheringNouns = buildSet("party ceremony celebration funeral vigil wedding conference congress convention " +
	"summit rally festival concert gala show fair expo exhibition tournament championship championships " +
	"trials games olympics cup match final")

// gathering reports a phrase p headed by a gathering noun, named or not,
// that is not event k itself.
func (x *evCtx) gathering(p np, k int) bool {
	if p.head < 0 || x.evAt[p.head] == k {
		return false
	}
	w := x.low(p.head)
	return gatheringNouns[w] || gatheringNouns[strings.ToLower(x.lem[p.head])]
}
