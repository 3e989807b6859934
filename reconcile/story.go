package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Article is what story grouping and event clustering know of one stored
// or new article.
type Article struct {
	IRI      string
	Source   string
	Date     string // the article's date (TIMEX3 value, may be partial), "" unknown
	Copies   string // IRI of the article it copies, "" if none
	Entities []Entity
	Events   []Event
}

// Entity is a reconciled entity an article names.
type Entity struct {
	IRI  string
	Type string // PERSON, ORG, GPE, LOC, FACILITY, EQUIPMENT, ...
}

// entityWeight: people and named organisations, things and facilities
// identify a story more than the countries it happens in.
func entityWeight(typ string) float64 {
	switch typ {
	case "PERSON":
		return 3
	case "GPE", "LOC":
		return 1
	}
	return 2
}

// Two articles are one story when they tell a happening of one kind (the
// same trigger concept; statements and light verbs do not count) and share
// enough named entities: a shared weight of at least storyMin and at
// least storyRatio of the geometric mean of the two articles' weights
// (storyRatioConcept when the happening shares no participant or date),
// so that a short article naming two famous people does not join every
// article about them. Articles written more than a month apart are one
// story only through a dated happening they share. A copy is always in its
// original's story.
// Measured on ECB+ topics 1-35 (pairs of articles in one sub-topic) and
// BBC News, where the politics section still makes one story of 216 of
// its 417 articles: stories that large are clustered as running topics
// (see RunningTopic in cluster.go). See README.
const (
	storyMin          = 2.0
	storyRatio        = 0.3
	storyRatioConcept = 0.5
)

// storyEvent reports whether an event identifies a story: not a
// statement (everything is said of everything) nor a light verb.
func storyEvent(ev *Event) bool { return ev.Class != "statement" }

// LightVerb reports whether a trigger is a light verb ("make", "take",
// "have"), which tells nothing of the happening.
func (t *Triggers) LightVerb(lemma string) bool { return lightVerbs[t.keyOf(lemma)] }

// lightVerbs are triggers too common to tell stories apart, by stem.
var lightVerbs = map[string]bool{"be": true, "have": true, "do": true, "make": true, "take": true,
	"get": true, "go": true, "come": true, "give": true, "put": true, "set": true, "use": true,
	"see": true, "want": true, "need": true, "keep": true, "let": true, "seem": true, "becom": true}

// features are an article's story features.
type features struct {
	ents     map[string]float64 // entity IRI -> weight
	total    float64
	keys     []string // event keys, sorted
	concepts []string // trigger concepts of its happenings, sorted
}

func featuresOf(t *Triggers, a *Article) features {
	f := features{ents: map[string]float64{}}
	for _, e := range a.Entities {
		w := entityWeight(e.Type)
		k := nameKey(e.IRI)
		if w > f.ents[k] {
			f.total += w - f.ents[k]
			f.ents[k] = w
		}
	}
	keys, concepts := map[string]bool{}, map[string]bool{}
	for _, ev := range a.Events {
		if !storyEvent(&ev) {
			continue
		}
		for _, l := range ev.Lemmas {
			cs := t.Concepts(l)
			if len(cs) == 0 || lightVerbs[strings.TrimPrefix(cs[0], "s:")] {
				continue
			}
			c := cs[len(cs)-1] // the concept group if any, else the stem
			concepts[c] = true
			for _, p := range union(ev.Agents, ev.Patients) {
				keys[c+"|"+nameKey(p)] = true
			}
			if Specific(ev.Date) && len(ev.Date) >= 10 {
				keys[c+"|@"+ev.Date[:10]] = true
			}
		}
	}
	for k := range keys {
		f.keys = append(f.keys, k)
	}
	sort.Strings(f.keys)
	for c := range concepts {
		f.concepts = append(f.concepts, c)
	}
	sort.Strings(f.concepts)
	return f
}

// nameKey is what an entity counts as among an article's story features:
// its name without its type, so that a tagging slip ("Tara Reid" an
// organisation in one article, a person in another) does not part a story.
func nameKey(iri string) string {
	if _, name := splitIRI(iri); name != "" {
		return name
	}
	return iri
}

// storyLink decides whether two articles are one story and says why.
func storyLink(a, b *Article, fa, fb features) (bool, string) {
	if a.Copies == b.IRI || b.Copies == a.IRI {
		return true, "copy"
	}
	// The shared names first: cheap, and most candidates fail there.
	small, large := fa.ents, fb.ents
	if len(small) > len(large) {
		small, large = large, small
	}
	w := 0.0
	for iri, x := range small {
		if y, ok := large[iri]; ok {
			w += min(x, y)
		}
	}
	mean := math.Sqrt(fa.total * fb.total)
	if w < storyMin || w < storyRatio*mean {
		return false, ""
	}
	if d, ok := daysApart(a.Date, b.Date); ok && d > articleGap && !sharedDay(fa.keys, fb.keys) {
		// Written more than a month apart, with no dated happening in
		// common: two stories of one kind (two earthquakes).
		return false, ""
	}
	shared := sortedCommon(fa.keys, fb.keys)
	if len(shared) == 0 {
		// The same kind of happening, with no participant or date in
		// common: the articles must share more of their names.
		if w < storyRatioConcept*mean {
			return false, ""
		}
		shared = sortedCommon(fa.concepts, fb.concepts)
	}
	if len(shared) == 0 {
		return false, ""
	}
	return true, fmt.Sprintf("shared %s; shared entity weight %.0f", strings.Join(shared, ", "), w)
}

// sharedDay reports whether two articles' event keys share a dated one.
func sharedDay(a, b []string) bool {
	for _, k := range sortedCommon(a, b) {
		if strings.Contains(k, "|@") {
			return true
		}
	}
	return false
}

// sortedCommon lists what two sorted lists share, in one pass over both.
func sortedCommon(a, b []string) []string {
	var out []string
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return out
}

// Stories groups articles into stories. It keeps an inverted index from
// happening concepts to articles, so a new article is compared only with
// the articles that tell a happening of the same kind, and the links
// found. Not safe
// for concurrent use.
type Stories struct {
	t     *Triggers
	arts  map[string]*Article
	feats map[string]features
	index map[string]map[string]bool // happening concept -> article IRIs
	links map[string]map[string]string
}

// NewStories returns an empty story index.
func NewStories(t *Triggers) *Stories {
	return &Stories{t: t, arts: map[string]*Article{}, feats: map[string]features{},
		index: map[string]map[string]bool{}, links: map[string]map[string]string{}}
}

// Add files an article (replacing one of the same IRI) and links it to the
// articles it shares a story with.
func (s *Stories) Add(a Article) {
	s.Remove(a.IRI)
	art := &a
	f := featuresOf(s.t, art)
	links := s.linksOf(art, f, nil)
	s.arts[a.IRI], s.feats[a.IRI] = art, f
	s.links[a.IRI] = links
	for o, why := range links {
		s.links[o][a.IRI] = why
	}
	for _, k := range f.concepts {
		if s.index[k] == nil {
			s.index[k] = map[string]bool{}
		}
		s.index[k][a.IRI] = true
	}
}

// filed returns the filed article iri as it reads once the entity nodes
// of rename (old IRI -> new) are renamed, its features, and whether any
// of its entities is renamed.
func (s *Stories) filed(iri string, rename map[string]string) (*Article, features, bool) {
	a := s.arts[iri]
	if a == nil || len(rename) == 0 {
		return a, s.feats[iri], false
	}
	for _, e := range a.Entities {
		if _, ok := rename[e.IRI]; ok {
			r := RenameEntities(*a, rename)
			return &r, featuresOf(s.t, &r), true
		}
	}
	return a, s.feats[iri], false
}

// RenameEntities is a with the entity IRIs of rename (old -> new) renamed,
// in its entities and its events' participants; a itself is not changed.
func RenameEntities(a Article, rename map[string]string) Article {
	name := func(xs []string) []string { return Renamed(xs, rename) }
	ents := make([]Entity, len(a.Entities))
	for i, e := range a.Entities {
		if y, ok := rename[e.IRI]; ok {
			e.IRI = y
		}
		ents[i] = e
	}
	a.Entities = ents
	evs := make([]Event, len(a.Events))
	for i, ev := range a.Events {
		ev.Agents, ev.Patients, ev.Locations = name(ev.Agents), name(ev.Patients), name(ev.Locations)
		evs[i] = ev
	}
	a.Events = evs
	return a
}

// Renamed is a copy of xs with each IRI of rename (old -> new) renamed.
func Renamed(xs []string, rename map[string]string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		if y, ok := rename[x]; ok {
			x = y
		}
		out[i] = x
	}
	return out
}

// linksOf finds the filed articles a shares a story with: the candidates
// are those sharing an event key, its original and its copies, compared
// as they read once the entity nodes of rename are renamed. It does not
// change s; a filed article of a's IRI is ignored.
func (s *Stories) linksOf(a *Article, f features, rename map[string]string) map[string]string {
	cands := map[string]bool{}
	for _, k := range f.concepts {
		for o := range s.index[k] {
			cands[o] = true
		}
	}
	if s.arts[a.Copies] != nil {
		cands[a.Copies] = true
	}
	for o, oa := range s.arts {
		if oa.Copies == a.IRI {
			cands[o] = true
		}
	}
	links := map[string]string{}
	for o := range cands {
		if o == a.IRI {
			continue
		}
		oa, of, _ := s.filed(o, rename)
		if ok, why := storyLink(a, oa, f, of); ok {
			links[o] = why
		}
	}
	return links
}

// With returns the story a would join if it were filed (replacing any
// article of its IRI) and the entity nodes of rename (old IRI -> new) were
// renamed in the filed articles, as they are once a is written: the sorted
// member IRIs, the articles as they then read (a's new version among
// them), and a's direct links with their reasons. The links of a filed
// article a renamed node changes are found again under the new names, so
// the story is the one the articles make whatever the order they came in.
// It does not change s, so it may run concurrently with other calls that
// do not change s.
func (s *Stories) With(a Article, rename map[string]string) ([]string, map[string]*Article, map[string]string) {
	art := &a
	links := s.linksOf(art, featuresOf(s.t, art), rename)
	arts := map[string]*Article{a.IRI: art}
	queue := make([]string, 0, len(links))
	for o := range links {
		queue = append(queue, o)
	}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		if arts[x] != nil {
			continue
		}
		xa, xf, renamed := s.filed(x, rename)
		arts[x] = xa
		next := s.links[x]
		if renamed {
			next = s.linksOf(xa, xf, rename)
		}
		for y := range next {
			if arts[y] != nil || y == a.IRI {
				continue
			}
			if ya, yf, ok := s.filed(y, rename); ok && !renamed {
				if linked, _ := storyLink(xa, ya, xf, yf); !linked {
					continue // a link the rename undoes
				}
			}
			queue = append(queue, y)
		}
	}
	members := make([]string, 0, len(arts))
	for x := range arts {
		members = append(members, x)
	}
	sort.Strings(members)
	return members, arts, links
}

// Remove forgets an article and its links.
func (s *Stories) Remove(iri string) {
	f, ok := s.feats[iri]
	if !ok {
		return
	}
	for _, k := range f.concepts {
		delete(s.index[k], iri)
		if len(s.index[k]) == 0 {
			delete(s.index, k)
		}
	}
	for o := range s.links[iri] {
		delete(s.links[o], iri)
	}
	delete(s.links, iri)
	delete(s.arts, iri)
	delete(s.feats, iri)
}

// Article returns a filed article, or nil.
func (s *Stories) Article(iri string) *Article { return s.arts[iri] }

// Component returns the sorted IRIs of the articles in iri's story.
func (s *Stories) Component(iri string) []string {
	if s.arts[iri] == nil {
		return nil
	}
	seen := map[string]bool{iri: true}
	queue := []string{iri}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for y := range s.links[x] {
			if !seen[y] {
				seen[y] = true
				queue = append(queue, y)
			}
		}
	}
	out := make([]string, 0, len(seen))
	for x := range seen {
		out = append(out, x)
	}
	sort.Strings(out)
	return out
}

// Linked reports whether two filed articles are linked directly once the
// entity nodes of rename (old IRI -> new) are renamed, and why.
func (s *Stories) Linked(a, b string, rename map[string]string) (bool, string) {
	aa, af, ra := s.filed(a, rename)
	ba, bf, rb := s.filed(b, rename)
	if (ra || rb) && aa != nil && ba != nil {
		return storyLink(aa, ba, af, bf)
	}
	why, ok := s.links[a][b]
	return ok, why
}

// StoryID is the IRI of the story made of the given sorted article IRIs:
// derived from its first article, so it is the same whatever the order of
// ingest and changes only when an article with a smaller IRI joins.
func StoryID(members []string) string {
	if len(members) == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(members[0]))
	return "story/" + hex.EncodeToString(sum[:8])
}
