package extract

import (
	"sort"
	"strings"
)

// assignTimes dates every event: first the timexes syntactically attached
// to triggers, then inheritance from the sentence, the paragraph, or the
// article (see "Time" in event.go).
func (x *evCtx) assignTimes() {
	d := x.doc
	for ti, tx := range d.Timexes {
		if tx.Type != "DATE" && tx.Type != "TIME" {
			continue
		}
		a := sort.Search(len(x.toks), func(k int) bool { return x.toks[k].End > tx.Start })
		if a >= len(x.toks) || x.toks[a].Start >= tx.End {
			continue
		}
		b := a
		for b < len(x.toks) && x.toks[b].Start < tx.End {
			b++
		}
		s := d.Sentences[x.toks[a].Sentence]
		for _, k := range x.attached(a, b, s) {
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
		ev.Timex = x.inherited(ev)
	}
}

// dateTimex reports timexes an event can inherit: dates and times with a
// value that is not just a reference to the present.
func dateTimex(t string, v string) bool {
	return (t == "DATE" || t == "TIME") && v != "" && !strings.HasSuffix(v, "_REF")
}

// inherited is the nearest date timex before ev in its sentence, else the
// first one after it in its sentence, else the nearest before it in its
// paragraph (not across captions), else -1.
func (x *evCtx) inherited(ev *Event) int {
	d := x.doc
	sent := d.Sentences[ev.Sentence]
	para, same, after := -1, -1, -1
	for ti, tx := range d.Timexes {
		if tx.Start >= sent.End {
			break
		}
		if !dateTimex(tx.Type, tx.Value) {
			continue
		}
		if tx.Start >= sent.Start {
			if tx.End <= ev.Trigger.Start {
				same = ti
			} else if after < 0 && tx.Start >= ev.Trigger.End {
				after = ti
			}
			continue
		}
		if sent.Kind == KindCaption {
			continue
		}
		a := sort.Search(len(d.Sentences), func(k int) bool { return d.Sentences[k].End > tx.Start })
		if a < len(d.Sentences) && d.Sentences[a].Paragraph == sent.Paragraph && d.Sentences[a].Kind == sent.Kind {
			para = ti
		}
	}
	switch {
	case same >= 0:
		return same
	case after >= 0:
		return after
	}
	return para
}

// attached lists the events that the timex over tokens [a, b) of sentence s
// is syntactically attached to.
func (x *evCtx) attached(a, b int, s Sentence) []int {
	// A sentence-opening "On November 24," governs the main verb.
	opening := true
	for j := s.FirstToken; j < a; j++ {
		t := x.tag(j)
		if !(t == "IN" || t == "DT" || t == "," || t == "RB" || t == ":" || t == "``") {
			opening = false
			break
		}
	}
	if opening {
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
