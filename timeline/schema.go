package timeline

// This file is the timeline's JSON schema, documented in README.md. Keep it
// stable: add fields, never rename or remove them.

// Timeline is the JSON document `storyline timeline` prints.
type Timeline struct {
	Filter Filter  `json:"filter"`
	Events []Event `json:"events"`
	// Omitted counts the minor events left out (see Filter.All).
	Omitted   int        `json:"omitted"`
	Documents []Document `json:"documents"`
	// More is set when Filter.Limit cut the list: more events match.
	More bool `json:"more,omitempty"`
}

// Filter restricts a timeline. Empty fields do not filter.
type Filter struct {
	// Entity keeps events with a participant or place whose canonical
	// name or alias is Entity (case-insensitive).
	Entity string `json:"entity,omitempty"`
	// From and To keep events whose date overlaps [From, To]; both are
	// TIMEX3 dates (YYYY, YYYY-MM or YYYY-MM-DD). Undated events are
	// dropped when either is set.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Story keeps the events told by the articles of one story (its IRI,
	// "story/H", or just H).
	Story string `json:"story,omitempty"`
	// All keeps minor events too: those of class "other" with no date
	// and no named participant, which are left out by default.
	All bool `json:"all,omitempty"`
	// Outlet keeps the events one of whose reports comes from an article
	// of this outlet (case-insensitive).
	Outlet string `json:"outlet,omitempty"`
	// Class keeps the events of one class ("meet", "attack").
	Class string `json:"class,omitempty"`
	// Undated keeps only the events with no date (nor range) or with an
	// unknown year ("XXXX-11-24"): the timeline's undated lane. It does
	// not go with From or To.
	Undated bool `json:"undated,omitempty"`
	// Starts makes From and To keep the events that start in [From, To]
	// (an event dated 2004 starts on 2004-01-01; a range at its begin)
	// rather than those that overlap it: the events a time line draws in
	// that window, and those CountByMonth counts in its months.
	Starts bool `json:"starts,omitempty"`
	// Limit, when above 0, lists at most Limit events (in timeline
	// order); Timeline.More tells that more match.
	Limit int `json:"limit,omitempty"`
}

// Event is one reconciled event: one real-world happening with every report
// of it.
type Event struct {
	ID string `json:"id"`
	// Date is a TIMEX3 value: 2015-11-24, 2015-02, 1991, XXXX-11-24 when
	// the year is unknown; "" when undated.
	Date string `json:"date"`
	// Range is set when the text gives a range ("since September 30").
	Range     *Range      `json:"range,omitempty"`
	Class     string      `json:"class"`
	Trigger   string      `json:"trigger"`
	Summary   string      `json:"summary"`
	Agents    []EntityRef `json:"agents"`
	Patients  []EntityRef `json:"patients"`
	Locations []EntityRef `json:"locations"`
	// Phrases are unnamed participants, as the sources word them
	// ("militants", "Syrian forces"), for slots no entity fills.
	Phrases []Phrase `json:"phrases,omitempty"`
	// Modality is the modality all sources agree on, or "disputed".
	Modality string   `json:"modality"`
	Sources  []Source `json:"sources"`
	// Disagreements lists the fields on which sources differ, each value
	// with the documents that give it. Nothing is overwritten.
	Disagreements []Disagreement `json:"disagreements,omitempty"`
	// MergedBecause is the evidence of the merges that made the event,
	// one line per link: "<local id>: with <local id> (<document>):
	// reason; reason".
	MergedBecause []string `json:"merged_because,omitempty"`
}

// Phrase is an unnamed participant: a noun phrase in the agent, patient or
// location slot of an event.
type Phrase struct {
	Role string `json:"role"`
	Text string `json:"text"`
	// Country is the country a demonym or name in the phrase links it to
	// ("Syria" for "Syrian forces"): the phrase is the participant, the
	// country its nationality.
	Country *EntityRef `json:"country,omitempty"`
}

// Range is a date range in TIMEX3 values; either end may be empty.
type Range struct {
	Begin string `json:"begin,omitempty"`
	End   string `json:"end,omitempty"`
}

// EntityRef names an entity node.
type EntityRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Source is one report of an event in one document.
type Source struct {
	Document string `json:"document"`
	Outlet   string `json:"outlet,omitempty"`
	Headline string `json:"headline"`
	// Sentence is the evidence sentence.
	Sentence string `json:"sentence"`
	// Trigger is the trigger text; Start and End its byte offsets in the
	// document's text.
	Trigger       string     `json:"trigger"`
	Start         int        `json:"start"`
	End           int        `json:"end"`
	Date          string     `json:"date,omitempty"`
	Timex         string     `json:"timex,omitempty"`
	TimeInherited bool       `json:"time_inherited,omitempty"`
	Modality      string     `json:"modality"`
	Claimant      *EntityRef `json:"claimant,omitempty"`
	Phrases       []Phrase   `json:"phrases,omitempty"`
}

// Disagreement is one field on which the sources of an event differ.
type Disagreement struct {
	Field  string          `json:"field"`
	Values []DisputedValue `json:"values"`
}

// DisputedValue is one of the values given for a disputed field.
type DisputedValue struct {
	Value     string   `json:"value"`
	Documents []string `json:"documents"`
}

// Document is one stored article.
type Document struct {
	ID       string `json:"id"`
	File     string `json:"file,omitempty"`
	Outlet   string `json:"outlet,omitempty"`
	URL      string `json:"url,omitempty"`
	Headline string `json:"headline"`
	// Date is the article's own date; DateSource how it was found (flag,
	// metadata, dateline, byline, headline, caption, copy, unknown).
	Date       string `json:"date,omitempty"`
	DateSource string `json:"date_source"`
	// Copies lists the documents this one largely copies.
	Copies []string `json:"copies,omitempty"`
	// Story is the story the reconciler put the article in.
	Story string `json:"story,omitempty"`
}
