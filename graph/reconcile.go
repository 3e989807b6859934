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
// Each event gets a date: the value of its TIMEX when that is a DATE or TIME
// (a TIME truncated to its day); a TIMEX that opens or closes a range
// ("since September 30", "until Friday") gives EventRangeBegin/End instead,
// and the event is then not dated by it. Events are merged, within the
// document and with known event nodes, when:
//
//   - the class is the same;
//   - the date (or range) is the same and both are dated; or both are
//     undated, have the same lemma and, across documents, come from
//     documents of the same date (the DCT, or the date a copy took from its
//     original: an undated event has no other time context); within one
//     sentence an undated mention may join a dated one;
//   - the participants are compatible: in each role (agent, patient) that
//     both fill they share an entity, and no entity is the agent of one and
//     the patient of the other (A attacks B never merges with B attacks A);
//     for symmetric classes (meet, consult, negotiate, cooperate, talk)
//     roles are ignored and two events with two or more participants each
//     must share two. Events without participants merge across documents
//     only with the same lemma and a shared location; within a document
//     only when dated or in the same sentence. A mention without
//     participants ("the meeting") joins a mention of the same lemma and
//     date in the same document.
//
// Reporting events (class "statement") are merged only when what they report
// merges: their identity is their class, date, participants and the IRIs of
// the events they report.
//
// A new event node's IRI is "event/" + 16 hex digits of
// sha256(class|date|participants|lemma) where participants are the sorted
// entity IRIs tagged with their role ("a:entity/gpe/tr", "p:entity/...")
// so that A-attacks-B and B-attacks-A differ. Events with no date or no
// participants carry too little identity to be shared by accident: their
// hash also includes the document IRI and the event index. Statements hash
// class|date|participants|reported event IRIs.

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/storyline/storyline/extract"
)

// Reconciler is an in-memory index of the documents, entity nodes and event
// nodes a store holds. It is not safe for concurrent Add/Remove; Plan and
// Record may run concurrently with each other.
type Reconciler struct {
	docs   map[string]*DocRecord
	ents   *entityIndex
	evs    *eventIndex
	copies *copyIndex
}

// NewReconciler returns an empty reconciler.
func NewReconciler() *Reconciler {
	return &Reconciler{
		docs:   map[string]*DocRecord{},
		ents:   newEntityIndex(),
		evs:    newEventIndex(),
		copies: newCopyIndex(),
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
	for _, ev := range rec.Events {
		r.evs.add(rec.IRI, rec.Date, ev)
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
	for _, ev := range rec.Events {
		r.evs.remove(iri, rec.Date, ev)
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
			if i < len(p.EventDate) {
				a.rec.Date = p.EventDate[i]
			}
			if i < len(p.EventRangeBegin) {
				a.rec.RangeBegin = p.EventRangeBegin[i]
			}
			if i < len(p.EventRangeEnd) {
				a.rec.RangeEnd = p.EventRangeEnd[i]
			}
			byIRI[iri] = a
			order = append(order, iri)
		}
		addArgs(a.agents, ev.Agents, p.Entity)
		addArgs(a.pats, ev.Patients, p.Entity)
		addArgs(a.locs, ev.Locations, p.Entity)
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
		n = &entityNode{typ: e.Type, docs: set{}, full: set{}, names: set{}}
		x.nodes[e.IRI] = n
	}
	n.docs.add(doc)
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
			return collect(func(x *entityIndex) []string { return keysOf(x.byKey, e.Key) }, nil)
		},
		func() []string {
			return collect(func(x *entityIndex) []string { return keysOf(x.byName, names...) }, nil)
		},
		func() []string {
			if isPerson {
				return nil
			}
			return collect(func(x *entityIndex) []string {
				var out []string
				for i, n := range names {
					if a := acronymShape(raw[i]); a != "" {
						out = append(out, keysOf(x.byAcr, a)...)
					}
					if a := acronymOf(n); a != "" {
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
				for _, n := range names {
					for _, m := range v.names {
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
// Events

// eventIndex holds the known event nodes. Each node keeps the merged facts
// of the records that report it, updated as documents come and go, and is
// filed under its class and date, or, when undated, its class and the date
// of each document reporting it (undated events merge across documents
// only within that date).
type eventIndex struct {
	nodes    map[string]*eventNode
	byBucket refSet // bucketKey -> IRIs
}

type eventNode struct {
	docs  set // documents that report it
	facts *evFacts
}

func newEventIndex() *eventIndex {
	return &eventIndex{nodes: map[string]*eventNode{}, byBucket: refSet{}}
}

// bucketKey is where an event with date key key, reported by a document of
// date context ctx, is filed; "" when it cannot merge across documents.
func bucketKey(class, key, ctx string) string {
	switch {
	case key != "":
		return class + "|" + key
	case ctx != "":
		return class + "|@" + ctx
	}
	return ""
}

// recordFacts is what one stored record says of its event node.
func recordFacts(ev EventRecord, ctx string) *evFacts {
	f := newFacts()
	f.class = ev.Class
	f.key = dateKey(ev.Date, ev.RangeBegin, ev.RangeEnd)
	f.lemmas.add(ev.Lemma)
	for _, a := range ev.Agents {
		f.agents.add(a)
	}
	for _, a := range ev.Patients {
		f.patients.add(a)
	}
	for _, a := range ev.Locations {
		f.locations.add(a)
	}
	f.ctx.add(ctx)
	return f
}

// add files record ev of document doc, whose date is date.
func (x *eventIndex) add(doc, date string, ev EventRecord) {
	if ev.IRI == "" {
		return
	}
	n := x.nodes[ev.IRI]
	if n == nil {
		n = &eventNode{docs: set{}, facts: newFacts()}
		n.facts.class = ev.Class
		x.nodes[ev.IRI] = n
	}
	n.docs.add(doc)
	f := recordFacts(ev, docContext(date))
	n.facts.merge(f)
	x.byBucket.add(bucketKey(f.class, f.key, docContext(date)), ev.IRI)
}

// remove forgets record ev of document doc, whose date is date.
func (x *eventIndex) remove(doc, date string, ev EventRecord) {
	n := x.nodes[ev.IRI]
	if n == nil {
		return
	}
	n.docs.del(doc)
	f := recordFacts(ev, docContext(date))
	n.facts.unmerge(f)
	if len(n.docs) == 0 {
		delete(x.nodes, ev.IRI)
	}
	x.byBucket.del(bucketKey(f.class, f.key, docContext(date)), ev.IRI)
}

// specific reports whether a TIMEX3 value names a definite calendar time
// (no X placeholders, not PRESENT_REF and the like).
func specific(v string) bool {
	if len(v) < 4 || strings.ContainsAny(v, "X") || strings.HasSuffix(v, "_REF") {
		return false
	}
	for _, r := range v[:4] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// dateKey is the merge key of an event's time: its date, or its range, ""
// when undated.
func dateKey(date, begin, end string) string {
	if specific(date) {
		return date
	}
	var k string
	if specific(begin) {
		k = "since " + begin
	}
	if specific(end) {
		k += " until " + end
	}
	return k
}

// evFacts is one event (or a group of merged mentions, or a known node) as
// the merge rules see it. The sets count the mentions or records that
// hold each value.
type evFacts struct {
	class     string
	key       string // dateKey: the date or range, "" when undated
	lemmas    set
	agents    set
	patients  set
	locations set
	sentences map[int]bool // within the document being planned
	// ctx holds the dates of the documents that report the event (their
	// DCT, or the date a copy took from its original): the only time
	// context an undated event has.
	ctx set
}

func newFacts() *evFacts {
	return &evFacts{lemmas: set{}, agents: set{}, patients: set{}, locations: set{},
		sentences: map[int]bool{}, ctx: set{}}
}

// merge adds o's facts to f.
func (f *evFacts) merge(o *evFacts) {
	for _, p := range [][2]set{{f.lemmas, o.lemmas}, {f.agents, o.agents}, {f.patients, o.patients},
		{f.locations, o.locations}, {f.ctx, o.ctx}} {
		for k, n := range p[1] {
			p[0][k] += n
		}
	}
	for k := range o.sentences {
		f.sentences[k] = true
	}
	if f.key == "" {
		f.key = o.key
	}
}

// unmerge takes o's facts (merged before) out of f.
func (f *evFacts) unmerge(o *evFacts) {
	for _, p := range [][2]set{{f.lemmas, o.lemmas}, {f.agents, o.agents}, {f.patients, o.patients},
		{f.locations, o.locations}, {f.ctx, o.ctx}} {
		for k, n := range p[1] {
			if p[0][k] -= n; p[0][k] <= 0 {
				delete(p[0], k)
			}
		}
	}
}

func (f *evFacts) participants() int { return len(f.agents) + len(f.patients) }

func (f *evFacts) sameLemma(o *evFacts) bool {
	for l := range f.lemmas {
		if o.lemmas.has(l) {
			return true
		}
	}
	return false
}

// shares counts the keys a and b have in common.
func shares(a, b set) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if b.has(k) {
			n++
		}
	}
	return n
}

// symmetricClass reports whether the class's participants have no
// direction (A meets B is B meets A).
func symmetricClass(class string) bool {
	c := strings.ToLower(class)
	for _, s := range []string{"meet", "consult", "negotiat", "cooperat", "talk"} {
		if strings.Contains(c, s) {
			return true
		}
	}
	return false
}

// participantsAgree applies the participant rule to two events that both
// have participants.
func participantsAgree(a, b *evFacts) bool {
	if symmetricClass(a.class) {
		pa, pb := union(a.agents, a.patients), union(b.agents, b.patients)
		need := min(2, len(pa), len(pb))
		return shares(pa, pb) >= need && need > 0
	}
	if len(a.agents) > 0 && len(b.agents) > 0 && shares(a.agents, b.agents) == 0 {
		return false
	}
	if len(a.patients) > 0 && len(b.patients) > 0 && shares(a.patients, b.patients) == 0 {
		return false
	}
	// no entity on opposite sides
	for k := range a.agents {
		if b.patients.has(k) && !b.agents.has(k) && !a.patients.has(k) {
			return false
		}
	}
	for k := range a.patients {
		if b.agents.has(k) && !b.patients.has(k) && !a.agents.has(k) {
			return false
		}
	}
	return shares(union(a.agents, a.patients), union(b.agents, b.patients)) > 0
}

// coveredBy reports whether every agent and patient of a is one of b's.
func coveredBy(a, b *evFacts) bool {
	all := union(b.agents, b.patients)
	for k := range union(a.agents, a.patients) {
		if !all.has(k) {
			return false
		}
	}
	return true
}

func union(a, b set) set {
	out := make(set, len(a)+len(b))
	for k := range a {
		out[k]++
	}
	for k := range b {
		out[k]++
	}
	return out
}

// compatible applies the event merge rules to a (one mention) and b (a
// group of this document's mentions, sameDoc, or a known node).
func compatible(a, b *evFacts, sameDoc bool) bool {
	if a.class != b.class {
		return false
	}
	sameSentence := false
	if sameDoc {
		for s := range a.sentences {
			if b.sentences[s] {
				sameSentence = true
			}
		}
	}
	undated := a.key == "" && b.key == ""
	switch {
	case a.key == b.key && a.key != "":
	case undated:
		// Undated events: the same lemma, and across documents the same
		// document date (an undated "Moscow denied involvement" in a 2019
		// article is not the 2015 one).
		if !a.sameLemma(b) || (!sameDoc && shares(a.ctx, b.ctx) == 0) {
			return false
		}
	case sameSentence && (a.key == "" || b.key == ""):
		if !a.sameLemma(b) {
			return false
		}
	case sameDoc && a.key == "" && b.key != "" && a.participants() > 0 && coveredBy(a, b):
		// An undated mention of an event the article dates elsewhere,
		// with the same named participants ("Obama held a meeting with
		// Putin on Monday ... confirmed that Putin and Obama held a
		// meeting"): checked by participantsAgree below.
	default:
		return false
	}
	pa, pb := a.participants(), b.participants()
	switch {
	case pa > 0 && pb > 0:
		return participantsAgree(a, b)
	case pa == 0 && pb == 0:
		if !a.sameLemma(b) {
			return false
		}
		if sameDoc {
			if undated && !sameSentence {
				return false
			}
			return len(a.locations) == 0 || len(b.locations) == 0 || shares(a.locations, b.locations) > 0
		}
		return shares(a.locations, b.locations) > 0
	default:
		// One has participants, the other none: only "the meeting"
		// within the document, with the same lemma and the same date or
		// sentence.
		return sameDoc && a.sameLemma(b) && (!undated || sameSentence)
	}
}

// docContext is the date an undated event of a document is set against.
func docContext(date string) string {
	if specific(date) {
		return date
	}
	return ""
}

// statementClass is the class of reporting events.
const statementClass = "statement"

func (r *Reconciler) planEvents(doc *extract.Document, p *Plan) {
	n := len(doc.Events)
	p.Event = make([]string, n)
	p.EventDate = make([]string, n)
	p.EventRangeBegin = make([]string, n)
	p.EventRangeEnd = make([]string, n)
	facts := make([]*evFacts, n)
	ctx := docContext(doc.DCT.Value)
	for i, ev := range doc.Events {
		f := newFacts()
		f.ctx.add(ctx)
		f.class = ev.Class
		f.lemmas.add(ev.Lemma)
		f.sentences[ev.Sentence] = true
		for _, a := range ev.Agents {
			f.agents.add(argIRI(a, p.Entity))
		}
		for _, a := range ev.Patients {
			f.patients.add(argIRI(a, p.Entity))
		}
		for _, a := range ev.Locations {
			f.locations.add(argIRI(a, p.Entity))
		}
		if ev.Timex >= 0 && ev.Timex < len(doc.Timexes) {
			t := doc.Timexes[ev.Timex]
			if t.Type == "DATE" || t.Type == "TIME" {
				v := t.Value
				if t.Type == "TIME" {
					if k := strings.IndexByte(v, 'T'); k > 0 {
						v = v[:k]
					}
				}
				switch t.Range {
				case "begin":
					p.EventRangeBegin[i] = v
				case "end":
					p.EventRangeEnd[i] = v
				default:
					p.EventDate[i] = v
				}
			}
		}
		f.key = dateKey(p.EventDate[i], p.EventRangeBegin[i], p.EventRangeEnd[i])
		facts[i] = f
	}

	type group struct {
		iri   string
		facts *evFacts
	}
	var groups []*group
	// Events first, then the statements that report them.
	for pass := 0; pass < 2; pass++ {
		for i, ev := range doc.Events {
			if (ev.Class == statementClass) != (pass == 1) {
				continue
			}
			f := facts[i]
			if pass == 1 {
				p.Event[i] = r.statementIRI(doc, p, i, f)
				continue
			}
			var joined *group
			for _, g := range groups {
				if compatible(f, g.facts, true) {
					joined = g
					break
				}
			}
			if joined == nil {
				iri := r.knownEvent(f, copyKin(p))
				if iri == "" {
					iri = newEventIRI(f, p.DocIRI, i)
				}
				g := &group{iri: iri, facts: newFacts()}
				g.facts.class = f.class
				if known := r.evs.nodes[iri]; known != nil {
					g.facts.merge(known.facts)
				}
				groups = append(groups, g)
				joined = g
			}
			joined.facts.merge(f)
			p.Event[i] = joined.iri
		}
	}
	seen := map[string]bool{}
	for _, iri := range p.Event {
		if iri != "" && !seen[iri] {
			seen[iri] = true
			if r.evs.nodes[iri] != nil {
				p.MergedEvents++
			}
		}
	}
}

func argIRI(a extract.Arg, ents []string) string {
	if a.Entity >= 0 && a.Entity < len(ents) {
		return ents[a.Entity]
	}
	return ""
}

// knownEvent returns the known event node f merges with, or "".
// copyKin lists the stored documents that p's document copies or that
// copy it.
func copyKin(p *Plan) set {
	kin := set{}
	if p.Copies != nil {
		kin[p.Copies.Original]++
	}
	for _, c := range p.CopiedBy {
		kin[c.Copy]++
	}
	return kin
}

// copyCompatible is the rule for an event with no named participant in an
// article and the article it copies (or that copies it): the same class,
// trigger lemma and specific date, and no conflicting place. Between
// unrelated articles such events never merge ("the end" in 1991 could be
// the end of anything).
func copyCompatible(a, b *evFacts) bool {
	return a.class == b.class && a.key != "" && a.key == b.key && a.sameLemma(b) &&
		a.participants() == 0 && b.participants() == 0 &&
		(len(a.locations) == 0 || len(b.locations) == 0 || shares(a.locations, b.locations) > 0)
}

func (r *Reconciler) knownEvent(f *evFacts, kin set) string {
	var ctx string
	for c := range f.ctx {
		ctx = c
	}
	bucket := bucketKey(f.class, f.key, ctx)
	if bucket == "" {
		return ""
	}
	iris := make([]string, 0, len(r.evs.byBucket[bucket]))
	for iri := range r.evs.byBucket[bucket] {
		iris = append(iris, iri)
	}
	sort.Strings(iris)
	best, bestShare := "", -1
	for _, iri := range iris {
		node := r.evs.nodes[iri]
		k := node.facts
		if !compatible(f, k, false) && !(shares(node.docs, kin) > 0 && copyCompatible(f, k)) {
			continue
		}
		s := shares(union(f.agents, f.patients), union(k.agents, k.patients)) + shares(f.locations, k.locations)
		if s > bestShare {
			best, bestShare = iri, s
		}
	}
	if best == "" && f.key == "" && ctx != "" && len(kin) > 0 && f.participants() > 0 {
		best = r.kinDatedEvent(f, ctx, kin)
	}
	return best
}

// kinDatedEvent is the one event of an article's original (or copy), dated
// on the article's date, that an undated event of the article is a mention
// of: the same class and participants. "" when none or several are.
func (r *Reconciler) kinDatedEvent(f *evFacts, date string, kin set) string {
	found := ""
	for iri := range r.evs.byBucket[bucketKey(f.class, date, "")] {
		node := r.evs.nodes[iri]
		if shares(node.docs, kin) == 0 || !coveredBy(f, node.facts) || !participantsAgree(f, node.facts) {
			continue
		}
		if found != "" {
			return ""
		}
		found = iri
	}
	return found
}

// roleList is the sorted, role-tagged participant list of an event.
func roleList(f *evFacts) []string {
	var parts []string
	for k := range f.agents {
		parts = append(parts, "a:"+k)
	}
	for k := range f.patients {
		parts = append(parts, "p:"+k)
	}
	sort.Strings(parts)
	return parts
}

func hashIRI(fields ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(fields, "|")))
	return "event/" + hex.EncodeToString(sum[:8])
}

// newEventIRI is the IRI of a new event node.
func newEventIRI(f *evFacts, docIRI string, i int) string {
	fields := []string{f.class, f.key, strings.Join(roleList(f), ","), strings.Join(f.lemmas.sorted(), ",")}
	if f.key == "" || f.participants() == 0 {
		fields = append(fields, docIRI+"#"+strconv.Itoa(i))
	}
	return hashIRI(fields...)
}

// statementIRI is the node of reporting event i: its identity is its class,
// date, participants and what it reports, so it merges only when what it
// reports merges.
func (r *Reconciler) statementIRI(doc *extract.Document, p *Plan, i int, f *evFacts) string {
	var reported []string
	for _, j := range doc.Events[i].Reports {
		if j >= 0 && j < len(p.Event) && j != i && p.Event[j] != "" && !containsString(reported, p.Event[j]) {
			reported = append(reported, p.Event[j])
		}
	}
	sort.Strings(reported)
	fields := []string{f.class, f.key, strings.Join(roleList(f), ","), "reports:" + strings.Join(reported, ",")}
	if len(reported) == 0 || f.participants() == 0 {
		fields = append(fields, p.DocIRI+"#"+strconv.Itoa(i))
	}
	return hashIRI(fields...)
}

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
		other := copyParty{iri: rec.IRI, date: rec.Date, dateSource: rec.DateSource,
			source: rec.Source, name: rec.Name, text: rec.Text}
		if firstCopies(me, other, true) {
			originals = append(originals, CopyLink{Copy: p.DocIRI, Original: rec.IRI,
				Similarity: m.jaccard, OriginalDate: other.ownDate()})
			continue
		}
		if rec.Copies == "" || rec.Copies == p.DocIRI {
			p.CopiedBy = append(p.CopiedBy, CopyLink{Copy: rec.IRI, Original: p.DocIRI,
				Similarity: m.jaccard, OriginalDate: me.ownDate()})
		}
	}
	if len(originals) == 0 {
		return
	}
	// Prefer an original that is not itself a copy, then the most similar.
	sort.SliceStable(originals, func(a, b int) bool {
		ca, cb := r.docs[originals[a].Original].Copies != "", r.docs[originals[b].Original].Copies != ""
		if ca != cb {
			return !ca
		}
		return originals[a].Similarity > originals[b].Similarity
	})
	best := originals[0]
	p.Copies = &best
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
