package graph

// Reconciliation: how a new document's entities and events join the nodes
// other documents already created, and which stored documents it copies.
//
// # Entities
//
// Each doc.Entities[i] gets a node IRI, trying in order (the first rule that
// finds any candidate decides; a rule with several candidates that cannot be
// told apart gives a new node rather than a guess):
//
//  1. the same Key as a known node;
//  2. a known node of a compatible type (the same type, or GPE/LOC) with a
//     name or alias equal to this entity's name or one of its aliases,
//     compared case- and punctuation-insensitively, without a leading "the"
//     ("U.S." = "US", "the United States" = "United States");
//  3. acronyms: "US" and "United States", "ISIL" and "Islamic State of Iraq
//     and the Levant" (initials of the words other than of/the/and/...), for
//     every type but PERSON;
//  4. people by name suffix: "Obama" or "Barack Obama" and a known
//     "US President Barack Obama" (one name's words end the other's, once
//     leading titles and nationality adjectives are set aside: "President
//     Putin" is "Vladimir Putin").
//
// A PERSON candidate is dropped when its full names conflict with this one's
// ("Jeb Bush" never joins a node named "George W. Bush", even through the
// shared alias "Bush"). With several candidates, the one whose name ends
// with this entity's name (its last-name or head word) is taken when it is
// the only such one, else none is.
//
// The entities of the document itself are matched too, longest names first,
// so that a lone "Obama" joins the document's own "Barack Obama".
//
// A full name arriving after a stored short-name node ("Barack Obama" after a
// document that only said "Obama") reuses the stored node's IRI
// (entity/person/obama): the node then carries both names, and every
// document that mentions the person points to the one node. Without a match
// the IRI is EntityIRI(type, key).
//
// # Events
//
// Events are grouped within the document in reconcile_events.go, and across
// documents, story by story, by the reconcile package.

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/reconcile"
)

// Reconciler is an in-memory index of the documents, entity nodes and event
// nodes a store holds. It is not safe for concurrent Add/Remove; Plan and
// Record may run concurrently with each other.
type Reconciler struct {
	docs    map[string]*DocRecord
	ents    *entityIndex
	stories *reconcile.Stories
	trig    *reconcile.Triggers
	copies  *copyIndex
	// clusterDocs maps each event node to the documents that report it.
	clusterDocs refSet
	// compared remembers the event comparisons of earlier plans: a story
	// is clustered again for each article that joins it, and its stored
	// events are compared with each other only once.
	compared *reconcile.Comparisons
	// topic is the number of articles past which a story is clustered as
	// a running topic (reconcile.RunningTopic).
	topic int
}

// NewReconciler returns an empty reconciler.
func NewReconciler() *Reconciler {
	trig := reconcile.NewTriggers()
	return &Reconciler{
		docs:        map[string]*DocRecord{},
		ents:        newEntityIndex(),
		stories:     reconcile.NewStories(trig),
		clusterDocs: refSet{},
		trig:        trig,
		copies:      newCopyIndex(),
		compared:    reconcile.NewComparisons(),
		topic:       reconcile.RunningTopic,
	}
}

// Add registers a stored document (when the store is loaded, and after each
// write). A document already registered under the same IRI is replaced.
func (r *Reconciler) Add(rec DocRecord) {
	if rec.IRI == "" {
		rec.IRI = DocIRI(rec.ID)
	}
	r.Remove(rec.IRI)
	stored := rec
	r.docs[rec.IRI] = &stored
	for _, e := range rec.Entities {
		r.ents.add(rec.IRI, e)
	}
	r.stories.Add(article(&stored))
	for _, ev := range stored.Events {
		r.clusterDocs.add(ev.IRI, stored.IRI)
	}
	r.copies.add(rec.IRI, rec.Text)
}

// Remove forgets a document (before it is rewritten). Nodes no other
// document refers to are forgotten with it.
func (r *Reconciler) Remove(iri string) {
	rec, ok := r.docs[iri]
	if !ok {
		return
	}
	for _, e := range rec.Entities {
		r.ents.remove(iri, e)
	}
	r.stories.Remove(iri)
	for _, ev := range rec.Events {
		r.clusterDocs.del(ev.IRI, iri)
	}
	r.copies.remove(iri)
	delete(r.docs, iri)
}

// Len is the number of documents registered.
func (r *Reconciler) Len() int { return len(r.docs) }

// Plan decides how doc joins the graph: the IRI of every entity and event,
// the events' dates, and near-copy links. It does not change r.
func (r *Reconciler) Plan(doc *extract.Document) (*Plan, error) {
	if doc == nil {
		return nil, errors.New("reconcile: nil document")
	}
	id := doc.ID
	if id == "" {
		sum := sha256.Sum256([]byte(doc.Text))
		id = "sha256:" + hex.EncodeToString(sum[:])
	}
	p := &Plan{DocIRI: DocIRI(id)}
	r.planEntities(doc, p)
	// Copies first: an article and the one it copies tell the same
	// events, which lets events with no named participant merge too.
	r.planCopies(doc, p)
	r.planEvents(doc, p)
	return p, nil
}

// Record returns the record to Add once doc has been written with plan p.
func (r *Reconciler) Record(doc *extract.Document, p *Plan) DocRecord {
	if doc == nil || p == nil {
		return DocRecord{}
	}
	rec := DocRecord{
		IRI:        p.DocIRI,
		ID:         doc.ID,
		Name:       doc.Name,
		Source:     doc.Source,
		URL:        doc.URL,
		Date:       doc.DCT.Value,
		DateSource: doc.DCT.Source,
		Text:       doc.Text,
		Story:      p.Story,
	}
	if p.Copies != nil {
		rec.Copies = p.Copies.Original
	}
	rec.Entities = entityRecords(doc, p)
	rec.Events = eventRecords(doc, p)
	return rec
}

// entityRecords folds the document's entities into one record per node.
func entityRecords(doc *extract.Document, p *Plan) []EntityRecord {
	byIRI := map[string]int{}
	var out []EntityRecord
	for i, e := range doc.Entities {
		if i >= len(p.Entity) || p.Entity[i] == "" {
			continue
		}
		iri := p.Entity[i]
		k, ok := byIRI[iri]
		if !ok {
			byIRI[iri] = len(out)
			out = append(out, EntityRecord{IRI: iri, Type: string(e.Type), Name: e.Name, Key: e.Key})
			k = len(out) - 1
		}
		rec := &out[k]
		names := append([]string{e.Name}, e.Aliases...)
		if len(nameTokens(e.Name)) > len(nameTokens(rec.Name)) {
			names = append(names, rec.Name)
			rec.Name, rec.Key = e.Name, e.Key
		}
		for _, n := range names {
			if n != "" && n != rec.Name && !containsString(rec.Aliases, n) {
				rec.Aliases = append(rec.Aliases, n)
			}
		}
	}
	for i := range out {
		out[i].Aliases = removeString(out[i].Aliases, out[i].Name)
	}
	return out
}

// eventRecords folds the document's events into one record per node.
func eventRecords(doc *extract.Document, p *Plan) []EventRecord {
	type acc struct {
		rec                EventRecord
		agents, pats, locs map[string]bool
	}
	byIRI := map[string]*acc{}
	var order []string
	for i, ev := range doc.Events {
		if i >= len(p.Event) || p.Event[i] == "" {
			continue
		}
		iri := p.Event[i]
		a, ok := byIRI[iri]
		if !ok {
			a = &acc{rec: EventRecord{IRI: iri, Class: ev.Class, Lemma: ev.Lemma},
				agents: map[string]bool{}, pats: map[string]bool{}, locs: map[string]bool{}}
			if i < len(p.Local) {
				a.rec.Local = p.Local[i]
				a.rec.Why = p.Why[p.Local[i]]
			}
			byIRI[iri] = a
			order = append(order, iri)
		}
		// The node's facts as the store reads them back (bestOf): of
		// several values, the longest, then the smallest.
		a.rec.Lemma = bestValue(a.rec.Lemma, ev.Lemma)
		if !containsString(a.rec.Lemmas, ev.Lemma) {
			a.rec.Lemmas = append(a.rec.Lemmas, ev.Lemma)
		}
		if i < len(p.EventDate) {
			a.rec.Date = bestValue(a.rec.Date, p.EventDate[i])
		}
		if i < len(p.EventRangeBegin) {
			a.rec.RangeBegin = bestValue(a.rec.RangeBegin, p.EventRangeBegin[i])
		}
		if i < len(p.EventRangeEnd) {
			a.rec.RangeEnd = bestValue(a.rec.RangeEnd, p.EventRangeEnd[i])
		}
		if ev.Sentence >= 0 && ev.Sentence < len(doc.Sentences) {
			sp := doc.Sentences[ev.Sentence].Span
			if sp.Start >= 0 && sp.End <= len(doc.Text) && sp.Start <= sp.End {
				if w := reconcile.Wording(doc.Text[sp.Start:sp.End]); !containsString(a.rec.Wordings, w) {
					a.rec.Wordings = append(a.rec.Wordings, w)
				}
			}
		}
		addArgs(a.agents, ev.Agents, p.Entity)
		addArgs(a.pats, ev.Patients, p.Entity)
		addArgs(a.locs, ev.Locations, p.Entity)
		for _, j := range ev.Reports {
			if j >= 0 && j < len(p.Local) && j != i && !containsString(a.rec.Reports, p.Local[j]) {
				a.rec.Reports = append(a.rec.Reports, p.Local[j])
			}
		}
	}
	out := make([]EventRecord, 0, len(order))
	for _, iri := range order {
		a := byIRI[iri]
		a.rec.Agents = sortedKeys(a.agents)
		a.rec.Patients = sortedKeys(a.pats)
		a.rec.Locations = sortedKeys(a.locs)
		all := map[string]bool{}
		for k := range a.agents {
			all[k] = true
		}
		for k := range a.pats {
			all[k] = true
		}
		a.rec.Participants = sortedKeys(all)
		out = append(out, a.rec)
	}
	return out
}

// bestValue is the value bestOf prefers among one document's distinct
// values: the longer, then the smaller.
func bestValue(a, b string) string {
	if len(b) > len(a) || len(b) == len(a) && b < a {
		return b
	}
	return a
}

func addArgs(set map[string]bool, args []extract.Arg, ents []string) {
	for _, a := range args {
		if a.Entity >= 0 && a.Entity < len(ents) && ents[a.Entity] != "" {
			set[ents[a.Entity]] = true
		}
	}
}

// DocIRI is the IRI of the document with content id id ("sha256:<hex>"):
// "doc/" plus the first 16 hex digits of the digest. An id that is not a
// sha256 digest is hashed first.
func DocIRI(id string) string {
	h := strings.ToLower(strings.TrimPrefix(id, "sha256:"))
	if len(h) < 16 || !isHex(h[:16]) {
		sum := sha256.Sum256([]byte(id))
		h = hex.EncodeToString(sum[:])
	}
	return "doc/" + h[:16]
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// EntityIRI is the IRI of a new entity node: "entity/<lower type>/<slug>",
// the slug made from the part of key after its first colon: lower-case,
// spaces as '-', only letters (any script), digits and '-' kept
// ("gpe:US" -> entity/gpe/us, "person:barack obama" ->
// entity/person/barack-obama). A key with nothing left gets "h" plus 12 hex
// digits of its sha256.
func EntityIRI(typ extract.EntityType, key string) string {
	t := strings.ToLower(string(typ))
	if t == "" {
		t = "thing"
	}
	part := key
	if i := strings.IndexByte(key, ':'); i >= 0 {
		part = key[i+1:]
	}
	return "entity/" + slug(t) + "/" + slugOrHash(part, key)
}

func slugOrHash(s, whole string) string {
	if sl := slug(s); sl != "" {
		return sl
	}
	sum := sha256.Sum256([]byte(whole))
	return "h" + hex.EncodeToString(sum[:6])
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '-' || unicode.IsSpace(r) || r == '_':
			dash = true
		}
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// Entities

// refSet maps a lookup key to the node IRIs filed under it, with a count of
// the records that filed each.
type refSet map[string]map[string]int

func (s refSet) add(k, iri string) {
	if k == "" {
		return
	}
	m := s[k]
	if m == nil {
		m = map[string]int{}
		s[k] = m
	}
	m[iri]++
}

func (s refSet) del(k, iri string) {
	m := s[k]
	if m == nil {
		return
	}
	if m[iri]--; m[iri] <= 0 {
		delete(m, iri)
	}
	if len(m) == 0 {
		delete(s, k)
	}
}

// set is a counted set: each key counts the records that hold it, and a
// key leaves the set when its count drops to zero.
type set map[string]int

func (s set) add(k string) {
	if k != "" {
		s[k]++
	}
}

func (s set) del(k string) {
	if k == "" {
		return
	}
	if s[k]--; s[k] <= 0 {
		delete(s, k)
	}
}

func (s set) has(k string) bool { return s[k] > 0 }

// sorted lists the keys in order.
func (s set) sorted() []string {
	out := make([]string, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// entityNode is one entity node: what the records of the documents that
// refer to it say, counted so that a document can be taken away.
type entityNode struct {
	typ   string // type of the first record
	docs  set    // documents that refer to it
	full  set    // normalized canonical names
	names set    // normalized names and aliases
	keys  set    // reconciliation keys of its records
}

type entityIndex struct {
	nodes   map[string]*entityNode
	byKey   refSet // key -> IRIs
	byName  refSet // normalized name or alias -> IRIs
	byAcr   refSet // acronym of a multi-word name -> IRIs
	acrName refSet // acronym-shaped name ("US", "U.S.", "ISIL") -> IRIs
	byLast  refSet // a PERSON name's last word -> IRIs
}

func newEntityIndex() *entityIndex {
	return &entityIndex{
		nodes:   map[string]*entityNode{},
		byKey:   refSet{},
		byName:  refSet{},
		byAcr:   refSet{},
		acrName: refSet{},
		byLast:  refSet{},
	}
}

func (x *entityIndex) file(e EntityRecord, f func(s refSet, k string)) {
	f(x.byKey, e.Key)
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		nn := normName(n)
		if nn == "" {
			continue
		}
		f(x.byName, nn)
		if e.Type == string(extract.Person) {
			toks := strings.Fields(nn)
			f(x.byLast, toks[len(toks)-1])
			continue
		}
		if a := acronymShape(n); a != "" {
			f(x.acrName, a)
		}
		if a := acronymOf(nn); a != "" {
			f(x.byAcr, a)
		}
	}
}

func (x *entityIndex) add(doc string, e EntityRecord) {
	if e.IRI == "" {
		return
	}
	n := x.nodes[e.IRI]
	if n == nil {
		n = &entityNode{typ: e.Type, docs: set{}, full: set{}, names: set{}, keys: set{}}
		x.nodes[e.IRI] = n
	}
	n.docs.add(doc)
	n.keys.add(recordKey(e))
	n.full.add(normName(e.Name))
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		n.names.add(normName(a))
	}
	x.file(e, func(s refSet, k string) { s.add(k, e.IRI) })
}

// remove forgets record e of document doc.
func (x *entityIndex) remove(doc string, e EntityRecord) {
	n := x.nodes[e.IRI]
	if n == nil {
		return
	}
	n.docs.del(doc)
	n.keys.del(recordKey(e))
	n.full.del(normName(e.Name))
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		n.names.del(normName(a))
	}
	if len(n.docs) == 0 {
		delete(x.nodes, e.IRI)
	}
	x.file(e, func(s refSet, k string) { s.del(k, e.IRI) })
}

// nodeView is what matching needs to know of a node, gathered over the
// known index and the document's own entities.
type nodeView struct {
	iri   string
	typ   string
	full  []string // normalized canonical names
	names []string // normalized names and aliases
}

func viewOf(iri string, idx ...*entityIndex) *nodeView {
	v := &nodeView{iri: iri}
	full, names := set{}, set{}
	for _, x := range idx {
		n := x.nodes[iri]
		if n == nil {
			continue
		}
		if v.typ == "" {
			v.typ = n.typ
		}
		for k := range n.full {
			full.add(k)
		}
		for k := range n.names {
			names.add(k)
		}
	}
	v.full, v.names = full.sorted(), names.sorted()
	return v
}

// sharesSurname reports whether one of names (an entity's names and
// aliases; full is its canonical name) equals a name of v where, if it is
// a single word, it is the last word of a canonical name on both sides.
func sharesSurname(names []string, full string, v *nodeView) bool {
	lastWordOf := func(w string, full []string) bool {
		for _, f := range full {
			toks := strings.Fields(personCore(f))
			if len(toks) > 0 && toks[len(toks)-1] == w {
				return true
			}
		}
		return false
	}
	for _, n := range names {
		if !containsString(v.names, n) {
			continue
		}
		if len(strings.Fields(n)) > 1 {
			return true
		}
		if lastWordOf(n, v.full) && lastWordOf(n, []string{full}) {
			return true
		}
	}
	return false
}

// typesCompatible reports whether two entity types may be one node.
func typesCompatible(a, b string) bool {
	if a == b {
		return true
	}
	place := func(t string) bool { return t == string(extract.GPE) || t == string(extract.Loc) }
	return place(a) && place(b)
}

// suffixOf reports whether the words of short end the words of long.
func suffixOf(short, long string) bool {
	s, l := strings.Fields(short), strings.Fields(long)
	if len(s) == 0 || len(s) > len(l) {
		return false
	}
	off := len(l) - len(s)
	for i := range s {
		if s[i] != l[off+i] {
			return false
		}
	}
	return true
}

// Words that open a person's name without being part of it: titles and
// the nationality adjectives news copy puts before them ("US President
// Barack Obama", "Russian President Vladimir Putin").
var personTitles = map[string]bool{
	"president": true, "vice": true, "prime": true, "minister": true, "foreign": true, "defense": true,
	"defence": true, "secretary": true, "state": true, "general": true, "gen": true, "chancellor": true,
	"premier": true, "king": true, "queen": true, "prince": true, "princess": true, "sheikh": true,
	"ayatollah": true, "pope": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sir": true,
	"lord": true, "senator": true, "sen": true, "rep": true, "representative": true, "governor": true,
	"gov": true, "mayor": true, "speaker": true, "leader": true, "former": true, "then": true,
	"us": true, "american": true, "russian": true, "french": true, "british": true, "german": true,
	"chinese": true, "iranian": true, "turkish": true, "syrian": true, "israeli": true, "ukrainian": true,
	"saudi": true, "iraqi": true, "indian": true, "japanese": true, "italian": true, "spanish": true,
}

// personCore drops leading title words from a normalized person name,
// keeping at least its last word.
func personCore(norm string) string {
	toks := strings.Fields(norm)
	i := 0
	for i < len(toks)-1 && personTitles[toks[i]] {
		i++
	}
	return strings.Join(toks[i:], " ")
}

// personConflict reports whether a PERSON entity's full name contradicts
// the node's full names: both have several words and neither ends the
// other, and the node does not know this name as an alias.
func personConflict(name string, aliases []string, v *nodeView) bool {
	core := personCore(name)
	if len(strings.Fields(core)) < 2 {
		return false
	}
	for _, f := range v.full {
		fc := personCore(f)
		if len(strings.Fields(fc)) < 2 || suffixOf(core, fc) || suffixOf(fc, core) {
			continue
		}
		if containsString(v.names, name) || containsString(aliases, f) {
			continue
		}
		return true
	}
	return false
}

// matchEntity returns the IRI of the node e joins, or "" for a new node.
func matchEntity(e extract.Entity, idx ...*entityIndex) string {
	typ := string(e.Type)
	var names []string // normalized
	var raw []string
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if nn := normName(n); nn != "" && !containsString(names, nn) {
			names = append(names, nn)
			raw = append(raw, n)
		}
	}
	name := normName(e.Name)
	isPerson := e.Type == extract.Person

	views := map[string]*nodeView{}
	view := func(iri string) *nodeView {
		if v, ok := views[iri]; ok {
			return v
		}
		v := viewOf(iri, idx...)
		views[iri] = v
		return v
	}
	// collect gathers the compatible candidates of one rule.
	collect := func(lookup func(x *entityIndex) []string, accept func(v *nodeView) bool) []string {
		var out []string
		for _, x := range idx {
			for _, iri := range lookup(x) {
				if containsString(out, iri) {
					continue
				}
				v := view(iri)
				if !typesCompatible(v.typ, typ) {
					continue
				}
				if isPerson && personConflict(name, names, v) {
					continue
				}
				if accept == nil || accept(v) {
					out = append(out, iri)
				}
			}
		}
		sort.Strings(out)
		return out
	}
	keysOf := func(s refSet, ks ...string) []string {
		var out []string
		for _, k := range ks {
			for iri := range s[k] {
				out = append(out, iri)
			}
		}
		sort.Strings(out)
		return out
	}

	rules := []func() []string{
		func() []string {
			if e.Key == "" {
				return nil
			}
			return collect(func(x *entityIndex) []string {
				iris := keysOf(x.byKey, e.Key)
				if !isPerson || x != idx[0] || len(idx) == 1 {
					return iris
				}
				// A key made of a lone given name is no better than the
				// name (see the next rule).
				var out []string
				for _, iri := range iris {
					if len(strings.Fields(name)) > 1 || sharesSurname(names, name, view(iri)) {
						out = append(out, iri)
					}
				}
				return out
			}, nil)
		},
		func() []string {
			return collect(func(x *entityIndex) []string {
				iris := keysOf(x.byName, names...)
				if !isPerson || x != idx[0] || len(idx) == 1 {
					return iris
				}
				// Across documents, a person's lone given name ("Harry",
				// first word of "Harry Potter") names no one in
				// particular: it matches only as the surname or the whole
				// name of both.
				var out []string
				for _, iri := range iris {
					if sharesSurname(names, name, view(iri)) {
						out = append(out, iri)
					}
				}
				return out
			}, nil)
		},
		func() []string {
			if isPerson {
				return nil
			}
			return collect(func(x *entityIndex) []string {
				var out []string
				for i, n := range names {
					// Across documents a two-letter acronym of an
					// organisation ("IS": Islamic State, Industry
					// Secretary, Investec Securities) stands for too many
					// names; within one document the text defines it, and
					// places (US, UK) are few.
					if a := acronymShape(raw[i]); a != "" && (len(a) > 2 || typ == "GPE" || typ == "LOC" || x != idx[0] || len(idx) == 1) {
						out = append(out, keysOf(x.byAcr, a)...)
					}
					if a := acronymOf(n); a != "" && (len(a) > 2 || typ == "GPE" || typ == "LOC" || x != idx[0] || len(idx) == 1) {
						out = append(out, keysOf(x.acrName, a)...)
					}
				}
				return out
			}, nil)
		},
		func() []string {
			if !isPerson {
				return nil
			}
			return collect(func(x *entityIndex) []string {
				var out []string
				for _, n := range names {
					toks := strings.Fields(n)
					out = append(out, keysOf(x.byLast, toks[len(toks)-1])...)
				}
				return out
			}, func(v *nodeView) bool {
				// Canonical names only, on both sides: an alias such as
				// a lone given name ("Harry" of "Harry Potter") names no
				// one.
				for _, n := range []string{name} {
					for _, m := range v.full {
						n, m := personCore(n), personCore(m)
						if suffixOf(n, m) || suffixOf(m, n) {
							return true
						}
					}
				}
				return false
			})
		},
	}
	// An acronym the document itself spells out ("Industry Secretary ...
	// IS") means what the document says, whatever a gazetteer or another
	// article makes of it.
	if a := acronymShape(e.Name); a != "" && !isPerson && len(idx) > 1 {
		own := idx[len(idx)-1]
		var cands []string
		for iri := range own.byAcr[a] {
			if typesCompatible(view(iri).typ, typ) {
				cands = append(cands, iri)
			}
		}
		if len(cands) == 1 {
			return cands[0]
		}
	}
	for _, rule := range rules {
		cands := rule()
		switch len(cands) {
		case 0:
			continue
		case 1:
			return cands[0]
		}
		// Several: keep those whose canonical name ends with this name.
		var head []string
		for _, iri := range cands {
			for _, f := range view(iri).full {
				if suffixOf(name, f) {
					head = append(head, iri)
					break
				}
			}
		}
		if len(head) == 1 {
			return head[0]
		}
		return ""
	}
	return ""
}

func (r *Reconciler) planEntities(doc *extract.Document, p *Plan) {
	p.Entity = make([]string, len(doc.Entities))
	order := make([]int, len(doc.Entities))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return len(nameTokens(doc.Entities[order[a]].Name)) > len(nameTokens(doc.Entities[order[b]].Name))
	})
	own := newEntityIndex()
	created := map[string]bool{}
	for _, i := range order {
		e := doc.Entities[i]
		iri := matchEntity(e, r.ents, own)
		if iri == "" {
			key := e.Key
			if key == "" {
				key = strings.ToLower(string(e.Type)) + ":" + normName(e.Name)
			}
			iri = EntityIRI(e.Type, key)
		}
		p.Entity[i] = iri
		if r.ents.nodes[iri] == nil {
			created[iri] = true
		}
		own.add(p.DocIRI, EntityRecord{IRI: iri, Type: string(e.Type), Name: e.Name, Key: e.Key, Aliases: e.Aliases})
	}
	p.NewEntities = len(created)
	r.nameEntities(doc, p)
	p.Replan = r.surnameSplits(doc, p)
}

// surnameSplits lists the stored documents that name a person by a lone
// surname ("Howard") joined to the one full name known to end with it
// ("Michael Howard"), when this document brings a second full name that
// ends with it ("Paul Howard"): the surname now names either, so those
// documents are planned again and keep it apart, as they would had they
// come after both full names. Which came first never decides.
func (r *Reconciler) surnameSplits(doc *extract.Document, p *Plan) []string {
	back := map[string]string{}
	for from, to := range p.EntityRenames {
		back[to] = from
	}
	fulls := map[string]map[string]bool{} // surname -> nodes of full names ending with it
	// changed holds the surnames whose possible referents this document
	// changes: it brings a full name ending with one, or a name for a
	// known person ("Howard", "Mr Howard") that person was not known by.
	// Another article that names a known person as before changes nothing
	// for the documents that call someone by that surname alone.
	changed := map[string]bool{}
	for i, e := range doc.Entities {
		if e.Type != extract.Person || i >= len(p.Entity) || p.Entity[i] == "" {
			continue
		}
		iri := p.Entity[i]
		if from, ok := back[iri]; ok {
			iri = from
		}
		node := r.ents.nodes[iri]
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			nn := normName(name)
			toks := strings.Fields(personCore(nn))
			if len(toks) == 0 {
				continue
			}
			w := toks[len(toks)-1]
			if fulls[w] == nil {
				fulls[w] = map[string]bool{}
				for ref := range r.ents.byLast[w] {
					if n := r.ents.nodes[ref]; n != nil && endsFullName(n.full, w) {
						fulls[w][ref] = true
					}
				}
			}
			if node == nil || !node.names.has(nn) {
				changed[w] = true
			}
			if fullNameSurname(normName(e.Name)) == w && !fulls[w][iri] {
				fulls[w][iri] = true
				changed[w] = true
			}
		}
	}
	var out []string
	for w, nodes := range fulls {
		if !changed[w] || len(nodes) < 2 {
			continue
		}
		for iri := range nodes {
			n := r.ents.nodes[iri]
			if n == nil {
				continue
			}
			for d := range n.docs {
				if rec := r.docs[d]; rec != nil && d != p.DocIRI && namesSurnameOnly(rec, iri, w) && !containsString(out, d) {
					out = append(out, d)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// fullNameSurname is the last word of a normalized person name of two
// words or more once titles are set aside, else "".
func fullNameSurname(norm string) string {
	toks := strings.Fields(personCore(norm))
	if len(toks) < 2 {
		return ""
	}
	return toks[len(toks)-1]
}

// endsFullName reports whether one of the normalized full names is a name
// of two words or more ending with w.
func endsFullName(full set, w string) bool {
	for f := range full {
		if fullNameSurname(f) == w {
			return true
		}
	}
	return false
}

// namesSurnameOnly reports whether rec refers to node iri by the lone
// surname w alone ("Howard", "Mr Howard").
func namesSurnameOnly(rec *DocRecord, iri, w string) bool {
	for _, e := range rec.Entities {
		if e.IRI != iri {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if personCore(normName(n)) != w {
				return false
			}
		}
		return true
	}
	return false
}

// nameEntities names each node this document refers to after the best of
// all its keys (the fullest name, then the smallest key), so that a node
// is called the same whatever order its names came in: "Richard Eyre"
// first and "Sir Richard Eyre" later end as the node "Sir Richard Eyre"
// would have begun. A stored node that must be renamed is listed in
// p.EntityRenames; its documents are restamped (see planStory).
func (r *Reconciler) nameEntities(doc *extract.Document, p *Plan) {
	keys := map[string]set{}
	for i, e := range doc.Entities {
		iri := p.Entity[i]
		if keys[iri] == nil {
			keys[iri] = set{}
			if n := r.ents.nodes[iri]; n != nil {
				for k := range n.keys {
					keys[iri].add(k)
				}
			}
		}
		keys[iri].add(recordKey(EntityRecord{Type: string(e.Type), Name: e.Name, Key: e.Key}))
	}
	rename := map[string]string{}
	for iri, ks := range keys {
		to := preferredIRI(iri, ks.sorted())
		if to != iri && r.ents.nodes[to] == nil {
			rename[iri] = to
		}
	}
	for i, iri := range p.Entity {
		if to, ok := rename[iri]; ok {
			p.Entity[i] = to
		}
	}
	for from, to := range rename {
		if r.ents.nodes[from] != nil {
			if p.EntityRenames == nil {
				p.EntityRenames = map[string]string{}
			}
			p.EntityRenames[from] = to
		}
	}
}

// recordKey is what naming knows of an entity record: "0:" and its key
// when the key is a gazetteer id (it differs from the type and name), which
// always names the node; else "1:" and its type and normalized name.
func recordKey(e EntityRecord) string {
	byName := strings.ToLower(e.Type) + ":" + normName(e.Name)
	if e.Key != "" && e.Key != byName && e.Key != strings.ToLower(e.Type)+":"+strings.ToLower(e.Name) {
		return "0:" + e.Key
	}
	return "1:" + byName
}

// preferredIRI is the IRI a node of the given naming keys (recordKey) is
// named by: its type as iri has it, and the smallest gazetteer id if it has
// one, else the fullest name (most words once titles and a leading "the"
// are set aside), then the one with fewer title words, then the smallest.
func preferredIRI(iri string, keys []string) string {
	best, bestCore, bestAll := "", -1, 0
	for _, k := range keys {
		if strings.HasPrefix(k, "0:") {
			if !strings.HasPrefix(best, "0:") || k < best {
				best = k
			}
			continue
		}
		if strings.HasPrefix(best, "0:") {
			continue
		}
		name := k[strings.IndexByte(k[2:], ':')+3:]
		core, all := len(strings.Fields(personCore(name))), len(strings.Fields(name))
		if core > bestCore || core == bestCore && (all < bestAll || all == bestAll && k < best) {
			best, bestCore, bestAll = k, core, all
		}
	}
	seg := strings.Split(iri, "/")
	if best == "" || len(seg) != 3 || seg[0] != "entity" {
		return iri
	}
	key := best[2:]
	part := key
	if i := strings.IndexByte(key, ':'); i >= 0 {
		part = key[i+1:]
	}
	return "entity/" + seg[1] + "/" + slugOrHash(part, key)
}

// Stop words left out of acronyms ("Islamic State of Iraq and the Levant"
// is ISIL).
var acronymStop = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true, "to": true, "de": true, "du": true, "des": true, "la": true, "le": true, "&": true}

// acronymOf returns the lower-case initials of a normalized multi-word name,
// or "".
func acronymOf(norm string) string {
	toks := strings.Fields(norm)
	if len(toks) < 2 {
		return ""
	}
	var b strings.Builder
	for _, t := range toks {
		if acronymStop[t] {
			continue
		}
		r := []rune(t)[0]
		if !unicode.IsLetter(r) {
			return ""
		}
		b.WriteRune(r)
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// acronymShape returns the lower-cased letters of a name written as an
// acronym ("US", "U.S.", "ISIL": 2 to 6 capital letters, dots allowed), or "".
func acronymShape(name string) string {
	var b strings.Builder
	n := 0
	for _, r := range strings.TrimSpace(name) {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			b.WriteRune(unicode.ToLower(r))
			n++
		default:
			return ""
		}
	}
	if n < 2 || n > 6 {
		return ""
	}
	return b.String()
}

// normName normalizes a name for comparison: lower-case, dots and
// apostrophes dropped, other punctuation a space, a leading "the" dropped.
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '.' || r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

func nameTokens(s string) []string { return strings.Fields(normName(s)) }

// ---------------------------------------------------------------------------
// Copies

func (r *Reconciler) planCopies(doc *extract.Document, p *Plan) {
	matches := r.copies.query(shingle(doc.Text))
	me := copyParty{iri: p.DocIRI, date: doc.DCT.Value, dateSource: doc.DCT.Source,
		source: doc.Source, name: doc.Name, url: doc.URL, text: doc.Text}
	if me.dateSource == "" && me.date != "" {
		me.dateSource = "flag"
	}
	var originals []CopyLink
	for _, m := range matches {
		if m.iri == p.DocIRI {
			continue
		}
		rec := r.docs[m.iri]
		if rec == nil {
			continue
		}
		other := partyOf(rec)
		if firstCopies(me, other) {
			originals = append(originals, CopyLink{Copy: p.DocIRI, Original: rec.IRI,
				Similarity: m.jaccard, OriginalDate: other.ownDate()})
			continue
		}
		// The stored copy is planned again (Store.Ingest) when it has no
		// date of its own (it takes this one's) or this document is a
		// better original than the one it has.
		link := CopyLink{Copy: rec.IRI, Original: p.DocIRI, Similarity: m.jaccard, OriginalDate: me.ownDate()}
		if rec.Date == "" || rec.Copies != p.DocIRI && r.betterOriginal(rec, link, me) {
			p.CopiedBy = append(p.CopiedBy, link)
		}
	}
	if len(originals) == 0 {
		return
	}
	best := bestOriginal(originals, func(iri string) copyParty { return partyOf(r.docs[iri]) })
	p.Copies = &best
}

// betterOriginal reports whether me (not stored yet, linked to rec as
// link says) is the original the stored copy rec would take among all
// its candidates.
func (r *Reconciler) betterOriginal(rec *DocRecord, link CopyLink, me copyParty) bool {
	cp := partyOf(rec)
	cands := []CopyLink{link}
	for _, m := range r.copies.query(shingle(rec.Text)) {
		if o := r.docs[m.iri]; o != nil && m.iri != rec.IRI && m.iri != me.iri && firstCopies(cp, partyOf(o)) {
			cands = append(cands, CopyLink{Copy: rec.IRI, Original: o.IRI, Similarity: m.jaccard})
		}
	}
	best := bestOriginal(cands, func(iri string) copyParty {
		if iri == me.iri {
			return me
		}
		return partyOf(r.docs[iri])
	})
	return best.Original == me.iri
}

// bestOriginal is the original a copy takes among its candidates: one
// that copies none of the other candidates, then the most similar, then
// the smallest IRI, decided by the texts alone, never by which was stored
// first. party gives each candidate original.
func bestOriginal(originals []CopyLink, party func(iri string) copyParty) CopyLink {
	chained := map[string]bool{}
	for _, x := range originals {
		for _, y := range originals {
			if x.Original != y.Original && firstCopies(party(x.Original), party(y.Original)) {
				chained[x.Original] = true
			}
		}
	}
	originals = slices.Clone(originals)
	sort.Slice(originals, func(a, b int) bool {
		x, y := originals[a], originals[b]
		if chained[x.Original] != chained[y.Original] {
			return !chained[x.Original]
		}
		if x.Similarity != y.Similarity {
			return x.Similarity > y.Similarity
		}
		return x.Original < y.Original
	})
	return originals[0]
}

// partyOf is a stored document as copy detection sees it.
func partyOf(rec *DocRecord) copyParty {
	return copyParty{iri: rec.IRI, date: rec.Date, dateSource: rec.DateSource,
		source: rec.Source, name: rec.Name, text: rec.Text}
}

// ---------------------------------------------------------------------------
// small helpers

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func removeString(list []string, s string) []string {
	out := list[:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
