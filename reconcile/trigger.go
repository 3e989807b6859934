package reconcile

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// conceptGroups lists triggers that name one kind of happening: a verb and
// its nominalisations that stemming does not join, and close synonyms.
// Words are compared by their Snowball stem, so "arrested", "arrests" and
// "arrest" need no entry; an entry is for what stems apart ("acquire" and
// "acquisition", "quake" and "earthquake", "quit" and "resign").
var conceptGroups = [][]string{
	{"acquire", "acquisition", "buy", "purchase", "takeover", "take over", "buyout"},
	{"quit", "resign", "resignation", "step down", "stand down"},
	// A death and the killing that caused it are one happening when
	// the victim agrees (the one who dies is the patient of both).
	{"kill", "slay", "slaying", "murder", "killing", "die", "death", "dead"},
	{"earthquake", "quake", "tremor"},
	{"arrest", "detain", "detention", "apprehend", "capture", "custody", "nab"},
	{"charge", "indict", "indictment"},
	{"convict", "conviction", "find guilty"},
	{"sentence", "jail", "imprison", "imprisonment"},
	{"explode", "explosion", "blast", "bomb", "bombing", "detonate"},
	{"shoot down", "down", "downing"},
	{"shoot", "shooting", "gunfire", "open fire", "gun down", "gun"},
	{"injure", "injury", "wound", "hurt"},
	{"crash", "collide", "collision"},
	{"meet", "meeting"},
	{"talk", "talks", "discuss", "discussion", "negotiate", "negotiation"},
	{"appoint", "appointment", "name", "hire", "nominate", "nomination"},
	{"fire", "sack", "dismiss", "dismissal", "oust", "ouster"},
	{"launch", "unveil", "introduce", "introduction", "release", "issue"},
	{"win", "victory", "beat", "defeat"},
	{"attack", "assault", "strike", "airstrike", "raid", "hit"},
	{"rescue", "save", "evacuate", "evacuation"},
	{"sign", "signing", "agree", "agreement", "deal", "accord"},
	{"protest", "demonstrate", "demonstration", "rally"},
	{"elect", "election", "vote"},
	{"invade", "invasion"},
	{"flood", "flooding"},
	{"fire", "blaze"},
	{"check in", "check into", "check", "enter", "admit", "hospitalize"},
	{"find", "discover", "uncover"},
	{"fix", "repair", "patch", "plug"},
	{"foil", "thwart"},
	{"damage", "destroy", "devastate", "wreck"},
	{"cut", "sever"},
	{"escape", "flee", "breakout", "break out"},
	// Nominalisations whose stems part.
	{"decide", "decision"},
	{"marry", "marriage", "wed", "wedding"},
	{"arrive", "arrival"},
	{"propose", "proposal"},
	{"approve", "approval"},
	{"refuse", "refusal"},
	{"deny", "denial"},
	{"fail", "failure"},
	{"bury", "burial", "funeral"},
	{"rob", "robbery", "steal", "theft", "heist", "burglary"},
	{"kidnap", "abduct", "abduction"},
	{"leave", "departure", "depart", "exit"},
	{"sue", "lawsuit", "suit"},
	// Reporting: one speaker's "told", "confirmed" and "said" of one
	// thing are one statement (statements also need the same speaker
	// and what they report in one cluster).
	{"say", "tell", "confirm", "state", "statement", "report", "according to", "announce", "announcement", "add", "comment"},
}

// Triggers compares triggers. Build it once with NewTriggers; its table
// is read-only afterwards, and it is safe for concurrent use.
type Triggers struct {
	concepts map[string][]int // stem key -> concept group numbers
	keys     sync.Map         // lemma -> keyOf(lemma): stemming is the hot path
}

// NewTriggers compiles the concept table.
func NewTriggers() *Triggers {
	t := &Triggers{concepts: map[string][]int{}}
	for i, g := range conceptGroups {
		for _, w := range g {
			k := StemKey(w)
			t.concepts[k] = append(t.concepts[k], i)
		}
	}
	return t
}

// StemKey is a trigger lemma reduced to the Snowball stems of its words:
// "resigned", "resigns", "resignation" all give "resign"; "shot down"
// gives "shot down".
func StemKey(lemma string) string {
	words := strings.Fields(strings.ToLower(lemma))
	for i, w := range words {
		words[i] = english.Stem(strings.Trim(w, ".,;:'\"“”‘’()"), false)
	}
	return strings.Join(words, " ")
}

// particles end phrasal verbs, whose last word is no head ("shoot down",
// "step down", "take over").
var particles = map[string]bool{"down": true, "up": true, "out": true, "off": true, "over": true,
	"back": true, "in": true, "away": true, "on": true, "into": true, "for": true, "with": true,
	"to": true, "from": true, "at": true, "about": true, "of": true, "against": true}

// keyOf is the key a trigger is compared by: its stem key, or for a noun
// phrase with modifiers ("emergency meeting", "deadly earthquake") the stem
// of its head word unless the whole phrase is in the table.
func (t *Triggers) keyOf(lemma string) string {
	if k, ok := t.keys.Load(lemma); ok {
		return k.(string)
	}
	k := t.headKey(lemma)
	t.keys.Store(lemma, k)
	return k
}

func (t *Triggers) headKey(lemma string) string {
	k := StemKey(lemma)
	if _, ok := t.concepts[k]; ok {
		return k
	}
	words := strings.Fields(k)
	if len(words) > 1 && !particles[words[len(words)-1]] {
		return words[len(words)-1]
	}
	return k
}

// Concepts returns the blocking keys of a trigger: its key and the concept
// groups it belongs to, the group last.
func (t *Triggers) Concepts(lemma string) []string {
	k := t.keyOf(lemma)
	if k == "" {
		return nil
	}
	keys := []string{"s:" + k}
	for _, g := range t.concepts[k] {
		keys = append(keys, "c:"+conceptGroups[g][0])
	}
	return keys
}

// Relation says how two triggers relate: "same" (one stem: arrest and
// arrested), "related" (one concept group: quake and earthquake, buy and
// acquire) or "" (unrelated).
func (t *Triggers) Relation(a, b string) string {
	ka, kb := t.keyOf(a), t.keyOf(b)
	if ka == "" || kb == "" {
		return ""
	}
	if ka == kb {
		return "same"
	}
	for _, ga := range t.concepts[ka] {
		for _, gb := range t.concepts[kb] {
			if ga == gb {
				return "related"
			}
		}
	}
	return ""
}

// relationOf is the closest relation between any trigger of a and any of
// b, with the two triggers that give it.
func (t *Triggers) relationOf(a, b []string) (rel, la, lb string) {
	for _, x := range a {
		for _, y := range b {
			switch t.Relation(x, y) {
			case "same":
				return "same", x, y
			case "related":
				if rel == "" {
					rel, la, lb = "related", x, y
				}
			}
		}
	}
	return rel, la, lb
}

// conceptsOf is the union of the blocking keys of several triggers.
func (t *Triggers) conceptsOf(lemmas []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lemmas {
		for _, k := range t.Concepts(l) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}
