package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
)

// articleGap is how many days apart two articles may be written and still
// tell one undated event.
const articleGap = 31

// daysApart is the number of days between two full TIMEX3 dates.
func daysApart(a, b string) (int, bool) {
	if len(a) < 10 || len(b) < 10 {
		return 0, false
	}
	ta, errA := time.Parse("2006-01-02", a[:10])
	tb, errB := time.Parse("2006-01-02", b[:10])
	if errA != nil || errB != nil {
		return 0, false
	}
	d := int(ta.Sub(tb).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d, true
}

// Event is one document-level event: every mention one article makes of
// one happening, grouped within the article by the graph's within-article
// rules. Entity fields hold reconciled entity IRIs, so aliases already
// meet ("Obama" and "US President Barack Obama" are one IRI).
type Event struct {
	Local  string // stable id of the document-level event (the graph's local event IRI)
	Doc    string // the article's IRI
	Class  string
	Lemmas []string // trigger lemmas of its mentions
	// Date is the TIMEX3 date value that dates the event ("" undated);
	// RangeBegin/RangeEnd a "since X"/"until X" range.
	Date, RangeBegin, RangeEnd  string
	Agents, Patients, Locations []string
	// Reports lists the Local ids of the events a statement reports (in
	// the same article).
	Reports []string
	// DocDate is the article's date: the only time an undated event has.
	DocDate string
	// Wordings are hashes of the sentences its mentions stand in
	// (Wording): two reports in the same words are strong evidence.
	Wordings []string
	// Copies is the IRI of the article its article copies, "" if none.
	Copies string
}

// undated reports whether nothing in its article dates the event.
func (e *Event) undated() bool { return e.Date == "" && e.RangeBegin == "" && e.RangeEnd == "" }

// Comparison is the verdict on a pair of document-level events.
type Comparison struct {
	Score   float64
	Veto    bool
	Reasons []string
}

// Weights of the comparisons. A pair merges when its score reaches
// MergeScore and nothing vetoes it; a trigger match alone is worth
// sameTrigger, so at least one more agreement is needed unless the two
// articles are copies or the trigger is specific (see threshold). A
// curated pair of the table (quake and earthquake, kill and murder) is as
// good as one trigger: the table lists only words for one happening.
const (
	sameTrigger    = 2.0
	sameWording    = 1.5
	relatedTrigger = sameTrigger
	sharedRole     = 1.0
	exactTime      = 1.0
	fittingTime    = 0.5
	sharedPlace    = 0.5
	otherPlace     = -1.0
	MergeScore     = 3.0
)

// Compare scores two document-level events of different articles. kin is
// true when one article copies the other. The comparisons are one small
// function per field, each adding to the score or vetoing.
func Compare(t *Triggers, a, b *Event, kin bool) Comparison {
	var c Comparison
	if !compareTrigger(t, a, b, &c) {
		c.Veto = true
		return c
	}
	compareParticipants(a, b, &c)
	compareTime(a, b, &c)
	comparePlace(a, b, kin, &c)
	compareWording(a, b, &c)
	if kin && !c.Veto {
		c.Score += 1
		c.Reasons = append(c.Reasons, "the articles are copies")
	}
	return c
}

// compareTrigger: the same stem, or one concept group within one class.
// Never a merge on class alone.
func compareTrigger(t *Triggers, a, b *Event, c *Comparison) bool {
	rel, la, lb := t.relationOf(a.Lemmas, b.Lemmas)
	switch rel {
	case "same":
		c.Score += sameTrigger
		c.Reasons = append(c.Reasons, fmt.Sprintf("same trigger %q", t.keyOf(la)))
		return a.Class == b.Class || a.Class == "other" || b.Class == "other"
	case "related":
		// A curated pair of triggers: the classes must agree, unless
		// the lexicon left one unclassed ("nabbed", "captured").
		if a.Class != b.Class && a.Class != "other" && b.Class != "other" {
			return false
		}
		c.Score += relatedTrigger
		c.Reasons = append(c.Reasons, fmt.Sprintf("related triggers %q and %q", la, lb))
		return true
	}
	return false
}

// symmetric reports whether the class's participants have no direction
// (A meets B is B meets A).
func symmetric(class string) bool {
	switch class {
	case "meet", "consult", "agree":
		return true
	}
	return false
}

// compareParticipants: shared entities count, per role; disjoint agents
// or patients of one kind (two people, two places, two bodies), or one
// entity on opposite sides, veto. For symmetric
// classes roles are ignored, and two events naming two or more
// participants each must share two.
func compareParticipants(a, b *Event, c *Comparison) {
	if symmetric(a.Class) {
		pa, pb := union(a.Agents, a.Patients), union(b.Agents, b.Patients)
		n := len(sharedNames(pa, pb))
		if len(pa) >= 2 && len(pb) >= 2 && n < 2 || len(pa) > 0 && len(pb) > 0 && n == 0 {
			c.Veto = true
			c.Reasons = append(c.Reasons, "different participants")
			return
		}
		if n > 0 {
			c.Score += sharedRole * float64(min(n, 2))
			c.Reasons = append(c.Reasons, "participants "+strings.Join(sharedNames(pa, pb), ", "))
		}
		return
	}
	for _, r := range []struct {
		name string
		x, y []string
	}{{"agent", a.Agents, b.Agents}, {"patient", a.Patients, b.Patients}} {
		if len(r.x) == 0 || len(r.y) == 0 {
			continue
		}
		shared := sharedNames(r.x, r.y)
		if len(shared) == 0 {
			if !sameKind(r.x, r.y) {
				// A person in one report, a place or a body in
				// the other: a slot filled by different kinds of
				// names is an extraction slip, not another event.
				continue
			}
			c.Veto = true
			c.Reasons = append(c.Reasons, "different "+r.name+"s")
			return
		}
		c.Score += sharedRole
		c.Reasons = append(c.Reasons, r.name+" "+strings.Join(shared, ", "))
	}
	for _, x := range a.Agents {
		if hasName(b.Patients, x) && !hasName(b.Agents, x) && !hasName(a.Patients, x) {
			c.Veto = true
			c.Reasons = append(c.Reasons, x+" on opposite sides")
			return
		}
	}
	for _, x := range b.Agents {
		if hasName(a.Patients, x) && !hasName(a.Agents, x) && !hasName(b.Patients, x) {
			c.Veto = true
			c.Reasons = append(c.Reasons, x+" on opposite sides")
			return
		}
	}
}

// compareTime: dates at their own granularity; ranges by their ends. An
// undated event neither helps nor hurts, except that two undated events
// told by articles written more than articleGap days apart are not taken
// to be one ("Moscow denied involvement" in 2015 and in 2019).
func compareTime(a, b *Event, c *Comparison) {
	if a.undated() && b.undated() {
		if d, ok := daysApart(a.DocDate, b.DocDate); ok && d > articleGap {
			c.Veto = true
			c.Reasons = append(c.Reasons, fmt.Sprintf("undated in articles %d days apart", d))
			return
		}
	}
	for _, p := range [][2]string{{a.Date, b.Date}, {a.RangeBegin, b.RangeBegin}, {a.RangeEnd, b.RangeEnd}} {
		switch Times(p[0], p[1]) {
		case "equal":
			c.Score += exactTime
			c.Reasons = append(c.Reasons, "date "+p[0])
		case "fits":
			c.Score += fittingTime
			c.Reasons = append(c.Reasons, fmt.Sprintf("dates %s and %s fit", p[0], p[1]))
		case "conflict":
			c.Veto = true
			c.Reasons = append(c.Reasons, fmt.Sprintf("dates %s and %s differ", p[0], p[1]))
			return
		}
	}
	// A dated event and a ranged one: the date must not fall before the
	// range's start.
	if a.Date != "" && b.RangeBegin != "" && Specific(a.Date) && Specific(b.RangeBegin) && a.Date < b.RangeBegin[:min(len(a.Date), len(b.RangeBegin))] ||
		b.Date != "" && a.RangeBegin != "" && Specific(b.Date) && Specific(a.RangeBegin) && b.Date < a.RangeBegin[:min(len(b.Date), len(a.RangeBegin))] {
		c.Veto = true
		c.Reasons = append(c.Reasons, "date before the range")
	}
}

// compareWording: mentions standing in the same sentence, word for word
// (a wire story reprinted, a copy), are very likely one report.
func compareWording(a, b *Event, c *Comparison) {
	if len(intersect(a.Wordings, b.Wordings)) > 0 {
		c.Score += sameWording
		c.Reasons = append(c.Reasons, "same sentence")
	}
}

// Wording is the hash Event.Wordings holds for a sentence: its words,
// case and punctuation aside.
func Wording(sentence string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

// comparePlace: a shared place counts; two different places count
// against, and veto when nothing but the trigger ties the events (two
// earthquakes in different places), unless one article copies the other
// (a copy rewords "Le Bourget on the outskirts of Paris" as "Paris").
func comparePlace(a, b *Event, kin bool, c *Comparison) {
	if len(a.Locations) == 0 || len(b.Locations) == 0 {
		return
	}
	if shared := sharedNames(a.Locations, b.Locations); len(shared) > 0 {
		c.Score += sharedPlace
		c.Reasons = append(c.Reasons, "place "+strings.Join(shared, ", "))
		return
	}
	c.Score += otherPlace
	c.Reasons = append(c.Reasons, "different places")
	if !kin && len(sharedNames(union(a.Agents, a.Patients), union(b.Agents, b.Patients))) == 0 {
		c.Veto = true
	}
}

// sameName reports whether two entity IRIs may name one participant:
// the same IRI, or names the graph's entity matching left apart that one
// report's words still tie to the other's: the same name under another
// type ("entity/org/tara-reid", "entity/person/tara-reid", a tagging
// slip), one name ending the other ("colts", "indianapolis-colts";
// "lindsay-lohan", "actress-lindsay-lohan"), or, within one type, one
// beginning the other ("microsoft", "microsoft-corp"). A name of fewer
// than four letters ties only to itself. Different people stay apart:
// "jeb-bush" and "george-w-bush" share no such tie.
func sameName(x, y string) bool {
	if x == y {
		return true
	}
	tx, nx := splitIRI(x)
	ty, ny := splitIRI(y)
	if nx == "" || ny == "" {
		return false
	}
	if nx == ny {
		return true
	}
	if len(nx) > len(ny) {
		tx, nx, ty, ny = ty, ny, tx, nx
	}
	if len(nx) < 4 {
		return false
	}
	return strings.HasSuffix(ny, "-"+nx) || tx == ty && strings.HasPrefix(ny, nx+"-")
}

// kindOf is the kind of participant an entity IRI names: a person, a
// place (a country, region or facility) or a body (anything else).
func kindOf(iri string) string {
	switch typ, _ := splitIRI(iri); typ {
	case "person":
		return "person"
	case "gpe", "loc", "facility":
		return "place"
	}
	return "body"
}

// sameKind reports whether a and b name participants of one kind (see
// kindOf): only then do two disjoint lists name different participants.
func sameKind(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if kindOf(x) == kindOf(y) {
				return true
			}
		}
	}
	return false
}

// splitIRI is an entity IRI's type folder and name ("entity/org/x" gives
// "org", "x"); "" name when it has none.
func splitIRI(iri string) (typ, name string) {
	k := strings.LastIndexByte(iri, '/')
	if k < 0 {
		return "", ""
	}
	name = iri[k+1:]
	rest := iri[:k]
	if j := strings.LastIndexByte(rest, '/'); j >= 0 {
		rest = rest[j+1:]
	}
	return rest, name
}

// hasName reports whether one of xs may name the participant x (sameName).
func hasName(xs []string, x string) bool { return hasBy(xs, x, sameName) }

// sharedNames is the values of a that may name a participant of b
// (sameName), sorted.
func sharedNames(a, b []string) []string { return commonBy(a, b, sameName) }

func equal(x, y string) bool { return x == y }

func contains(xs []string, s string) bool { return hasBy(xs, s, equal) }

// intersect is the values in both a and b, sorted, so that reasons read
// the same whichever event was stored first.
func intersect(a, b []string) []string { return commonBy(a, b, equal) }

// hasBy reports whether one of xs is s by same.
func hasBy(xs []string, s string, same func(x, y string) bool) bool {
	for _, x := range xs {
		if same(s, x) {
			return true
		}
	}
	return false
}

// commonBy is the values of a that one of b is by same, sorted, once each.
func commonBy(a, b []string, same func(x, y string) bool) []string {
	var out []string
	for _, x := range a {
		if hasBy(b, x, same) && !contains(out, x) {
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, x := range b {
		if !contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
