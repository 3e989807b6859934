// Package extract turns one article's text into a Document: sentences,
// tokens, the article's own date, temporal expressions, entities, events and
// relations, each a byte-offset span into Document.Text.
//
// The design follows spaCy's pipeline: there is one Document value, and each
// stage (text.go, dct.go, timex via the timex package, entity.go, event.go,
// relation.go) adds its layer to it, reading the layers of the stages before.
// No stage re-tokenizes, and every fact points back to its source bytes.
//
// All offsets are byte offsets into the UTF-8 Document.Text, half-open
// [Start, End), like go/token positions.
package extract

import (
	"github.com/storyline/storyline/extract/timex"
)

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Document is one article and everything extracted from it.
type Document struct {
	// ID is a stable content id: "sha256:" plus the hex digest of Text.
	// Ingesting the same content twice yields the same ID.
	ID string `json:"id"`
	// Name is where the text came from: a file path, "-" for stdin, or a
	// URL; informational only.
	Name string `json:"name,omitempty"`
	// Source is the outlet (publisher), when known.
	Source string `json:"source,omitempty"`
	// Outlet says how Source was found, with the evidence's offsets and
	// the names turned down. Filled by the outlet stage (outlet.go).
	Outlet OutletChoice `json:"outlet"`
	// URL is the article's address, when known.
	URL string `json:"url,omitempty"`
	// Text is the article text, headline first. All spans index into it.
	Text string `json:"-"`
	// Headline is the span of the headline within Text.
	Headline Span `json:"headline"`
	// MetaDate is a publication date given with the input (--date, HTML
	// metadata, a JSON Lines "date" field), as YYYY-MM-DD; empty if none.
	MetaDate string `json:"meta_date,omitempty"`

	// DCT is the article's own date (document creation time) and how it
	// was found. Filled by the DCT stage (dct.go).
	DCT DCT `json:"dct"`

	Sentences []Sentence    `json:"sentences"`
	Tokens    []Token       `json:"tokens,omitempty"`
	Timexes   []timex.Timex `json:"timexes"`
	Entities  []Entity      `json:"entities"`
	Mentions  []Mention     `json:"mentions"`
	Events    []Event       `json:"events"`
	Relations []Relation    `json:"relations"`
}

// DCT is the document creation time: the date the article speaks from.
type DCT struct {
	// Value is a TIMEX3 date value (YYYY-MM-DD, or coarser such as
	// YYYY-MM, or XXXX-MM-DD when a dateline gives no year); empty when
	// unknown.
	Value string `json:"value,omitempty"`
	// Source says how Value was found: "flag" (--date), "metadata",
	// "dateline", "byline", "url", "lede", "headline", "caption", "copy"
	// (inherited from the article this one copies), or "unknown"; see
	// dct.go.
	Source string `json:"source"`
	// Span is where in Text the date was read, if it was read from Text.
	Span *Span `json:"span,omitempty"`
	// Rejected lists candidate dates that were considered and not used,
	// with the reason.
	Rejected []RejectedDate `json:"rejected,omitempty"`
}

// RejectedDate is a date candidate the DCT stage turned down.
type RejectedDate struct {
	Value  string `json:"value"`
	Span   Span   `json:"span"`
	Reason string `json:"reason"`
}

// SentenceKind tells what part of the article a sentence belongs to.
type SentenceKind string

// Sentence kinds. Only KindHeadline, KindBody and KindCaption sentences
// yield events; bylines and boilerplate are kept for provenance only.
const (
	KindHeadline    SentenceKind = "headline"
	KindBody        SentenceKind = "body"
	KindCaption     SentenceKind = "caption"
	KindByline      SentenceKind = "byline"
	KindBoilerplate SentenceKind = "boilerplate"
)

// Sentence is one sentence (or headline, caption, byline line).
type Sentence struct {
	Span
	Kind SentenceKind `json:"kind"`
	// Paragraph is the 0-based index of the paragraph (blank-line
	// separated block) the sentence is in.
	Paragraph int `json:"paragraph"`
	// Tokens is the index range [First, Last) into Document.Tokens.
	FirstToken int `json:"first_token"`
	EndToken   int `json:"end_token"`
}

// Token is one word or punctuation mark.
type Token struct {
	Span
	Text string `json:"text"`
	// Tag is the Penn Treebank part-of-speech tag.
	Tag string `json:"tag"`
	// Lemma is the lower-cased base form (verbs and nouns), for matching.
	Lemma string `json:"lemma,omitempty"`
	// Sentence is the index into Document.Sentences.
	Sentence int `json:"sentence"`
}

// EntityType is a coarse named-entity type.
type EntityType string

// Entity types.
const (
	Person    EntityType = "PERSON"
	Org       EntityType = "ORG"
	GPE       EntityType = "GPE" // countries, cities, states: places with a government
	Loc       EntityType = "LOC" // regions, seas, mountains
	Facility  EntityType = "FACILITY"
	Equipment EntityType = "EQUIPMENT" // aircraft, weapons, vehicles
)

// Entity is one real-world thing the article names, with all its mentions
// merged within the article.
type Entity struct {
	// ID is the entity's index in Document.Entities.
	ID   int        `json:"id"`
	Type EntityType `json:"type"`
	// Name is the canonical name ("Vladimir Putin", "United States",
	// "Islamic State").
	Name string `json:"name"`
	// Key is a document-independent identity used to merge entities
	// across articles: the gazetteer id when the entity is in a gazetteer
	// (e.g. "gpe:US"), else the type and normalized canonical name (e.g.
	// "person:vladimir putin").
	Key string `json:"key"`
	// Aliases are the other names used for it, in this article or in the
	// gazetteer ("Putin", "Russian President Vladimir Putin").
	Aliases []string `json:"aliases,omitempty"`
	// Gazetteer names the embedded gazetteer that knew it, if any.
	Gazetteer string `json:"gazetteer,omitempty"`
}

// Mention is one place in the text that refers to an entity.
type Mention struct {
	Span
	Text   string `json:"text"`
	Entity int    `json:"entity"`
	// Sentence is the index into Document.Sentences.
	Sentence int `json:"sentence"`
	// Kind is "name", "alias", "acronym", "demonym" (Russian jets),
	// "capital" (Moscow says), "title" or "pronoun".
	Kind string `json:"kind"`
	// Role is a title or role given with the mention ("President").
	Role string `json:"role,omitempty"`
}

// Modality of an event as the text presents it.
const (
	Asserted    = "asserted"
	Negated     = "negated"
	Possible    = "possible"
	Conditional = "conditional"
	Reported    = "reported" // claimed by someone: see Event.Claimant
)

// Event is one event mention: a trigger and its arguments.
type Event struct {
	// ID is the event's index in Document.Events.
	ID      int  `json:"id"`
	Trigger Span `json:"trigger"`
	// TriggerText is Text[Trigger.Start:Trigger.End] ("shot down").
	TriggerText string `json:"trigger_text"`
	// Lemma is the trigger's base form ("shoot down", "meeting").
	Lemma string `json:"lemma"`
	// Class is one of the classes in event.go (CAMEO-aligned).
	Class     string `json:"class"`
	Sentence  int    `json:"sentence"`
	Agents    []Arg  `json:"agents,omitempty"`
	Patients  []Arg  `json:"patients,omitempty"`
	Locations []Arg  `json:"locations,omitempty"`
	// Timex is the index into Document.Timexes of the event's time, or -1.
	Timex int `json:"timex"`
	// TimeInherited is true when the time comes from the sentence,
	// paragraph or article rather than a TIMEX attached to the trigger.
	TimeInherited bool `json:"time_inherited,omitempty"`
	// Modality is Asserted, Negated, Possible, Conditional or Reported.
	Modality string `json:"modality"`
	// Claimant is the entity that claims a Reported event, or -1.
	Claimant int `json:"claimant"`
	// Reports lists the events (indexes) that this reporting event
	// (said, confirmed) reports.
	Reports []int `json:"reports,omitempty"`
	// Nominals are unnamed participants that are not entities ("the
	// man", "police", "militants"): noun phrases filling the agent,
	// patient or location slot when no entity mention does.
	Nominals []NominalArg `json:"nominals,omitempty"`
}

// NominalArg is an event argument that is a noun phrase, not an entity.
type NominalArg struct {
	// Role is "agent", "patient" or "location".
	Role string `json:"role"`
	// Span is the whole phrase ("Syrian forces") and Text its text.
	Span
	Text string `json:"text"`
	// Head is the span of the phrase's head noun ("forces").
	Head Span `json:"head"`
	// Rule names the rule that gave the phrase its role (see Arg.Rule).
	Rule string `json:"rule,omitempty"`
	// Country is the country or organization a demonym or name inside the
	// phrase links it to ("Russian" in "the Russian pilots", "US" in "US
	// officials"): the phrase is the participant, the country only its
	// nationality. Nil when the phrase names none.
	Country *Arg `json:"country,omitempty"`
}

// Arg is an event argument: an entity and the mention that fills the slot,
// with the evidence of the role.
type Arg struct {
	Entity  int `json:"entity"`
	Mention int `json:"mention"`
	// Words is the span of the phrase that fills the slot ("NATO member
	// Turkey"; the pronoun for a resolved "he"). Zero for a country link.
	Words Span `json:"words"`
	// Rule names the rule that gave the role: "subject", "object",
	// "passive-subject", "passive-by", "unaccusative-subject",
	// "adjective-subject", "possessive", "prenominal", "nominal-of" (and
	// "nominal-" + another preposition: with, on, against, between, by),
	// "light-verb-subject", "for-subject", "raising-subject", "clause-subject",
	// "modified-noun" (the noun a participle modifies: "rising costs"),
	// "shared-place" (a participle clause's place from its verb), "opening-"
	// + the preposition (a place in an opening phrase: "In Paris, …"),
	// "control-object", "control-subject", "coordinated-subject",
	// "according-to", "office-holder" (a phrase naming a person by
	// office), "locative-" + the preposition ("locative-in"); for a
	// Country link "demonym" or "name-modifier".
	Rule string `json:"rule,omitempty"`
	// Country is the country or organization a demonym or name modifying
	// the phrase links the participant to ("Russian" in "a Russian
	// Sukhoi Su-24 jet"), or nil.
	Country *Arg `json:"country,omitempty"`
}

// Relation is a fact between two entities (or an entity and a value).
type Relation struct {
	// Type is "member_of", "role", "supports", "located_in",
	// "attributed_to" (a quote or claim to its speaker).
	Type    string `json:"type"`
	Subject int    `json:"subject"` // entity index
	Object  int    `json:"object"`  // entity index, or -1 when Value is set
	Value   string `json:"value,omitempty"`
	// Evidence is the text span the relation was read from.
	Evidence Span `json:"evidence"`
	Sentence int  `json:"sentence"`
}
