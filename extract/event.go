// Event stage.
//
// The event stage finds event mentions (triggers) in headline, body and
// caption sentences (never bylines or boilerplate), gives each a class, its
// agents, patients and place, its time and its modality, and links
// reporting events (said, confirmed) to what they report.
//
// # Event classes
//
// Classes are aligned with the CAMEO event codebook (root codes given):
//
//	statement    01  make a public statement: say, announce, confirm, according to
//	appeal       02  appeal or urge: urge, ask, call for, appeal, request
//	intend       03  express intent: promise, pledge, vow, offer, plan
//	consult      04  consult: discuss, talks, negotiate, visit
//	meet         04  meet (CAMEO 043/044): meet, meeting, summit
//	agree        05/06 sign or agree: sign, agree, accord, deal, ceasefire
//	support      07  support or aid: back, support, aid, help
//	rescue       07  rescue (humanitarian aid, 073): rescue, save, evacuate
//	yield        08  yield or ease: withdraw, release, remove/lift, resign
//	investigate  09  investigate: investigate, probe, inquiry
//	demand       10  demand
//	accuse       11  accuse or criticize (112): accuse, blame, condemn
//	reject       12  reject or deny: reject, deny, refuse, veto
//	warn         13  warn or threaten: warn, threaten, warning
//	protest      14  protest: protest, demonstrate, rally, riot
//	sanction     16  sanction or embargo (163): sanction, embargo, boycott
//	arrest       17  arrest, detain or charge (173): arrest, charge, convict
//	attack       18/19 attack or fight: attack, shoot down, airstrike, raid, injure
//	kill         18/20 kill or die: kill, murder, die, death, lose one's life
//	disaster     -   not CAMEO: earthquake, fire, crash, explosion
//	other        -   any other event verb or event noun
//
// # Triggers
//
// Verbs (Penn VB*) are events unless they are auxiliaries, modals, copulas,
// raising or light verbs; a following particle joins the trigger ("shot
// down"), as do fixed phrases ("lost his life", "opened fire", "called
// for", "according to"). Nouns are events when listed in the event-noun
// lexicon, when they are -ing forms of listed verbs ("shooting",
// "killing"), or when they are nominalizations (-tion, -sion, -ment,
// -ance, -ure) not in an exception list. Adjacent event nouns form one
// trigger ("rescue operation"). Tokens inside entity names are not
// triggers.
//
// # Arguments
//
// Roles come from the clause around the trigger, read from the POS tags and
// entity mentions (no maintained pure-Go dependency parser for English
// exists; the clause rules are in event.go and event_clause.go). Subject:
// the nearest noun phrase left of the verb in its clause, skipping
// auxiliaries, adverbs, parentheses and comma or dash asides between
// subject and verb (relative clauses, appositives, participle phrases:
// "The firm, which is one of the biggest investors, benefited"); a
// relative pronoun stands for its antecedent; coordinated subjects are all
// taken, but a bare singular noun coordinated with a person's name is a
// title. A verb with no subject of its own takes it from its clause: "for
// X to V" (X), an infinitive under a non-event verb, an adjective or a
// passive ("Investors seemed to feel", "was forced to resign"), the
// headline future ("Turkmenistan to hold"), a gerund after a preposition
// (the clause's subject; the object of "accuse X of V-ing"); else the verb
// it depends on passes its agents: the object of object-control verbs
// ("urged Putin to focus") and of a passive ("approached by X to fill":
// the one approached), else the subject ("decided to hold", "…, urging
// him", "… and accused them"). Object: the first noun phrase after the
// verb (with its coordinated conjuncts; quantifiers such as "more than"
// skipped), never a prepositional object except the one met ("met with
// Putin"), and not a phrase followed by a finite verb, which is the
// subject of a clause the verb takes ("said the aircraft had been
// attacked"). Active verbs: agent = subject, patient = object; passives
// and reduced relatives: patient = subject, agent = the by-phrase;
// unaccusative verbs (die, fall, rise, pass away) and linking verbs with
// an adjective ("looks plausible"): the subject is the patient. Nouns:
// "X's meeting", "Russian airstrikes" (agent; the patient for "his
// arrest"), "with/between/of/on/against/by" phrases, and the subject of a
// light verb ("Obama held a meeting"). Pronouns resolve to the last PERSON
// (he/him/she/her) or non-person (it/they/them, in this sentence or the one
// before, not a place named as where something was) entity before. A
// phrase naming a person by office ("the Russian leader") resolves to the
// one person of the article holding that office (event_role.go). A name
// modifying a common noun is not a participant: a demonym, country or
// organization becomes the phrase's Country ("the Russian pilots" →
// Russia, "a White House official" → White House); an equipment name is
// the thing itself ("a Russian Sukhoi Su-24 jet" → the Su-24, country
// Russia). Location: a GPE/LOC/FACILITY heading the object of a locative
// preposition (in, at, near, outside, inside, into, …; on for regions and
// facilities; "on the outskirts of Paris") in the trigger's clause, up to
// the next verb; a reporting verb takes only one right after it. Phrases
// that are not entities go to Event.Nominals. Every Arg and NominalArg
// keeps the words that fill it and the rule that found it.
//
// # Time
//
// A DATE/TIME timex attached to the trigger (a sentence-opening "On
// November 24," governs the first verb; "on/in/since X" governs the nearest
// verb before it in the clause and that verb's object event nouns; a timex
// right after an event noun's phrase, or just before the noun, governs it)
// sets Event.Timex with TimeInherited false. Otherwise the event inherits
// (TimeInherited true) the nearest preceding, else following, DATE timex
// of its sentence, but only one in its own clause (an event in an
// after/when/because/… clause, a relative clause or a that-clause does
// not take the main clause's time), never the time of the verb that
// reports it, and, when that timex is attached to other events, only if
// it is coordinated with them ("met Y on Monday and urged him", ", urging
// him") or the timex opens the sentence; infinitives never inherit such a
// time. Events do not inherit across sentences. A headline event with no
// time takes the date of the body event with the same class and
// participants, when all such events agree. Otherwise Timex is -1 (the
// article date applies) and TimeInherited true.
//
// # Modality
//
// Negated (not, n't, never, no), Possible (could, may, might, would,
// should, can, must; to-infinitive complements), Conditional (an if/unless
// clause with a modal main verb, or inside the if clause), Reported (the
// complement of a claim verb: claim, allege, insist, accuse, deny, …, with
// the reporter as Claimant), else Asserted. What a neutral reporting verb
// (said, indicated, stressed, according to) reports keeps its own
// modality; either way the reporting event lists it in Reports.
//
// # Filters
//
// A photo caption naming participants none of which the headline or the
// first body paragraph names (a stock photo of other people) yields no
// events. Light or abstract nouns that are rarely events for an analyst
// (tensions, crisis, transition, involvement, remarks, belief) are dropped
// unless they have a participant and a time of their own.
package extract

import (
	"context"
	"sort"
	"strings"
	"unicode"
)

type eventStage struct{}

func newEventStage() (Stage, error) { return eventStage{}, nil }

func (eventStage) Name() string { return "event" }

// Run fills doc.Events.
func (eventStage) Run(ctx context.Context, doc *Document) error {
	doc.Events = nil
	if len(doc.Tokens) == 0 {
		return nil
	}
	x := newEvCtx(doc)
	lead := x.leadEntities()
	for si := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		switch doc.Sentences[si].Kind {
		case KindByline, KindBoilerplate:
			continue
		case KindCaption:
			if x.unrelatedCaption(si, lead) {
				continue
			}
		}
		x.sentence(si)
	}
	x.assignTimes()
	x.dropNoise()
	for i := range doc.Events {
		doc.Events[i].ID = i
	}
	return nil
}

// headEntities adds to set the entities that the mentions of sentence si
// name as participants: not demonyms ("Russian jets"), and not a country
// or organization naming a person's office ("US Rep. Ilhan Omar").
func (x *evCtx) headEntities(si int, set map[int]bool) int {
	d := x.doc
	n := 0
	for mi, m := range d.Mentions {
		if m.Sentence != si || m.Kind == "demonym" || m.Entity < 0 || m.Entity >= len(d.Entities) {
			continue
		}
		if mi+1 < len(d.Mentions) {
			nx := d.Mentions[mi+1]
			if nx.Sentence == si && nx.Role != "" && x.mentionType(mi+1) == Person && nx.Start >= m.End &&
				len(strings.TrimSpace(d.Text[m.End:nx.Start])) <= len(nx.Role) {
				continue
			}
		}
		set[m.Entity] = true
		n++
	}
	return n
}

// leadEntities are the participants named in the headline and the first
// body paragraph: what the article is about.
func (x *evCtx) leadEntities() map[int]bool {
	d := x.doc
	set := map[int]bool{}
	para := -1
	for si, s := range d.Sentences {
		switch {
		case s.Kind == KindHeadline:
			x.headEntities(si, set)
		case s.Kind == KindBody && (para < 0 || s.Paragraph == para):
			para = s.Paragraph
			x.headEntities(si, set)
		}
	}
	return set
}

// unrelatedCaption reports a photo caption that names participants none
// of which the headline or the first body paragraph names: a stock photo
// of other people, whose events are not the article's.
func (x *evCtx) unrelatedCaption(si int, lead map[int]bool) bool {
	if len(lead) == 0 {
		return false
	}
	own := map[int]bool{}
	if x.headEntities(si, own) == 0 {
		return false
	}
	for e := range own {
		if lead[e] {
			return false
		}
	}
	return true
}

// dropNoise removes events whose trigger is a light or abstract noun that
// is rarely an event for an analyst ("tensions", "crisis", "remarks",
// "belief") unless it has both a participant and a time of its own.
func (x *evCtx) dropNoise() {
	d := x.doc
	keep := make([]int, len(d.Events))
	n := 0
	for k := range d.Events {
		ev := &d.Events[k]
		keep[k] = -1
		if !x.info[k].verbal && noiseNouns[ev.Lemma] {
			participant := len(ev.Agents)+len(ev.Patients) > 0
			for _, a := range ev.Nominals {
				if a.Role != "location" {
					participant = true
				}
			}
			if !participant || ev.Timex < 0 || ev.TimeInherited {
				continue
			}
		}
		keep[k] = n
		n++
	}
	if n == len(d.Events) {
		return
	}
	out := d.Events[:0]
	for k, ev := range d.Events {
		if keep[k] < 0 {
			continue
		}
		var reps []int
		for _, r := range ev.Reports {
			if r >= 0 && r < len(keep) && keep[r] >= 0 {
				reps = append(reps, keep[r])
			}
		}
		ev.Reports = reps
		out = append(out, ev)
	}
	d.Events = out
	x.info = nil // indexes are no longer valid
}

// adjParticiples are past forms of event verbs the tagger often takes for
// adjectives ("was fatally shot", "allegedly shot and killed"), with their
// verbs.
var adjParticiples = map[string]string{"shot": "shoot", "struck": "strike", "hit": "hit", "stabbed": "stab",
	"beaten": "beat", "hanged": "hang", "murdered": "murder", "killed": "kill", "arrested": "arrest",
	"charged": "charge", "fired": "fire", "attacked": "attack", "detained": "detain"}

// participles reads, in the stage's own copy of the tokens, such an
// adjective as the verb it is: a participle after a form of be or get
// (adverbs between), or a past tense coordinated with a verb ("shot and
// killed").
func (x *evCtx) participles() {
	for i, t := range x.toks {
		verb, ok := adjParticiples[strings.ToLower(t.Text)]
		if !ok || !strings.HasPrefix(t.Tag, "JJ") {
			continue
		}
		j := i - 1
		for j >= 0 && x.toks[j].Tag == "RB" && j >= i-2 {
			j--
		}
		switch {
		case j >= 0 && (x.lem[j] == "be" || x.lem[j] == "get"):
			x.toks[i].Tag = "VBN"
		case i+2 < len(x.toks) && strings.EqualFold(x.toks[i+1].Text, "and") && strings.HasPrefix(x.toks[i+2].Tag, "VB"):
			x.toks[i].Tag = "VBD"
		default:
			continue
		}
		x.lem[i] = verb
	}
}

// evInfo is what the stage keeps about an event beyond the Event itself.
type evInfo struct {
	head   int  // the trigger's main token
	verbal bool // a verb (not a nominalization)
	light  int  // the light verb whose object this noun is, or -1
}

type evCtx struct {
	doc        *Document
	toks       []Token
	lem        []string // lower-case lemma per token
	tokMention []int    // mention covering the token, or -1
	evAt       []int    // event whose trigger covers the token, or -1
	info       []evInfo
	tc         timeCtx
}

func newEvCtx(doc *Document) *evCtx {
	n := len(doc.Tokens)
	x := &evCtx{
		doc:        doc,
		toks:       append([]Token(nil), doc.Tokens...),
		lem:        make([]string, n),
		tokMention: make([]int, n),
		evAt:       make([]int, n),
	}
	for i, t := range doc.Tokens {
		l := t.Lemma
		if l == "" {
			l = strings.ToLower(t.Text)
		}
		x.lem[i] = l
		x.tokMention[i] = -1
		x.evAt[i] = -1
	}
	x.participles()
	x.participles()
	for mi, m := range doc.Mentions {
		j := sort.Search(n, func(k int) bool { return doc.Tokens[k].End > m.Start })
		for ; j < n && doc.Tokens[j].Start < m.End; j++ {
			if x.tokMention[j] < 0 {
				x.tokMention[j] = mi
			}
		}
	}
	return x
}

func (x *evCtx) tag(i int) string { return x.toks[i].Tag }

func (x *evCtx) low(i int) string { return strings.ToLower(x.toks[i].Text) }

func (x *evCtx) isAdj(i int) bool { return strings.HasPrefix(x.toks[i].Tag, "JJ") }

func (x *evCtx) isVerb(i int) bool { return strings.HasPrefix(x.toks[i].Tag, "VB") }

func (x *evCtx) isNoun(i int) bool {
	t := x.toks[i].Tag
	return t == "NN" || t == "NNS"
}

// isAux reports auxiliaries, modals and negation inside a verb group.
func (x *evCtx) isAux(i int) bool {
	t := x.toks[i].Tag
	if t == "MD" {
		return true
	}
	switch x.low(i) {
	case "not", "n't", "never":
		return true
	}
	if strings.HasPrefix(t, "VB") {
		switch x.lem[i] {
		case "be", "have", "do", "get":
			return true
		}
	}
	return false
}

func (x *evCtx) mentionType(mi int) EntityType {
	e := x.doc.Mentions[mi].Entity
	if e < 0 || e >= len(x.doc.Entities) {
		return ""
	}
	return x.doc.Entities[e].Type
}

// verbClass looks a verb phrase up in the lexicon.
func verbClass(lemma string) string {
	if c, ok := eventVerbClass[lemma]; ok {
		return c
	}
	return ClassOther
}

// ingStem guesses the verb of an -ing form ("shooting" -> "shoot",
// "running" -> "run", "raising" -> "raise"), or "".
func ingStem(w string) string {
	if !strings.HasSuffix(w, "ing") || len(w) < 6 {
		return ""
	}
	s := w[:len(w)-3]
	if _, ok := eventVerbClass[s]; ok {
		return s
	}
	if _, ok := eventVerbClass[s+"e"]; ok {
		return s + "e"
	}
	if n := len(s); n > 2 && s[n-1] == s[n-2] {
		if _, ok := eventVerbClass[s[:n-1]]; ok {
			return s[:n-1]
		}
	}
	return ""
}

// edStem guesses the lexicon verb of an -ed form ("alleged" -> "allege",
// "attacked" -> "attack", "shelled" -> "shell"), or "".
func edStem(w string) string {
	if !strings.HasSuffix(w, "ed") || len(w) < 5 {
		return ""
	}
	for _, s := range []string{w[:len(w)-1], w[:len(w)-2], w[:len(w)-3]} {
		if _, ok := eventVerbClass[s]; ok {
			return s
		}
	}
	return ""
}

// gerundLemma gives a one-word noun trigger that is a gerund of a lexicon
// verb, and no listed event noun, its verb's lemma ("mulled over
// resigning", "court defending that position"), as "resigned" and
// "resigns" have. Listed -ing nouns (meeting, killing, shooting) and the
// parts of a compound ("party funding") keep their noun lemma.
func (x *evCtx) gerundLemma(k int) {
	ev := &x.doc.Events[k]
	h := x.info[k].head
	if x.info[k].verbal || x.toks[h].Tag != "NN" || ev.Trigger != x.toks[h].Span {
		return
	}
	if _, listed := eventNounClass[ev.Lemma]; listed {
		return
	}
	if st := ingStem(x.low(h)); st != "" {
		ev.Lemma = st
	}
}

// lexiconStem is the lexicon verb that the inflected form w (tagged tag)
// is a form of, or "": -ed for VBD/VBN, -ing for VBG, -s/-es for VBZ.
func lexiconStem(w, tag string) string {
	switch tag {
	case "VBD", "VBN":
		return edStem(w)
	case "VBG":
		return ingStem(w)
	case "VBZ":
		for _, s := range []string{strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
			if _, ok := eventVerbClass[s]; ok && s != w {
				return s
			}
		}
	}
	return ""
}

// nounEvent tells whether noun token i is an event, and its lemma and class.
func (x *evCtx) nounEvent(i int) (string, string, bool) {
	l := x.lem[i]
	if c, ok := eventNounClass[l]; ok {
		return l, c, true
	}
	if s := ingStem(x.low(i)); s != "" {
		return l, verbClass(s), true
	}
	// A classed verb tagged as a noun ("attack", "hit", "dies").
	if c, ok := eventVerbClass[l]; ok && c != ClassOther {
		return l, c, true
	}
	if nonEventNouns[l] || len(l) < 6 {
		return "", "", false
	}
	for _, suf := range eventNounSuffixes {
		if strings.HasSuffix(l, suf) {
			return l, ClassOther, true
		}
	}
	return "", "", false
}

// sentence finds the events of sentence si.
func (x *evCtx) sentence(si int) {
	s := x.doc.Sentences[si]
	first := len(x.doc.Events)
	title := s.Kind == KindHeadline && x.titleCase(s)
	for i := s.FirstToken; i < s.EndToken; i++ {
		if x.evAt[i] >= 0 || x.tokMention[i] >= 0 {
			continue
		}
		t := x.toks[i]
		switch {
		case title && t.Tag == "NNP":
			// A title-case headline is tagged as names throughout
			// ("British Climber Killed In Fall"): its event nouns and
			// classed verbs are found by their lower-case form.
			if l, c, ok := x.titleEvent(i); ok {
				x.add(si, i, i+1, i, false, l, c)
			}
		case x.isVerb(i):
			x.verbTrigger(i, s)
		case strings.HasPrefix(t.Tag, "JJ"):
			if c, ok := eventAdjClass[x.lem[i]]; ok {
				x.add(si, i, i+1, i, false, x.lem[i], c)
			}
		case x.isNoun(i):
			l, c, ok := x.nounEvent(i)
			if !ok {
				continue
			}
			// An event noun right after another joins it ("rescue
			// operation").
			if i > s.FirstToken && x.evAt[i-1] >= 0 && !x.info[x.evAt[i-1]].verbal {
				k := x.evAt[i-1]
				ev := &x.doc.Events[k]
				ev.Trigger.End = t.End
				ev.TriggerText = x.doc.Text[ev.Trigger.Start:ev.Trigger.End]
				ev.Lemma += " " + l
				if ev.Class == ClassOther {
					ev.Class = c
				}
				x.info[k].head = i
				x.evAt[i] = k
				continue
			}
			x.add(si, i, i+1, i, false, l, c)
		}
	}
	for k := first; k < len(x.doc.Events); k++ {
		x.gerundLemma(k)
		x.arguments(k, s)
	}
	for k := first; k < len(x.doc.Events); k++ {
		x.modality(k, s)
	}
	x.reports(first, s)
}

// verbTrigger adds the event of verb token i, if it is one.
func (x *evCtx) verbTrigger(i int, s Sentence) {
	l := x.lem[i]
	low := x.low(i)
	if _, ok := eventVerbClass[l]; !ok {
		// A form the lemmatizer left whole or cut wrongly ("alleged"):
		// the lexicon verb it inflects, so that every form of a verb
		// has one lemma.
		if st := lexiconStem(low, x.tag(i)); st != "" {
			l = st
			x.lem[i] = st
		}
	}
	if low == "according" && i+1 < s.EndToken && x.low(i+1) == "to" {
		x.add(-1, i, i+2, i, true, "according to", ClassStatement)
		return
	}
	if nonEventVerbs[l] && !(lexicalVerbs[l] && x.lexicalUse(i, s)) || (i+1 < s.EndToken && (x.tag(i+1) == "HYPH" || x.low(i+1) == "-")) {
		return
	}
	if prepositionalVerb[low] {
		return
	}
	// A participle used as an adjective ("a closed door", "the burning
	// jet") is an event only when the lexicon classes it.
	if t := x.tag(i); (t == "VBN" || t == "VBD" || t == "VBG") && i > s.FirstToken && i+1 < s.EndToken &&
		strings.HasPrefix(x.tag(i+1), "NN") && x.tokMention[i+1] < 0 {
		switch x.tag(i - 1) {
		case "DT", "JJ", "PRP$", "POS", "CD":
			if verbClass(l) == ClassOther {
				return
			}
		}
	}
	// VBG used as a noun after a determiner ("the shooting down of").
	verbal := true
	if x.tag(i) == "VBG" && i > s.FirstToken {
		switch x.tag(i - 1) {
		case "DT", "PRP$", "POS":
			verbal = false
		}
	}
	if x.tag(i) == "VBG" {
		if st := ingStem(low); st != "" && (l == low || l == "") {
			l = st
		}
	}
	end := i + 1
	lemma := l
	class := verbClass(l)
	if i+1 < s.EndToken {
		nx := x.low(i + 1)
		phrase := l + " " + nx
		if c, ok := eventVerbClass[phrase]; ok {
			lemma, class, end = phrase, c, i+2
		} else if x.tag(i+1) == "RP" || x.tag(i+1) == "RB" && adverbParticles[nx] {
			lemma, end = phrase, i+2
		}
	}
	// Fixed verb + object phrases: "lost his life", "opened fire".
	for j := end; j < end+3 && j < s.EndToken; j++ {
		w := x.low(j)
		if w == "life" || w == "lives" {
			if c, ok := eventVerbClass[l+" life"]; ok {
				lemma, class = l+" life", c
			}
			break
		}
		if w == "fire" && j == end {
			if c, ok := eventVerbClass[l+" fire"]; ok {
				lemma, class, end = l+" fire", c, j+1
			}
			break
		}
		if x.tag(j) != "PRP$" && x.tag(j) != "DT" {
			break
		}
	}
	// A light verb whose object is an event noun is not an event itself.
	if lightVerbs[l] && end == i+1 {
		if n := x.objectEventNoun(i, s); n >= 0 {
			return
		}
	}
	x.add(-1, i, end, i, verbal, lemma, class)
}

// objectEventNoun is the event-noun token heading the object of verb v
// ("held a closed-door meeting"), or -1.
func (x *evCtx) objectEventNoun(v int, s Sentence) int {
	for j := v + 1; j < s.EndToken && j <= v+7; j++ {
		switch t := x.tag(j); {
		case t == "DT" || t == "PRP$" || strings.HasPrefix(t, "JJ") || t == "CD" || t == "HYPH" || t == "RP" || t == "VBN":
			continue
		case t == "VBD" && j+1 < s.EndToken && strings.HasPrefix(x.tag(j+1), "NN"):
			continue
		case x.isNoun(j):
			if _, _, ok := x.nounEvent(j); ok {
				return j
			}
			if j+1 < s.EndToken && x.isNoun(j+1) {
				continue
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// add appends an event over tokens [a, b).
func (x *evCtx) add(_ int, a, b, head int, verbal bool, lemma, class string) {
	d := x.doc
	span := Span{Start: x.toks[a].Start, End: x.toks[b-1].End}
	k := len(d.Events)
	d.Events = append(d.Events, Event{
		ID:          k,
		Trigger:     span,
		TriggerText: d.Text[span.Start:span.End],
		Lemma:       lemma,
		Class:       class,
		Sentence:    x.toks[a].Sentence,
		Timex:       -1,
		Modality:    Asserted,
		Claimant:    -1,
	})
	x.info = append(x.info, evInfo{head: head, verbal: verbal, light: -1})
	for j := a; j < b; j++ {
		x.evAt[j] = k
	}
}

// np is a noun phrase found by the argument rules.
type np struct {
	first, end int // token range
	head       int // head token
	mentions   []int
	rule       string // the rule that found it (Arg.Rule)
}

// as is p found by rule.
func (p np) as(rule string) np {
	p.rule = rule
	return p
}

// asAll gives every phrase of ps the rule.
func asAll(ps []np, rule string) []np {
	out := make([]np, len(ps))
	for i, p := range ps {
		out[i] = p.as(rule)
	}
	return out
}

func (p np) ok() bool { return p.end > p.first }

// npTag reports tags that can sit inside a noun phrase.
func npTag(t string) bool {
	switch t {
	case "DT", "PRP$", "CD", "POS", "HYPH", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBN", "VBG", "PDT", "$":
		return true
	}
	return false
}

// npEndingAt grows a noun phrase leftwards from its head h.
func (x *evCtx) npEndingAt(h int, s Sentence) np {
	p := np{first: h, end: h + 1, head: h}
	if x.tag(h) == "PRP" || x.tag(h) == "WP" {
		return x.withMentions(p)
	}
	for p.first > s.FirstToken && (npTag(x.tag(p.first-1)) || x.tokMention[p.first-1] >= 0) {
		if x.evAt[p.first-1] >= 0 && x.info[x.evAt[p.first-1]].verbal {
			break
		}
		if t := x.tag(p.first - 1); (t == "VBG" || t == "VBN") && prepositionalVerb[x.low(p.first-1)] {
			break // "arson following a fire"
		}
		p.first--
	}
	return x.withMentions(p)
}

// npStartingAt grows a noun phrase rightwards from token a.
func (x *evCtx) npStartingAt(a int, s Sentence) np {
	p := np{first: a, end: a, head: -1}
	if a < s.EndToken && (x.tag(a) == "PRP" || x.tag(a) == "WP") {
		p.end, p.head = a+1, a
		return x.withMentions(p)
	}
	for j := a; j < s.EndToken; j++ {
		t := x.tag(j)
		if x.plainApostrophe(j, a, s) {
			t = "POS" // "the United States' support"
		}
		if !(npTag(t) || x.tokMention[j] >= 0) {
			break
		}
		if x.evAt[j] >= 0 && x.info[x.evAt[j]].verbal {
			break
		}
		if p.head >= 0 && x.inTimex(j) && !x.inTimex(p.head) {
			break // "an office Christmas party Friday": the time is no part of the phrase
		}
		if t == "VBN" || t == "VBG" {
			// A participle ends the phrase unless a noun follows; one
			// used as a preposition ("following talks") always does.
			if j > a && prepositionalVerb[x.low(j)] {
				break
			}
			if j+1 >= s.EndToken || !(strings.HasPrefix(x.tag(j+1), "NN") || strings.HasPrefix(x.tag(j+1), "JJ")) {
				break
			}
		}
		p.end = j + 1
		if strings.HasPrefix(t, "NN") || t == "CD" || x.tokMention[j] >= 0 {
			p.head = j
		}
	}
	if p.head < 0 {
		if a < s.EndToken && x.tag(a) == "DT" && standaloneWords[x.low(a)] && (a+1 == s.EndToken || !npTag(x.tag(a+1))) {
			// "see this as", "freed some": the determiner stands alone.
			p.end, p.head = a+1, a
			return x.withMentions(p)
		}
		p.end = a
		return p
	}
	p.end = p.head + 1
	return x.withMentions(p)
}

func (x *evCtx) withMentions(p np) np {
	last := -1
	for j := p.first; j < p.end; j++ {
		if m := x.tokMention[j]; m >= 0 && m != last {
			p.mentions = append(p.mentions, m)
			last = m
		}
	}
	return p
}

// subject finds the subject phrase of the verb at v, searching left in the
// clause. coord reports phrases coordinated with it. The bool is false when
// the clause has no subject of its own (a participle or a second
// coordinated verb).
func (x *evCtx) subject(v int, s Sentence) ([]np, bool) {
	if x.infinitive(v, s) || x.prepositionalGerund(v, s) {
		return nil, false
	}
	depth := 0
	for j := v - 1; j >= s.FirstToken; j-- {
		t := x.tag(j)
		w := x.low(j)
		if t == ")" || w == ")" || t == "-RRB-" {
			depth++
			continue
		}
		if t == "(" || w == "(" || t == "-LRB-" {
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 {
			continue
		}
		if x.isAux(j) || t == "RB" || t == "RBR" || t == "TO" || x.inTimex(j) {
			continue
		}
		if x.isDash(j) && (j == v-1 || x.onlySkippable(j+1, v)) {
			if k := x.dashAsideStart(j, s); k >= 0 {
				j = k
				continue
			}
		}
		if (t == "WDT" || t == "IN" && w == "that") && (w == "that" || w == "which") && (j == v-1 || x.onlySkippable(j+1, v)) {
			// "a fire that devastated a supermarket": the fire;
			// "Interoute Plc, which operates": Interoute.
			if a := x.relativeAntecedent(np{first: j, end: j + 1, head: j}); a.ok() {
				return []np{a.as("subject")}, true
			}
		}
		if strings.HasPrefix(t, "JJ") && (j == v-1 || x.onlySkippable(j+1, v)) && j > s.FirstToken && x.tag(j-1) == "DT" {
			// "The 17-year-old took", "the injured were": an adjective
			// after a determiner heads the subject.
			return []np{{first: j - 1, end: j + 1, head: j, rule: "subject"}}, true
		}
		if t == "``" && j > s.FirstToken && x.onlySkippable(j+1, v) {
			continue // `he "has been approached`: a quote opening at the verb group
		}
		switch w {
		case ";", ":", "\"", "“", "”", "''", "``":
			return nil, true
		case ",", "and", "but", "or":
			if j == v-1 || x.onlySkippable(j+1, v) {
				if k := x.parentheticalStart(j, s); w == "," && k >= 0 && !(j == v-1 && x.tag(v) == "VBG") {
					// "The firm, which is one of the biggest investors,
					// benefited": the subject is before the aside.
					j = k
					continue
				}
				if w != "," || x.verbBefore(j, s) {
					return nil, false
				}
			}
			if w == "," {
				// Skip a parenthetical ", including X and Y,".
				for k := j - 1; k > s.FirstToken; k-- {
					if x.low(k) == "," {
						switch x.low(k + 1) {
						case "including", "such", "especially", "notably", "like", "among":
							j = k
						}
						break
					}
				}
				continue
			}
		}
		if (t == "IN" || t == "WDT" || t == "WRB") && subordinators[w] && !(w == "since" && x.onlySkippable(j+1, v)) {
			return nil, true
		}
		if x.isVerb(j) && !(t == "VBN" || t == "VBG") {
			return nil, true
		}
		if (j == v-1 || x.onlySkippable(j+1, v)) && x.standaloneSubject(j, s) {
			// "11 showed stronger growth", "Some may see this".
			return []np{{first: j, end: j + 1, head: j, rule: "subject"}}, true
		}
		if strings.HasPrefix(t, "NN") || t == "PRP" || x.tokMention[j] >= 0 || (t == "WP" && w == "who") {
			if t == "PRP" && (w == "him" || w == "her" || w == "them" || w == "me" || w == "us") {
				return nil, true
			}
			p := x.postmodifiedHead(x.npEndingAt(j, s), j == v-1 && x.tag(v) == "VBN", s)
			if h := x.reducedRelativeHead(p, s); h >= 0 {
				// "The band once fronted by Ozzy Osbourne led".
				p = x.npEndingAt(h, s)
			}
			out := []np{p.as("subject")}
			// Coordinated subjects: "Obama and Putin", "X, Y and Z".
			sawAnd := false
			for k := p.first - 1; k-1 >= s.FirstToken; {
				c := x.low(k)
				if c == "and" {
					sawAnd = true
				} else if c != "," || !sawAnd {
					break
				}
				h := k - 1
				if c == "and" && h > s.FirstToken && x.low(h) == "," && x.listBefore(h, s) {
					h-- // "Europe, the Middle East, and Asia"
				}
				if !(strings.HasPrefix(x.tag(h), "NN") || x.tokMention[h] >= 0) {
					break
				}
				q := x.npEndingAt(h, s)
				if !x.bareSingular(q) || !x.personHead(p) {
					// "CNN medical reporter and Grady hospital
					// neurosurgeon Dr. Sanjay Gupta": a bare singular
					// noun is a title of the name, no participant.
					out = append(out, q.as("subject"))
				}
				k = q.first - 1
			}
			if left := out[len(out)-1]; len(out) > 1 && left.first-1 > s.FirstToken && x.tag(left.first-1) == "IN" &&
				!subordinators[x.low(left.first-1)] {
				// "sales of ice cream and mineral water were
				// dampened": the conjuncts are the object of "of".
				q := x.npEndingAt(left.first-2, s)
				if q.ok() && x.isNominalHead(q.head) && !(x.low(left.first-1) == "of" && quantifier(x.low(q.head))) {
					return []np{q.as("subject")}, true
				}
			}
			return out, true
		}
	}
	return nil, true
}

// verbBefore reports a non-auxiliary verb before token j in the sentence.
func (x *evCtx) verbBefore(j int, s Sentence) bool {
	for k := j - 1; k >= s.FirstToken; k-- {
		if x.isVerb(k) && !x.isAux(k) && !prepositionalVerb[x.low(k)] {
			return true
		}
	}
	return false
}

func quantifier(w string) bool {
	switch w {
	case "one", "two", "three", "some", "many", "all", "none", "each", "both", "most", "several", "any", "few":
		return true
	}
	return false
}

func (x *evCtx) isNominalHead(i int) bool {
	return strings.HasPrefix(x.tag(i), "NN") || x.tag(i) == "CD" || x.tokMention[i] >= 0
}

// onlySkippable reports whether tokens [a, b) are all adverbs/auxiliaries
// ("no longer" counts as an adverb).
func (x *evCtx) onlySkippable(a, b int) bool {
	for j := a; j < b; j++ {
		t := x.tag(j)
		if !(x.isAux(j) || t == "RB" || t == "RBR" || t == "TO" || x.low(j) == "no" && j+1 < b && x.low(j+1) == "longer") {
			return false
		}
	}
	return true
}

// isVerbHead reports a verb token that is an event trigger.
func (x *evCtx) isVerbHead(i int) bool {
	return x.isVerb(i) && x.evAt[i] >= 0
}

// objectPrep lists, per class, the prepositions that introduce the
// patient of a verb or noun ("meet with", "attacks on", "warned of").
func objectPrep(class, prep string, nominal bool) bool {
	switch prep {
	case "with":
		// "met with Putin": the one met. Other prepositional objects of
		// a verb ("warned of consequences", "worked with Marley") are
		// no patients.
		return class == ClassMeet || class == ClassConsult || nominal && class == ClassAgree
	case "on", "against":
		if !nominal {
			return false
		}
		switch class {
		case ClassAttack, ClassSanction, ClassProtest, ClassAccuse, ClassWarn:
			return true
		}
	case "of":
		return nominal
	}
	return false
}

// object finds the object phrase of the trigger ending at token e.
func (x *evCtx) object(e int, class string, nominal bool, s Sentence) np {
	j := e
	for j < s.EndToken && (x.tag(j) == "RB" || x.tag(j) == "RP") {
		j++
	}
	if j >= s.EndToken {
		return np{}
	}
	if !nominal && e > s.FirstToken && x.tag(e-1) == "IN" {
		return np{} // "called for an easing": the trigger ends in a preposition
	}
	if q := x.quantifierEnd(j, s); q > j {
		j = q // "added more than five million customers"
	} else if x.tag(j) == "IN" || x.tag(j) == "TO" {
		if !objectPrep(class, x.low(j), nominal) {
			if q := x.npStartingAt(j+1, s); !nominal && particlePreps[x.low(j)] && q.ok() && x.personHead(q) {
				// "has brought in Manuel Almunia": a particle the
				// tagger read as a preposition, before a person.
				return q
			}
			return np{}
		}
		j++
	} else if nominal {
		return np{}
	}
	return x.npStartingAt(j, s)
}

// particlePreps are the prepositions that are as often a phrasal verb's
// particle ("brought in", "voted out", "took on").
var particlePreps = buildSet("in out up down off over on")

// isPassive reports a passive verb: a participle after a form of be/get,
// or a reduced relative right after a noun.
func (x *evCtx) isPassive(v int, s Sentence) bool {
	if x.tag(v) != "VBN" {
		return false
	}
	for j := v - 1; j >= s.FirstToken && j >= v-4; j-- {
		switch x.lem[j] {
		case "be", "get":
			return true
		case "have":
			return false
		}
		if !(x.tag(j) == "RB" || x.low(j) == "not" || x.low(j) == "n't") {
			if j == v-1 && (strings.HasPrefix(x.tag(j), "NN") || x.tokMention[j] >= 0 || x.tag(j) == "DT" && standaloneWords[x.low(j)]) {
				return true
			}
			return false
		}
	}
	return false
}

// reducedRelative reports a participle right after a noun ("the accord
// signed in February").
func (x *evCtx) reducedRelative(v int, s Sentence) bool {
	return v > s.FirstToken && (strings.HasPrefix(x.tag(v-1), "NN") || x.tokMention[v-1] >= 0)
}

// byAgent is the phrase after "by" following the trigger ending at e,
// past adverbs, particles and a time ("was discovered Tuesday, July 27,
// 2004, by a maid").
func (x *evCtx) byAgent(e int, s Sentence) np {
	for j, n := e, 0; j < s.EndToken && n < 5; j++ {
		if x.low(j) == "by" {
			return x.npStartingAt(j+1, s)
		}
		if x.inTimex(j) || x.low(j) == "," && j > e && x.inTimex(j-1) {
			continue
		}
		if t := x.tag(j); t != "RB" && t != "RP" && t != "VBN" && x.low(j) != "and" && x.low(j) != "or" {
			break
		}
		n++
	}
	return np{}
}

// arguments fills agents, patients, nominals and locations of event k.
func (x *evCtx) arguments(k int, s Sentence) {
	ev := &x.doc.Events[k]
	inf := x.info[k]
	endTok := inf.head + 1
	for endTok < s.EndToken && x.evAt[endTok] == k {
		endTok++
	}
	var agents, patients []np
	if ev.Lemma == "according to" {
		if p := x.npStartingAt(endTok, s); p.ok() {
			x.fill(ev, p.as("according-to"), "agent")
		}
		return
	}
	if x.isAdj(inf.head) {
		// "One man is dead", "pleaded guilty": the subject undergoes it.
		if subj, own := x.subject(inf.head, s); own {
			patients = append(patients, asAll(subj, "adjective-subject")...)
		}
	} else if m := x.modifiedNoun(inf.head, s); m.ok() {
		// "rising costs", "the burning jet": the noun the participle
		// modifies does it, or undergoes it.
		if x.tag(inf.head) == "VBN" || unaccusative[ev.Lemma] {
			patients = append(patients, m)
		} else {
			agents = append(agents, m)
		}
	} else if inf.verbal {
		subj, own := x.subject(x.firstTok(k), s)
		if !own {
			v := x.firstTok(k)
			if c := x.coordinatedInfinitive(v, s); c >= 0 {
				// "allows hackers to get into browsers and take over
				// computers": the second verb shares the first's
				// subject.
				v = c
			}
			if is := x.infinitiveSubject(v, s); len(is) > 0 {
				subj, own = is, true
			} else if gs := x.gerundSubject(v, s); len(gs) > 0 {
				subj, own = gs, true
			} else {
				x.inheritAgents(k, v, s)
				if x.isPassive(inf.head, s) {
					// "The law will control gambling and is aimed at
					// children": the shared subject undergoes it.
					x.agentsUndergo(ev)
				}
			}
		}
		obj := x.object(endTok, ev.Class, false, s).as("object")
		if obj.ok() && (x.clauseAfter(obj.end, s) || reportingVerbs[ev.Lemma] && x.pastClauseAfter(obj.end, s)) {
			// "said the aircraft had been attacked", "says Washington is
			// responsible": the phrase is the subject of a clause the
			// verb takes, not its object.
			obj = np{}
		}
		if unaccusative[ev.Lemma] || x.linking(inf.head, ev.Lemma, s) || !obj.ok() && own && x.ergative(ev.Lemma, subj, s) {
			// "One Russian soldier lost his life": the subject undergoes it.
			patients = append(patients, asAll(subj, "unaccusative-subject")...)
			if !own {
				x.agentsUndergo(ev)
			}
		} else if x.isPassive(inf.head, s) || x.headlinePassive(inf.head, ev.Lemma, obj, own, s) {
			patients = append(patients, asAll(subj, "passive-subject")...)
			if by := x.byAgent(endTok, s); by.ok() {
				agents = append(agents, by.as("passive-by"))
			}
		} else {
			agents = append(agents, subj...)
			if obj.ok() {
				patients = append(patients, obj)
				patients = append(patients, x.conjuncts(obj, s)...)
			}
		}
	} else {
		x.nominalArgs(k, endTok, s, &agents, &patients)
	}
	for _, p := range agents {
		x.fill(ev, p, "agent")
	}
	for _, p := range patients {
		x.fill(ev, p, "patient")
	}
	x.location(ev, endTok, s)
	if len(ev.Locations) == 0 && !x.hasNominal(k, "location") && inf.verbal {
		x.clausePlace(k, s)
	}
}

func (x *evCtx) firstTok(k int) int {
	i := x.info[k].head
	for i > 0 && x.evAt[i-1] == k {
		i--
	}
	return i
}

// prepositionalVerb lists -ing and -ed forms that work as prepositions.
var prepositionalVerb = buildSet("following including regarding concerning during given according excluding")

// headlinePassive reports a past form of a verb that always takes an
// object, with a subject right before it and no object after it: the
// reduced passive of headlines ("Chargers' Jackson arrested on DUI
// suspicion", "Man killed in crash"), whose subject undergoes it.
func (x *evCtx) headlinePassive(v int, lemma string, obj np, own bool, s Sentence) bool {
	if !own || obj.ok() || x.tag(v) != "VBD" || !alwaysTransitive[lemma] || v == s.FirstToken {
		return false
	}
	return strings.HasPrefix(x.tag(v-1), "NN") || x.tokMention[v-1] >= 0
}

// alwaysTransitive verbs are not used without an object in the active
// voice: with none, they are a reduced passive.
var alwaysTransitive = buildSet("arrest detain apprehend nab jail imprison charge indict convict sentence " +
	"kill murder slay assassinate execute injure wound hospitalize fire sack oust")

// unaccusative verbs have no agent: their subject is the patient.
var unaccusative = buildSet("die perish drown fall rise jump slip come come_in pass_away drop climb decline " +
	"increase surge soar plunge tumble slump collapse catch_fire dip slide sink shrink plummet")

// objectControl verbs pass their object to an infinitive ("urged Putin to
// focus": Putin focuses); other verbs pass their subject ("decided to
// hold").
var objectControl = buildSet("urge ask tell order allow force encourage invite call_on press persuade help " +
	"permit require instruct advise warn")

// infinitive reports a verb right after "to".
func (x *evCtx) infinitive(v int, s Sentence) bool {
	j := v - 1
	for j >= s.FirstToken && x.tag(j) == "RB" {
		j--
	}
	return j >= s.FirstToken && x.tag(j) == "TO"
}

// finiteTag reports finite verb tags.
func finiteTag(t string) bool { return t == "VBD" || t == "VBZ" || t == "VBP" }

// inheritAgents gives event k, whose verb at token v has no subject of its
// own, the agents of the verb it depends on: the controller of an
// infinitive (its object for object-control verbs), else the previous
// verb of the sentence, preferring one of the same form (a finite verb for
// a participle or a coordinated finite verb).
func (x *evCtx) inheritAgents(k, v int, s Sentence) {
	ev := &x.doc.Events[k]
	inf := x.infinitive(v, s)
	pg := x.prepositionalGerund(v, s)
	tag := x.tag(v)
	best, first := -1, k-1
	if n := x.nounBeforeInfinitive(v, s); inf && n >= 0 {
		// "the nation's commitment to bring about change": the event
		// noun the infinitive complements gives its agent.
		best, first = n, -1
	}
	for p := first; p >= 0 && x.doc.Events[p].Sentence == ev.Sentence; p-- {
		if x.info[p].head >= v {
			continue // after the first of two coordinated infinitives
		}
		// A verb, or an event noun with its light verb ("held a meeting").
		vt := x.info[p].head
		if !x.info[p].verbal {
			if x.info[p].light < 0 {
				continue
			}
			vt = x.info[p].light
		}
		pe := &x.doc.Events[p]
		passive := x.info[p].verbal && x.isPassive(x.info[p].head, s)
		if len(pe.Agents) == 0 && !x.hasNominal(p, "agent") && !(inf && objectControl[pe.Lemma]) && !((inf || pg) && passive) &&
			!x.subjectUndergoes(p) {
			continue
		}
		if inf || pg && passive {
			// "He is credited with helping": the verb it hangs on.
			best = p
			break
		}
		pt := x.tag(vt)
		if pt == tag || (tag == "VBG" || finiteTag(tag)) && (finiteTag(pt) || x.afterModal(vt, s)) {
			best = p
			break
		}
		if best < 0 {
			best = p
		}
	}
	if best < 0 {
		return
	}
	pe := &x.doc.Events[best]
	role, rule := "agent", "coordinated-subject"
	args := pe.Agents
	if inf {
		rule = "control-subject"
	}
	if len(args) == 0 && !x.hasNominal(best, "agent") && x.subjectUndergoes(best) {
		// "Page died … after suffering a heart attack", "The defense
		// looked shaky and gave up 409 yards": the subject that
		// undergoes the first verb does the second.
		for _, a := range pe.Patients {
			if undergoerRule[a.Rule] {
				a.Rule = rule
				ev.Agents = addArg(ev.Agents, a)
			}
		}
		for _, n := range pe.Nominals {
			if n.Role == "patient" && undergoerRule[n.Rule] {
				n.Role, n.Rule = "agent", rule
				ev.Nominals = append(ev.Nominals, n)
			}
		}
		return
	}
	if pg && x.info[best].verbal && x.isPassive(x.info[best].head, s) {
		// "He is credited with helping": he helps.
		role, rule, args = "patient", "control-object", pe.Patients
	} else if pg && gerundObjectControl[pe.Lemma] && len(pe.Patients)+countNominals(pe, "patient") > 0 {
		// "accuse Moscow of sending troops": Moscow sends them.
		role, rule, args = "patient", "control-object", pe.Patients
	} else if inf {
		if objectControl[pe.Lemma] && len(pe.Patients)+countNominals(pe, "patient") > 0 || x.info[best].verbal && x.isPassive(x.info[best].head, s) {
			// "urged Putin to focus"; "Gupta has been approached by
			// the administration to fill the post": the one urged or
			// approached.
			role, rule, args = "patient", "control-object", pe.Patients
		}
	}
	for _, a := range args {
		a.Rule = rule
		ev.Agents = addArg(ev.Agents, a)
	}
	for _, n := range pe.Nominals {
		if n.Role == role {
			n.Role, n.Rule = "agent", rule
			ev.Nominals = append(ev.Nominals, n)
		}
	}
}

func (x *evCtx) hasNominal(k int, role string) bool {
	for _, n := range x.doc.Events[k].Nominals {
		if n.Role == role {
			return true
		}
	}
	return false
}

// possessorUndergoes reports an event noun whose possessor undergoes it:
// "Jackson's arrest", "his detention", "her death", "Kennedy's
// assassination"; not "Russia's airstrikes" or "his remarks".
func possessorUndergoes(ev *Event) bool {
	return ev.Class == ClassSanction || ev.Class == ClassArrest || undergoneNouns[ev.Lemma]
}

// undergoneNouns are event nouns whose possessor is the one it happens to.
var undergoneNouns = buildSet("death murder assassination execution injury")

// nominalArgs finds the arguments of an event noun.
func (x *evCtx) nominalArgs(k, endTok int, s Sentence, agents, patients *[]np) {
	ev := &x.doc.Events[k]
	first := x.firstTok(k)
	// Inside the noun phrase, before the trigger: "Russia's air
	// campaign", "Russian airstrikes", "his remarks".
	for j := first - 1; j >= s.FirstToken && j >= first-5; j-- {
		t := x.tag(j)
		if m := x.tokMention[j]; m >= 0 {
			p := x.npEndingAt(j, s)
			p.first, p.end = j, j+1
			p.mentions = []int{m}
			p.rule = "prenominal"
			if j+1 < first && x.tag(j+1) == "POS" || x.doc.Mentions[m].End < len(x.doc.Text) &&
				strings.HasPrefix(x.doc.Text[x.doc.Mentions[m].End:], "'") {
				p.rule = "possessive"
			}
			if possessorUndergoes(ev) {
				*patients = append(*patients, p)
			} else {
				*agents = append(*agents, p)
			}
			break
		}
		if j == first-1 && (t == "NN" || t == "NNS") && (groupNouns[x.lem[j]] || personNouns[x.lem[j]]) {
			// "the fatal police shooting", "a rebel attack": a person or
			// group noun right before the event noun takes part in it.
			p := np{first: j, end: j + 1, head: j, rule: "prenominal"}
			if possessorUndergoes(ev) && !groupNouns[x.lem[j]] {
				*patients = append(*patients, p)
			} else {
				*agents = append(*agents, p)
			}
			break
		}
		if t == "POS" && j-1 >= s.FirstToken && (x.tag(j-1) == "NN" || x.tag(j-1) == "NNS") && x.tokMention[j-1] < 0 {
			// "the nation's commitment", "the actress's stay".
			p := x.npEndingAt(j-1, s).as("possessive")
			if possessorUndergoes(ev) {
				*patients = append(*patients, p)
			} else {
				*agents = append(*agents, p)
			}
			break
		}
		if t == "PRP$" {
			p := np{first: j, end: j + 1, head: j, rule: "possessive"}
			if possessorUndergoes(ev) {
				*patients = append(*patients, p)
			} else {
				*agents = append(*agents, p)
			}
			break
		}
		if !(t == "POS" || t == "JJ" || t == "NN" || t == "NNS" || t == "HYPH" || t == "VBN" || t == "CD") {
			break
		}
	}
	// After it: "between X and Y", "with X", "of X", "on X", "by X".
	j := endTok
	if j < s.EndToken {
		w := x.low(j)
		switch {
		case w == "between":
			p := x.npStartingAt(j+1, s).as("nominal-between")
			if p.ok() {
				*agents = append(*agents, p)
				if p.end < s.EndToken && x.low(p.end) == "and" {
					if q := x.npStartingAt(p.end+1, s); q.ok() {
						*patients = append(*patients, q.as("nominal-between"))
					}
				}
			}
		case w == "by":
			if p := x.npStartingAt(j+1, s); p.ok() {
				*agents = append(*agents, p.as("nominal-by"))
				// "an attack by sea brigands on merchant vessels".
				if q := x.object(p.end, ev.Class, true, s); q.ok() && p.end < s.EndToken && x.low(p.end) != "of" {
					*patients = append(*patients, q.as("nominal-"+x.low(p.end)))
				}
			}
		default:
			if p := x.object(j, ev.Class, true, s); p.ok() {
				*patients = append(*patients, p.as("nominal-"+w))
				// "the shooting down of X by Y"
				if by := x.byAgent(p.end, s); by.ok() {
					*agents = append(*agents, by.as("nominal-by"))
				}
			}
		}
	}
	// The subject of a light verb: "Obama held a meeting with Putin".
	if len(*agents) == 0 {
		for v := first - 1; v >= s.FirstToken && v >= first-8; v-- {
			if !x.isVerb(v) {
				continue
			}
			if !lightVerbs[x.lem[v]] && v+1 < s.EndToken && (x.tag(v+1) == "HYPH" || x.low(v+1) == "-" ||
				strings.HasPrefix(x.tag(v+1), "NN") && x.tag(v) != "VBG") {
				continue // a participle modifying the noun: "closed-door", "armed men"
			}
			if n := x.objectEventNoun(v, s); lightVerbs[x.lem[v]] && n >= 0 && x.evAt[n] == k {
				x.info[k].light = v
				subj, own := x.subject(v, s)
				if !own {
					subj = x.infinitiveSubject(v, s)
					own = len(subj) > 0
				}
				if own {
					*agents = append(*agents, asAll(subj, "light-verb-subject")...)
				} else {
					x.inheritAgents(k, v, s)
				}
			}
			break
		}
	}
}

// fill adds phrase p to event ev's role: the entity mention heading it, or
// the one person an office phrase names ("the Russian leader"), or a
// resolved pronoun, or its modifiers that are neither places nor demonyms
// ("a White House official"); and the phrase itself when a common noun or
// pronoun heads it. A country named only as a modifier ("the Russian
// pilots", "US officials", "a Russian Sukhoi Su-24") is never the
// participant: it is the phrase's Country. A phrase headed by an event noun
// ("the United States' support") gives no entity: its modifiers are the
// noun's own participants.
func (x *evCtx) fill(ev *Event, p np, role string) {
	if !p.ok() || p.head < 0 {
		return
	}
	if a := x.relativeAntecedent(p); a.ok() {
		// "An alleged Mafia boss who was caught": the boss.
		p = a
	}
	words := Span{Start: x.toks[p.first].Start, End: x.toks[p.end-1].End}
	var ms []int
	var country *Arg
	rule := p.rule
	resolved := false
	if m := x.tokMention[p.head]; m >= 0 {
		ms = []int{m}
		country = x.phraseCountry(p, m)
	} else if m := x.roleHolder(p); m >= 0 {
		// "the Russian leader": the one person holding that office.
		ms, resolved, rule = []int{m}, true, "office-holder"
	} else if x.evAt[p.head] < 0 {
		// "the unnamed White House official", "OSP bomb technician",
		// "Lohan's lawyer": the noun is the participant; a name
		// modifying it is not, unless it names the very thing ("a
		// Sukhoi Su-24 jet": the jet is the Su-24).
		for _, m := range p.mentions {
			if t := x.mentionType(m); (t == Equipment || t == Product) && x.doc.Mentions[m].Kind != "demonym" {
				ms = append(ms, m)
			}
		}
		country = x.phraseCountry(p, -1)
	}
	if len(ms) == 0 && (x.tag(p.head) == "PRP" || x.tag(p.head) == "PRP$") {
		if m := x.resolvePronoun(p.head, ev); m >= 0 {
			ms = []int{m}
		}
	}
	for _, m := range ms {
		a := Arg{Entity: x.doc.Mentions[m].Entity, Mention: m, Words: words, Rule: rule, Country: country}
		switch role {
		case "agent":
			ev.Agents = addArg(ev.Agents, a)
		case "patient":
			ev.Patients = addArg(ev.Patients, a)
		}
	}
	// An event noun is a phrase of its own only as a verb's patient
	// ("denied involvement", "investigating a robbery").
	// A fire, a blast or a quake is a participant of its own as the cause
	// of a verb's event ("a fire that devastated a supermarket",
	// "damaged by fire").
	eventHead := x.evAt[p.head] >= 0 && (role != "patient" || x.evAt[p.head] == ev.ID || !x.info[ev.ID].verbal) &&
		!(role == "agent" && x.info[ev.ID].verbal && x.evAt[p.head] != ev.ID && x.doc.Events[x.evAt[p.head]].Class == ClassDisaster)
	if !resolved && x.tokMention[p.head] < 0 && !eventHead && !x.inTimex(p.head) {
		t := x.tag(p.head)
		if strings.HasPrefix(t, "NN") || t == "PRP" || t == "PRP$" || t == "CD" || (t == "WP" && x.low(p.head) == "who") ||
			t == "DT" && standaloneWords[x.low(p.head)] ||
			strings.HasPrefix(t, "JJ") && p.head > p.first && x.tag(p.head-1) == "DT" {
			ev.Nominals = append(ev.Nominals, NominalArg{
				Role:    role,
				Span:    words,
				Text:    x.doc.Text[words.Start:words.End],
				Head:    x.toks[p.head].Span,
				Rule:    rule,
				Country: country,
			})
		}
	}
}

// inTimex reports a token inside a temporal expression.
func (x *evCtx) inTimex(i int) bool {
	t := x.toks[i]
	tx := x.doc.Timexes
	k := sort.Search(len(tx), func(k int) bool { return tx[k].End > t.Start })
	return k < len(tx) && tx[k].Start < t.End
}

func addArg(args []Arg, a Arg) []Arg {
	for _, b := range args {
		if b.Entity == a.Entity {
			return args
		}
	}
	return append(args, a)
}

// resolvePronoun finds the entity mention a pronoun token refers to: the
// last PERSON mention before it (he, him, his, she, her), or the last
// non-person, non-demonym mention (it, its, they, them, their), skipping
// the event's agents. -1 when none.
func (x *evCtx) resolvePronoun(i int, ev *Event) int {
	person := false
	switch x.low(i) {
	case "he", "him", "his", "she", "her", "himself", "herself":
		person = true
	case "it", "its", "they", "them", "their", "itself", "themselves":
	default:
		return -1
	}
	start := x.toks[i].Start
	ms := x.doc.Mentions
	j := sort.Search(len(ms), func(k int) bool { return ms[k].Start >= start }) - 1
	for n := 0; j >= 0 && n < 40; j, n = j-1, n+1 {
		m := ms[j]
		if !person && m.Sentence < x.toks[i].Sentence-1 {
			// "it" and "they" refer to something of this sentence or
			// the one before.
			return -1
		}
		typ := x.mentionType(j)
		if (typ == Person) != person || m.Kind == "demonym" || m.Kind == "pronoun" {
			continue
		}
		if typ == Equipment && !person {
			continue
		}
		if !person && x.locativeObject(j) {
			// "when it was inside Syria. He called it a stab": a place
			// named as where something was is not what "it" refers to.
			continue
		}
		agent := false
		for _, a := range ev.Agents {
			if a.Entity == m.Entity {
				agent = true
			}
		}
		if agent {
			continue
		}
		return j
	}
	return -1
}

// modality sets the modality of event k from its verb group and clause.
func (x *evCtx) modality(k int, s Sentence) {
	ev := &x.doc.Events[k]
	first := x.firstTok(k)
	gov := first
	if l := x.info[k].light; l >= 0 {
		gov = l
	} else if !x.info[k].verbal {
		// An event noun takes the modality of the verb whose object it is.
		if v := x.governingVerb(first, s); v >= 0 {
			gov = v
		}
	}
	mod := Asserted
	for j := gov - 1; j >= s.FirstToken && j >= gov-5; j-- {
		w := x.low(j)
		t := x.tag(j)
		if w == "not" || w == "n't" || w == "never" {
			mod = Negated
			continue
		}
		if t == "MD" && irrealisModals[w] {
			if mod == Asserted {
				mod = Possible
			}
			continue
		}
		if t == "TO" && j == gov-1 && x.isVerb(gov) {
			if mod == Asserted {
				mod = Possible
			}
			continue
		}
		if !(x.isAux(j) || t == "RB" || t == "TO") {
			break
		}
	}
	if !x.info[k].verbal && first > s.FirstToken && x.low(first-1) == "no" {
		mod = Negated
	}
	// Conditionals: a finite or modal verb inside an if clause, or a
	// modal main clause with one; event nouns follow their verb.
	cond := x.isVerb(gov) && x.tag(gov) != "VBG" && !(x.isPassive(gov, s) && x.reducedRelative(gov, s))
	for j := s.FirstToken; j < s.EndToken && cond; j++ {
		w := x.low(j)
		if w != "if" && w != "unless" {
			continue
		}
		if (j < gov || mod == Possible) && mod != Negated {
			mod = Conditional
		}
		break
	}
	ev.Modality = mod
}

// governingVerb is the verb whose object phrase holds noun token n, or -1.
func (x *evCtx) governingVerb(n int, s Sentence) int {
	for j := n - 1; j >= s.FirstToken && j >= n-5; j-- {
		t := x.tag(j)
		if x.isVerb(j) {
			return j
		}
		if !(t == "DT" || t == "PRP$" || strings.HasPrefix(t, "JJ") || t == "CD" || t == "NN" || t == "NNS" || t == "HYPH" || t == "RB") {
			return -1
		}
	}
	return -1
}

// reports links the reporting events of the sentence whose events start at
// index first to the events they report, and marks claims.
func (x *evCtx) reports(first int, s Sentence) {
	evs := x.doc.Events
	for r := first; r < len(evs); r++ {
		ev := &evs[r]
		if !x.info[r].verbal || !reportingVerbs[ev.Lemma] {
			continue
		}
		last := x.info[r].head
		for last+1 < s.EndToken && x.evAt[last+1] == r {
			last++
		}
		// Events after the reporting verb in the sentence.
		rest := 0
		for j := last + 1; j < s.EndToken; j++ {
			if x.evAt[j] >= 0 && x.evAt[j] != r {
				rest++
			}
		}
		var lo, hi int // token range of the reported clause
		if rest == 0 {
			// "…," the official said. Report what comes before the
			// reporting clause.
			// Without such a separator ("refused to comment") the verb
			// reports nothing here.
			lo, hi = s.FirstToken, s.FirstToken
			for j := x.firstTok(r) - 1; j >= s.FirstToken; j-- {
				w := x.low(j)
				if w == "," || w == "\"" || w == "”" || w == "''" || w == ":" {
					hi = j
					break
				}
			}
		} else {
			lo, hi = last+1, s.EndToken
			for j := last + 1; j < s.EndToken; j++ {
				w := x.low(j)
				if w == ";" || w == "\"" || w == "”" || w == "''" {
					hi = j
					break
				}
				if (w == "and" || w == "but") && j+1 < s.EndToken {
					n := j + 1
					for n < s.EndToken && (x.isAux(n) || x.tag(n) == "RB") && !x.isVerbHead(n) {
						n++
					}
					if n < s.EndToken && x.isVerb(n) && (x.tag(n) == x.tag(x.info[r].head) || n > j+1) {
						hi = j
						break
					}
				}
			}
		}
		// Only claim verbs make what they report a claim; what a neutral
		// reporting verb (said, indicated, stressed) reports keeps its
		// own modality and is linked by Reports.
		claim := claimVerbs[ev.Lemma]
		claimant := -1
		if len(ev.Agents) > 0 {
			claimant = ev.Agents[0].Entity
		}
		for e := first; e < len(evs); e++ {
			if e == r {
				continue
			}
			h := x.info[e].head
			if h < lo || h >= hi {
				continue
			}
			ev.Reports = append(ev.Reports, e)
			if claim && evs[e].Modality == Asserted {
				evs[e].Modality = Reported
				evs[e].Claimant = claimant
			}
		}
	}
}

// ParticipantMention is one mention of a participant in the article's
// events: a person, group, organization or place, named or not.
type ParticipantMention struct {
	// Head is the span of the mention's head word ("man" in "a Michigan
	// man", "Obama" in "President Obama").
	Head Span `json:"head"`
	// Kind is "name" (an entity mention), "nominal" (a noun phrase headed
	// by a person, group or place noun), "pronoun" or "number" (a count
	// of people whose noun is left out: "kills 1, injures 2").
	Kind string `json:"kind"`
	// Mention is the index into Document.Mentions of a name, else -1.
	Mention int `json:"mention"`
	// Sentence is the index into Document.Sentences.
	Sentence int `json:"sentence"`
}

// Participants lists the participant mentions of the headline, body and
// caption sentences, in text order: the people, groups and places events
// can involve, whether or not the event stage attached them to an event.
// They are:
//   - entity mentions, except equipment, products (ECB+ files both as
//     non-human participants) and demonyms, and except names
//     that only modify a noun ("a Paris jewellery store", "Iran's coast"):
//     there the noun phrase's head is the participant when it is a person,
//     group or place noun, and nothing is when it is not ("an Internet
//     Explorer flaw");
//   - personal pronouns (he, she, him, they, herself, we), and possessive
//     ones before an event noun ("his arrest": he takes part in it);
//   - noun phrases headed by a person or group noun ("a man", "police",
//     "two workers"), or by any noun that the event stage made an event's
//     agent or patient when that noun is a proper name the entity stage did
//     not keep;
//   - the unnamed places the event stage made an event's location ("in
//     prison") or agent or patient ("entered his hotel room").
func Participants(doc *Document) []ParticipantMention {
	n := len(doc.Tokens)
	if n == 0 {
		return nil
	}
	tokMention := make([]int, n)
	for i := range tokMention {
		tokMention[i] = -1
	}
	for mi, m := range doc.Mentions {
		j := sort.Search(n, func(k int) bool { return doc.Tokens[k].End > m.Start })
		for ; j < n && doc.Tokens[j].Start < m.End; j++ {
			if tokMention[j] < 0 {
				tokMention[j] = mi
			}
		}
	}
	nominal := map[int]string{} // head token -> role
	trigger := map[int]bool{}   // first token of every event trigger
	for _, ev := range doc.Events {
		if i := tokenAtOffset(doc.Tokens, ev.Trigger.Start); i >= 0 {
			trigger[i] = true
		}
		for _, a := range ev.Nominals {
			if i := tokenAtOffset(doc.Tokens, a.Head.Start); i >= 0 {
				nominal[i] = a.Role
			}
		}
	}
	inTimex := make([]bool, n)
	for _, tx := range doc.Timexes {
		j := sort.Search(n, func(k int) bool { return doc.Tokens[k].End > tx.Start })
		for ; j < n && doc.Tokens[j].Start < tx.End; j++ {
			inTimex[j] = true
		}
	}
	var out []ParticipantMention
	seen := map[Span]bool{}
	emit := func(i, end int, kind string, mention int) {
		sp := Span{Start: doc.Tokens[i].Start, End: doc.Tokens[end-1].End}
		if seen[sp] {
			return
		}
		seen[sp] = true
		out = append(out, ParticipantMention{Head: sp, Kind: kind, Mention: mention, Sentence: doc.Tokens[i].Sentence})
	}
	for _, s := range doc.Sentences {
		if s.Kind == KindByline || s.Kind == KindBoilerplate {
			continue
		}
		for i := s.FirstToken; i < s.EndToken; i++ {
			t := doc.Tokens[i]
			if mi := tokMention[i]; mi >= 0 {
				j := i + 1
				for j < s.EndToken && tokMention[j] == mi {
					j++
				}
				m := doc.Mentions[mi]
				typ := EntityType("")
				if m.Entity >= 0 && m.Entity < len(doc.Entities) {
					typ = doc.Entities[m.Entity].Type
				}
				if typ != Equipment && typ != Product && m.Kind != "demonym" && !placeQualifier(doc, tokMention, i, typ, s) &&
					!(typ != Person && officeOf(doc, tokMention, j, s)) {
					switch h, mod := nounModified(doc, j, s); {
					case j < s.EndToken && tokMention[j] >= 0 && tokMention[j] != mi && !mod:
						// A name split in two ("Lindsay Lohan" in a
						// headline): the last part heads it.
					case !mod:
						emit(i, j, "name", mi)
					case h >= 0 && participantNoun(doc.Tokens[h]) && h+1 < s.EndToken && tokMention[h+1] >= 0:
						// "Red Sox owner John Henry": the name after
						// the title heads the phrase.
					case h >= 0:
						emit(h, h+1, "nominal", -1)
					case typ == Person || typ == Org:
						emit(i, j, "name", mi) // a possessor: "Lohan's lawyer"
					}
				}
				i = j - 1
				continue
			}
			low := strings.ToLower(t.Text)
			switch {
			case t.Tag == "PRP" && participantPronouns[low]:
				emit(i, i+1, "pronoun", -1)
			case !inTimex[i] && numberParticipant(doc, trigger, i, s):
				emit(i, i+1, "number", -1)
			case (low == "where" || low == "there" && t.Tag == "RB") && placeBefore(doc, tokMention, i, s):
				emit(i, i+1, "pronoun", -1)
			case t.Tag == "PRP" && low == "it" && reportedSubject(doc, i, s):
				// "the Indian navy said it arrested 23 pirates": the
				// speaker acts in what it reports.
				emit(i, i+1, "pronoun", -1)
			case t.Tag == "PRP" && low == "her":
				emit(i, i+1, "pronoun", -1)
			case t.Tag == "PRP$" && possessivePronouns[low] && i+1 < s.EndToken && trigger[i+1] && strings.HasPrefix(doc.Tokens[i+1].Tag, "NN"):
				// "her arrest", "his death": the possessor of an event
				// noun takes part in it.
				emit(i, i+1, "pronoun", -1)
			case strings.HasPrefix(t.Tag, "NN"):
				if participantNoun(t) && !participantNext(doc, tokMention, i, s) && !eventNounNext(doc, trigger, i, s) {
					emit(i, i+1, "nominal", -1)
					continue
				}
				if placeNouns[nounLemma(t)] && locativeBefore(doc, i, s) && !(i+1 < s.EndToken && strings.HasPrefix(doc.Tokens[i+1].Tag, "NN")) {
					emit(i, i+1, "nominal", -1)
					continue
				}
				switch role, ok := nominal[i]; {
				case !ok:
				case role == "location" && !trigger[i]: // a gathering ("at the party") is an event, no place mention
					emit(i, i+1, "nominal", -1)
				case t.Tag == "NNP" || t.Tag == "NNPS":
					emit(i, i+1, "nominal", -1)
				case placeNouns[nounLemma(t)]:
					// "entered his hotel room", "robbers cleaned out a
					// jewelry store": a place an event acts on.
					emit(i, i+1, "nominal", -1)
				}
			}
		}
	}
	return out
}

// participantNext reports a person or group noun at token i that is not
// the head of its phrase: a title or modifier before a name ("President
// Obama", "coach Sean Payton") or before another person, group or place
// noun ("police officer", "team owner", "a sheriff's deputy").
func participantNext(doc *Document, tokMention []int, i int, s Sentence) bool {
	if i+1 >= s.EndToken {
		return false
	}
	nx := doc.Tokens[i+1]
	if tokMention[i+1] >= 0 {
		return true
	}
	if (nx.Tag == "POS" || nx.Text == "'" || nx.Text == "’") && i+2 < s.EndToken {
		// "a sheriff's deputy", "the sheriff ’ s deputy": the
		// possessor names the deputy's office, not another participant.
		j := i + 2
		if j < s.EndToken && strings.EqualFold(doc.Tokens[j].Text, "s") {
			j++
		}
		return j < s.EndToken && participantNoun(doc.Tokens[j])
	}
	return nx.Tag == "NNP" && unicode.IsUpper(firstRune(nx.Text)) && !unicode.IsUpper(firstRune(doc.Tokens[i].Text)) ||
		(nx.Tag == "NN" || nx.Tag == "NNS") && (participantNoun(nx) || placeNouns[nounLemma(nx)])
}

// placeQualifier reports a place name starting at token i that only says
// where another place is: "the Kraft plant in Northeast Philadelphia", "a
// district of Palermo". ECB+ marks the whole phrase as one location headed
// by the first place, so the qualifying name is not a participant of its
// own.
func placeQualifier(doc *Document, tokMention []int, i int, typ EntityType, s Sentence) bool {
	if typ != GPE && typ != Loc {
		return false
	}
	typeAt := func(k int) EntityType { return mentionTypeAt(doc, tokMention, k) }
	// Skip the words between the preposition and the name ("in central
	// Paris") and a place name split in two ("in Northeast Philadelphia").
	p := i - 1
	for p > s.FirstToken {
		if tg := doc.Tokens[p].Tag; tokMention[p] < 0 && (tg == "JJ" || tg == "DT" || tg == "NNP") ||
			tokMention[p] >= 0 && (typeAt(p) == GPE || typeAt(p) == Loc) {
			p--
			continue
		}
		break
	}
	if p <= s.FirstToken {
		return false
	}
	if w := strings.ToLower(doc.Tokens[p].Text); w != "in" && w != "of" {
		return false
	}
	switch before := doc.Tokens[p-1]; typeAt(p - 1) {
	case GPE, Loc, Facility:
		return true
	case "":
		l := nounLemma(before)
		return (before.Tag == "NN" || before.Tag == "NNS") && (placeNouns[l] || placeParts[l])
	}
	return false
}

// numberParticipant reports a number standing for the people an event
// counts, its noun left out: "kills 1, injures 2", "1 dead, 2 hurt",
// "Three killed", "killing one", "wounded a third", "two of them". The
// number heads its own phrase (no noun, number or unit follows) and stands
// next to an event trigger, or opens "NUMBER of".
func numberParticipant(doc *Document, trigger map[int]bool, i int, s Sentence) bool {
	t := doc.Tokens[i]
	low := strings.ToLower(t.Text)
	if t.Tag != "CD" && low != "third" && low != "some" {
		return false
	}
	digits, letters := 0, 0
	for _, r := range t.Text {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		default:
			return false // "5.6", "2,000", "9/11"
		}
	}
	if digits > 0 && letters > 0 {
		return false // "4x4", "200ft"
	}
	if i > s.FirstToken {
		switch pv := doc.Tokens[i-1]; {
		case pv.Tag == "CD", strings.ContainsAny(pv.Text, "$€£#-–:/."), pv.Text == "No", strings.EqualFold(pv.Text, "aged"):
			return false
		}
	}
	if i+1 < s.EndToken {
		nx := doc.Tokens[i+1]
		switch {
		case strings.HasPrefix(nx.Tag, "NN"), nx.Tag == "CD", nx.Tag == "JJ" && !trigger[i+1],
			nx.Tag == "POS", strings.ContainsAny(nx.Text, "-–%:/"):
			return false
		case i+2 < s.EndToken && strings.HasPrefix(doc.Tokens[i+2].Tag, "NN") && (nx.Tag == "JJ" || nx.Tag == "VBN" || nx.Tag == "VBD"):
			return false // "four armed robbers"
		case strings.EqualFold(nx.Text, "of"):
			// "two of them", "one of the men": people are counted.
			for k := i + 2; k < s.EndToken && k < i+6; k++ {
				switch tk := doc.Tokens[k]; {
				case tk.Tag == "PRP" || tk.Tag == "WP":
					return true
				case tk.Tag == "DT" || tk.Tag == "JJ" || tk.Tag == "JJS" || tk.Tag == "PRP$" || tk.Tag == "CD":
					continue
				case strings.HasPrefix(tk.Tag, "NN"):
					return participantNoun(tk) && (k+1 >= s.EndToken || !strings.HasPrefix(doc.Tokens[k+1].Tag, "NN"))
				}
				return false
			}
			return false
		case trigger[i+1]:
			return true
		}
	}
	p := i - 1
	if p > s.FirstToken && doc.Tokens[p].Tag == "DT" {
		p--
	}
	return p >= s.FirstToken && trigger[p] && strings.HasPrefix(doc.Tokens[p].Tag, "VB")
}

// reportedSubject reports a pronoun at token i opening the clause of a
// reporting verb ("said it", "claims that it").
func reportedSubject(doc *Document, i int, s Sentence) bool {
	if i+1 < s.EndToken && doc.Tokens[i+1].Lemma == "be" {
		return false // "said it was unlikely": no actor
	}
	p := i - 1
	if p > s.FirstToken && strings.EqualFold(doc.Tokens[p].Text, "that") {
		p--
	}
	if p < s.FirstToken || !strings.HasPrefix(doc.Tokens[p].Tag, "VB") {
		return false
	}
	l := doc.Tokens[p].Lemma
	if l == "" {
		l = strings.ToLower(doc.Tokens[p].Text)
	}
	return reportingVerbs[l]
}

// placeBefore reports "where" or "there" at token i standing for a place:
// "where" right after a place ("the building where he worked", "Malibu,
// where she will stay"), "there" after a verb ("remain there").
func placeBefore(doc *Document, tokMention []int, i int, s Sentence) bool {
	p := i - 1
	if p < s.FirstToken {
		return false
	}
	if strings.EqualFold(doc.Tokens[i].Text, "there") {
		return strings.HasPrefix(doc.Tokens[p].Tag, "VB")
	}
	if doc.Tokens[p].Text == "," && p > s.FirstToken {
		p--
	}
	switch mentionTypeAt(doc, tokMention, p) {
	case GPE, Loc, Facility:
		return true
	}
	t := doc.Tokens[p]
	return (t.Tag == "NN" || t.Tag == "NNS") && placeNouns[nounLemma(t)]
}

// mentionTypeAt is the entity type of the mention at token k, or "".
func mentionTypeAt(doc *Document, tokMention []int, k int) EntityType {
	if mi := tokMention[k]; mi >= 0 {
		if e := doc.Mentions[mi].Entity; e >= 0 && e < len(doc.Entities) {
			return doc.Entities[e].Type
		}
	}
	return ""
}

// officeOf reports a name ending before token j that names the office of
// the person named after a title: "Alaska Gov. Sarah Palin", "San Diego
// Chargers wide receiver Vincent Jackson", "Philadelphia 76ers President
// and General Manager Ed Stefanski". The person heads the phrase.
func officeOf(doc *Document, tokMention []int, j int, s Sentence) bool {
	k := j
	for k < s.EndToken && k < j+5 && tokMention[k] < 0 {
		switch doc.Tokens[k].Tag {
		case "NNP", "NN", "NNS", "JJ", "CC":
			k++
			continue
		}
		break
	}
	if k == j || k >= s.EndToken {
		return false
	}
	t := doc.Tokens[k-1]
	return (participantNoun(t) || t.Tag == "NNP" && strings.HasSuffix(t.Text, ".")) && mentionTypeAt(doc, tokMention, k) == Person
}

// locativeBefore reports a locative preposition opening the noun phrase
// that ends at token h ("in the store", "into a rehab facility").
func locativeBefore(doc *Document, h int, s Sentence) bool {
	for p := h - 1; p >= s.FirstToken && p >= h-5; p-- {
		switch strings.ToLower(doc.Tokens[p].Text) {
		case "at", "in", "near", "outside", "inside", "into", "from", "to", "on", "off", "across", "through":
			return true
		}
		if !npTag(doc.Tokens[p].Tag) {
			return false
		}
	}
	return false
}

// nounModified tells whether the name ending before token j modifies a
// noun: a common noun follows it ("Paris jewellery store"), or it is a
// place's possessive ("Iran's coast"; "'s" yields h = -1 for persons and
// organizations, whose possessive is a participant of its own). h is the
// head of the modified phrase when it is a person, group or place noun,
// else -1.
func nounModified(doc *Document, j int, s Sentence) (int, bool) {
	if j >= s.EndToken {
		return -1, false
	}
	t := doc.Tokens[j]
	if t.Tag == "POS" {
		return -1, true
	}
	if t.Tag != "NN" && t.Tag != "NNS" && !(t.Tag == "NNP" && (participantNoun(t) || placeNouns[nounLemma(t)])) {
		return -1, false
	}
	h := j
	for h+1 < s.EndToken && (doc.Tokens[h+1].Tag == "NN" || doc.Tokens[h+1].Tag == "NNS" || doc.Tokens[h+1].Tag == "HYPH") {
		h++
	}
	if participantNoun(doc.Tokens[h]) || placeNouns[nounLemma(doc.Tokens[h])] {
		return h, true
	}
	return -1, true
}

// participantNoun reports a common noun (or a capitalized one in a
// headline) that denotes a person or a group.
func participantNoun(t Token) bool {
	l, w := nounLemma(t), strings.ToLower(t.Text)
	return personNouns[l] || groupNouns[l] || personNouns[w] || groupNouns[w]
}

func nounLemma(t Token) string {
	l := t.Lemma
	if l == "" || t.Tag == "NNP" || t.Tag == "NNPS" {
		l = Lemma(t.Text, "NNS")
	}
	return l
}

// tokenAtOffset is the index of the token starting at byte off, or -1.
func tokenAtOffset(toks []Token, off int) int {
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= off })
	if i < len(toks) && toks[i].Start == off {
		return i
	}
	return -1
}

// eventNounNext reports an event noun right after token i ("a police
// raid", "the police shooting"): ECB+ files the modifier with the event,
// not as a participant mention of its own.
func eventNounNext(doc *Document, trigger map[int]bool, i int, s Sentence) bool {
	n := i + 1
	if n >= s.EndToken || !trigger[n] || !strings.HasPrefix(doc.Tokens[n].Tag, "NN") {
		return false
	}
	// Only a noun that cannot be a verb the tagger misread ("Sacked
	// worker shoots", "A Michigan man shot"): a gerund or a derived noun,
	// or one with an of complement.
	w := strings.ToLower(doc.Tokens[n].Text)
	if strings.HasSuffix(w, "ing") || n+1 < s.EndToken && strings.ToLower(doc.Tokens[n+1].Text) == "of" {
		return true
	}
	for _, suf := range eventNounSuffixes {
		if strings.HasSuffix(w, suf) || strings.HasSuffix(w, suf+"s") {
			return true
		}
	}
	return false
}
