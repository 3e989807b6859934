// Package timex finds temporal expressions in English text and normalizes
// them to TimeML TIMEX3 values, resolving relative expressions against the
// document creation time (DCT) or against a date the text is talking about.
package timex

// Timex is one temporal expression: a TIMEX3 with its byte span.
type Timex struct {
	// Start and End are byte offsets into the tagged text, [Start, End).
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is text[Start:End].
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the TIMEX3 value: 2015-11-24, 2015-W48, XXXX-11-24, P4Y,
	// PRESENT_REF, ...
	Value string `json:"value"`
	// Mod is the TIMEX3 mod (START, MID, END, APPROX, MORE_THAN, ...), or "".
	Mod string `json:"mod,omitempty"`
	// Quant and Freq are the TIMEX3 attributes of a SET ("every", "1X").
	Quant string `json:"quant,omitempty"`
	Freq  string `json:"freq,omitempty"`
	// Anchor tells what a relative value was resolved against: "dct",
	// "text" (an earlier date in the text, see AnchorIndex), "none" (a
	// relative expression that could not be resolved, so its value keeps
	// X digits), or "" for an absolute expression.
	Anchor string `json:"anchor,omitempty"`
	// Mode is how a relative expression was anchored: "news" (against
	// the DCT, or an earlier date for "two days later" and the like) or
	// "narrative" (against the reference time the text established: the
	// last explicit date); "" for an absolute expression.
	Mode string `json:"mode,omitempty"`
	// AnchorIndex is the index of the anchoring timex when Anchor is
	// "text", else -1.
	AnchorIndex int `json:"anchor_index"`
	// Range is "begin" when the expression opens a range ("since
	// September 30", "from 2010"), "end" when it closes one ("until
	// Friday"), else "".
	Range string `json:"range,omitempty"`
	// RefUntil is set on a date that became the story's reference time
	// where the text is narrative (a narrative document, or a background
	// paragraph of a news text, as the anchoring decided): the byte
	// offset where it stops being the reference time (the next such
	// date, or the end of a background paragraph). Events told between
	// the date and RefUntil with no date of their own happened then.
	// 0 otherwise.
	RefUntil int `json:"ref_until,omitempty"`
}
