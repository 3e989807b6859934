package extract

import (
	"sort"
	"strings"
)

// timeCtx is what time assignment knows about clauses and timexes.
type timeCtx struct {
	// clause is the clause of every token: 0 for the main clause of its
	// sentence, a positive id (unique in the document) for each
	// subordinate, adverbial, relative or complement clause.
	clause []int
	// txTok is the first token of every timex, or -1.
	txTok []int
	// attachedTo lists, per timex, the events it is syntactically
	// attached to.
	attachedTo [][]int
	// reportedBy is, per event, the reporting event of its sentence that
	// reports it, or -1.
	reportedBy []int
}

// assignTimes dates every event: first the timexes syntactically attached
// to triggers, then inheritance within the clause or, for headline
// events, from the matching body event (see "Time" in event.go).
func (x *evCtx) assignTimes() {
	d := x.doc
	x.clauses()
	tc := &x.tc
	tc.txTok = make([]int, len(d.Timexes))
	tc.attachedTo = make([][]int, len(d.Timexes))
	tc.reportedBy = make([]int, len(d.Events))
	for k := range tc.reportedBy {
		tc.reportedBy[k] = -1
	}
	for r, ev := range d.Events {
		for _, e := range ev.Reports {
			if e >= 0 && e < len(tc.reportedBy) && tc.reportedBy[e] < 0 {
				tc.reportedBy[e] = r
			}
		}
	}
	for ti, tx := range d.Timexes {
		tc.txTok[ti] = -1
		a := sort.Search(len(x.toks), func(k int) bool { return x.toks[k].End > tx.Start })
		if a >= len(x.toks) || x.toks[a].Start >= tx.End {
			continue
		}
		tc.txTok[ti] = a
		if tx.Type != "DATE" && tx.Type != "TIME" {
			continue
		}
		b := a
		for b < len(x.toks) && x.toks[b].Start < tx.End {
			b++
		}
		s := d.Sentences[x.toks[a].Sentence]
		ks := x.attached(a, b, s)
		tc.attachedTo[ti] = ks
		for _, k := range ks {
			if d.Events[k].Timex < 0 {
				d.Events[k].Timex = ti
				d.Events[k].TimeInherited = false
			}
		}
	}
	for k := range d.Events {
		ev := &d.Events[k]
		if ev.Timex >= 0 {
			continue
		}
		ev.TimeInherited = true
		ev.Timex = x.inherited(k)
		if ev.Timex < 0 {
			ev.Timex = x.storyTime(k)
		}
	}
	x.headlineTimes()
}

// storyTime is the date a narrative text had reached at event k's
// trigger (the timex whose RefUntil span holds it, see timex.Timex):
// events of a history, or of a news story's background paragraph, that
// nothing in their sentence dates happened in the story's own time, not
// on the day of writing. It is -1 when no such date holds the trigger,
// when the event's sentence has a date of its own (which inherited and
// mayInherit have weighed), and outside body sentences.
func (x *evCtx) storyTime(k int) int {
	d := x.doc
	ev := &d.Events[k]
	sent := d.Sentences[ev.Sentence]
	if sent.Kind != KindBody {
		return -1
	}
	at := -1
	for ti, tx := range d.Timexes {
		if tx.Start >= sent.End {
			break
		}
		if tx.Start >= sent.Start && dateTimex(tx.Type, tx.Value) {
			return -1
		}
		if tx.RefUntil > ev.Trigger.Start && tx.End <= ev.Trigger.Start && dateTimex(tx.Type, tx.Value) {
			at = ti
		}
	}
	return at
}

// dateTimex reports timexes an event can inherit: dates and times with a
// value that is not just a reference to the present.
func dateTimex(t string, v string) bool {
	return (t == "DATE" || t == "TIME") && v != "" && !strings.HasSuffix(v, "_REF")
}

// inherited is the time event k inherits: the nearest date timex before
// it in its sentence that it may inherit (see mayInherit), else the first
// one after it; -1 when none. Events do not inherit across sentences: on
// news text the previous sentence's date is as often another event's
// ("… by 2007." She said …; "will be outlined on Monday." Mothers are
// entitled …) as theirs, and an undated event is better than a wrongly
// dated one. Where the text is narrative, storyTime dates an event whose
// sentence has no date by the story's time instead.
func (x *evCtx) inherited(k int) int {
	d := x.doc
	ev := &d.Events[k]
	sent := d.Sentences[ev.Sentence]
	same, after := -1, -1
	for ti, tx := range d.Timexes {
		if tx.Start >= sent.End {
			break
		}
		if tx.Start < sent.Start || !dateTimex(tx.Type, tx.Value) || !x.mayInherit(k, ti) {
			continue
		}
		if tx.End <= ev.Trigger.Start {
			same = ti
		} else if after < 0 && tx.Start >= ev.Trigger.End {
			after = ti
		}
	}
	if same >= 0 {
		return same
	}
	return after
}

// mayInherit reports whether event k may take timex ti of its sentence:
//   - both are in the same clause (an event in an after/when/because/…
//     clause, a relative clause or a that-clause does not take the main
//     clause's time, nor the other way round);
//   - an event reported by a reporting verb does not take the time of the
//     report, nor one on the other side of the reporting verb;
//   - a timex attached to other events' triggers is taken only by events
//     coordinated with them ("met Y on Monday and urged him", "…, urging
//     him"), or, when it opens the sentence ("On Monday, …"), by the events
//     of the main clause; never by infinitives ("to de-escalate") and
//     their objects.
func (x *evCtx) mayInherit(k, ti int) bool {
	tc := &x.tc
	tt := tc.txTok[ti]
	if tt < 0 {
		return false
	}
	h := x.info[k].head
	if tc.clause[h] != tc.clause[tt] {
		return false
	}
	att := tc.attachedTo[ti]
	if r := tc.reportedBy[k]; r >= 0 {
		if hasInt(att, r) {
			return false
		}
		rh := x.info[r].head
		if (tt < rh) != (h < rh) {
			return false
		}
	}
	others := false
	for _, a := range att {
		if a != k {
			others = true
		}
	}
	if !others {
		return true
	}
	if x.infinitival(k) {
		return false
	}
	s := x.doc.Sentences[x.doc.Events[k].Sentence]
	if x.opensSentence(tt, s) {
		return true
	}
	for _, a := range att {
		if a != k && x.coordinated(k, a, s) {
			return true
		}
	}
	return false
}

// verbOf is the verb token that carries event k: its own verb, the light
// verb of an event noun, or the verb whose object the noun is; -1 when
// none.
func (x *evCtx) verbOf(k int, s Sentence) int {
	if x.info[k].verbal {
		return x.info[k].head
	}
	if l := x.info[k].light; l >= 0 {
		return l
	}
	v := x.governingVerb(x.firstTok(k), s)
	if v >= 0 && prepositionalVerb[x.low(v)] {
		return -1 // "following the shooting down"
	}
	return v
}

// infinitival reports an event that is a to-infinitive ("to de-escalate")
// or the object of one ("to ease the tensions").
func (x *evCtx) infinitival(k int) bool {
	s := x.doc.Sentences[x.doc.Events[k].Sentence]
	v := x.verbOf(k, s)
	return v >= 0 && x.isVerb(v) && x.infinitive(v, s)
}

// coordinated reports whether event k, after event a in their sentence,
// is coordinated with it: its verb is a's verb, or has no subject of its
// own (a participle or a second verb sharing a's subject).
func (x *evCtx) coordinated(k, a int, s Sentence) bool {
	va, vk := x.verbOf(a, s), x.verbOf(k, s)
	if vk < 0 || va < 0 {
		return false
	}
	if vk == va {
		return true
	}
	if vk < va || !x.isVerb(vk) || !x.isVerb(va) {
		return false
	}
	if _, own := x.subject(vk, s); own {
		return false
	}
	// The verb vk shares its subject with is va, not a verb between them
	// with a subject of its own.
	for j := va + 1; j < vk; j++ {
		if x.isVerb(j) && !x.isAux(j) && x.evAt[j] >= 0 && x.info[x.evAt[j]].verbal {
			if _, own := x.subject(j, s); own {
				return false
			}
		}
	}
	return true
}

// opensSentence reports a timex at token a that opens its sentence, after
// at most prepositions, determiners, adverbs and punctuation ("On
// November 24, …").
func (x *evCtx) opensSentence(a int, s Sentence) bool {
	for j := s.FirstToken; j < a; j++ {
		t := x.tag(j)
		if !(t == "IN" || t == "DT" || t == "," || t == "RB" || t == ":" || t == "``") {
			return false
		}
	}
	return true
}

// clauses fills tc.clause: every token of a headline, body or caption
// sentence gets 0 (main clause) or the id of the subordinate clause it is
// in. A clause opens at a subordinating conjunction followed by a clause
// ("after it downed", "after parachuting", "because the army had…"), a
// relative pronoun or adverb (who, which, where), or a complementizer
// "that". A clause that opens the sentence ends at its first comma; one
// right after a comma ends at the next comma; any other runs to a
// semicolon, a quotation mark or the end of the sentence.
func (x *evCtx) clauses() {
	d := x.doc
	x.tc.clause = make([]int, len(x.toks))
	next := 1
	for _, s := range d.Sentences {
		switch s.Kind {
		case KindByline, KindBoilerplate:
			continue
		}
		cur, endAtComma := 0, false
		for j := s.FirstToken; j < s.EndToken; j++ {
			w := x.low(j)
			switch {
			case w == ";" || w == "\"" || w == "“" || w == "”" || w == "''" || w == "``":
				cur, endAtComma = 0, false
			case w == "," && endAtComma:
				cur, endAtComma = 0, false
			case x.clauseOpener(j, s):
				cur = next
				next++
				endAtComma = x.opensSentence(j, s) || (j > s.FirstToken && x.low(j-1) == ",")
			}
			x.tc.clause[j] = cur
		}
	}
}

// clauseOpeners are the subordinating conjunctions that open adverbial
// clauses.
var clauseOpeners = buildSet("after before since until till when whenever while whereas although though because " +
	"as once if unless")

// clauseOpener reports a token that opens a subordinate clause.
func (x *evCtx) clauseOpener(j int, s Sentence) bool {
	w, t := x.low(j), x.tag(j)
	switch {
	case (t == "WDT" || t == "WP" || t == "WP$") && (w == "which" || w == "who" || w == "whom" || w == "whose" || w == "that"):
		return true
	case t == "WRB" && (w == "where" || w == "when" || w == "whenever"):
		return true
	case t == "IN" && w == "that":
		return true
	case (t == "IN" || t == "WRB") && clauseOpeners[w]:
		// Only when a clause follows: a subject and a finite verb, or a
		// participle right after ("after parachuting"); "since the end
		// of the Cold War" is a preposition.
		for k := j + 1; k < s.EndToken && k <= j+12; k++ {
			tk := x.tag(k)
			if x.isVerb(k) || tk == "MD" {
				return finiteTag(tk) || tk == "MD" || (k == j+1 && (tk == "VBG" || tk == "VBN"))
			}
			if !(npTag(tk) || tk == "PRP" || tk == "RB" || x.tokMention[k] >= 0 || x.low(k) == "of") {
				return false
			}
		}
	}
	return false
}

// headlineTimes dates a headline event that has no time of its own by the
// body (or caption) events it summarizes: same class and the headline
// event's participants among theirs (roles kept, except for the
// symmetric meet and consult classes). When those events carry more than
// one date, the headline event stays undated.
func (x *evCtx) headlineTimes() {
	d := x.doc
	for k := range d.Events {
		ev := &d.Events[k]
		if d.Sentences[ev.Sentence].Kind != KindHeadline || (ev.Timex >= 0 && !ev.TimeInherited) {
			continue
		}
		if len(ev.Agents)+len(ev.Patients) == 0 {
			continue
		}
		best, value := -1, ""
		for b := range d.Events {
			be := &d.Events[b]
			switch d.Sentences[be.Sentence].Kind {
			case KindBody, KindCaption:
			default:
				continue
			}
			if be.Class != ev.Class || be.Timex < 0 || !sameParticipants(ev, be) {
				continue
			}
			tx := d.Timexes[be.Timex]
			if !dateTimex(tx.Type, tx.Value) {
				continue
			}
			v := tx.Value + "|" + tx.Range
			switch {
			case best < 0:
				best, value = be.Timex, v
			case v != value:
				best = -2
			}
			if best == -2 {
				break
			}
		}
		if best >= 0 {
			ev.Timex, ev.TimeInherited = best, true
		}
	}
}

// sameParticipants reports whether every agent and patient of h is one of
// b's, in the same role unless the class is symmetric.
func sameParticipants(h, b *Event) bool {
	has := func(args []Arg, e int) bool {
		for _, a := range args {
			if a.Entity == e {
				return true
			}
		}
		return false
	}
	sym := h.Class == ClassMeet || h.Class == ClassConsult
	for _, a := range h.Agents {
		if !has(b.Agents, a.Entity) && !(sym && has(b.Patients, a.Entity)) {
			return false
		}
	}
	for _, a := range h.Patients {
		if !has(b.Patients, a.Entity) && !(sym && has(b.Agents, a.Entity)) {
			return false
		}
	}
	return true
}

// attached lists the events that the timex over tokens [a, b) of sentence s
// is syntactically attached to.
func (x *evCtx) attached(a, b int, s Sentence) []int {
	// A sentence-opening "On November 24," governs the main verb.
	if x.opensSentence(a, s) {
		for j := b; j < s.EndToken; j++ {
			if x.isVerb(j) && !x.isAux(j) {
				if out := x.verbTargets(j, b, s); len(out) > 0 {
					return out
				}
			}
		}
		return nil
	}
	// "on/in/since X" (or a bare "Monday") after the verb of its clause.
	for j := a - 1; j >= s.FirstToken; j-- {
		w := x.low(j)
		t := x.tag(j)
		if w == ";" || w == "\"" || w == "“" || w == "”" {
			break
		}
		if (t == "IN" || t == "WDT") && subordinators[w] && j != a-1 {
			break
		}
		if x.isVerb(j) && !x.isAux(j) {
			if x.modifierParticiple(j, s) {
				continue // "the escalating tension"
			}
			if x.infinitive(j, s) {
				// A purpose clause: "held a meeting to discuss X on
				// Monday" dates the meeting and the discussion.
				return x.purposeTargets(j, s)
			}
			if out := x.verbTargets(j, a, s); len(out) > 0 {
				return out
			}
			break
		}
	}
	// Right after an event noun's phrase: "the end of the Cold War in
	// 1991".
	for j := a - 1; j >= s.FirstToken && j >= a-7; j-- {
		if x.isVerb(j) && (x.evAt[j] < 0 || x.info[x.evAt[j]].verbal) {
			break
		}
		if k := x.evAt[j]; k >= 0 && !x.info[k].verbal {
			return []int{k}
		}
	}
	// Just before an event noun: "the November 24 attack", "Monday's
	// meeting".
	for j := b; j < s.EndToken && j < b+3; j++ {
		if k := x.evAt[j]; k >= 0 && !x.info[k].verbal {
			return []int{k}
		}
		t := x.tag(j)
		if !(t == "POS" || strings.HasPrefix(t, "JJ") || t == "NN" || t == "HYPH") {
			break
		}
	}
	return nil
}

// verbTargets lists the events governed by verb token v: its own event and
// the event nouns of its object (a light verb's "meeting"), looking no
// further than token limit.
func (x *evCtx) verbTargets(v, limit int, s Sentence) []int {
	var out []int
	if k := x.evAt[v]; k >= 0 {
		out = append(out, k)
	}
	hi := limit
	if hi < v {
		hi = s.EndToken
	}
	for j := v + 1; j < hi && j < s.EndToken; j++ {
		k := x.evAt[j]
		if k < 0 || x.info[k].verbal {
			continue
		}
		if x.info[k].light == v || x.governingVerb(x.firstTok(k), s) == v {
			if len(out) == 0 || out[len(out)-1] != k {
				out = append(out, k)
			}
		}
	}
	return out
}

func hasInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// modifierParticiple reports a participle used as an adjective inside a
// noun phrase ("the escalating tension", "a closed-door meeting").
func (x *evCtx) modifierParticiple(j int, s Sentence) bool {
	t := x.tag(j)
	if !(t == "VBG" || t == "VBN") || j == s.FirstToken || j+1 >= s.EndToken {
		return false
	}
	switch x.tag(j - 1) {
	case "DT", "PRP$", "POS", "JJ", "CD":
	default:
		return false
	}
	return strings.HasPrefix(x.tag(j+1), "NN") || x.tag(j+1) == "HYPH"
}

// purposeTargets lists the events a timex after the to-infinitive at token
// v dates: the infinitive's own event and the event right before "to"
// that the infinitive is the purpose of ("a meeting to discuss").
func (x *evCtx) purposeTargets(v int, s Sentence) []int {
	var out []int
	j := v - 1
	for j >= s.FirstToken && x.tag(j) == "RB" {
		j--
	}
	if j-1 >= s.FirstToken {
		if k := x.evAt[j-1]; k >= 0 {
			out = append(out, k)
		}
	}
	if k := x.evAt[v]; k >= 0 {
		out = append(out, k)
	}
	return out
}
