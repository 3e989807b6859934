package graph

// Near-copy detection.
//
// Every document's text is cut into word 5-shingles: runs of letters and
// digits, lower-cased, with apostrophes dropped inside words (so "Russia's"
// and "Russia’s" are the same word) and every other character a separator.
// Each shingle is hashed to 64 bits; a document is the sorted set of its
// shingle hashes.
//
// Candidates are found with a MinHash LSH index (github.com/ekzhu/minhash-lsh,
// 128 hash functions, tuned for Jaccard lshThreshold = 0.15: k=2, l=51, so a
// pair with Jaccard 0.3 is a candidate with probability 0.99 and 0.2 with
// 0.87; at 0.3 the copies of the block rule, J 0.3 to 0.45, were found only
// 64 to 95% of the time). Unrelated articles (J about 0.01) are candidates
// about 0.5% of the time, and a candidate costs one merge of two sorted sets.
// Each candidate pair is then scored exactly on the two documents' shingles
// (they are kept, so there is no estimation error at decision time):
//
//	Jaccard J = |A∩B| / |A∪B| of the shingle sets
//	block   K = the longest chain of verbatim runs the two texts share, in
//	            shingles; runs are chained across small edits (gaps of at
//	            most blockGap shingles on both sides)
//
// A pair is a copy when J >= CopyJaccard, or when K covers at least
// CopyBlock of the smaller document and is at least minBlockShingles long: a
// copy that adds its own headline, intro, byline and author blurb, or drops
// paragraphs, still holds one long verbatim block, while a rewrite that
// reuses quotes and paragraphs here and there does not.
//
// Calibration (go test -run TestCopiesBBC -v ./graph/, 2,225 BBC articles,
// every pair scored exactly): the seeds have J 0.42, containment 0.63 and a
// block of 324 shingles = 0.61 of the smaller; BBC rewrites of a story by
// the same outlet reach J 0.46 and containment 0.67 (politics/327 vs 328)
// but their longest block covers only 0.27, so containment alone cannot
// tell them apart and the block can. Every BBC pair that passes is a
// duplicated or re-published version of the same story (same headline or
// lead paragraph); see the test for the counts.
//
// Direction (which one is the copy), in order:
//  1. the undated one copies the dated one (a date inherited from a copy,
//     DateSource "copy", or "unknown" counts as undated);
//  2. if both are dated with different days, the later copies the earlier;
//  3. if one credits the other's outlet ("Presstv.ir reports:", "according
//     to Press TV", "Source: X", "via X", "originally published on X") and
//     the other does not credit it back, the crediting one is the copy;
//  4. else the shorter text is the copy, and of two texts of one length
//     the one with the greater IRI: never the order of ingest.

import (
	"encoding/binary"
	"hash/fnv"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	minhashlsh "github.com/ekzhu/minhash-lsh"
)

// Copy-detection thresholds; see the comment at the top of copies.go.
const (
	// CopyJaccard is the Jaccard similarity of word 5-shingles at or above
	// which two documents are near copies.
	CopyJaccard = 0.5
	// CopyBlock is the share of the smaller document a shared verbatim
	// block must cover for the pair to be a copy (with boilerplate added
	// or paragraphs dropped).
	CopyBlock = 0.5

	shingleWords     = 5
	minhashSize      = 128
	minhashSeed      = 20151130
	lshThreshold     = 0.15
	minShingles      = 10 // fewer: too little text to call anything a copy
	minBlockShingles = 80 // the block rule needs a block this long
	blockGap         = 12 // an edit of a word or two breaks 5 to 10 shingles
)

// shingleSeq returns the hashes of the word 5-shingles of text, in text
// order.
func shingleSeq(text string) []uint64 {
	var words []uint64
	h := fnv.New64a()
	inWord := false
	var buf [utf8.UTFMax]byte
	flush := func() {
		if inWord {
			words = append(words, h.Sum64())
			h.Reset()
			inWord = false
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			h.Write(buf[:n])
			inWord = true
		case inWord && (r == '\'' || r == '’' || r == 'ʼ'):
			// apostrophe inside a word: skip it, the word goes on
		default:
			flush()
		}
	}
	flush()
	if len(words) < shingleWords {
		return nil
	}
	out := make([]uint64, 0, len(words)-shingleWords+1)
	for i := 0; i+shingleWords <= len(words); i++ {
		var s uint64 = 1469598103934665603
		for _, w := range words[i : i+shingleWords] {
			s = (s ^ w) * 1099511628211
			s ^= s >> 29
		}
		out = append(out, s)
	}
	return out
}

// shingleSet returns the sorted, de-duplicated shingles of seq.
func shingleSet(seq []uint64) []uint64 {
	out := make([]uint64, len(seq))
	copy(out, seq)
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	k := 0
	for i, v := range out {
		if i == 0 || v != out[k-1] {
			out[k] = v
			k++
		}
	}
	return out[:k]
}

// shingled is one text's shingles, in order and as a set.
type shingled struct {
	seq []uint64
	set []uint64
}

func shingle(text string) shingled {
	seq := shingleSeq(text)
	return shingled{seq: seq, set: shingleSet(seq)}
}

// copyBlock returns the length, in shingles, of the longest chain of
// verbatim runs a and b share in the same order, chained across gaps of at
// most blockGap shingles in both texts.
func copyBlock(a, b []uint64) int {
	pos := make(map[uint64][]int, len(b))
	for i, h := range b {
		pos[h] = append(pos[h], i)
	}
	best, chain := 0, 0
	endA, endB := -1, -1 // where the current chain's last run ends
	for j := 0; j < len(a); {
		run, at := 0, -1
		for _, i := range pos[a[j]] {
			k := 0
			for i+k < len(b) && j+k < len(a) && a[j+k] == b[i+k] {
				k++
			}
			// prefer the run that continues the chain
			cont := endA >= 0 && j-endA <= blockGap && i >= endB-shingleWords && i-endB <= blockGap
			if k > run || (k == run && cont) {
				run, at = k, i
			}
		}
		if run == 0 {
			j++
			continue
		}
		if endA >= 0 && j-endA <= blockGap && at >= endB-shingleWords && at-endB <= blockGap {
			chain += run
		} else {
			chain = run
		}
		best = max(best, chain)
		endA, endB = j+run, at+run
		j += run
	}
	return best
}

// signature is the MinHash signature of a shingle set.
func signature(set []uint64) []uint64 {
	mh := minhashlsh.NewMinhash(minhashSeed, minhashSize)
	var b [8]byte
	for _, s := range set {
		binary.LittleEndian.PutUint64(b[:], s)
		mh.Push(b[:])
	}
	sig := mh.Signature()
	out := make([]uint64, len(sig))
	copy(out, sig)
	return out
}

// overlap returns |a∩b| of two sorted sets.
func overlap(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// jaccard returns the Jaccard similarity of two sorted sets.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := overlap(a, b)
	return float64(n) / float64(len(a)+len(b)-n)
}

// isCopyPair applies the copy rules to two texts' shingles.
func isCopyPair(a, b shingled) (j float64, ok bool) {
	if len(a.set) < minShingles || len(b.set) < minShingles {
		return 0, false
	}
	n := overlap(a.set, b.set)
	j = float64(n) / float64(len(a.set)+len(b.set)-n)
	if j >= CopyJaccard {
		return j, true
	}
	// A block of K shingles puts nearly K distinct shingles in both sets:
	// skip the alignment when the sets cannot hold a block long enough.
	small := min(len(a.seq), len(b.seq))
	need := max(minBlockShingles, int(CopyBlock*float64(small)))
	if n < need*9/10 {
		return j, false
	}
	k := copyBlock(a.seq, b.seq)
	return j, k >= need
}

// copyIndex is the near-copy index of the stored documents.
//
// The LSH makes added documents searchable only after Index, which sorts
// every band table; calling it after each Add would make an ingest
// quadratic. Documents added since the last Index are kept in pending and
// checked band by band as the LSH would (so that whether a pair is found
// never depends on which was indexed first) until there are maxPending of
// them. The LSH has no delete either: removed documents are dropped from
// live and filtered out of query results, and the LSH is rebuilt once
// stale entries outnumber live ones.
type copyIndex struct {
	mu      sync.Mutex // guards lsh and pending: queries may run Index
	lsh     *minhashlsh.MinhashLSH
	pending []int // LSH keys added since the last Index
	next    int
	live    map[int]string // LSH key -> doc IRI
	key     map[string]int // doc IRI -> LSH key
	texts   map[string]shingled
	sigs    map[string][]uint64
	stale   int
}

func newCopyIndex() *copyIndex {
	return &copyIndex{
		lsh:   minhashlsh.NewMinhashLSH64(minhashSize, lshThreshold),
		live:  map[int]string{},
		key:   map[string]int{},
		texts: map[string]shingled{},
		sigs:  map[string][]uint64{},
	}
}

func (c *copyIndex) add(iri, text string) {
	c.remove(iri)
	sh := shingle(text)
	if len(sh.set) < minShingles {
		return
	}
	sig := signature(sh.set)
	c.mu.Lock()
	defer c.mu.Unlock()
	k := c.next
	c.next++
	c.live[k] = iri
	c.key[iri] = k
	c.texts[iri] = sh
	c.sigs[iri] = sig
	c.lsh.Add(k, sig)
	c.pending = append(c.pending, k)
}

// maxPending is how many documents may wait for the LSH's Index.
const maxPending = 128

func (c *copyIndex) remove(iri string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.key[iri]
	if !ok {
		return
	}
	delete(c.key, iri)
	delete(c.live, k)
	delete(c.texts, iri)
	delete(c.sigs, iri)
	c.stale++
	if c.stale > len(c.live) {
		c.rebuildLocked()
	}
}

// rebuildLocked rebuilds the LSH from the live signatures. c.mu is held.
func (c *copyIndex) rebuildLocked() {
	c.lsh = minhashlsh.NewMinhashLSH64(minhashSize, lshThreshold)
	iris := make([]string, 0, len(c.key))
	for iri := range c.key {
		iris = append(iris, iri)
	}
	sort.Strings(iris)
	for _, iri := range iris {
		c.lsh.Add(c.key[iri], c.sigs[iri])
	}
	c.lsh.Index()
	c.pending = nil
	c.stale = 0
}

// bandsMeet reports whether two signatures agree on every row of one of
// the LSH's bands: the pairs its Query finds.
func bandsMeet(a, b []uint64, rows, bands int) bool {
	for i := 0; i < bands; i++ {
		if (i+1)*rows <= len(a) && (i+1)*rows <= len(b) && slices.Equal(a[i*rows:(i+1)*rows], b[i*rows:(i+1)*rows]) {
			return true
		}
	}
	return false
}

// match is a stored document that is a near copy of (or copied by) a text.
type match struct {
	iri     string
	jaccard float64
}

// query returns the stored documents that are near copies of set, best
// first. It does not change what the index holds (it may finish indexing
// documents added since the last query).
func (c *copyIndex) query(sh shingled) []match {
	if len(sh.set) < minShingles {
		return nil
	}
	sig := signature(sh.set)
	c.mu.Lock()
	if len(c.pending) > maxPending {
		c.lsh.Index()
		c.pending = nil
	}
	keys := c.lsh.Query(sig)
	rows, bands := c.lsh.Params()
	for _, k := range c.pending {
		if iri, ok := c.live[k]; ok && bandsMeet(sig, c.sigs[iri], rows, bands) {
			keys = append(keys, k)
		}
	}
	var cands []string
	seen := map[int]bool{}
	for _, k := range keys {
		ki, ok := k.(int)
		if !ok || seen[ki] {
			continue
		}
		seen[ki] = true
		if iri, ok := c.live[ki]; ok {
			cands = append(cands, iri)
		}
	}
	texts := make([]shingled, len(cands))
	for i, iri := range cands {
		texts[i] = c.texts[iri]
	}
	c.mu.Unlock()

	var out []match
	for i, iri := range cands {
		if j, ok := isCopyPair(sh, texts[i]); ok {
			out = append(out, match{iri: iri, jaccard: j})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].jaccard != out[b].jaccard {
			return out[a].jaccard > out[b].jaccard
		}
		return out[a].iri < out[b].iri
	})
	return out
}

// copyParty is one side of a near-copy pair, as direction rules see it.
type copyParty struct {
	iri        string
	date       string
	dateSource string
	source     string
	name       string
	url        string
	text       string
}

// ownDate is the party's own date, or "" when it has none (unknown, or
// inherited from the document it copies).
func (p copyParty) ownDate() string {
	switch p.dateSource {
	case "copy", "unknown":
		return ""
	}
	if p.date == "" || strings.ContainsAny(p.date, "X") || strings.HasSuffix(p.date, "_REF") {
		return ""
	}
	return p.date
}

// firstCopies reports whether a is the copy of b: the later of two dated
// articles, else the one crediting the other's outlet, else (nothing
// tells them apart) the shorter text, then the greater IRI, so that the
// direction never depends on which came first.
func firstCopies(a, b copyParty) bool {
	da, db := a.ownDate(), b.ownDate()
	switch {
	case da == "" && db != "":
		return true
	case da != "" && db == "":
		return false
	case da != "" && db != "" && !strings.HasPrefix(da, db) && !strings.HasPrefix(db, da):
		return da > db
	}
	ab, ba := credits(a, b), credits(b, a)
	if ab != ba {
		return ab
	}
	if len(a.text) != len(b.text) {
		return len(a.text) < len(b.text)
	}
	return a.iri > b.iri
}

// Credit cues: the name of the outlet a text says it took its story from.
var creditRes = []*regexp.Regexp{
	// "Presstv.ir reports:" / "Reuters reported:" at the start of a line
	regexp.MustCompile(`(?m)^[ \t]*([\p{Lu}][\p{L}\p{N}.&'’ -]{1,40}?)[ \t]+(?:reports|reported|writes|wrote|says|said|notes)[ \t]*:`),
	// "according to Press TV" / "according to the New York Times"
	regexp.MustCompile(`(?i:according to)\s+(?:the\s+)?([\p{Lu}][\p{L}\p{N}.&-]*(?:\s+[\p{Lu}][\p{L}\p{N}.&-]*){0,4})`),
	// "Source: X", "via X", "originally published on/in/by X", "first appeared on X"
	regexp.MustCompile(`(?i:\bsource:|\bvia|originally (?:published|appeared|posted) (?:on|in|at|by)|first (?:published|appeared) (?:on|in|at|by))\s+(?:the\s+)?([\p{L}\p{N}][\p{L}\p{N}.&-]*(?:\s+[\p{Lu}][\p{L}\p{N}.&-]*){0,4})`),
}

// credited returns the normalized outlet names text credits.
func credited(text string) map[string]bool {
	out := map[string]bool{}
	for _, re := range creditRes {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if n := outletKey(m[1]); len(n) >= 3 {
				out[n] = true
			}
		}
	}
	return out
}

// Web suffixes dropped from outlet names ("Presstv.ir" is Press TV).
var outletSuffixes = []string{".com", ".org", ".net", ".ir", ".ru", ".co.uk", ".uk", ".info", ".news", ".tv", ".us", ".de", ".fr", ".cn", ".in"}

// outletKey normalizes an outlet name, site or host: lower-case, no "www.",
// no web suffix, letters and digits only ("Presstv.ir", "Press TV" and
// "www.presstv.ir" give "presstv").
func outletKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "www.")
	for _, suf := range outletSuffixes {
		if strings.HasSuffix(s, suf) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// squash lower-cases text and keeps only letters and digits, so that an
// outlet key can be looked for in it.
func squash(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// identity returns the outlet keys of a party: its Source, its URL's host
// and its Name when the name is a URL.
func (p copyParty) identity() []string {
	var ids []string
	if k := outletKey(p.source); k != "" {
		ids = append(ids, k)
	}
	for _, s := range []string{p.url, p.name} {
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			if k := outletKey(u.Hostname()); k != "" {
				ids = append(ids, k)
			}
		}
	}
	return ids
}

// credits reports whether a credits b's outlet and b does not credit the
// same name: a names b by its Source or host, or, when b's outlet is not
// known, by a name b's own text uses (Press TV's page says "Press TV's
// website").
func credits(a, b copyParty) bool {
	ca := credited(a.text)
	if len(ca) == 0 {
		return false
	}
	for n := range credited(b.text) {
		delete(ca, n)
	}
	if len(ca) == 0 {
		return false
	}
	ids := b.identity()
	for n := range ca {
		for _, id := range ids {
			if n == id {
				return true
			}
		}
	}
	if len(ids) > 0 {
		return false
	}
	sb, sa := squash(b.text), squash(a.text)
	for n := range ca {
		// b names it, and not only where a's text (the shared part)
		// names it: b's own words mention the outlet.
		if strings.Count(sb, n) > 0 && strings.Count(sb, n) >= strings.Count(sa, n) {
			return true
		}
	}
	return false
}
