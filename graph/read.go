package graph

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// DocInfo is a stored document as the read API gives it.
type DocInfo struct {
	IRI        string  `json:"iri"`
	ID         string  `json:"id"`
	Name       string  `json:"name,omitempty"`
	Source     string  `json:"source,omitempty"`
	URL        string  `json:"url,omitempty"`
	Headline   string  `json:"headline,omitempty"`
	Date       string  `json:"date,omitempty"`
	DateSource string  `json:"date_source,omitempty"`
	Copies     string  `json:"copies,omitempty"`
	Similarity float64 `json:"similarity,omitempty"`
	Story      string  `json:"story,omitempty"`
}

// EntityInfo is a reconciled entity node.
type EntityInfo struct {
	IRI       string         `json:"iri"`
	Type      string         `json:"type"`
	Name      string         `json:"name"`
	Key       string         `json:"key,omitempty"`
	Aliases   []string       `json:"aliases,omitempty"`
	Relations []RelationInfo `json:"relations,omitempty"`
	// Mentions counts the entity's mentions over all documents.
	Mentions int `json:"mentions"`
}

// RelationInfo is one fact from an entity to another (or to a value such
// as a role title), with the document that states it.
type RelationInfo struct {
	Predicate  string `json:"predicate"`
	Object     string `json:"object"`
	ObjectName string `json:"object_name,omitempty"`
	Doc        string `json:"doc"`
}

// EntityRef names an entity taking part in an event.
type EntityRef struct {
	IRI  string `json:"iri"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// EventInfo is a reconciled event node with every mention of it.
type EventInfo struct {
	IRI        string             `json:"iri"`
	Class      string             `json:"class"`
	Lemma      string             `json:"lemma"`
	Date       string             `json:"date,omitempty"`
	RangeBegin string             `json:"range_begin,omitempty"`
	RangeEnd   string             `json:"range_end,omitempty"`
	Agents     []EntityRef        `json:"agents,omitempty"`
	Patients   []EntityRef        `json:"patients,omitempty"`
	Locations  []EntityRef        `json:"locations,omitempty"`
	Mentions   []EventMentionInfo `json:"mentions"`
	// MergedBecause is the evidence of each merge that made the node:
	// "local: with <local> (<doc>): reason; ...", one per merged
	// document-level event and link.
	MergedBecause []string `json:"merged_because,omitempty"`
}

// EventMentionInfo is one trigger in one document.
type EventMentionInfo struct {
	IRI           string      `json:"iri"`
	Doc           string      `json:"doc"`
	Trigger       string      `json:"trigger"`
	Start         int         `json:"start"`
	End           int         `json:"end"`
	Sentence      int         `json:"sentence"`
	Evidence      string      `json:"evidence,omitempty"`
	Date          string      `json:"date,omitempty"`
	Timex         string      `json:"timex,omitempty"`
	TimeInherited bool        `json:"time_inherited,omitempty"`
	Modality      string      `json:"modality,omitempty"`
	Claimant      *EntityRef  `json:"claimant,omitempty"`
	Reports       []string    `json:"reports,omitempty"`
	Agents        []EntityRef `json:"agents,omitempty"`
	Patients      []EntityRef `json:"patients,omitempty"`
	Locations     []EntityRef `json:"locations,omitempty"`
	// AgentPhrases, PatientPhrases and LocationPhrases are unnamed
	// participants: noun phrases in slots no entity fills.
	AgentPhrases    []string `json:"agent_phrases,omitempty"`
	PatientPhrases  []string `json:"patient_phrases,omitempty"`
	LocationPhrases []string `json:"location_phrases,omitempty"`
	// Roles says how each participant was found: its words and the rule.
	Roles []RoleEvidence `json:"roles,omitempty"`
}

// labelledFact is the object of one quad and the document (label) stating
// it; or, read as a fact (loadFactsAt), the object of n quads whose labels
// were not read.
type labelledFact struct {
	obj   quad.Value
	label string
	n     int
}

// quadView indexes quads by subject and predicate: v[s][p] are the facts.
type quadView map[string]map[string][]labelledFact

// nodeKey is how a node is named in a quadView: the bare IRI for IRIs, the
// N-Quads form for anything else.
func nodeKey(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	}
	return quad.ToString(v)
}

func newQuadView(quads []quad.Quad) quadView {
	v := make(quadView)
	for _, q := range quads {
		s := nodeKey(q.Subject)
		m := v[s]
		if m == nil {
			m = make(map[string][]labelledFact)
			v[s] = m
		}
		p := nodeKey(q.Predicate)
		m[p] = append(m[p], labelledFact{obj: q.Object, label: nodeKey(q.Label), n: 1})
	}
	return v
}

// add records that n quads state s p o.
func (v quadView) add(s, p, o quad.Value, n int) {
	sk := nodeKey(s)
	m := v[sk]
	if m == nil {
		m = make(map[string][]labelledFact)
		v[sk] = m
	}
	pk := nodeKey(p)
	m[pk] = append(m[pk], labelledFact{obj: o, n: n})
}

// all returns the distinct values of s's p facts, in stored order.
func (v quadView) all(s, p string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range v[s][p] {
		x := valueText(f.obj)
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// best returns the value of s's p facts stated by the most documents; ties
// go to the longer, then the alphabetically first value.
func (v quadView) best(s, p string) string {
	return bestOf(v[s][p], "")
}

// bestOf is best over facts, restricted to one label when label != "".
func bestOf(facts []labelledFact, label string) string {
	count := map[string]int{}
	for _, f := range facts {
		if label == "" || f.label == label {
			count[valueText(f.obj)] += f.n
		}
	}
	best, bn := "", 0
	for x, n := range count {
		if n > bn || n == bn && (len(x) > len(best) || len(x) == len(best) && x < best) {
			best, bn = x, n
		}
	}
	return best
}

func (v quadView) num(s, p string) int {
	n, _ := strconv.Atoi(v.best(s, p))
	return n
}

// valueText is a value as plain text: IRIs bare, strings unquoted,
// numbers and booleans in Go syntax.
func valueText(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.Int:
		return strconv.FormatInt(int64(v), 10)
	case quad.Float:
		return strconv.FormatFloat(float64(v), 'g', -1, 64)
	case quad.Bool:
		return strconv.FormatBool(bool(v))
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.Time:
		return time.Time(v).UTC().Format(time.RFC3339)
	}
	return quad.StringOf(v)
}

// quadFilter restricts loadQuads to quads whose dir is one of values.
type quadFilter struct {
	dir    quad.Direction
	values []quad.Value
}

func byPredicates(preds ...string) *quadFilter {
	f := &quadFilter{dir: quad.Predicate}
	for _, p := range preds {
		f.values = append(f.values, quad.IRI(p))
	}
	return f
}

// byNodes keeps quads whose dir is one of the nodes (IRIs).
func byNodes(dir quad.Direction, iris []string) *quadFilter {
	f := &quadFilter{dir: dir}
	for _, n := range iris {
		f.values = append(f.values, quad.IRI(n))
	}
	return f
}

func byLabels(labels []string) *quadFilter {
	f := &quadFilter{dir: quad.Label}
	for _, l := range labels {
		f.values = append(f.values, quad.IRI(l))
	}
	return f
}

// maxFilterValues is how many values one loadQuads statement filters on.
const maxFilterValues = 500

// ReadChunk is how many events a streamed read (a timeline, an export)
// asks the store for at once: enough for few round trips, few enough that
// memory stays flat.
const ReadChunk = 4000

// nodeColumns are Cayley's value columns of its nodes table.
const nodeColumns = "value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time"

// loadQuads reads quads (all of them when f is nil) with their values in
// one SQL query joining Cayley's quads and nodes tables, in insertion
// order. Cayley's own iterators would look each value up separately.
func (s *Store) loadQuads(ctx context.Context, f *quadFilter) ([]quad.Quad, error) {
	if f != nil && len(f.values) > maxFilterValues {
		// SQL engines cap the parameters of one statement: read in batches
		var out []quad.Quad
		for i := 0; i < len(f.values); i += maxFilterValues {
			part := &quadFilter{dir: f.dir, values: f.values[i:min(i+maxFilterValues, len(f.values))]}
			qs, err := s.loadQuads(ctx, part)
			if err != nil {
				return nil, err
			}
			out = append(out, qs...)
		}
		return out, nil
	}
	var where string
	var args []any
	if f != nil {
		if len(f.values) == 0 {
			return nil, nil
		}
		where, args = s.inClause("q."+f.dir.String()+"_hash", f.values, 0)
	}
	return s.selectQuads(ctx, where, args)
}

// loadAt reads, by index, the quads whose dir (subject, object or label)
// is one of nodes (IRIs) and whose predicate is one of preds (any
// predicate when none is given), in batches the SQL engine accepts.
func (s *Store) loadAt(ctx context.Context, dir quad.Direction, nodes []string, preds ...string) ([]quad.Quad, error) {
	var out []quad.Quad
	err := s.batchesAt(dir, nodes, preds, func(where string, args []any, known []quad.Value) error {
		qs, err := s.selectQuads(ctx, where, args, known...)
		out = append(out, qs...)
		return err
	})
	return out, err
}

// loadFactsAt is loadAt for the readers that take the value most
// documents state and never ask which documents state it (an event's
// class, date and participants, an entity's name): each distinct triple
// is read once, with the number of quads stating it, and labels are not
// read. A well-known entity's name is stated by hundreds of articles.
// The facts are added to v.
func (s *Store) loadFactsAt(ctx context.Context, v quadView, dir quad.Direction, nodes []string, preds ...string) error {
	return s.batchesAt(dir, nodes, preds, func(where string, args []any, known []quad.Value) error {
		return s.selectFacts(ctx, where, args, known, v, false)
	})
}

// batchesAt hands each of the SQL filters "dir is one of nodes (IRIs) and
// the predicate one of preds (any when none is given)" that together
// cover nodes, in batches the SQL engine accepts, to read, with the node
// values they name.
func (s *Store) batchesAt(dir quad.Direction, nodes, preds []string, read func(where string, args []any, known []quad.Value) error) error {
	pv := make([]quad.Value, 0, len(preds))
	for _, p := range preds {
		pv = append(pv, quad.IRI(p))
	}
	step := maxFilterValues - len(pv)
	for i := 0; i < len(nodes); i += step {
		nv := make([]quad.Value, 0, step)
		for _, n := range nodes[i:min(i+step, len(nodes))] {
			nv = append(nv, quad.IRI(n))
		}
		where, args := s.inClause("q."+dir.String()+"_hash", nv, 0)
		if len(pv) > 0 {
			w, a := s.inClause("q.predicate_hash", pv, len(args))
			where, args = where+" AND "+w, append(args, a...)
		}
		if err := read(where, args, append(nv, pv...)); err != nil {
			return err
		}
	}
	return nil
}

// selectFacts adds to v the distinct triples of the quads that where
// selects, each with the number of quads stating it, in the order of
// their first quad; labels are not read. With hashSubjects, the subjects
// are not read either: v holds them by their hash.
func (s *Store) selectFacts(ctx context.Context, where string, args []any, known []quad.Value, v quadView, hashSubjects bool) error {
	q := "SELECT q.subject_hash, q.predicate_hash, q.object_hash, COUNT(*), MIN(q.horizon) AS first FROM quads q WHERE " + where +
		" GROUP BY q.subject_hash, q.predicate_hash, q.object_hash ORDER BY first"
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("%s: reading quads: %w", s.addr, err)
	}
	defer rows.Close()
	type fact struct {
		spo [3]string
		n   int
	}
	var facts []fact
	need := map[string]bool{}
	var h [3][]byte
	var first int64
	for rows.Next() {
		var f fact
		if err := rows.Scan(&h[0], &h[1], &h[2], &f.n, &first); err != nil {
			return fmt.Errorf("%s: reading quads: %w", s.addr, err)
		}
		for i := range h {
			f.spo[i] = string(h[i])
			if i > 0 || !hashSubjects {
				need[f.spo[i]] = true
			}
		}
		facts = append(facts, f)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: reading quads: %w", s.addr, err)
	}
	rows.Close()
	vals, err := s.valuesOf(ctx, need, known)
	if err != nil {
		return err
	}
	for _, f := range facts {
		subj := vals[f.spo[0]]
		if hashSubjects {
			subj = quad.IRI(f.spo[0]) // keyed by the bare hash
		}
		v.add(subj, vals[f.spo[1]], vals[f.spo[2]], f.n)
	}
	return nil
}

// valuesOf reads the values of the nodes with the hashes need, but for
// those of known, whose values are given.
func (s *Store) valuesOf(ctx context.Context, need map[string]bool, known []quad.Value) (map[string]quad.Value, error) {
	vals := make(map[string]quad.Value, len(need))
	for _, v := range known {
		h := cgraph.HashOf(v)
		if k := string(h[:]); need[k] {
			vals[k] = v
			delete(need, k)
		}
	}
	if err := s.nodeValues(ctx, need, vals); err != nil {
		return nil, err
	}
	return vals, nil
}

// inClause is "col IN (…)" over the hashes of values, its placeholders
// numbered from after+1, and its arguments.
func (s *Store) inClause(col string, values []quad.Value, after int) (string, []any) {
	var b strings.Builder
	var args []any
	b.WriteString(col + " IN (")
	for i, v := range values {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.placeholder(after + i + 1))
		h := cgraph.HashOf(v)
		args = append(args, h[:])
	}
	b.WriteString(")")
	return b.String(), args
}

// selectQuads reads the quads that where (SQL over the quads table q)
// selects, in the order they were written. It reads the quads' hashes
// first (from an index alone when one covers the filter) and then each
// distinct node's value once: a page of quads names far fewer nodes than
// it has places (one predicate, one label and a few dates for many
// quads).
func (s *Store) selectQuads(ctx context.Context, where string, args []any, known ...quad.Value) ([]quad.Quad, error) {
	q := "SELECT q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash FROM quads q"
	if where != "" {
		q += " WHERE " + where
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY q.horizon", args...)
	if err != nil {
		return nil, fmt.Errorf("%s: reading quads: %w", s.addr, err)
	}
	defer rows.Close()
	var hashes [][4]string
	need := map[string]bool{}
	var h [4][]byte
	for rows.Next() {
		if err := rows.Scan(&h[0], &h[1], &h[2], &h[3]); err != nil {
			return nil, fmt.Errorf("%s: reading quads: %w", s.addr, err)
		}
		var r [4]string
		for i := range h {
			r[i] = string(h[i])
			if r[i] != "" {
				need[r[i]] = true
			}
		}
		hashes = append(hashes, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: reading quads: %w", s.addr, err)
	}
	rows.Close()
	vals, err := s.valuesOf(ctx, need, known)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, len(hashes))
	for i, r := range hashes {
		out[i] = quad.Quad{Subject: vals[r[0]], Predicate: vals[r[1]], Object: vals[r[2]]}
		if r[3] != "" {
			out[i].Label = vals[r[3]]
		}
	}
	return out, nil
}

// scanHashes runs query, which selects one column of node hashes, and
// hands each row's hash to each.
func (s *Store) scanHashes(ctx context.Context, query string, args []any, each func(hash string)) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: reading quads: %w", s.addr, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h []byte
		if err := rows.Scan(&h); err != nil {
			return fmt.Errorf("%s: reading quads: %w", s.addr, err)
		}
		each(string(h))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: reading quads: %w", s.addr, err)
	}
	return nil
}

// nodeValues reads the values of the nodes with the given hashes into out.
func (s *Store) nodeValues(ctx context.Context, hashes map[string]bool, out map[string]quad.Value) error {
	batch := make([]any, 0, maxFilterValues)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		var b strings.Builder
		b.WriteString("SELECT hash, " + nodeColumns + " FROM nodes WHERE hash IN (")
		for i := range batch {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(s.placeholder(i + 1))
		}
		b.WriteString(")")
		rows, err := s.db.QueryContext(ctx, b.String(), batch...)
		if err != nil {
			return fmt.Errorf("%s: reading nodes: %w", s.addr, err)
		}
		defer rows.Close()
		var hash []byte
		var cols nodeCols
		ptrs := append([]any{&hash}, cols.ptrs()...)
		for rows.Next() {
			cols = nodeCols{}
			if err := rows.Scan(ptrs...); err != nil {
				return fmt.Errorf("%s: reading nodes: %w", s.addr, err)
			}
			v, err := cols.value()
			if err != nil {
				return fmt.Errorf("%s: reading nodes: %w", s.addr, err)
			}
			out[string(hash)] = v
		}
		batch = batch[:0]
		return rows.Err()
	}
	for h := range hashes {
		batch = append(batch, []byte(h))
		if len(batch) == maxFilterValues {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

func (s *Store) placeholder(n int) string {
	if s.flavor == "postgres" {
		return "$" + strconv.Itoa(n)
	}
	return "?"
}

// nodeCols receives one node's value columns.
type nodeCols struct {
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
	vtime  any
}

func (n *nodeCols) ptrs() []any {
	return []any{&n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime}
}

// value decodes the columns as Cayley's SQL quad store does (NameOf).
func (n *nodeCols) value() (quad.Value, error) {
	unescape := func(s string) quad.String { return quad.String(strings.ReplaceAll(s, `\x00`, "\x00")) }
	switch {
	case n.str.Valid:
		switch {
		case n.iri.Valid && n.iri.Bool:
			return quad.IRI(n.str.String), nil
		case n.bnode.Valid && n.bnode.Bool:
			return quad.BNode(n.str.String), nil
		case n.lang.Valid:
			return quad.LangString{Value: unescape(n.str.String), Lang: n.lang.String}, nil
		case n.typ.Valid:
			return quad.TypedString{Value: unescape(n.str.String), Type: quad.IRI(n.typ.String)}, nil
		}
		return unescape(n.str.String), nil
	case n.vint.Valid:
		return quad.Int(n.vint.Int64), nil
	case n.vbool.Valid:
		return quad.Bool(n.vbool.Bool), nil
	case n.vfloat.Valid:
		return quad.Float(n.vfloat.Float64), nil
	case n.vtime != nil:
		switch t := n.vtime.(type) {
		case time.Time:
			return quad.Time(t), nil
		case string:
			return parseSQLTime(t)
		case []byte:
			return parseSQLTime(string(t))
		}
		return nil, fmt.Errorf("unexpected time value %T", n.vtime)
	case len(n.data) > 0:
		return pquads.UnmarshalValue(n.data)
	}
	return nil, nil
}

func parseSQLTime(s string) (quad.Value, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return quad.Time(t), nil
		}
	}
	return nil, fmt.Errorf("cannot parse time value %q", s)
}

// quadsByLabel returns every quad labelled with one of labels.
func (s *Store) quadsByLabel(ctx context.Context, labels []string) ([]quad.Quad, error) {
	return s.loadQuads(ctx, byLabels(labels))
}

// HasDocument reports whether a document with this content id
// ("sha256:<hex>") is stored.
func (s *Store) HasDocument(ctx context.Context, id string) (bool, error) {
	hex := strings.TrimPrefix(id, "sha256:")
	p, o := cgraph.HashOf(quad.IRI(PredSHA256)), cgraph.HashOf(quad.String(hex))
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM quads WHERE predicate_hash = "+s.placeholder(1)+
		" AND object_hash = "+s.placeholder(2)+" LIMIT 1", p[:], o[:]).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: looking up %s: %w", s.addr, id, err)
	}
	return true, nil
}

var docPredicates = []string{PredName, PredSource, PredURL, PredHeadline, PredDate, PredDateSource, PredSHA256, PredCopies, PredSimilarity, PredStory}

// Documents lists the stored documents, dated ones first in date order.
func (s *Store) Documents(ctx context.Context) ([]DocInfo, error) {
	docs, err := s.nodesOfType(ctx, TypeDocument)
	if err != nil {
		return nil, err
	}
	qs, err := s.loadAt(ctx, quad.Subject, docs, docPredicates...)
	if err != nil {
		return nil, err
	}
	return documentsOf(newQuadView(qs)), nil
}

// DocumentsByIRI reads the given documents, dated ones first in date
// order, by index. IRIs that name no document are left out.
func (s *Store) DocumentsByIRI(ctx context.Context, iris []string) ([]DocInfo, error) {
	qs, err := s.loadAt(ctx, quad.Subject, iris, docPredicates...)
	if err != nil {
		return nil, err
	}
	return documentsOf(newQuadView(qs)), nil
}

// nodesOfType lists the nodes of one type (TypeDocument, TypeEvent, …),
// in the order they were written, by index.
func (s *Store) nodesOfType(ctx context.Context, typ string) ([]string, error) {
	return s.subjectsOf(ctx, []string{typ}, PredType)
}

// subjectsOf lists, once each in the order they were written, the
// subjects of the quads whose object is one of objects (IRIs) and whose
// predicate is one of preds. It reads the object-predicate-subject index
// alone, never the quads themselves.
func (s *Store) subjectsOf(ctx context.Context, objects []string, preds ...string) ([]string, error) {
	ov := make([]quad.Value, 0, len(objects))
	for _, o := range objects {
		ov = append(ov, quad.IRI(o))
	}
	return s.subjectsOfValues(ctx, ov, preds...)
}

// subjectsOfValues is subjectsOf for objects of any kind of value.
func (s *Store) subjectsOfValues(ctx context.Context, objects []quad.Value, preds ...string) ([]string, error) {
	return s.subjectsWhere(ctx, objects, preds, false)
}

// eventsOfValues is subjectsOfValues for the subjects that are event
// nodes (an event, not its mentions, which state the same facts), told
// apart by index: the others' values are never read.
func (s *Store) eventsOfValues(ctx context.Context, objects []quad.Value, preds ...string) ([]string, error) {
	return s.subjectsWhere(ctx, objects, preds, true)
}

// isEvent is an SQL condition: the node whose hash is in col is typed an
// event; its arguments follow those numbered up to after.
func (s *Store) isEvent(col string, after int) (string, []any) {
	pType, tEvent := cgraph.HashOf(quad.IRI(PredType)), cgraph.HashOf(quad.IRI(TypeEvent))
	return "EXISTS (SELECT 1 FROM quads t WHERE t.subject_hash = " + col + " AND t.predicate_hash = " + s.placeholder(after+1) +
		" AND t.object_hash = " + s.placeholder(after+2) + ")", []any{pType[:], tEvent[:]}
}

// subjectsWhere is subjectsOfValues, keeping only event nodes when events
// is set.
func (s *Store) subjectsWhere(ctx context.Context, objects []quad.Value, preds []string, events bool) ([]string, error) {
	pv := make([]quad.Value, 0, len(preds))
	for _, p := range preds {
		pv = append(pv, quad.IRI(p))
	}
	step := maxFilterValues - len(pv)
	var hashes []string
	seen := map[string]bool{}
	for i := 0; i < len(objects); i += step {
		where, args := s.inClause("q.object_hash", objects[i:min(i+step, len(objects))], 0)
		w, a := s.inClause("q.predicate_hash", pv, len(args))
		where, args = where+" AND "+w, append(args, a...)
		if events {
			w, a := s.isEvent("q.subject_hash", len(args))
			where, args = where+" AND "+w, append(args, a...)
		}
		err := s.scanHashes(ctx, "SELECT q.subject_hash FROM quads q WHERE "+where+" ORDER BY q.horizon", args, func(k string) {
			if !seen[k] {
				seen[k] = true
				hashes = append(hashes, k)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	vals := make(map[string]quad.Value, len(hashes))
	if err := s.nodeValues(ctx, seen, vals); err != nil {
		return nil, err
	}
	out := make([]string, 0, len(hashes))
	for _, h := range hashes {
		if v, ok := vals[h]; ok {
			out = append(out, nodeKey(v))
		}
	}
	return out, nil
}

func documentsOf(v quadView) []DocInfo {
	var out []DocInfo
	for subj, preds := range v {
		if len(preds[PredSHA256]) == 0 {
			continue
		}
		d := DocInfo{
			IRI:        subj,
			ID:         "sha256:" + v.best(subj, PredSHA256),
			Name:       v.best(subj, PredName),
			Source:     v.best(subj, PredSource),
			URL:        v.best(subj, PredURL),
			Headline:   v.best(subj, PredHeadline),
			Date:       v.best(subj, PredDate),
			DateSource: v.best(subj, PredDateSource),
			Copies:     v.best(subj, PredCopies),
			Story:      v.best(subj, PredStory),
		}
		d.Similarity, _ = strconv.ParseFloat(v.best(subj, PredSimilarity), 64)
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		return dateOrder(out[i].Date, out[i].IRI, out[j].Date, out[j].IRI)
	})
	return out
}

var entityPredicates = append([]string{PredEntityType, PredName, PredKey, PredAlias, PredRefersTo}, relationPredicates...)

// Entities lists the entity nodes, by name.
func (s *Store) Entities(ctx context.Context) ([]EntityInfo, error) {
	qs, err := s.loadQuads(ctx, byPredicates(entityPredicates...))
	if err != nil {
		return nil, err
	}
	return entitiesOf(newQuadView(qs)), nil
}

// EntitiesByIRI reads the given entity nodes, by name, by index: their
// own quads, the mentions that refer to them, and the names of the nodes
// their relations point to. IRIs that name no entity are left out.
func (s *Store) EntitiesByIRI(ctx context.Context, iris []string) ([]EntityInfo, error) {
	own, err := s.loadAt(ctx, quad.Subject, iris, entityPredicates...)
	if err != nil {
		return nil, err
	}
	refs, err := s.loadAt(ctx, quad.Object, iris, PredRefersTo)
	if err != nil {
		return nil, err
	}
	objs := distinctNodes(own, func(q quad.Quad) (string, bool) {
		_, ok := q.Object.(quad.IRI)
		return nodeKey(q.Object), ok && nodeKey(q.Predicate) != PredType
	})
	names, err := s.loadAt(ctx, quad.Subject, objs, PredName)
	if err != nil {
		return nil, err
	}
	return entitiesOf(newQuadView(append(append(own, refs...), names...))), nil
}

// namePredicates are the predicates FindEntity matches a name against.
var namePredicates = []string{PredName, PredAlias, PredKey}

// FindEntity returns the entities whose canonical name, alias, key or IRI
// equals name, ignoring case; failing that, those one of whose names lies
// wholly inside name (see entitiesNamedWithin). The usual spellings of
// name are looked up by index; only when none is stored are all names
// read.
func (s *Store) FindEntity(ctx context.Context, name string) ([]EntityInfo, error) {
	iris, err := s.FindEntityIRIs(ctx, name)
	if err != nil || len(iris) == 0 {
		return nil, err
	}
	return s.EntitiesByIRI(ctx, iris)
}

// FindEntityIRIs is FindEntity without reading the entities: their IRIs
// alone (a filter by entity needs no more, and reading a well-known
// entity's thousands of mentions takes time).
func (s *Store) FindEntityIRIs(ctx context.Context, name string) ([]string, error) {
	if iri := strings.Trim(strings.TrimSpace(name), "<>"); strings.HasPrefix(iri, "entity/") {
		v := make(quadView)
		if err := s.loadFactsAt(ctx, v, quad.Subject, []string{iri}, PredEntityType); err != nil || len(v) > 0 {
			return []string{iri}, err
		}
	}
	want := foldName(name)
	if want == "" {
		return nil, nil
	}
	var vals, preds []quad.Value
	for _, sp := range spellings(name) {
		vals = append(vals, quad.String(sp))
	}
	for _, p := range namePredicates {
		preds = append(preds, quad.IRI(p))
	}
	where, args := s.inClause("q.object_hash", vals, 0)
	w, a := s.inClause("q.predicate_hash", preds, len(args))
	exact, err := s.selectQuads(ctx, where+" AND "+w, append(args, a...))
	if err != nil {
		return nil, err
	}
	iris := distinctNodes(exact, func(q quad.Quad) (string, bool) {
		e := nodeKey(q.Subject)
		return e, strings.HasPrefix(e, "entity/")
	})
	if len(iris) == 0 {
		// No usual spelling: compare every stored name, folded.
		qs, err := s.loadQuads(ctx, byPredicates(namePredicates...))
		if err != nil {
			return nil, err
		}
		named := map[string]*EntityInfo{}
		var order []string
		seen := map[string]bool{}
		for _, q := range qs {
			e := nodeKey(q.Subject)
			if !strings.HasPrefix(e, "entity/") {
				continue
			}
			n := valueText(q.Object)
			if foldName(n) == want && !seen[e] {
				seen[e] = true
				iris = append(iris, e)
			}
			if named[e] == nil {
				named[e] = &EntityInfo{IRI: e}
				order = append(order, e)
			}
			if nodeKey(q.Predicate) != PredKey {
				named[e].Aliases = append(named[e].Aliases, n)
			}
		}
		if len(iris) == 0 {
			all := make([]EntityInfo, 0, len(order))
			for _, e := range order {
				all = append(all, *named[e])
			}
			for _, e := range entitiesNamedWithin(all, want) {
				iris = append(iris, e.IRI)
			}
		}
	}
	if len(iris) == 0 {
		return nil, nil
	}
	// Only entities: a name stated of another node is no match.
	v := make(quadView)
	if err := s.loadFactsAt(ctx, v, quad.Subject, iris, PredEntityType); err != nil {
		return nil, err
	}
	out := iris[:0]
	for _, e := range iris {
		if len(v[e]) > 0 {
			out = append(out, e)
		}
	}
	sort.Strings(out)
	return out, nil
}

// spellings is name as typed, with its spaces tidied, and in lower,
// upper and title case: the forms a stored name usually has.
func spellings(name string) []string {
	n := strings.Join(strings.Fields(name), " ")
	words := strings.Fields(strings.ToLower(n))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return []string{n, strings.ToLower(n), strings.ToUpper(n), strings.Join(words, " ")}
}

// entitiesNamedWithin is the fallback of FindEntity when no name or alias
// equals the query: the entities one of whose names is wholly inside the
// query ("iTunes" for "the iTunes store", "Apple Corps" for "Beatles Apple
// Corps"), those with the longest such name.
func entitiesNamedWithin(all []EntityInfo, query string) []EntityInfo {
	split := func(s string) []string {
		s = strings.NewReplacer("'s ", " ", "’s ", " ").Replace(foldName(s) + " ")
		return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	words := map[string]bool{}
	for _, w := range split(query) {
		words[w] = true
	}
	within := func(name string) int {
		ws := split(name)
		if len(ws) == 0 {
			return 0
		}
		for _, w := range ws {
			if !words[w] {
				return 0
			}
		}
		return len(ws)
	}
	var out []EntityInfo
	best := 0
	for _, e := range all {
		n := within(e.Name)
		for _, a := range e.Aliases {
			n = max(n, within(a))
		}
		switch {
		case n == 0 || n < best:
		case n > best:
			best, out = n, []EntityInfo{e}
		default:
			out = append(out, e)
		}
	}
	return out
}

func foldName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func entitiesOf(v quadView) []EntityInfo {
	mentions := map[string]map[string]bool{}
	for subj, preds := range v {
		for _, f := range preds[PredRefersTo] {
			e := nodeKey(f.obj)
			if mentions[e] == nil {
				mentions[e] = map[string]bool{}
			}
			mentions[e][subj] = true
		}
	}
	var out []EntityInfo
	for subj, preds := range v {
		if len(preds[PredEntityType]) == 0 {
			continue
		}
		e := EntityInfo{
			IRI:      subj,
			Type:     v.best(subj, PredEntityType),
			Name:     v.best(subj, PredName),
			Key:      v.best(subj, PredKey),
			Mentions: len(mentions[subj]),
		}
		seen := map[string]bool{foldName(e.Name): true}
		for _, a := range append(v.all(subj, PredName), v.all(subj, PredAlias)...) {
			if n := foldName(a); !seen[n] {
				seen[n] = true
				e.Aliases = append(e.Aliases, a)
			}
		}
		sort.Strings(e.Aliases)
		for _, p := range relationPredicates {
			seenRel := map[string]bool{}
			for _, f := range preds[p] {
				r := RelationInfo{Predicate: p, Object: valueText(f.obj), Doc: f.label}
				if _, ok := f.obj.(quad.IRI); ok {
					r.ObjectName = v.best(r.Object, PredName)
				}
				k := r.Predicate + "\x00" + r.Object + "\x00" + r.Doc
				if !seenRel[k] {
					seenRel[k] = true
					e.Relations = append(e.Relations, r)
				}
			}
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name); a != b {
			return a < b
		}
		return out[i].IRI < out[j].IRI
	})
	return out
}

var eventPredicates = []string{
	PredClass, PredTrigger, PredDate, PredRangeBegin, PredRangeEnd, PredAgent, PredPatient, PredLocation,
	PredMentionOf, PredSpan, PredModality,
	PredClaimant, PredReports, PredTimex, PredTimeInherited, PredName, PredEntityType, PredMergedBecause,
	PredAgentPhrase, PredPatientPhrase, PredLocationPhrase, PredRoleEvidence,
}

// Events lists the event nodes with their mentions, dated ones first in
// date order.
func (s *Store) Events(ctx context.Context) ([]EventInfo, error) {
	qs, err := s.loadQuads(ctx, byPredicates(eventPredicates...))
	if err != nil {
		return nil, err
	}
	texts, err := s.storedTexts(ctx, nil)
	if err != nil {
		return nil, err
	}
	return eventsOf(newQuadView(qs), texts), nil
}

// storedTexts reads the text and sentence spans of docs (every stored
// document when docs is nil), by index, so that mentions' words and
// evidence can be read back by offsets.
func (s *Store) storedTexts(ctx context.Context, docs []string) (map[string]storedText, error) {
	var qs []quad.Quad
	var err error
	if docs == nil {
		qs, err = s.loadQuads(ctx, byPredicates(PredText, PredSentences))
	} else {
		qs, err = s.loadAt(ctx, quad.Subject, docs, PredText, PredSentences)
	}
	if err != nil {
		return nil, err
	}
	text, sentences := map[string]string{}, map[string]string{}
	for _, q := range qs {
		d := nodeKey(q.Subject)
		if !strings.HasPrefix(d, "doc/") {
			continue
		}
		switch nodeKey(q.Predicate) {
		case PredText:
			text[d] = valueText(q.Object)
		case PredSentences:
			sentences[d] = valueText(q.Object)
		}
	}
	out := make(map[string]storedText, len(text))
	for d, t := range text {
		out[d] = newStoredText(t, sentences[d])
	}
	return out, nil
}

// Event returns one event node by IRI ("event/H", "<event/H>" or "H").
func (s *Store) Event(ctx context.Context, iri string) (*EventInfo, error) {
	iri = strings.Trim(strings.TrimSpace(iri), "<>")
	if iri != "" && !strings.Contains(iri, "/") {
		iri = "event/" + iri
	}
	evs, err := s.EventsByIRI(ctx, []string{iri})
	if err != nil {
		return nil, err
	}
	if len(evs) == 1 && evs[0].IRI == iri {
		return &evs[0], nil
	}
	return nil, fmt.Errorf("%s: no such event", iri)
}

// EventIRIsInvolving lists the event nodes that have one of entities
// (IRIs) as an agent, patient or location, found by index without reading
// the events.
func (s *Store) EventIRIsInvolving(ctx context.Context, entities []string) ([]string, error) {
	ev := make([]quad.Value, 0, len(entities))
	for _, e := range entities {
		ev = append(ev, quad.IRI(e))
	}
	subj, err := s.eventsOfValues(ctx, ev, PredAgent, PredPatient, PredLocation)
	if err != nil {
		return nil, err
	}
	return onlyEvents(subj), nil
}

// EventIRIs lists every event node, in no particular order, without
// reading the events.
func (s *Store) EventIRIs(ctx context.Context) ([]string, error) {
	return s.nodesOfType(ctx, TypeEvent)
}

// distinctNodes returns, once each and in first-seen order, the node
// pick names in each quad it accepts.
func distinctNodes(qs []quad.Quad, pick func(quad.Quad) (string, bool)) []string {
	var out []string
	seen := map[string]bool{}
	for _, q := range qs {
		if n, ok := pick(q); ok && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// EventDate is what a date filter needs of an event node.
type EventDate struct {
	Date, RangeBegin, RangeEnd string
}

// EventDatesOf returns the date and range ends of the given event nodes
// that have any, read by index.
func (s *Store) EventDatesOf(ctx context.Context, iris []string) (map[string]EventDate, error) {
	v := make(quadView)
	if err := s.loadFactsAt(ctx, v, quad.Subject, iris, PredDate, PredRangeBegin, PredRangeEnd); err != nil {
		return nil, err
	}
	out := make(map[string]EventDate, len(v))
	for subj := range v {
		out[subj] = EventDate{Date: v.best(subj, PredDate), RangeBegin: v.best(subj, PredRangeBegin), RangeEnd: v.best(subj, PredRangeEnd)}
	}
	return out, nil
}

// EventIRIsDated lists the event nodes whose date keepDate accepts, or
// whose range (its begin, its end, either possibly "") keepRange accepts,
// without reading the events: the distinct date values are read from
// the predicate-object index, and only the events with an accepted date
// are looked up. An event with both a date and a range may be listed for
// either; callers that need one rule check the event itself.
func (s *Store) EventIRIsDated(ctx context.Context, keepDate func(date string) bool, keepRange func(begin, end string) bool) ([]string, error) {
	p := cgraph.HashOf(quad.IRI(PredDate))
	hashes := map[string]bool{}
	err := s.scanHashes(ctx, "SELECT DISTINCT object_hash FROM quads WHERE predicate_hash = "+s.placeholder(1), []any{p[:]},
		func(k string) { hashes[k] = true })
	if err != nil {
		return nil, err
	}
	vals := make(map[string]quad.Value, len(hashes))
	if err := s.nodeValues(ctx, hashes, vals); err != nil {
		return nil, err
	}
	var dates []quad.Value
	for _, v := range vals {
		if keepDate(valueText(v)) {
			dates = append(dates, v)
		}
	}
	sort.Slice(dates, func(i, j int) bool { return valueText(dates[i]) < valueText(dates[j]) })
	var out []string
	seen := map[string]bool{}
	add := func(e string) {
		if strings.HasPrefix(e, "event/") && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	dated, err := s.eventsOfValues(ctx, dates, PredDate)
	if err != nil {
		return nil, err
	}
	for _, e := range dated {
		add(e)
	}
	ranges, err := s.eventRanges(ctx)
	if err != nil {
		return nil, err
	}
	kept := map[string]bool{}
	for h, r := range ranges {
		if keepRange(r.RangeBegin, r.RangeEnd) {
			kept[h] = true
		}
	}
	iris := make(map[string]quad.Value, len(kept))
	if err := s.nodeValues(ctx, kept, iris); err != nil {
		return nil, err
	}
	var ranged []string
	for _, v := range iris {
		ranged = append(ranged, nodeKey(v))
	}
	sort.Strings(ranged)
	for _, e := range ranged {
		add(e)
	}
	return out, nil
}

// EventsByIRI reads the given event nodes, dated ones first in date
// order: their own quads, their mentions', and the names of the entities
// they point to, each by index. IRIs that name no event are left out.
func (s *Store) EventsByIRI(ctx context.Context, iris []string) ([]EventInfo, error) {
	if len(iris) == 0 {
		return nil, nil
	}
	// Facts, not quads: an event that many articles report has its
	// class, date and participants stated by each, and a well-known
	// participant its name.
	v := make(quadView)
	if err := s.loadFactsAt(ctx, v, quad.Subject, iris, eventPredicates...); err != nil {
		return nil, err
	}
	mentions, err := s.subjectsOf(ctx, iris, PredMentionOf)
	if err != nil {
		return nil, err
	}
	if err := s.loadFactsAt(ctx, v, quad.Subject, mentions, eventPredicates...); err != nil {
		return nil, err
	}
	entities := map[string]bool{}
	for _, preds := range v {
		for _, p := range []string{PredAgent, PredPatient, PredLocation, PredClaimant} {
			for _, f := range preds[p] {
				entities[nodeKey(f.obj)] = true
			}
		}
		for _, f := range preds[PredRoleEvidence] {
			for _, e := range roleEvidenceIRIs(valueText(f.obj)) {
				entities[e] = true
			}
		}
	}
	if err := s.loadFactsAt(ctx, v, quad.Subject, sortedKeys(entities), PredName, PredEntityType); err != nil {
		return nil, err
	}
	docs := map[string]bool{}
	for _, m := range mentions {
		if d := docOfMention(m); d != "" {
			docs[d] = true
		}
	}
	texts, err := s.storedTexts(ctx, sortedKeys(docs))
	if err != nil {
		return nil, err
	}
	return eventsOf(v, texts), nil
}

// eventsOf builds the events of v; texts holds the stored texts of their
// mentions' documents, from which triggers and evidence are read back.
func eventsOf(v quadView, texts map[string]storedText) []EventInfo {
	ref := func(iri string) EntityRef {
		return EntityRef{IRI: iri, Name: v.best(iri, PredName), Type: v.best(iri, PredEntityType)}
	}
	// Participants in IRI order: the same whatever order the store
	// returns quads in (which follows the order of ingest).
	refs := func(subj, pred string) []EntityRef {
		var out []EntityRef
		iris := v.all(subj, pred)
		sort.Strings(iris)
		for _, iri := range iris {
			out = append(out, ref(iri))
		}
		return out
	}
	mentionsOf := map[string][]string{}
	for subj, preds := range v {
		for _, f := range preds[PredMentionOf] {
			e := nodeKey(f.obj)
			mentionsOf[e] = append(mentionsOf[e], subj)
		}
	}
	var out []EventInfo
	for subj, preds := range v {
		if len(preds[PredClass]) == 0 || len(preds[PredMentionOf]) > 0 {
			continue
		}
		ev := EventInfo{
			IRI:        subj,
			Class:      v.best(subj, PredClass),
			Lemma:      v.best(subj, PredTrigger),
			Date:       v.best(subj, PredDate),
			RangeBegin: v.best(subj, PredRangeBegin),
			RangeEnd:   v.best(subj, PredRangeEnd),
			Agents:     refs(subj, PredAgent),
			Patients:   refs(subj, PredPatient),
			Locations:  refs(subj, PredLocation),
		}
		ev.MergedBecause = v.all(subj, PredMergedBecause)
		sort.Strings(ev.MergedBecause)
		for _, m := range mentionsOf[subj] {
			doc := docOfMention(m)
			sentence, start, end, _ := parseSpan(v.best(m, PredSpan))
			text := texts[doc]
			modality := v.best(m, PredModality)
			if modality == "" {
				modality = "asserted"
			}
			mi := EventMentionInfo{
				IRI:             m,
				Doc:             doc,
				Trigger:         text.slice(start, end),
				Start:           start,
				End:             end,
				Sentence:        sentence,
				Evidence:        text.sentence(sentence),
				Date:            v.best(m, PredDate),
				Timex:           v.best(m, PredTimex),
				TimeInherited:   v.best(m, PredTimeInherited) == "true",
				Modality:        modality,
				Reports:         v.all(m, PredReports),
				Agents:          refs(m, PredAgent),
				Patients:        refs(m, PredPatient),
				Locations:       refs(m, PredLocation),
				AgentPhrases:    v.all(m, PredAgentPhrase),
				PatientPhrases:  v.all(m, PredPatientPhrase),
				LocationPhrases: v.all(m, PredLocationPhrase),
				Roles:           parseRoleEvidence(v.best(m, PredRoleEvidence), ref, text),
			}
			if c := v.best(m, PredClaimant); c != "" {
				r := ref(c)
				mi.Claimant = &r
			}
			ev.Mentions = append(ev.Mentions, mi)
		}
		sort.Slice(ev.Mentions, func(i, j int) bool {
			a, b := ev.Mentions[i], ev.Mentions[j]
			if a.Doc != b.Doc {
				return a.Doc < b.Doc
			}
			return a.Start < b.Start
		})
		out = append(out, ev)
	}
	sort.Slice(out, func(i, j int) bool {
		return dateOrder(out[i].Date, out[i].IRI, out[j].Date, out[j].IRI)
	})
	return out
}

// LoadRecords reads what the reconciler needs to know of every stored
// document. Each record holds the entity and event facts that document
// itself stated (its labelled quads).
func (s *Store) LoadRecords(ctx context.Context) ([]DocRecord, error) {
	preds := append(append([]string{PredText}, docPredicates...), entityPredicates...)
	preds = append(preds, PredClass, PredTrigger, PredRangeBegin, PredRangeEnd, PredAgent, PredPatient, PredLocation, PredMentionOf,
		PredLocalEvent, PredMergedBecause, PredReports, PredWording)
	qs, err := s.loadQuads(ctx, byPredicates(preds...))
	if err != nil {
		return nil, err
	}
	v := newQuadView(qs)
	docs := documentsOf(v)
	recs := make(map[string]*DocRecord, len(docs))
	out := make([]DocRecord, len(docs))
	for i, d := range docs {
		out[i] = DocRecord{
			IRI: d.IRI, ID: d.ID, Name: d.Name, Source: d.Source, URL: d.URL, Date: d.Date,
			DateSource: d.DateSource, Text: v.best(d.IRI, PredText), Copies: d.Copies, Story: d.Story,
		}
		recs[d.IRI] = &out[i]
	}
	// Visit subjects in a fixed order so records come out the same way
	// each time.
	subjects := make([]string, 0, len(v))
	for subj := range v {
		subjects = append(subjects, subj)
	}
	sort.Strings(subjects)
	for _, subj := range subjects {
		preds := v[subj]
		isEntity := len(preds[PredEntityType]) > 0
		isEvent := len(preds[PredClass]) > 0 && len(preds[PredMentionOf]) == 0
		if !isEntity && !isEvent {
			continue
		}
		labels := map[string]bool{}
		for _, facts := range preds {
			for _, f := range facts {
				labels[f.label] = true
			}
		}
		for label := range labels {
			rec := recs[label]
			if rec == nil {
				continue
			}
			valuesBy := func(p string) []string {
				var out []string
				seen := map[string]bool{}
				for _, f := range preds[p] {
					if x := valueText(f.obj); f.label == label && !seen[x] {
						seen[x] = true
						out = append(out, x)
					}
				}
				return out
			}
			if isEntity {
				rec.Entities = append(rec.Entities, EntityRecord{
					IRI: subj, Type: bestOf(preds[PredEntityType], label), Name: bestOf(preds[PredName], label),
					Key: bestOf(preds[PredKey], label), Aliases: valuesBy(PredAlias),
				})
				continue
			}
			er := EventRecord{
				IRI: subj, Local: bestOf(preds[PredLocalEvent], label), Why: whyOf(valuesBy(PredMergedBecause)),
				Class: bestOf(preds[PredClass], label), Lemma: bestOf(preds[PredTrigger], label), Lemmas: valuesBy(PredTrigger), Wordings: valuesBy(PredWording),
				Date: bestOf(preds[PredDate], label), RangeBegin: bestOf(preds[PredRangeBegin], label),
				RangeEnd: bestOf(preds[PredRangeEnd], label), Agents: valuesBy(PredAgent),
				Patients: valuesBy(PredPatient), Locations: valuesBy(PredLocation),
			}
			er.Participants = sortedParticipants(er.Agents, er.Patients)
			rec.Events = append(rec.Events, er)
		}
	}
	statementReports(v, out)
	return out, nil
}

// whyOf strips the "local: " prefix the store writes before each line of
// merge evidence.
func whyOf(lines []string) []string {
	var out []string
	for _, l := range lines {
		if _, w, ok := strings.Cut(l, ": "); ok {
			out = append(out, w)
		}
	}
	return out
}

// statementReports fills each statement record's Reports with the local
// ids of the events its mentions report (evmention -reports-> evmention
// -mentionOf-> event, whose local id the same document states).
func statementReports(v quadView, recs []DocRecord) {
	byDoc := make(map[string]*DocRecord, len(recs))
	for i := range recs {
		byDoc[recs[i].IRI] = &recs[i]
	}
	for subj, preds := range v {
		if len(preds[PredReports]) == 0 || !strings.HasPrefix(subj, "evmention/") {
			continue
		}
		hash, _, ok := strings.Cut(strings.TrimPrefix(subj, "evmention/"), "/")
		rec := byDoc["doc/"+hash]
		if !ok || rec == nil {
			continue
		}
		var ev *EventRecord
		node := bestOf(preds[PredMentionOf], rec.IRI)
		for j := range rec.Events {
			if rec.Events[j].IRI == node {
				ev = &rec.Events[j]
			}
		}
		if ev == nil {
			continue
		}
		for _, f := range preds[PredReports] {
			target := v.best(valueText(f.obj), PredMentionOf)
			for _, t := range rec.Events {
				if t.IRI != target {
					continue
				}
				l := t.Local
				if l == "" {
					l = t.IRI
				}
				if !slices.Contains(ev.Reports, l) {
					ev.Reports = append(ev.Reports, l)
				}
			}
		}
	}
}

// dateOrder orders dated items before undated ones, by date, then IRI.
func dateOrder(dateA, iriA, dateB, iriB string) bool {
	if (dateA == "") != (dateB == "") {
		return dateA != ""
	}
	if dateA != dateB {
		return dateA < dateB
	}
	return iriA < iriB
}

// sortedParticipants is the sorted, distinct union of agents and patients.
func sortedParticipants(agents, patients []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range append(append([]string(nil), agents...), patients...) {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}
