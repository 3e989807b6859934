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
	IRI          string // "event/H"
	Class        string
	Lemma        string
	Date         string // TIMEX3 value, "" if undated
	Agents       []string
	Patients     []string
	Locations    []string
	Participants []string // entity IRIs: agents and patients, sorted
	// RangeBegin and RangeEnd are the TIMEX3 values of a "since X" start
	// and an "until X" end (PredRangeBegin/End), "" if none. An event
	// dated by a range has Date "".
	RangeBegin string
	RangeEnd   string
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
	// Event[i] is the IRI of the node for doc.Events[i].
	Event []string
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
