package reconcile

import (
	"hash/fnv"
	"sync"
)

// Comparisons remembers the verdicts of Compare between pairs of events,
// so that clustering a story again when an article joins it compares
// only the pairs it has not met before: the stored articles' events are
// the same from one article to the next, and Compare is a function of
// the two events and whether their articles are copies. A pair is
// remembered under a fingerprint of every field of both events, so an
// event that changes (a renamed participant, a new date) is compared
// afresh. Safe for concurrent use; the zero value is not usable, use
// NewComparisons.
type Comparisons struct {
	mu    sync.Mutex
	pairs map[pairKey]Comparison
	// vetoes remembers cannotBeOne, which mergeable asks of every pair
	// across two clusters.
	vetoes map[[2]fingerprint]bool
	limit  int
}

type pairKey struct {
	a, b fingerprint
	kin  bool
}

type fingerprint [16]byte

// comparisonsLimit bounds the pairs remembered: past it the memory
// starts afresh (what was remembered is only ever a saving).
const comparisonsLimit = 2_000_000

// NewComparisons returns an empty memory of comparisons.
func NewComparisons() *Comparisons {
	return &Comparisons{pairs: map[pairKey]Comparison{}, vetoes: map[[2]fingerprint]bool{}, limit: comparisonsLimit}
}

// fingerprintOf hashes every field of an event (FNV-1a, 128 bits), each
// field and list item ended by a separator no field holds.
func fingerprintOf(e *Event) fingerprint {
	h := fnv.New128a()
	put := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	list := func(l []string) {
		for _, s := range l {
			put(s)
		}
		h.Write([]byte{1})
	}
	put(e.Local)
	put(e.Doc)
	put(e.Class)
	list(e.Lemmas)
	put(e.Date)
	put(e.RangeBegin)
	put(e.RangeEnd)
	list(e.Agents)
	list(e.Patients)
	list(e.Locations)
	list(e.Reports)
	put(e.DocDate)
	list(e.Wordings)
	put(e.Copies)
	var f fingerprint
	h.Sum(f[:0])
	return f
}

// compare is Compare(t, a, b, kin), remembered. fa and fb are the
// events' fingerprints. keep says whether the caller can use a verdict
// that is not a veto; one it cannot (a pair under its threshold) is
// remembered as a bare veto, which costs less memory and decides the
// same.
func (m *Comparisons) compare(t *Triggers, a, b *Event, fa, fb fingerprint, kin bool, keep func(Comparison) bool) Comparison {
	if m == nil {
		return Compare(t, a, b, kin)
	}
	key := pairKey{a: fa, b: fb, kin: kin}
	m.mu.Lock()
	c, ok := m.pairs[key]
	m.mu.Unlock()
	if ok {
		return c
	}
	c = Compare(t, a, b, kin)
	if c.Veto || !keep(c) {
		c = Comparison{Veto: true}
	}
	// Callers append to Reasons: capped, an append copies instead of
	// writing into what another caller holds.
	c.Reasons = c.Reasons[:len(c.Reasons):len(c.Reasons)]
	m.mu.Lock()
	if len(m.pairs) >= m.limit {
		m.pairs = map[pairKey]Comparison{}
	}
	m.pairs[key] = c
	m.mu.Unlock()
	return c
}

// apart is cannotBeOne(a, b), remembered.
func (m *Comparisons) apart(a, b *Event, fa, fb fingerprint) bool {
	key := [2]fingerprint{fa, fb}
	m.mu.Lock()
	v, ok := m.vetoes[key]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = cannotBeOne(a, b)
	m.mu.Lock()
	if len(m.vetoes) >= m.limit {
		m.vetoes = map[[2]fingerprint]bool{}
	}
	m.vetoes[key] = v
	m.mu.Unlock()
	return v
}
