package graph

// This file holds the contract between the store (store.go, write.go,
// read.go) and the reconciler (reconcile.go, copies.go): the records the
// store loads for reconciliation and the Plan the reconciler returns for a
// new document.

// DocRecord is what reconciliation needs to know of a stored document.
type DocRecord struct {
	IRI        string // <doc/H> without brackets: "doc/H"
	ID         string // "sha256:..."
	Name       string
	Source     string
	URL        string
	Date       string // DCT value, "" if unknown
	DateSource string
	Text       string // full text, for near-copy detection
	Copies     string // IRI of the document it copies, "" if none
	Story      string // IRI of its story, "" in a store written before stories
	Entities   []EntityRecord
	Events     []EventRecord
}

// EntityRecord is a reconciled entity node as the store holds it.
type EntityRecord struct {
	IRI     string // "entity/person/barack-obama"
	Type    string // "PERSON", ...
	Name    string // canonical name
	Key     string // reconciliation key
	Aliases []string
}

// EventRecord is a reconciled event node as the store holds it.
type EventRecord struct {
	IRI          string // "event/H": the node (its cluster's canonical IRI)
	Local        string // the document-level event's own id ("" in older stores: IRI)
	Class        string
	Lemma        string   // the node's trigger lemma as the store reads it back
	Lemmas       []string // every trigger lemma of the document's mentions
	Date         string   // TIMEX3 value, "" if undated
	Agents       []string
	Patients     []string
	Locations    []string
	Participants []string // entity IRIs: agents and patients, sorted
	// RangeBegin and RangeEnd are the TIMEX3 values of a "since X" start
	// and an "until X" end (PredRangeBegin/End), "" if none. An event
	// dated by a range has Date "".
	RangeBegin string
	RangeEnd   string
	// Reports lists the local ids of the events a statement reports.
	Reports []string
	// Wordings are the hashes of the sentences its mentions stand in.
	Wordings []string
	// Why is the evidence that tied this document-level event into its
	// cluster, one line per link (reconcile.Clusters.Why).
	Why []string
}

// CopyLink says that one document largely copies another.
type CopyLink struct {
	Copy       string  // IRI of the copy
	Original   string  // IRI of the original
	Similarity float64 // estimated Jaccard similarity of word shingles
	// OriginalDate is the original's DCT, which a copy with no date of
	// its own takes as its date context.
	OriginalDate string
}

// Plan is how one new document joins the graph.
type Plan struct {
	DocIRI string
	// Entity[i] is the IRI of the node for doc.Entities[i].
	Entity []string
	// Event[i] is the IRI of the node for doc.Events[i]: its cluster's
	// canonical IRI. Local[i] is its document-level event's own id.
	Event []string
	Local []string
	// Story is the IRI of the story the document joins.
	Story string
	// Why holds, by local id, the evidence that tied each merged
	// document-level event into its cluster.
	Why map[string][]string
	// EntityRenames maps stored entity nodes to the IRIs they are renamed
	// to (see Reconciler.nameEntities).
	EntityRenames map[string]string
	// Replan lists stored documents that must be annotated and planned
	// again because this one changes how they resolve (see
	// Reconciler.surnameSplits).
	Replan []string
	// Restamp lists stored documents whose nodes change because of this
	// one. WriteDocuments writes them in the same transaction as the
	// document; the caller then registers them with Reconciler.Restamped
	// (Store.Ingest does all of this).
	Restamp []Restamp
	// EventDate[i] is the TIMEX3 date value the event node is dated by
	// ("" if undated); EventRangeBegin/End likewise for "since X"/"until X".
	EventDate       []string
	EventRangeBegin []string
	EventRangeEnd   []string
	// NewEntities counts entity nodes this document creates; MergedEvents
	// counts its events that join an event node another document already
	// reports.
	NewEntities  int
	MergedEvents int
	// Copies is set when this document largely copies a stored one.
	Copies *CopyLink
	// CopiedBy lists stored documents that largely copy this one. Those
	// with no date of their own must be re-annotated with this document's
	// date as context and rewritten (see Store.Ingest).
	CopiedBy []CopyLink
}

// Restamp is a change to a stored document that a new document causes:
// its events join other clusters, its story grows, or the evidence of its
// merges changes. Its quads are rewritten by substitution, in the same
// transaction as the new document; nothing is re-extracted.
type Restamp struct {
	Doc      string
	Story    string
	OldStory string              // the story it was in, "" if none
	Events   map[string]string   // old event node IRI -> new
	Why      map[string][]string // local id -> evidence
}
