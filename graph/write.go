package graph

import (
	"context"
	"errors"
	"fmt"
	"github.com/lib/pq"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/reconcile"
)

// DocWrite is one annotated document and the reconciler's plan for it,
// or, with Restamp set (and Doc and Plan nil), a change to a stored
// document's reconciliation facts.
type DocWrite struct {
	Doc     *extract.Document
	Plan    *Plan
	Restamp *Restamp
}

// WriteDocument stores all quads of doc, labelled with plan.DocIRI, in one
// transaction. The quads labelled by each IRI in replace (and any quads an
// earlier write of the same document left) are removed in the same
// transaction, so a rewritten document never coexists with its old version
// and a failed write leaves the store unchanged.
func (s *Store) WriteDocument(ctx context.Context, doc *extract.Document, plan *Plan, replace []string) error {
	return s.WriteDocuments(ctx, []DocWrite{{Doc: doc, Plan: plan}}, replace)
}

// WriteDocuments is WriteDocument for several documents in one transaction
// (a new article and the stored copies rewritten because of it).
func (s *Store) WriteDocuments(ctx context.Context, docs []DocWrite, replace []string) error {
	if s.readOnly {
		return fmt.Errorf("%s: cannot write: store opened read-only", s.addr)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var add []quad.Quad
	labels := append([]string(nil), replace...)
	var restamps []Restamp
	// A plan's own restamps (a caller that writes plans as
	// Reconciler.Plan made them) go in the same transaction; the caller's
	// slice is not appended to.
	docs = append([]DocWrite(nil), docs...)
	for _, dw := range docs {
		if dw.Plan != nil {
			for i := range dw.Plan.Restamp {
				docs = append(docs, DocWrite{Restamp: &dw.Plan.Restamp[i]})
			}
		}
	}
	for _, dw := range docs {
		if dw.Restamp != nil {
			restamps = append(restamps, *dw.Restamp)
			continue
		}
		qs, err := DocumentQuads(dw.Doc, dw.Plan)
		if err != nil {
			return err
		}
		add = append(add, qs...)
		labels = append(labels, dw.Plan.DocIRI)
	}
	old, err := s.quadsByLabel(ctx, labels)
	if err != nil {
		return err
	}
	// A restamp reads and rewrites only the quads it can change.
	for _, rs := range restamps {
		touched, err := s.restampable(ctx, rs)
		if err != nil {
			return err
		}
		old = append(old, touched...)
		add = append(add, restampQuads(touched, rs)...)
	}
	add, del := diffQuads(old, add)
	if err := ctx.Err(); err != nil {
		return err
	}
	what := "writing documents"
	if len(docs) == 1 && docs[0].Plan != nil {
		what = "writing " + docs[0].Plan.DocIRI
	}
	return s.apply(what, add, del)
}

// apply runs one Cayley transaction that adds and deletes quads. Cayley's
// SQL back end runs ApplyDeltas as one SQL transaction: either every delta
// is applied or none is.
func (s *Store) apply(what string, add, del []quad.Quad) (err error) {
	if len(add) == 0 && len(del) == 0 {
		return nil
	}
	deltas := make([]cgraph.Delta, 0, len(add)+len(del))
	for _, q := range add {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	for _, q := range del {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	defer func() {
		// Cayley's SQLite writer panics on delta kinds it does not
		// expect; never let that take the program down.
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %s: store driver failed: %v", s.addr, what, r)
		}
	}()
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		var de *cgraph.DeltaError
		var pe *pq.Error
		// PostgreSQL ends one of two writers that lock the same rows in
		// opposite orders (deadlock_detected) or that cannot be serialised
		// (serialization_failure): the write is planned again like any
		// other conflict.
		if errors.As(err, &de) || errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001") {
			return fmt.Errorf("%s: %s: %w (%v)", s.addr, what, ErrConflict, err)
		}
		return s.writeErr(what, err)
	}
	return nil
}

// ErrConflict is the error of a write that found the store changed by
// another writer since it was planned: a quad to add was already there, or
// one to remove was gone. Ingest plans the batch again and retries.
var ErrConflict = errors.New("store changed by another writer")

// diffQuads returns the quads of next not in old (to add) and those of old
// not in next (to delete).
func diffQuads(old, next []quad.Quad) (add, del []quad.Quad) {
	oldSet := make(map[string]bool, len(old))
	for _, q := range old {
		oldSet[quadKey(q)] = true
	}
	nextSet := make(map[string]bool, len(next))
	for _, q := range next {
		k := quadKey(q)
		if nextSet[k] {
			continue
		}
		nextSet[k] = true
		if !oldSet[k] {
			add = append(add, q)
		}
	}
	for _, q := range old {
		if !nextSet[quadKey(q)] {
			del = append(del, q)
		}
	}
	return add, del
}

func quadKey(q quad.Quad) string {
	return quad.ToString(q.Subject) + "\x00" + quad.ToString(q.Predicate) + "\x00" +
		quad.ToString(q.Object) + "\x00" + quad.ToString(q.Label)
}

// quadBuilder collects the distinct quads of one document.
type quadBuilder struct {
	label quad.Value
	quads []quad.Quad
	seen  map[string]bool
}

func (b *quadBuilder) add(subj, pred string, obj quad.Value) {
	if obj == nil {
		return
	}
	if s, ok := obj.(quad.String); ok && s == "" {
		return
	}
	if s, ok := obj.(quad.IRI); ok && s == "" {
		return
	}
	q := quad.Quad{Subject: quad.IRI(subj), Predicate: quad.IRI(pred), Object: obj, Label: b.label}
	k := quadKey(q)
	if b.seen[k] {
		return
	}
	b.seen[k] = true
	b.quads = append(b.quads, q)
}

func (b *quadBuilder) str(subj, pred, val string)   { b.add(subj, pred, quad.String(val)) }
func (b *quadBuilder) iri(subj, pred, obj string)   { b.add(subj, pred, quad.IRI(obj)) }
func (b *quadBuilder) num(subj, pred string, v int) { b.add(subj, pred, quad.Int(v)) }

// DocumentQuads returns every quad that stores doc as plan says, labelled
// with plan.DocIRI (see the schema in schema.go). It checks that plan fits
// doc and that every span lies inside the text.
func DocumentQuads(doc *extract.Document, plan *Plan) ([]quad.Quad, error) {
	if doc == nil || plan == nil {
		return nil, errors.New("graph: nil document or plan")
	}
	d := plan.DocIRI
	if !strings.HasPrefix(d, "doc/") || len(d) <= len("doc/") {
		return nil, fmt.Errorf("%s: plan has no document IRI (got %q)", doc.Name, d)
	}
	if len(plan.Entity) != len(doc.Entities) || len(plan.Event) != len(doc.Events) {
		return nil, fmt.Errorf("%s: plan does not fit the document: %d/%d entity IRIs, %d/%d event IRIs",
			d, len(plan.Entity), len(doc.Entities), len(plan.Event), len(doc.Events))
	}
	text := doc.Text
	spanText := func(sp extract.Span) (string, bool) {
		if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End ||
			!utf8.RuneStart(byteAt(text, sp.Start)) || !utf8.RuneStart(byteAt(text, sp.End)) {
			return "", false
		}
		return text[sp.Start:sp.End], true
	}
	hash := strings.TrimPrefix(d, "doc/")
	b := &quadBuilder{label: quad.IRI(d), seen: make(map[string]bool)}

	// The document.
	b.iri(d, PredType, TypeDocument)
	b.str(d, PredName, doc.Name)
	b.str(d, PredSource, doc.Source)
	b.str(d, PredURL, doc.URL)
	if h, ok := spanText(doc.Headline); ok {
		b.str(d, PredHeadline, strings.TrimSpace(h))
	}
	b.str(d, PredDate, doc.DCT.Value)
	dateSource := doc.DCT.Source
	if dateSource == "" {
		dateSource = "unknown"
	}
	b.str(d, PredDateSource, dateSource)
	b.str(d, PredSHA256, strings.TrimPrefix(doc.ID, "sha256:"))
	b.str(d, PredText, text)
	spans := make([][2]int, len(doc.Sentences))
	for i, st := range doc.Sentences {
		if _, ok := spanText(st.Span); !ok {
			return nil, fmt.Errorf("%s: sentence %d: span [%d,%d) is not inside the text", d, i, st.Start, st.End)
		}
		spans[i] = [2]int{st.Start, st.End}
	}
	b.str(d, PredSentences, formatSentences(spans))
	if plan.Copies != nil && plan.Copies.Original != "" {
		b.iri(d, PredCopies, plan.Copies.Original)
		b.add(d, PredSimilarity, quad.Float(plan.Copies.Similarity))
	}
	storyQuads(b, d, plan.Story)

	// Entities and their mentions.
	entityIRI := func(i int) string {
		if i < 0 || i >= len(plan.Entity) {
			return ""
		}
		return plan.Entity[i]
	}
	for i, ent := range doc.Entities {
		e := plan.Entity[i]
		if e == "" {
			return nil, fmt.Errorf("%s: plan has no IRI for entity %d (%s)", d, i, ent.Name)
		}
		b.iri(e, PredType, TypeEntity)
		b.str(e, PredEntityType, string(ent.Type))
		b.str(e, PredName, ent.Name)
		b.str(e, PredKey, ent.Key)
		for _, a := range ent.Aliases {
			if !strings.EqualFold(a, ent.Name) {
				b.str(e, PredAlias, a)
			}
		}
	}
	for i, m := range doc.Mentions {
		e := entityIRI(m.Entity)
		if e == "" {
			return nil, fmt.Errorf("%s: mention %d refers to unknown entity %d", d, i, m.Entity)
		}
		mt, ok := spanText(m.Span)
		if !ok {
			return nil, fmt.Errorf("%s: mention %d: span [%d,%d) is not inside the text", d, i, m.Start, m.End)
		}
		mi := fmt.Sprintf("mention/%s/%d", hash, i)
		b.iri(mi, PredRefersTo, e)
		b.str(mi, PredSpan, formatSpan(m.Sentence, m.Start, m.End))
		if m.Kind != "name" {
			b.str(mi, PredKind, m.Kind)
		}
		b.str(mi, PredRole, m.Role)
		switch m.Kind {
		case "name", "alias", "acronym":
			if name := doc.Entities[m.Entity].Name; !strings.EqualFold(strings.TrimSpace(mt), name) {
				b.str(e, PredAlias, strings.TrimSpace(mt))
			}
		}
	}

	// Events and their mentions.
	at := func(xs []string, i int) string {
		if i < len(xs) {
			return xs[i]
		}
		return ""
	}
	for i, ev := range doc.Events {
		v := plan.Event[i]
		if v == "" {
			return nil, fmt.Errorf("%s: plan has no IRI for event %d (%s)", d, i, ev.TriggerText)
		}
		if _, ok := spanText(ev.Trigger); !ok {
			return nil, fmt.Errorf("%s: event %d: trigger span [%d,%d) is not inside the text", d, i, ev.Trigger.Start, ev.Trigger.End)
		}
		date, begin, end := at(plan.EventDate, i), at(plan.EventRangeBegin, i), at(plan.EventRangeEnd, i)
		b.iri(v, PredType, TypeEvent)
		b.str(v, PredClass, ev.Class)
		b.str(v, PredTrigger, ev.Lemma)
		b.str(v, PredDate, date)
		b.str(v, PredRangeBegin, begin)
		b.str(v, PredRangeEnd, end)
		if ev.Sentence >= 0 && ev.Sentence < len(doc.Sentences) {
			if st, ok := spanText(doc.Sentences[ev.Sentence].Span); ok {
				b.str(v, PredWording, reconcile.Wording(st))
			}
		}
		if i < len(plan.Local) && plan.Local[i] != "" {
			b.str(v, PredLocalEvent, plan.Local[i])
			whyQuads(b, v, plan.Local[i], plan.Why[plan.Local[i]])
		}

		em := fmt.Sprintf("evmention/%s/%d", hash, i)
		b.iri(em, PredMentionOf, v)
		b.str(em, PredSpan, formatSpan(ev.Sentence, ev.Trigger.Start, ev.Trigger.End))
		if ev.Modality != "asserted" {
			b.str(em, PredModality, ev.Modality)
		}
		b.str(em, PredDate, date)
		b.str(em, PredRangeBegin, begin)
		b.str(em, PredRangeEnd, end)
		if ev.Timex >= 0 && ev.Timex < len(doc.Timexes) {
			tx := doc.Timexes[ev.Timex]
			b.str(em, PredTimex, tx.Text)
			if date == "" && (tx.Type == "DATE" || tx.Type == "TIME") {
				b.str(em, PredDate, tx.Value)
			}
		}
		if ev.TimeInherited {
			b.add(em, PredTimeInherited, quad.Bool(true))
		}
		if c := entityIRI(ev.Claimant); c != "" {
			b.iri(em, PredClaimant, c)
		}
		for _, r := range ev.Reports {
			if r >= 0 && r < len(doc.Events) && r != i {
				b.iri(em, PredReports, fmt.Sprintf("evmention/%s/%d", hash, r))
			}
		}
		for _, slot := range []struct {
			pred string
			args []extract.Arg
		}{{PredAgent, ev.Agents}, {PredPatient, ev.Patients}, {PredLocation, ev.Locations}} {
			for _, a := range slot.args {
				if e := entityIRI(a.Entity); e != "" {
					b.iri(v, slot.pred, e)
					b.iri(em, slot.pred, e)
				}
			}
		}
		for _, n := range ev.Nominals {
			if pred := phrasePredicate(n.Role); pred != "" && n.Text != "" {
				b.str(em, pred, n.Text)
			}
		}
		b.str(em, PredRoleEvidence, roleEvidence(ev, entityIRI))
	}

	// Relations between entities.
	for _, r := range doc.Relations {
		subj := entityIRI(r.Subject)
		if subj == "" {
			continue
		}
		obj := entityIRI(r.Object)
		switch r.Type {
		case "role":
			b.str(subj, PredRole, r.Value)
			if obj != "" {
				b.iri(subj, PredRoleOf, obj)
			}
			continue
		}
		pred := relationPredicate(r.Type)
		if obj != "" {
			b.iri(subj, pred, obj)
		} else {
			b.str(subj, pred, r.Value)
		}
	}
	return b.quads, nil
}

// storyQuads states the document's story.
func storyQuads(b *quadBuilder, doc, story string) {
	if story != "" {
		b.iri(story, PredType, TypeStory)
		b.iri(doc, PredStory, story)
	}
}

// whyQuads states the evidence that tied the document-level event local
// into the cluster written as node v.
func whyQuads(b *quadBuilder, v, local string, why []string) {
	for _, w := range why {
		b.str(v, PredMergedBecause, local+": "+w)
	}
}

// restampable reads the quads of rs.Doc that rs may change: those of the
// renamed event nodes (as subject or object), its story, and its merge
// evidence and local event ids.
func (s *Store) restampable(ctx context.Context, rs Restamp) ([]quad.Quad, error) {
	var nodes []quad.Value
	for from := range rs.Events {
		nodes = append(nodes, quad.IRI(from))
	}
	sort.Slice(nodes, func(i, j int) bool { return quad.ToString(nodes[i]) < quad.ToString(nodes[j]) })
	subjects := append([]quad.Value(nil), nodes...)
	if rs.OldStory != "" {
		subjects = append(subjects, quad.IRI(rs.OldStory))
	}
	preds := []quad.Value{quad.IRI(PredStory), quad.IRI(PredMergedBecause), quad.IRI(PredLocalEvent)}
	label := cgraph.HashOf(quad.IRI(rs.Doc))
	args := []any{label[:]}
	where := "q.label_hash = " + s.placeholder(1) + " AND ("
	clause, a := s.inClause("q.predicate_hash", preds, len(args))
	where += clause
	args = append(args, a...)
	if len(subjects) > 0 {
		clause, a = s.inClause("q.subject_hash", subjects, len(args))
		where += " OR " + clause
		args = append(args, a...)
	}
	if len(nodes) > 0 {
		clause, a = s.inClause("q.object_hash", nodes, len(args))
		where += " OR " + clause
		args = append(args, a...)
	}
	return s.selectQuads(ctx, where+")", args)
}

// restampQuads rewrites a stored document's quads for rs: event nodes
// renamed, story and merge evidence replaced; everything else as it was.
// old may be all the document's quads or only those restampable reads.
func restampQuads(old []quad.Quad, rs Restamp) []quad.Quad {
	rename := func(v quad.Value) quad.Value {
		if iri, ok := v.(quad.IRI); ok {
			if to, ok := rs.Events[string(iri)]; ok {
				return quad.IRI(to)
			}
		}
		return v
	}
	b := &quadBuilder{label: quad.IRI(rs.Doc), seen: make(map[string]bool)}
	for _, q := range old {
		switch pred := quad.ToString(q.Predicate); pred {
		case "<" + PredStory + ">", "<" + PredMergedBecause + ">":
			continue
		case "<" + PredType + ">":
			if quad.ToString(q.Object) == "<"+TypeStory+">" {
				continue
			}
		}
		q.Subject, q.Object = rename(q.Subject), rename(q.Object)
		if k := quadKey(q); !b.seen[k] {
			b.seen[k] = true
			b.quads = append(b.quads, q)
		}
	}
	storyQuads(b, rs.Doc, rs.Story)
	for _, q := range b.quads {
		if quad.ToString(q.Predicate) != "<"+PredLocalEvent+">" {
			continue
		}
		local := valueText(q.Object)
		whyQuads(b, nodeKey(q.Subject), local, rs.Why[local])
	}
	return b.quads
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0 // the end of the text is a rune boundary
	}
	return s[i]
}

// relationPredicate maps an extract.Relation type to its predicate:
// member_of -> memberOf, located_in -> locatedIn, attributed_to ->
// attributedTo.
func relationPredicate(typ string) string {
	switch typ {
	case "member_of":
		return PredMemberOf
	case "supports":
		return PredSupports
	case "located_in":
		return PredLocatedIn
	case "attributed_to":
		return PredAttributedTo
	}
	var sb strings.Builder
	upper := false
	for _, r := range typ {
		switch {
		case r == '_' || r == '-' || r == ' ':
			upper = sb.Len() > 0
		case upper:
			sb.WriteRune(unicode.ToUpper(r))
			upper = false
		default:
			sb.WriteRune(r)
		}
	}
	if sb.Len() == 0 {
		return "related"
	}
	return sb.String()
}

// relationPredicates are the entity -> entity (or value) predicates the
// read API reports as relations.
var relationPredicates = []string{PredMemberOf, PredRole, PredRoleOf, PredSupports, PredLocatedIn, PredAttributedTo}

// phrasePredicate is the predicate of an unnamed participant in role.
func phrasePredicate(role string) string {
	switch role {
	case "agent":
		return PredAgentPhrase
	case "patient":
		return PredPatientPhrase
	case "location":
		return PredLocationPhrase
	}
	return ""
}
