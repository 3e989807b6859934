// Package graph stores extracted documents as quads in Cayley, reconciles
// them across sources, and reads them back.
//
// # Schema
//
// Every quad's label is the IRI of the document it was read from, so the
// provenance of any fact is one hop away and a document's quads can be found
// (and replaced as a unit) by label. Node IRIs are short so that they are easy
// to type in Gizmo:
//
//	<doc/H>             a document; H is the first 16 hex digits of the SHA-256 of its text
//	<entity/T/S>        a reconciled entity; T its lower-case type, S a slug of its key
//	<event/H>           a reconciled event; H a hash of its class, date and first participants
//	<mention/H/N>       the N-th entity mention of document H
//	<evmention/H/N>     the N-th event mention (one trigger) of document H
//
// Predicates are listed below as constants; README.md documents them with
// examples. Values are Cayley quad.String, quad.Int or quad.Bool.
//
// The schema is compact: a quad costs about 600 bytes in Cayley's SQL
// back end whatever it holds, so a fact is stored once and nothing that
// can be read back from the article is copied. A mention's document is its
// label (and the H of its IRI); its position is one "span" value,
// "S:START-END" (sentence index, byte offsets); its text, a trigger as
// written and the evidence sentence are read back from the stored text by
// offsets (the document's "sentences" value lists the sentence spans).
// Defaults are not stated: a mention's kind "name", an event mention's
// modality "asserted", timeInherited false.
package graph

// Node types, the objects of PredType.
const (
	TypeDocument = "Document"
	TypeEntity   = "Entity"
	TypeEvent    = "Event"
	TypeStory    = "Story"
)

// Predicates.
const (
	PredType = "type" // any node -> <Document>, <Entity>, ...

	// Documents.
	PredName       = "name"       // document -> file name; entity -> canonical name
	PredSource     = "source"     // document -> outlet
	PredURL        = "url"        // document -> URL
	PredHeadline   = "headline"   // document -> headline text
	PredDate       = "date"       // document -> DCT value; event -> TIMEX3 date value
	PredDateSource = "dateSource" // document -> how the DCT was found
	PredSHA256     = "sha256"     // document -> full hex digest of the text
	PredText       = "text"       // document -> full text
	PredSentences  = "sentences"  // document -> "START-END START-END ..." byte spans of its sentences
	PredCopies     = "copies"     // document -> the document it largely copies
	PredSimilarity = "similarity" // document -> estimated Jaccard similarity to what it copies

	// Entities.
	PredEntityType = "entityType" // entity -> "PERSON", "ORG", ...
	PredAlias      = "alias"      // entity -> another name for it
	PredKey        = "key"        // entity -> its reconciliation key ("gpe:US")
	PredMemberOf   = "memberOf"   // entity -> entity
	PredRole       = "role"       // entity -> "President"
	PredRoleOf     = "roleOf"     // entity -> the entity the role is held in (Russia)
	PredSupports   = "supports"   // entity -> entity
	PredLocatedIn  = "locatedIn"  // entity -> entity
	// PredAttributedTo links a quoted or claiming entity to its speaker
	// (extract relation "attributed_to"); added by the store.
	PredAttributedTo = "attributedTo" // entity -> entity

	// Mentions (entity and event mentions alike).
	PredRefersTo  = "refersTo"  // mention -> entity
	PredMentionOf = "mentionOf" // event mention -> event
	PredSpan      = "span"      // mention -> "S:START-END": sentence index, byte offsets of the name or trigger
	PredKind      = "kind"      // entity mention -> "alias", "demonym", ... (not stated when "name")

	// Events and event mentions.
	PredClass         = "class"         // event, event mention -> class
	PredTrigger       = "trigger"       // event mention -> trigger text; event -> trigger lemma
	PredAgent         = "agent"         // event, event mention -> entity
	PredPatient       = "patient"       // event, event mention -> entity
	PredLocation      = "location"      // event, event mention -> entity
	PredModality      = "modality"      // event mention -> negated|possible|conditional|reported (not stated when asserted)
	PredClaimant      = "claimant"      // event mention -> entity
	PredReports       = "reports"       // event mention (said) -> event mention
	PredTimex         = "timex"         // event mention -> the TIMEX3 text it was dated by
	PredTimeInherited = "timeInherited" // event mention -> true when dated by sentence or article (not stated when false)
	PredRangeBegin    = "rangeBegin"    // event, event mention -> TIMEX3 value of a "since X" start
	PredRangeEnd      = "rangeEnd"      // event, event mention -> TIMEX3 value of an "until X" end

	// Reconciliation (the reconcile package's decisions), labelled by the
	// article they concern.
	PredStory         = "story"         // document -> story node <story/H>
	PredLocalEvent    = "localEvent"    // event -> the id of an article's document-level event it holds
	PredMergedBecause = "mergedBecause" // event -> "local: with <local> (<doc>): reason; ..." evidence of a merge
	PredWording       = "wording"       // event -> hash of a sentence an article's mention stands in (reconcile.Wording)

	// Unnamed participants of an event mention: noun phrases that fill a
	// slot no entity fills ("militants", "Syrian forces").
	PredAgentPhrase    = "agentPhrase"    // event mention -> phrase
	PredPatientPhrase  = "patientPhrase"  // event mention -> phrase
	PredLocationPhrase = "locationPhrase" // event mention -> phrase
	// PredRoleEvidence says how each participant of an event mention was
	// found: its words' offsets and the rule (graph/roles.go).
	PredRoleEvidence = "roleEvidence" // event mention -> "agent 751-769 subject entity/gpe/tr; ..."
)
