package extract

import "strings"

// roleNouns head phrases that name a person by office ("the Russian
// leader", "the US president"); the lemma must match the last word of
// the office, except for the generic leaderNouns.
var roleNouns = buildSet("president leader premier chancellor king queen minister secretary governor mayor " +
	"ruler monarch emir sultan ayatollah pope senator ambassador general commander chief head")

// leaderNouns name the holder of a country's or organization's top office
// whatever its title.
var leaderNouns = buildSet("leader ruler head")

// topOffices are the offices leaderNouns can stand for.
var topOffices = buildSet("president prime_minister premier chancellor king queen leader supreme_leader emir sultan " +
	"monarch ayatollah pope chairman secretary-general secretary_general chief_executive")

// roleHolder resolves a noun phrase naming a person by office, "the
// Russian leader" or "the US president", to the mention that gives the
// one person of the document holding that office of that country or
// organization ("Russian President Vladimir Putin"), or -1. The phrase must
// be a common noun of roleNouns modified by exactly one GPE or ORG, not a
// title before a name, and exactly one person entity must hold a matching
// office (a mention Role right after that GPE or ORG).
func (x *evCtx) roleHolder(p np) int {
	h := p.head
	if h < 0 || x.tag(h) != "NN" || !roleNouns[x.lem[h]] {
		return -1
	}
	if h+1 < len(x.toks) && x.tokMention[h+1] >= 0 {
		return -1
	}
	org := -1
	for _, m := range p.mentions {
		switch x.mentionType(m) {
		case GPE, Org:
		default:
			return -1
		}
		e := x.doc.Mentions[m].Entity
		if org >= 0 && org != e {
			return -1
		}
		org = e
	}
	if org < 0 {
		return -1
	}
	noun := x.lem[h]
	start := x.toks[p.first].Start
	d := x.doc
	person, best := -1, -1
	for mi := 1; mi < len(d.Mentions); mi++ {
		m := d.Mentions[mi]
		if m.Role == "" || x.mentionType(mi) != Person {
			continue
		}
		prev := d.Mentions[mi-1]
		if prev.Sentence != m.Sentence || prev.Entity != org || prev.End > m.Start ||
			!strings.EqualFold(strings.TrimSpace(d.Text[prev.End:m.Start]), m.Role) {
			continue
		}
		office := strings.ToLower(strings.Join(strings.Fields(m.Role), " "))
		words := strings.Fields(office)
		if !(words[len(words)-1] == noun || leaderNouns[noun] && topOffices[strings.ReplaceAll(office, " ", "_")]) {
			continue
		}
		if person >= 0 && person != m.Entity {
			return -1
		}
		person = m.Entity
		if best < 0 || m.Start < start {
			best = mi
		}
	}
	return best
}
