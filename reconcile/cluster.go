package reconcile

import (
	"fmt"
	"sort"
	"strings"
)

// threshold is the score a pair of events needs to merge. Within one
// story the same trigger is most often the same happening (the same
// arrest, quake, check-in), so the trigger alone is enough, unless it is a
// light verb or a statement: those need one more agreement (a shared
// participant, the date, the place or the same sentence).
//
// In a running topic (topic set: a story of more than RunningTopic
// articles, such as an election campaign or a football season) the same
// verb is said of many happenings, and every pair needs the agreement.
func threshold(t *Triggers, e *Event, topic bool) float64 {
	if e.Class == "statement" || topic {
		return MergeScore
	}
	for _, l := range e.Lemmas {
		if !t.LightVerb(l) {
			return sameTrigger
		}
	}
	return MergeScore
}

// RunningTopic is the number of articles past which a story is a running
// topic rather than one happening told many times (see threshold).
const RunningTopic = 50

// lowest is the lowest threshold a pair can meet, in a story or a
// running topic: the memory keeps every verdict that may be used in
// either.
func lowest(t *Triggers, a, c *Event) float64 {
	return max(threshold(t, a, false), threshold(t, c, false))
}

// Link is a scored candidate pair.
type Link struct {
	A, B string // Local ids, A < B
	Comparison
}

// Clusters is the result of clustering one story's events.
type Clusters struct {
	// Of maps each Local id to its cluster's canonical id: the smallest
	// Local id of the cluster, so a cluster keeps its id while it grows
	// unless an event with a smaller id joins.
	Of map[string]string
	// Why maps each Local id of a merged cluster to the links that tied
	// it into the cluster, as "with <local> (<doc>): reason; reason".
	Why map[string][]string
}

// Cluster groups the document-level events of the articles of one story.
// linked says whether two articles may share events (the graph passes
// "same story"); kin whether one copies the other. The result depends only
// on the set of events, never on their order.
func Cluster(t *Triggers, events []Event, linked, kin func(docA, docB string) bool) Clusters {
	return ClusterWith(t, events, linked, kin, nil, false)
}

// ClusterWith is Cluster with a memory of the comparisons made before
// (nil: none), for a story that is a running topic or not (see
// threshold); the result is the same, the pairs it remembers are not
// compared again.
func ClusterWith(t *Triggers, events []Event, linked, kin func(docA, docB string) bool, memo *Comparisons, topic bool) Clusters {
	evs := append([]Event(nil), events...)
	sort.Slice(evs, func(i, j int) bool { return evs[i].Local < evs[j].Local })
	var prints []fingerprint
	if memo != nil {
		prints = make([]fingerprint, len(evs))
		for i := range evs {
			prints[i] = fingerprintOf(&evs[i])
		}
	}
	byLocal := make(map[string]*Event, len(evs))
	for i := range evs {
		byLocal[evs[i].Local] = &evs[i]
	}
	out := Clusters{Of: make(map[string]string, len(evs)), Why: map[string][]string{}}

	pairs := newDocPairs(evs, linked, kin)
	apart := func(a, b *Event) bool { return cannotBeOne(a, b) }
	if memo != nil {
		printOf := make(map[*Event]fingerprint, len(evs))
		for i := range evs {
			printOf[&evs[i]] = prints[i]
		}
		apart = func(a, b *Event) bool { return memo.apart(a, b, printOf[a], printOf[b]) }
	}
	// Pass 1: events that are not statements; pass 2: statements, whose
	// identity is who said it and what they reported.
	members := map[string][]string{} // canonical -> locals
	for i := range evs {
		out.Of[evs[i].Local] = evs[i].Local
		members[evs[i].Local] = []string{evs[i].Local}
	}
	for pass := 0; pass < 2; pass++ {
		links := candidates(t, evs, prints, memo, pass == 1, pairs.of, out.Of, topic)
		for _, l := range links {
			ca, cb := out.Of[l.A], out.Of[l.B]
			if ca == cb || !mergeable(t, members[ca], members[cb], byLocal, kin, apart) {
				continue
			}
			keep, gone := ca, cb
			if gone < keep {
				keep, gone = gone, keep
			}
			for _, m := range members[gone] {
				out.Of[m] = keep
			}
			members[keep] = append(members[keep], members[gone]...)
			delete(members, gone)
			a, b := byLocal[l.A], byLocal[l.B]
			why := strings.Join(l.Reasons, "; ")
			out.Why[l.A] = append(out.Why[l.A], fmt.Sprintf("with %s (%s): %s", l.B, b.Doc, why))
			out.Why[l.B] = append(out.Why[l.B], fmt.Sprintf("with %s (%s): %s", l.A, a.Doc, why))
		}
	}
	return out
}

// docPairs asks linked and kin once per ordered pair of articles, not
// once per pair of their events.
type docPairs struct {
	evs         []Event
	doc         []int // event index -> article number
	linked, kin func(a, b string) bool
	known       map[uint64]uint8 // x<<32 | y -> 1 unlinked, 2 linked, 3 linked copies
	dense       []uint8          // the same at x*docs + y, when the articles are few
	docs        int
}

func newDocPairs(evs []Event, linked, kin func(a, b string) bool) *docPairs {
	p := &docPairs{evs: evs, doc: make([]int, len(evs)), linked: linked, kin: kin, known: map[uint64]uint8{}}
	num := map[string]int{}
	for i := range evs {
		n, ok := num[evs[i].Doc]
		if !ok {
			n = len(num)
			num[evs[i].Doc] = n
		}
		p.doc[i] = n
	}
	if p.docs = len(num); p.docs <= 1024 {
		p.dense = make([]uint8, p.docs*p.docs)
	}
	return p
}

// of says whether the articles of events i and j are linked, and
// whether one copies the other, as linked(a, b) and kin(a, b) would.
func (p *docPairs) of(i, j int) (linked, kin bool) {
	var v uint8
	key := uint64(p.doc[i])<<32 | uint64(p.doc[j])
	if p.dense != nil {
		v = p.dense[p.doc[i]*p.docs+p.doc[j]]
	} else {
		v = p.known[key]
	}
	if v == 0 {
		a, b := p.evs[i].Doc, p.evs[j].Doc
		v = 1
		if p.linked(a, b) {
			v = 2
			if p.kin(a, b) {
				v = 3
			}
		}
		if p.dense != nil {
			p.dense[p.doc[i]*p.docs+p.doc[j]] = v
		} else {
			p.known[key] = v
		}
	}
	return v >= 2, v == 3
}

// candidates blocks on trigger concepts and scores the pairs of different,
// linked articles that share one; statements (pass 2) pair only when they
// share a speaker and what they report merged.
func candidates(t *Triggers, evs []Event, prints []fingerprint, memo *Comparisons, statements bool, pairOf func(i, j int) (linked, kin bool), of map[string]string, topic bool) []Link {
	blocks := map[string][]int{}
	add := func(key string, i int) { // events come in order: once each
		if b := blocks[key]; len(b) == 0 || b[len(b)-1] != i {
			blocks[key] = append(b, i)
		}
	}
	for i := range evs {
		if (evs[i].Class == "statement") != statements {
			continue
		}
		for _, k := range t.conceptsOf(evs[i].Lemmas) {
			if !statements {
				add(k, i)
				continue
			}
			// Statements are blocked by what can make two one (see
			// sameReport): what they report, and for those that report
			// nothing the extraction found, the speaker with the
			// sentence's wording or the article's copies: "said" alone,
			// or a speaker alone, would pair every statement of a story
			// with every other.
			for _, key := range statementKeys(k, &evs[i]) {
				add(key, i)
			}
			for _, r := range evs[i].Reports {
				add(k+"|r:"+of[r], i)
			}
		}
	}
	var links []Link
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// A pair is scored once, in the first block (in key order) both
	// events are in.
	in := make([][]int32, len(evs)) // event -> its blocks' numbers, ascending
	for n, k := range keys {
		for _, i := range blocks[k] {
			in[i] = append(in[i], int32(n))
		}
	}
	firstShared := func(i, j int) int32 {
		a, b := in[i], in[j]
		for x, y := 0, 0; x < len(a) && y < len(b); {
			switch {
			case a[x] == b[y]:
				return a[x]
			case a[x] < b[y]:
				x++
			default:
				y++
			}
		}
		return -1
	}
	for n, k := range keys {
		b := blocks[k]
		for x := 0; x < len(b); x++ {
			for y := x + 1; y < len(b); y++ {
				i, j := b[x], b[y]
				a, c := &evs[i], &evs[j]
				if a.Doc == c.Doc || firstShared(i, j) != int32(n) {
					continue
				}
				ok, k := pairOf(i, j)
				if !ok {
					continue
				}
				var cmp Comparison
				if memo == nil {
					cmp = Compare(t, a, c, k)
				} else {
					// Statements' verdicts are completed by sameReport
					// below; the others need their threshold.
					cmp = memo.compare(t, a, c, prints[i], prints[j], k, func(cmp Comparison) bool {
						return statements || cmp.Score >= lowest(t, a, c)
					})
				}
				if statements && !cmp.Veto {
					cmp = sameReport(a, c, of, k, cmp)
				}
				if cmp.Veto || cmp.Score < max(threshold(t, a, topic), threshold(t, c, topic)) {
					continue
				}
				links = append(links, Link{A: a.Local, B: c.Local, Comparison: cmp})
			}
		}
	}
	links = dropAmbiguous(links, evs)
	sort.Slice(links, func(i, j int) bool {
		if links[i].Score != links[j].Score {
			return links[i].Score > links[j].Score
		}
		if links[i].A != links[j].A {
			return links[i].A < links[j].A
		}
		return links[i].B < links[j].B
	})
	return links
}

// statementKeys are the blocking keys of a statement (of trigger concept
// k) that reports nothing: its speaker ("-" when unnamed) with each
// wording (named speakers only) and with its article and the article it
// copies, so that copies meet.
func statementKeys(k string, ev *Event) []string {
	if len(ev.Reports) > 0 {
		return nil
	}
	speakers := ev.Agents
	if len(speakers) == 0 {
		speakers = []string{"-"}
	}
	var out []string
	for _, a := range speakers {
		p := k + "|a:" + a
		if a != "-" {
			for _, w := range ev.Wordings {
				out = append(out, p+"|w:"+w)
			}
		}
		out = append(out, p+"|o:"+ev.Doc)
		if ev.Copies != "" {
			out = append(out, p+"|o:"+ev.Copies)
		}
	}
	return out
}

// dropAmbiguous removes the links of an undated event to dated events
// when it agrees with two dated events that cannot be one ("Turkey shot
// down the jet", undated, beside shoot-downs on the 24th and the 25th):
// it could be either, so it joins neither.
func dropAmbiguous(links []Link, evs []Event) []Link {
	byLocal := make(map[string]*Event, len(evs))
	for i := range evs {
		byLocal[evs[i].Local] = &evs[i]
	}
	dated := map[string][]string{} // undated local -> dates of its partners
	for _, l := range links {
		a, b := byLocal[l.A], byLocal[l.B]
		if a.undated() && !b.undated() {
			dated[a.Local] = append(dated[a.Local], b.Date+"|"+b.RangeBegin)
		}
		if b.undated() && !a.undated() {
			dated[b.Local] = append(dated[b.Local], a.Date+"|"+a.RangeBegin)
		}
	}
	ambiguous := map[string]bool{}
	for local, ds := range dated {
		for i := range ds {
			for j := i + 1; j < len(ds); j++ {
				if ds[i] != ds[j] && Times(ds[i][:strings.IndexByte(ds[i], '|')], ds[j][:strings.IndexByte(ds[j], '|')]) != "fits" {
					ambiguous[local] = true
				}
			}
		}
	}
	out := links[:0]
	for _, l := range links {
		a, b := byLocal[l.A], byLocal[l.B]
		if ambiguous[a.Local] && !b.undated() || ambiguous[b.Local] && !a.undated() {
			continue
		}
		out = append(out, l)
	}
	return out
}

// sameReport: two outlets' statements are one when the same speaker said
// the same thing: a reported event in one cluster, and a shared speaker or
// an unnamed one ("her rep told People", "a spokesman confirmed"). A
// statement that reports nothing the extraction found ("Russia
// confirmed") is one with another of the same speaker that reports
// nothing either only between an article and its copy or in the same
// sentence; between an article and its copy, an unnamed speaker ("the
// official said") is taken to be the same.
func sameReport(a, b *Event, of map[string]string, kin bool, c Comparison) Comparison {
	switch {
	case len(sharedNames(a.Agents, b.Agents)) > 0:
	case len(a.Agents) > 0 && len(b.Agents) > 0:
		c.Veto = true
		c.Reasons = append(c.Reasons, "different speakers")
		return c
	case kin:
		c.Reasons = append(c.Reasons, "unnamed speaker in copies")
	case len(a.Reports) == 0 || len(b.Reports) == 0:
		// An unnamed speaker is the same one only when both report
		// one event (checked below).
		c.Veto = true
		c.Reasons = append(c.Reasons, "no shared speaker")
		return c
	}
	if len(a.Reports) == 0 && len(b.Reports) == 0 {
		// Nothing found of what was said: one statement only in a copy
		// or in the same words ("Blair said" in two articles is not one
		// statement).
		if kin || len(intersect(a.Wordings, b.Wordings)) > 0 {
			return c
		}
		c.Veto = true
		c.Reasons = append(c.Reasons, "what was said is unknown")
		return c
	}
	for _, x := range a.Reports {
		for _, y := range b.Reports {
			if of[x] != "" && of[x] == of[y] {
				c.Score += sharedRole
				c.Reasons = append(c.Reasons, "reports the same event "+of[x])
				return c
			}
		}
	}
	c.Veto = true
	c.Reasons = append(c.Reasons, "reports different things")
	return c
}

// mergeable: no article would report two different events of the merged
// cluster, and no pair across the two clusters is vetoed.
func mergeable(t *Triggers, x, y []string, byLocal map[string]*Event, kin func(a, b string) bool, apart func(a, b *Event) bool) bool {
	docs := map[string]bool{}
	for _, l := range x {
		docs[byLocal[l].Doc] = true
	}
	for _, l := range y {
		if docs[byLocal[l].Doc] {
			return false
		}
	}
	for _, l := range x {
		for _, m := range y {
			if apart(byLocal[l], byLocal[m]) {
				return false
			}
		}
	}
	return true
}

// cannotBeOne: two statements of different named speakers, or two
// events whose participants or times veto them.
func cannotBeOne(a, b *Event) bool {
	if a.Class == "statement" && b.Class == "statement" {
		return len(a.Agents) > 0 && len(b.Agents) > 0 && len(sharedNames(a.Agents, b.Agents)) == 0
	}
	var c Comparison
	compareParticipants(a, b, &c)
	compareTime(a, b, &c)
	return c.Veto
}

// Affected returns the events of a story whose clusters may change when
// the seed events (by Local id) join it. Cluster merges two events only
// through a link (events of two linked articles that share a trigger
// concept and score over the threshold, see candidates), and the verdicts
// it keeps or drops (mergeable, dropAmbiguous) look only at events joined
// by links, so the clusters of a group of events joined by links, directly
// or through others, depend on that group alone. Affected walks those
// links out from the seeds, comparing (through memo, nil for none) only
// the pairs it meets on the way, and adds statements by what can make two
// one (statementKeys, the events they report, the statements reporting an
// event it reaches). Clustering the affected events alone gives them the
// clusters the whole story would, and leaves every other cluster as it
// was; its cost follows the links, not the size of the story. linked and
// kin are Cluster's, topic ClusterWith's.
func Affected(t *Triggers, events []Event, seed map[string]bool, linked, kin func(a, b string) bool, memo *Comparisons, topic bool) []Event {
	n := len(events)
	byConcept := map[string][]int{} // non-statements by trigger concept
	byKey := map[string][]int{}     // statements by statementKeys
	byLocal := map[string][]int{}
	reportedBy := map[string][]int{} // Local id -> the events reporting it
	concepts := make([][]string, n)
	for i := range events {
		ev := &events[i]
		byLocal[ev.Local] = append(byLocal[ev.Local], i)
		concepts[i] = t.conceptsOf(ev.Lemmas)
		for _, k := range concepts[i] {
			if ev.Class != "statement" {
				byConcept[k] = append(byConcept[k], i)
				continue
			}
			for _, key := range statementKeys(k, ev) {
				byKey[key] = append(byKey[key], i)
			}
		}
		for _, r := range ev.Reports {
			reportedBy[r] = append(reportedBy[r], i)
		}
	}
	pairs := newDocPairs(events, linked, kin)
	prints := make([]fingerprint, n)
	printed := make([]bool, n)
	printOf := func(i int) fingerprint {
		if !printed[i] {
			prints[i], printed[i] = fingerprintOf(&events[i]), true
		}
		return prints[i]
	}
	// joined is candidates' test of a pair of non-statements, a before c
	// as Cluster orders them.
	joined := func(i, j int) bool {
		ok, k := pairs.of(i, j)
		if !ok {
			return false
		}
		if events[j].Local < events[i].Local {
			i, j = j, i
		}
		a, c := &events[i], &events[j]
		cmp := memo.compare(t, a, c, printOf(i), printOf(j), k, func(cmp Comparison) bool { return cmp.Score >= lowest(t, a, c) })
		return !cmp.Veto && cmp.Score >= max(threshold(t, a, topic), threshold(t, c, topic))
	}
	seen := make([]bool, n)
	var queue []int
	visit := func(is []int) {
		for _, i := range is {
			if !seen[i] {
				seen[i] = true
				queue = append(queue, i)
			}
		}
	}
	for local := range seed {
		visit(byLocal[local])
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		ev := &events[i]
		visit(byLocal[ev.Local])
		visit(reportedBy[ev.Local])
		for _, r := range ev.Reports {
			visit(byLocal[r])
		}
		for _, k := range concepts[i] {
			if ev.Class == "statement" {
				for _, key := range statementKeys(k, ev) {
					visit(byKey[key])
				}
				continue
			}
			for _, j := range byConcept[k] {
				if !seen[j] && events[j].Doc != ev.Doc && joined(i, j) {
					visit([]int{j})
				}
			}
		}
	}
	var out []Event
	for i := range events {
		if seen[i] {
			out = append(out, events[i])
		}
	}
	return out
}
