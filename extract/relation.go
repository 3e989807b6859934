package extract

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// The relation stage reads facts between entities from the mentions the
// entity stage found, using the text between consecutive mentions and a
// few trigger words:
//
//   - role: a mention with a Role ("Russian President Vladimir Putin") gives
//     role(Putin, Value "President", Object Russia) when a GPE or ORG
//     mention stands right before the title, else Object -1;
//   - member_of: "NATO member Turkey", "Turkey, a member of NATO";
//   - located_in: "Le Bourget, on the outskirts of Paris", "Aleppo, Syria",
//     "X in Y" between a place and a larger one;
//   - supports: a support verb (back, support, arm, fund) with the entity
//     mentions before it in its clause as subjects; the object is the
//     entity mention right after it, or when there is none (generic
//     groups: "militants", "rebels") Object -1 and Value the head noun.
//     Generic groups are not made entities: their key would merge
//     unrelated groups across articles. "US-backed forces" is read the
//     same way;
//   - attributed_to: a quote or claim to its speaker. Subject is the
//     speaker entity, Object -1, Value the quoted text (or the claim after
//     the speech verb), Evidence the quote.
type relationStage struct{}

func newRelationStage() (Stage, error) { return relationStage{}, nil }

func (relationStage) Name() string { return "relation" }

var (
	memberBeforeRE = regexp.MustCompile(`^\s*(?:member|member state|member country|member nation|ally)\s*$`)
	memberAfterRE  = regexp.MustCompile(`^\s*,?\s*(?:(?:is|was|are|were|became|remains)\s+)?(?:a|an|the)?\s*(?:founding\s+|fellow\s+|full\s+|key\s+)?member(?:\s+state|\s+country|\s+nation)?\s+of\s+(?:the\s+)?$|^\s+(?:joined|has joined)\s+(?:the\s+)?$`)
	locatedRE      = regexp.MustCompile(`^\s*,?\s*(?:(?:on the outskirts of|just outside|outside|near|in|inside|a suburb of|a (?:city|town|village|district|region|province|neighbou?rhood) (?:in|of)|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|the capital of)\s+)(?:the\s+)?(?:[A-Za-z]+\s+)?(?:capital\s+(?:city\s+)?)?(?:of\s+)?$`)
	supportLemmas  = wordSet(`back support arm fund finance sponsor bankroll equip`)
	negWords       = wordSet(`not n't never no`)
)

// Run fills doc.Relations.
func (relationStage) Run(ctx context.Context, doc *Document) error {
	doc.Relations = doc.Relations[:0]
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("relation stage: %w", err)
	}
	r := relRun{doc: doc, seen: map[string]bool{}}
	ms := doc.Mentions
	for i := range ms {
		r.role(i)
		if i+1 < len(ms) && ms[i+1].Sentence == ms[i].Sentence {
			r.pair(i, i+1)
		}
	}
	for si := range doc.Sentences {
		k := doc.Sentences[si].Kind
		if k == KindByline || k == KindBoilerplate {
			continue
		}
		r.supports(si)
		r.attribution(si)
	}
	return nil
}

type relRun struct {
	doc  *Document
	seen map[string]bool
}

func (r *relRun) add(rel Relation) {
	if rel.Subject < 0 || (rel.Object >= 0 && rel.Object == rel.Subject) {
		return
	}
	k := fmt.Sprintf("%s|%d|%d|%s|%d", rel.Type, rel.Subject, rel.Object, rel.Value, rel.Evidence.Start)
	if r.seen[k] {
		return
	}
	r.seen[k] = true
	r.doc.Relations = append(r.doc.Relations, rel)
}

func (r *relRun) typ(m Mention) EntityType { return r.doc.Entities[m.Entity].Type }

// role turns a mention's Role into a relation, with the GPE or ORG named
// right before the title as the object.
func (r *relRun) role(i int) {
	m := r.doc.Mentions[i]
	if m.Role == "" {
		return
	}
	rel := Relation{Type: "role", Subject: m.Entity, Object: -1, Value: m.Role, Evidence: m.Span, Sentence: m.Sentence}
	if i > 0 {
		p := r.doc.Mentions[i-1]
		gap := r.doc.Text[p.End:m.Start]
		if p.Sentence == m.Sentence && (r.typ(p) == GPE || r.typ(p) == Org) &&
			strings.EqualFold(strings.TrimSpace(gap), m.Role) {
			rel.Object = p.Entity
			rel.Evidence.Start = p.Start
		}
	}
	r.add(rel)
}

// pair reads member_of and located_in from two consecutive mentions of
// one sentence.
func (r *relRun) pair(i, j int) {
	a, b := r.doc.Mentions[i], r.doc.Mentions[j]
	if a.Entity == b.Entity || a.Kind == "demonym" || b.Kind == "demonym" {
		return
	}
	gap := r.doc.Text[a.End:b.Start]
	if len(gap) > 60 {
		return
	}
	ev := Span{a.Start, b.End}
	ta, tb := r.typ(a), r.typ(b)
	switch {
	case ta == Org && (tb == GPE || tb == Org) && memberBeforeRE.MatchString(gap):
		r.add(Relation{Type: "member_of", Subject: b.Entity, Object: a.Entity, Evidence: ev, Sentence: a.Sentence})
	case tb == Org && (ta == GPE || ta == Org) && memberAfterRE.MatchString(gap):
		r.add(Relation{Type: "member_of", Subject: a.Entity, Object: b.Entity, Evidence: ev, Sentence: a.Sentence})
	case (ta == GPE || ta == Loc || ta == Facility) && (tb == GPE || tb == Loc) && a.Kind != "capital" && b.Kind != "capital":
		if locatedRE.MatchString(gap) || (strings.TrimSpace(gap) == "," && r.isCountry(b.Entity) && !r.isCountry(a.Entity)) {
			r.add(Relation{Type: "located_in", Subject: a.Entity, Object: b.Entity, Evidence: ev, Sentence: a.Sentence})
		}
	}
}

func (r *relRun) isCountry(e int) bool {
	k := r.doc.Entities[e].Key
	return len(k) == 6 && strings.HasPrefix(k, "gpe:")
}

// mentionsIn returns the indexes of the mentions inside sentence si.
func (r *relRun) mentionsIn(si int) []int {
	var out []int
	for i, m := range r.doc.Mentions {
		if m.Sentence == si {
			out = append(out, i)
		}
	}
	return out
}

// supports reads "X (and Y) back/support/arm Z" and "X-backed Z".
func (r *relRun) supports(si int) {
	d := r.doc
	s := d.Sentences[si]
	ms := r.mentionsIn(si)
	for k := s.FirstToken; k < s.EndToken; k++ {
		t := d.Tokens[k]
		low := strings.ToLower(t.Text)
		if i := strings.LastIndex(low, "-backed"); i > 0 && strings.HasSuffix(low, "-backed") {
			// "US-backed forces": the mention inside the token.
			for _, mi := range ms {
				m := d.Mentions[mi]
				if m.Start >= t.Start && m.End <= t.Start+i {
					obj, val := r.objectAfter(k+1, s, ms)
					r.add(Relation{Type: "supports", Subject: m.Entity, Object: obj, Value: val,
						Evidence: Span{t.Start, r.objEnd(k+1, s, ms, obj)}, Sentence: si})
				}
			}
			continue
		}
		if !strings.HasPrefix(t.Tag, "VB") || !supportLemmas[t.Lemma] {
			continue
		}
		neg := false
		for n := max(s.FirstToken, k-3); n < k; n++ {
			if negWords[strings.ToLower(d.Tokens[n].Text)] {
				neg = true
			}
		}
		if neg {
			continue
		}
		// "accused them of supporting X": the supporter is not named
		// in the clause.
		if k > s.FirstToken {
			if pw := strings.ToLower(d.Tokens[k-1].Text); pw == "of" || pw == "for" || pw == "by" {
				continue
			}
		}
		// Subjects: mentions between the clause start and the verb.
		clause := s.Start
		for n := s.FirstToken; n < k; n++ {
			switch strings.ToLower(d.Tokens[n].Text) {
			case "that", ";", "which", "who", "while", "but":
				clause = d.Tokens[n].End
			}
		}
		obj, val := r.objectAfter(k+1, s, ms)
		if obj < 0 && val == "" {
			continue
		}
		for _, mi := range ms {
			m := d.Mentions[mi]
			if m.Start < clause || m.End > t.Start || m.Kind == "demonym" {
				continue
			}
			if tp := r.typ(m); tp != GPE && tp != Org && tp != Person {
				continue
			}
			r.add(Relation{Type: "supports", Subject: m.Entity, Object: obj, Value: val,
				Evidence: Span{m.Start, r.objEnd(k+1, s, ms, obj)}, Sentence: si})
		}
	}
}

// objectAfter finds what is supported from token k: an entity mention
// within a short noun phrase, else the phrase's plural or group head noun.
func (r *relRun) objectAfter(k int, s Sentence, ms []int) (int, string) {
	d := r.doc
	for n := k; n < s.EndToken && n < k+5; n++ {
		t := d.Tokens[n]
		for _, mi := range ms {
			if m := d.Mentions[mi]; m.Start == t.Start && m.Kind != "demonym" {
				return m.Entity, ""
			}
		}
		switch {
		case t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "PRP$" || t.Tag == "CD" || strings.HasPrefix(t.Tag, "NNP"):
			continue
		case t.Tag == "NNS" || t.Tag == "NN":
			if n+1 < s.EndToken && strings.HasPrefix(d.Tokens[n+1].Tag, "NN") {
				continue
			}
			return -1, strings.ToLower(t.Text)
		}
		break
	}
	return -1, ""
}

func (r *relRun) objEnd(k int, s Sentence, ms []int, obj int) int {
	d := r.doc
	end := d.Tokens[min(k, s.EndToken-1)].End
	for n := k; n < s.EndToken && n < k+5; n++ {
		end = d.Tokens[n].End
		if t := d.Tokens[n]; t.Tag == "NNS" || t.Tag == "NN" || (obj >= 0 && t.Tag == "NNP") {
			if n+1 >= s.EndToken || !strings.HasPrefix(d.Tokens[n+1].Tag, "NN") {
				break
			}
		}
	}
	return end
}

var quoteRE = regexp.MustCompile(`"[^"]{12,}"|“[^”]{12,}”`)

// attribution links quotes and claims to their speaker: the entity
// mention next to a speech verb outside the quote ("X said", "said X",
// "the White House official said"), or after "according to".
func (r *relRun) attribution(si int) {
	d := r.doc
	s := d.Sentences[si]
	text := d.Text[s.Start:s.End]
	ms := r.mentionsIn(si)
	var quotes []Span
	for _, q := range quoteRE.FindAllStringIndex(text, -1) {
		quotes = append(quotes, Span{s.Start + q[0], s.Start + q[1]})
	}
	inQuote := func(off int) bool {
		for _, q := range quotes {
			if q.Start <= off && off < q.End {
				return true
			}
		}
		return false
	}
	for k := s.FirstToken; k < s.EndToken; k++ {
		t := d.Tokens[k]
		if inQuote(t.Start) {
			continue
		}
		speaker := -1
		var claim Span
		switch {
		case strings.HasPrefix(t.Tag, "VB") && speechVerbs[t.Lemma]:
			// Nearest mention before the verb (within 6 tokens), else
			// right after it ("said Putin").
			for _, mi := range ms {
				m := d.Mentions[mi]
				if m.End <= t.Start && !inQuote(m.Start) && tokenGap(d, m.End, t.Start) <= 6 && m.Kind != "demonym" {
					speaker = m.Entity
				}
			}
			if speaker < 0 && k+1 < s.EndToken {
				for _, mi := range ms {
					if m := d.Mentions[mi]; m.Start == d.Tokens[k+1].Start {
						speaker = m.Entity
					}
				}
			}
			claim = Span{t.End, s.End}
		case strings.EqualFold(t.Text, "according") && k+2 < s.EndToken && strings.EqualFold(d.Tokens[k+1].Text, "to"):
			for _, mi := range ms {
				m := d.Mentions[mi]
				if m.Start >= d.Tokens[k+2].Start && tokenGap(d, d.Tokens[k+1].End, m.Start) <= 4 {
					speaker = m.Entity
					break
				}
			}
			claim = Span{s.Start, t.Start}
		}
		if speaker < 0 {
			continue
		}
		if tp := d.Entities[speaker].Type; tp != Person && tp != Org && tp != GPE {
			continue
		}
		if len(quotes) > 0 {
			for _, q := range quotes {
				r.add(Relation{Type: "attributed_to", Subject: speaker, Object: -1, Value: strings.Trim(d.Text[q.Start:q.End], "\"“”"),
					Evidence: q, Sentence: si})
			}
			return
		}
		val := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(d.Text[claim.Start:claim.End]), "."))
		val = strings.TrimPrefix(strings.TrimSuffix(val, ","), "that ")
		if len(strings.Fields(val)) < 3 {
			continue
		}
		r.add(Relation{Type: "attributed_to", Subject: speaker, Object: -1, Value: val, Evidence: s.Span, Sentence: si})
		return
	}
}

// tokenGap counts the words between byte offsets a and b.
func tokenGap(d *Document, a, b int) int {
	if b < a {
		return 1 << 20
	}
	return len(strings.Fields(d.Text[a:b]))
}
