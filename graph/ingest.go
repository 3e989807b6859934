package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/storyline/storyline/extract"
)

// IngestOptions tune Store.Ingest.
type IngestOptions struct {
	// Progress, when set, is called after each input with the number of
	// inputs handled so far and the total.
	Progress func(done, total int)
	// Window is how many inputs IngestFrom holds at once (0:
	// IngestWindow).
	Window int
	// Workers is how many articles are extracted at once (0: one per
	// CPU). Reconciliation and writing stay in one goroutine, in input
	// order, so the stored result does not depend on it.
	Workers int
	// RunningTopic is the number of articles past which a story is
	// clustered as a running topic (0: reconcile.RunningTopic). Every
	// ingest into one store must use the same.
	RunningTopic int
}

// IngestSummary counts what an Ingest did.
type IngestSummary struct {
	Read    int // inputs read
	Skipped int // inputs whose content was already stored
	Failed  int // inputs that could not be annotated or stored
	Stored  int // documents written
	// Events and Entities count the distinct event and entity nodes the
	// stored documents refer to.
	Events   int
	Entities int
	// MergedEvents counts events of the stored documents that joined an
	// event node another document already reports.
	MergedEvents int
	// Copies counts near-copy links found (new documents copying stored
	// ones, and stored ones found to copy a new one).
	Copies int
	// Redated counts stored copies rewritten with a new document's date.
	Redated int
	// Replanned counts batches planned again because another writer
	// changed the store under them.
	Replanned int
}

// String is a one-line summary: "read 2 articles (0 skipped as already
// stored): 23 events, 31 entities, 9 events merged across sources, 1 copy".
func (s IngestSummary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "read %s (%d skipped as already stored", plural(s.Read, "article"), s.Skipped)
	if s.Failed > 0 {
		fmt.Fprintf(&b, ", %d failed", s.Failed)
	}
	fmt.Fprintf(&b, "): %s, %s, %s merged across sources, %s",
		plural(s.Events, "event"), plural(s.Entities, "entity"), plural(s.MergedEvents, "event"), plural(s.Copies, "copy"))
	if s.Replanned > 0 {
		fmt.Fprintf(&b, "; %s planned again after another writer's changes", plural(s.Replanned, "batch"))
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	switch {
	case strings.HasSuffix(word, "y"):
		word = strings.TrimSuffix(word, "y") + "ies"
	case strings.HasSuffix(word, "ch"):
		word += "es"
	default:
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}

// Ingest annotates inputs with p, reconciles them with what the store
// holds and writes the articles in transactions of up to 32 whole
// articles. Articles with a
// date are handled before undated ones, so that an undated copy can take
// its original's date. An input that cannot be annotated is reported in
// the returned errors and the others go on; a failed write (a locked or
// broken store) or a cancelled ctx stops the ingest.
func (s *Store) Ingest(ctx context.Context, p *extract.Pipeline, inputs []extract.Input, opt IngestOptions) (*IngestSummary, []error) {
	i := 0
	next := func() (extract.Input, bool) {
		if i == len(inputs) {
			return extract.Input{}, false
		}
		i++
		return inputs[i-1], true
	}
	return s.ingest(ctx, p, next, len(inputs), max(len(inputs), 1), opt)
}

// IngestWindow is how many inputs IngestFrom holds at once.
const IngestWindow = 1024

// IngestFrom is Ingest over a stream: next hands on the inputs one at a
// time (false at the end), and at most opt.Window of them are held at
// once: memory grows with the window and with the reconciler's records
// of the stored articles (their texts included), not with the feed's
// length. Within each window dated articles go first; a copy
// whose original comes in a later window is redated when the original
// is stored. Progress is called with a total of -1.
func (s *Store) IngestFrom(ctx context.Context, p *extract.Pipeline, next func() (extract.Input, bool), opt IngestOptions) (*IngestSummary, []error) {
	window := opt.Window
	if window <= 0 {
		window = IngestWindow
	}
	return s.ingest(ctx, p, next, -1, window, opt)
}

// ingest reads inputs from next a window at a time; total is their
// number when known (-1 otherwise), for Progress.
func (s *Store) ingest(ctx context.Context, p *extract.Pipeline, next func() (extract.Input, bool), total, window int, opt IngestOptions) (*IngestSummary, []error) {
	sum := &IngestSummary{}
	if s.readOnly {
		return sum, []error{fmt.Errorf("%s: cannot ingest: store opened read-only", s.addr)}
	}
	if p == nil {
		return sum, []error{errors.New("ingest: no pipeline")}
	}
	// The generation is read before the records: a write in between
	// makes the first batch be planned again, never missed.
	gen, err := s.generation(ctx)
	if err != nil {
		return sum, []error{err}
	}
	in := &ingester{s: s, p: p, sum: sum, gen: gen, seen: map[string]bool{},
		written: map[string]*Plan{}, copies: map[string]bool{}, topic: opt.RunningTopic}
	if err := in.reload(ctx); err != nil {
		return sum, []error{err}
	}

	var errs []error
	done := 0
	inputs := make([]extract.Input, 0, min(window, 4096))
	for stopped := false; !stopped; {
		inputs = inputs[:0]
		for len(inputs) < window {
			in, ok := next()
			if !ok {
				break
			}
			inputs = append(inputs, in)
		}
		if len(inputs) == 0 {
			break
		}
		order := make([]int, len(inputs))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool {
			return inputs[order[a]].Date != "" && inputs[order[b]].Date == ""
		})
		pctx, stop := context.WithCancel(ctx)
		ready := in.prefetch(pctx, inputs, order, opt.Workers)
		for _, i := range order {
			x, ok := ready.next(ctx)
			if !ok || ctx.Err() != nil {
				errs = append(errs, fmt.Errorf("ingest interrupted: %w", ctx.Err()))
				stopped = true
				break
			}
			err := in.one(ctx, inputs[i], x)
			var we *writeError
			if errors.As(err, &we) {
				sum.Failed++
				errs = append(errs, &StoreError{Err: we.err})
				stopped = true
				break
			}
			if err != nil {
				sum.Failed++
				errs = append(errs, &ArticleError{Input: inputName(inputs[i]), Err: err})
			}
			done++
			if opt.Progress != nil {
				opt.Progress(done, total)
			}
		}
		stop() // the window's extraction workers end with it
		clear(inputs)
	}
	// The articles extracted before an interrupt are still written.
	err = in.flush(context.WithoutCancel(ctx))
	if err != nil {
		var we *writeError
		if errors.As(err, &we) {
			err = we.err
		}
		sum.Failed++
		errs = append(errs, &StoreError{Err: err})
	}
	// Events merged across sources: the events written in this run that
	// end up reported by more than one stored document.
	reporters := map[string]map[string]bool{}
	for _, rec := range in.records {
		for _, ev := range rec.Events {
			if reporters[ev.IRI] == nil {
				reporters[ev.IRI] = map[string]bool{}
			}
			reporters[ev.IRI][rec.IRI] = true
		}
	}
	events, entities := map[string]bool{}, map[string]bool{}
	for _, plan := range in.written {
		for _, e := range plan.Event {
			if e != "" && !events[e] {
				events[e] = true
				if len(reporters[e]) > 1 {
					sum.MergedEvents++
				}
			}
		}
		for _, e := range plan.Entity {
			entities[e] = true
		}
	}
	sum.Events, sum.Entities, sum.Copies = len(events), len(entities), len(in.copies)
	return sum, errs
}

// StoreError is an ingest error of the store itself (locked, broken,
// unwritable) rather than of one input: it stopped the ingest.
type StoreError struct{ Err error }

// ArticleError is one input Ingest could not extract or reconcile; the
// others go on. Its message is Err's, which names the input.
type ArticleError struct {
	Input string // the input's name, as inputName gives it
	Err   error
}

func (e *ArticleError) Error() string { return e.Err.Error() }
func (e *ArticleError) Unwrap() error { return e.Err }

// Reason is the error without the input's name.
func (e *ArticleError) Reason() string {
	return strings.TrimPrefix(e.Err.Error(), e.Input+": ")
}

func (e *StoreError) Error() string { return e.Err.Error() }

func (e *StoreError) Unwrap() error { return e.Err }

// writeError marks a failed store write, which stops the ingest.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }

// ingester is the state of one Ingest call.
type ingester struct {
	s       *Store
	p       *extract.Pipeline
	r       *Reconciler
	sum     *IngestSummary
	records map[string]DocRecord // stored documents by IRI

	// written holds the latest plan of each document written in this run:
	// the summary counts events, entities and merges from them.
	written map[string]*Plan
	copies  map[string]bool

	// batch holds planned articles not yet written: they are written
	// together, in one transaction, by flush.
	batch batch
	// pending is the inputs whose writes the batch holds: when another
	// writer changed the store under the batch, it is planned again from
	// them (see replan).
	pending []replayed
	// seen holds the content ids of this run's inputs; gen is the store's
	// generation as this ingester last read or wrote it; stale asks the
	// next flush to plan the batch again; replanning is set while it
	// does.
	seen       map[string]bool
	gen        int64
	stale      bool
	replanning bool
	// topic is IngestOptions.RunningTopic.
	topic int
}

// replayed is one input of the batch and its extraction.
type replayed struct {
	in extract.Input
	x  extracted
}

// maxReplays bounds how many times one batch is planned again after
// conflicting writes.
const maxReplays = 5

// isConflict reports whether err is a write that met another writer.
func isConflict(err error) bool {
	var we *writeError
	return errors.As(err, &we) && errors.Is(we.err, ErrConflict)
}

// replan plans the pending batch again after another writer changed the
// store: the reconciler is rebuilt from what the store now holds and the
// batch's articles are planned anew (an article the other writer stored
// meanwhile is skipped as already stored), without writing. Errors of
// single articles were reported on the first attempt and are not repeated.
func (g *ingester) replan(ctx context.Context) error {
	if err := g.reload(ctx); err != nil {
		return &writeError{err}
	}
	items := g.pending
	g.pending, g.batch = nil, batch{}
	g.sum.Replanned++
	// The inputs were counted as read (and any failure as failed) when
	// they were first planned.
	read, failed := g.sum.Read, g.sum.Failed
	defer func() { g.sum.Read, g.sum.Failed = read, failed }()
	g.replanning = true
	defer func() { g.replanning = false }()
	for _, it := range items {
		if it.x.id != "" {
			delete(g.seen, it.x.id)
			if it.x.doc != nil {
				stored, err := g.s.HasDocument(ctx, it.x.id)
				if err != nil {
					return &writeError{err}
				}
				it.x.stored = stored
			}
		}
		if err := g.one(ctx, it.in, it.x); err != nil {
			var we *writeError
			if errors.As(err, &we) {
				return err
			}
		}
	}
	return nil
}

// reload rebuilds the reconciler and the records from the store.
func (g *ingester) reload(ctx context.Context) error {
	recs, err := g.s.LoadRecords(ctx)
	if err != nil {
		return err
	}
	g.r = NewReconciler()
	if g.topic > 0 {
		g.r.topic = g.topic
	}
	g.records = make(map[string]DocRecord, len(recs))
	for _, rec := range recs {
		g.r.Add(rec)
		g.records[rec.IRI] = rec
	}
	return nil
}

// batch is a group of whole articles written in one transaction. Every
// article's quads are in exactly one transaction, so a failure or a kill
// never leaves half an article; grouping them saves SQLite rewriting the
// same index pages once per article.
type batch struct {
	writes  []DocWrite
	replace []string // stored documents whose quads the batch replaces
	quads   int      // a rough count of the quads the batch adds
	names   []string // inputs in the batch, for errors
	commit  []func() // bookkeeping to do once the batch is written
}

// Batch limits: whichever is reached first flushes the batch.
const (
	batchArticles = 32
	batchQuads    = 60000
)

// flush writes the batch in one transaction and then does its bookkeeping.
func (g *ingester) flush(ctx context.Context) error {
	if len(g.batch.writes) == 0 {
		return nil
	}
	var err error
	for attempt := 0; attempt <= maxReplays; attempt++ {
		if err = g.flushOnce(ctx); !isConflict(err) {
			break
		}
		g.stale = true // planned again under the lock next time
	}
	if err != nil {
		// The batch is not written; the ingest stops with err.
		g.batch, g.pending = batch{}, nil
	}
	return err
}

// flushOnce writes the batch while holding the store's writer lock. When
// another process wrote since this one last read or wrote the store (its
// generation moved), the batch is first planned again against what the
// store now holds: the batches of concurrent ingests are reconciled one
// after the other, as if one process had ingested them all.
func (g *ingester) flushOnce(ctx context.Context) error {
	unlock, err := g.s.lockWriter(ctx)
	if err != nil {
		return &writeError{err}
	}
	defer unlock()
	gen, err := g.s.generation(ctx)
	if err != nil {
		return &writeError{err}
	}
	if g.stale || gen != g.gen {
		if err := g.replan(ctx); err != nil {
			return err
		}
		g.stale = false
	}
	g.gen = gen
	b := g.batch
	if len(b.writes) > 0 {
		if err := g.s.WriteDocuments(ctx, b.writes, b.replace); err != nil {
			name := b.names[0]
			if len(b.names) > 1 {
				name = fmt.Sprintf("%s (and %d more articles written with it)", name, len(b.names)-1)
			}
			return &writeError{fmt.Errorf("%s: %w", name, err)}
		}
		if g.gen, err = g.s.nextGeneration(ctx, gen); err != nil {
			return &writeError{err}
		}
	}
	g.batch = batch{}
	for _, c := range b.commit {
		c()
	}
	g.pending = nil
	return nil
}

// queue adds an article's writes to the batch. A stored copy that a
// pending write of the batch already replaces is replaced in the batch.
func (g *ingester) queue(name string, writes []DocWrite, replace []string, commit func()) {
	for _, iri := range replace {
		pending := false
		for i := 0; i < len(g.batch.writes); i++ {
			w := g.batch.writes[i]
			if w.Plan != nil && w.Plan.DocIRI == iri || w.Restamp != nil && w.Restamp.Doc == iri {
				g.batch.writes = append(g.batch.writes[:i], g.batch.writes[i+1:]...)
				i--
				pending = pending || w.Plan != nil
			}
		}
		if !pending {
			g.batch.replace = append(g.batch.replace, iri)
		}
	}
	for _, w := range writes {
		g.batch.writes = append(g.batch.writes, w)
		g.batch.quads += 8 + 8*len(w.Doc.Mentions) + 16*len(w.Doc.Events) + 2*len(w.Doc.Relations)
	}
	g.batch.names = append(g.batch.names, name)
	g.batch.commit = append(g.batch.commit, commit)
}

// queueRestamp adds a change to a stored document to the batch: applied to
// the document's pending write if the batch holds one, composed with a
// pending restamp of it, or queued on its own.
func (g *ingester) queueRestamp(rs Restamp) {
	for i := range g.batch.writes {
		w := &g.batch.writes[i]
		switch {
		case w.Plan != nil && w.Plan.DocIRI == rs.Doc:
			restampPlan(w.Plan, rs)
			return
		case w.Restamp != nil && w.Restamp.Doc == rs.Doc:
			c := composeRestamps(*w.Restamp, rs)
			w.Restamp = &c
			return
		}
	}
	g.batch.writes = append(g.batch.writes, DocWrite{Restamp: &rs})
	g.batch.quads += 4 * len(rs.Events)
}

// pendingPlan is the plan of the document iri among writes, or nil.
func pendingPlan(writes []DocWrite, iri string) *Plan {
	for _, w := range writes {
		if w.Plan != nil && w.Plan.DocIRI == iri {
			return w.Plan
		}
	}
	return nil
}

// full reports whether the batch should be written now.
func (g *ingester) full() bool {
	return len(g.batch.names) >= batchArticles || g.batch.quads >= batchQuads
}

func inputName(in extract.Input) string {
	if in.Name != "" {
		return in.Name
	}
	if in.URL != "" {
		return in.URL
	}
	return "input"
}

// extracted is one input as a prefetch worker left it: its content id,
// whether the store already holds it, and its annotation (or the error
// that stopped either).
type extracted struct {
	id     string
	stored bool
	doc    *extract.Document
	err    error // an input error, reported for this input alone
	store  error // a store error, which stops the ingest
}

// prefetched hands out the extractions of the inputs in ingest order.
type prefetched struct {
	results []chan extracted
	slots   chan struct{}
	n       int
}

// next waits for the next input's extraction and frees its slot; ok is
// false when ctx ends first.
func (p *prefetched) next(ctx context.Context) (x extracted, ok bool) {
	select {
	case x = <-p.results[p.n]:
	case <-ctx.Done():
		return x, false
	}
	p.results[p.n] = nil
	p.n++
	<-p.slots
	return x, true
}

// prefetch extracts the inputs, in the given order, on workers
// goroutines, at most a few articles ahead of the writer so that memory
// stays bounded by the window, not the corpus. Extraction is pure; the
// store is only read (is the article already stored?).
func (g *ingester) prefetch(ctx context.Context, inputs []extract.Input, order []int, workers int) *prefetched {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	p := &prefetched{results: make([]chan extracted, len(order)), slots: make(chan struct{}, 4*workers)}
	type job struct {
		in  extract.Input
		out chan extracted
	}
	jobs := make(chan job)
	for i := range p.results {
		p.results[i] = make(chan extracted, 1)
	}
	for w := 0; w < workers; w++ {
		go func() {
			for j := range jobs {
				j.out <- g.extract(ctx, j.in)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for n, i := range order {
			select {
			case p.slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{in: inputs[i], out: p.results[n]}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return p
}

// extract checks one input, looks its content up in the store and
// annotates it unless it is stored.
func (g *ingester) extract(ctx context.Context, in extract.Input) extracted {
	name := inputName(in)
	if !utf8.ValidString(in.Text) {
		return extracted{err: fmt.Errorf("%s: not UTF-8 text", name)}
	}
	if strings.TrimSpace(in.Text) == "" {
		return extracted{err: fmt.Errorf("%s: empty article", name)}
	}
	h := sha256.Sum256([]byte(in.Text))
	x := extracted{id: "sha256:" + hex.EncodeToString(h[:])}
	if x.stored, x.store = g.s.HasDocument(ctx, x.id); x.store != nil || x.stored {
		return x
	}
	doc, err := g.p.Annotate(ctx, in)
	if err != nil {
		x.err = fmt.Errorf("%s: %w", name, err)
		return x
	}
	x.doc = doc
	return x
}

// one handles one input, extracted by prefetch.
func (g *ingester) one(ctx context.Context, in extract.Input, x extracted) error {
	g.sum.Read++
	name := inputName(in)
	if x.id != "" && g.seen[x.id] {
		g.sum.Skipped++
		return nil
	}
	if x.id != "" {
		g.seen[x.id] = true
	}
	switch {
	case x.store != nil:
		return &writeError{x.store}
	case x.err != nil:
		return x.err
	case x.stored:
		g.sum.Skipped++
		return nil
	}
	doc := x.doc
	plan, err := g.r.Plan(doc)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if doc.DCT.Value == "" && plan.Copies != nil && plan.Copies.OriginalDate != "" {
		// An undated copy speaks from its original's date.
		redo := in
		redo.Date, redo.DateSource = plan.Copies.OriginalDate, "copy"
		if doc, plan, err = g.annotate(ctx, redo); err != nil {
			return err
		}
		doc.MetaDate = in.Date
	}
	writes := []DocWrite{{Doc: doc, Plan: plan}}
	// Stored documents whose clusters or story this one changes; kept so
	// that a failure below can put the reconciler back.
	var restamps []Restamp
	before := map[string]DocRecord{}
	restamp := func(p *Plan) {
		for _, rs := range p.Restamp {
			if k := slices.IndexFunc(writes, func(w DocWrite) bool { return w.Plan.DocIRI == rs.Doc }); k >= 0 {
				restampPlan(writes[k].Plan, rs)
				if k > 0 {
					// A stored document planned again: the next ones
					// are planned against it as it now reads.
					g.r.Add(g.r.Record(writes[k].Doc, writes[k].Plan))
				}
				continue
			}
			old, ok := g.records[rs.Doc]
			if !ok {
				continue
			}
			if _, kept := before[rs.Doc]; !kept {
				before[rs.Doc] = old
			}
			next := applyRestamp(old, rs)
			g.records[rs.Doc] = next
			g.r.Restamped(rs)
			restamps = append(restamps, rs)
		}
		p.Restamp = nil
	}
	restamp(plan)
	rec := g.r.Record(doc, plan)

	// Stored copies of this document are planned again and rewritten in
	// the same transaction: those with no date of their own are
	// re-annotated with its date, and those it is a better original for
	// than the one they copy now take it as their original, so that
	// which of two copies came first does not decide the links.
	var replace []string
	var restore []DocRecord
	redated := 0
	undo := func() {
		g.r.Remove(plan.DocIRI)
		for _, old := range restore {
			g.r.Add(old)
		}
		for iri, old := range before {
			g.records[iri] = old
			g.r.Add(old)
		}
	}
	// Stored documents whose entities this one makes ambiguous are
	// planned again as well.
	type again struct {
		iri   string
		force bool // rewritten whatever its new plan
	}
	var targets []again
	for _, link := range plan.CopiedBy {
		targets = append(targets, again{iri: link.Copy})
	}
	for _, iri := range plan.Replan {
		targets = append(targets, again{iri: iri, force: true})
	}
	done := map[string]bool{}
	for _, tg := range targets {
		old, ok := g.records[tg.iri]
		if !ok || done[tg.iri] || !tg.force && (old.Copies == plan.DocIRI || old.Date == "" && doc.DCT.Value == "") {
			continue
		}
		done[tg.iri] = true
		date := doc.DCT.Value
		if old.Date != "" || tg.force {
			date = ""
		}
		g.r.Add(rec) // the copy is planned against this document
		cdoc, cplan, err := g.replanStored(ctx, old, date)
		if err != nil {
			undo()
			return fmt.Errorf("%s: planning the stored %s again: %w", name, old.IRI, err)
		}
		if date == "" && !tg.force && (cplan.Copies == nil || cplan.Copies.Original == old.Copies) {
			g.r.Add(old) // its original stays: nothing to rewrite
			continue
		}
		if tg.force && len(cplan.Restamp) == 0 && reflect.DeepEqual(g.r.Record(cdoc, cplan), old) {
			// Planned again to the very record it has (its lone
			// surname still names the same person): nothing to rewrite.
			g.r.Add(old)
			continue
		}
		if date != "" {
			redated++
		}
		restore = append(restore, old)
		writes = append(writes, DocWrite{Doc: cdoc, Plan: cplan})
		replace = append(replace, old.IRI)
		restamp(cplan)
		rec = g.r.Record(doc, plan)
		// The next stored documents planned again see this one as it
		// will be written.
		g.r.Add(g.r.Record(cdoc, cplan))
	}
	// Later articles of the batch are planned against this one.
	for _, w := range writes {
		r := g.r.Record(w.Doc, w.Plan)
		g.r.Add(r)
		g.records[r.IRI] = r
	}
	for _, rs := range restamps {
		if pendingPlan(writes, rs.Doc) == nil {
			g.queueRestamp(rs)
		}
	}
	g.pending = append(g.pending, replayed{in: in, x: x})
	g.queue(name, writes, replace, func() {
		g.sum.Stored++
		g.sum.Redated += redated
		for _, w := range writes {
			// A re-dated copy's latest plan replaces what it counted before.
			g.written[w.Plan.DocIRI] = w.Plan
		}
		if plan.Copies != nil {
			g.copies[plan.DocIRI+" "+plan.Copies.Original] = true
		}
		for _, link := range plan.CopiedBy {
			g.copies[link.Copy+" "+plan.DocIRI] = true
		}
	})
	if g.full() && !g.replanning {
		return g.flush(ctx)
	}
	return nil
}

// annotate runs the pipeline and plans the result.
func (g *ingester) annotate(ctx context.Context, in extract.Input) (*extract.Document, *Plan, error) {
	doc, err := g.p.Annotate(ctx, in)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", inputName(in), err)
	}
	plan, err := g.r.Plan(doc)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", inputName(in), err)
	}
	return doc, plan, nil
}

// replanStored re-annotates a stored copy and plans it afresh: an undated
// one with date as its date context, a dated one (date "") as it was
// annotated when stored.
func (g *ingester) replanStored(ctx context.Context, old DocRecord, date string) (*extract.Document, *Plan, error) {
	in := extract.Input{Name: old.Name, Source: old.Source, URL: old.URL, Text: old.Text, Date: date, DateSource: "copy"}
	if date == "" {
		switch old.DateSource {
		case "flag", "metadata", "copy":
			// The date came with the input (or from its original).
			in.Date, in.DateSource = old.Date, old.DateSource
		default:
			in.DateSource = ""
		}
	}
	doc, err := g.p.Annotate(ctx, in)
	if err != nil {
		return nil, nil, err
	}
	if in.DateSource != "metadata" {
		doc.MetaDate = ""
	}
	g.r.Remove(old.IRI)
	plan, err := g.r.Plan(doc)
	if err != nil {
		g.r.Add(old)
		return nil, nil, err
	}
	return doc, plan, nil
}
