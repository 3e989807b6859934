package main

import (
	"reflect"
	"testing"

	"github.com/storyline/storyline/eval"
)

// TestNoteItemEmptyNote reads a note line whose note is empty, written
// with or without its trailing ";": the time slot is the same either way.
func TestNoteItemEmptyNote(t *testing.T) {
	sent := "Roddick ended his partnership with Brad Gilbert on Monday."
	byID := map[string]eval.RoleCandidate{"bbc2-001": {Source: "bbc/sport/1.txt", Sentence: sent, SentenceStart: 100}}
	for _, line := range []string{
		"bbc2-001 ; ended ; Roddick ; partnership ; - ; Monday",
		"bbc2-001 ; ended ; Roddick ; partnership ; - ; Monday ;",
	} {
		it, err := noteItem(line, byID)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if !reflect.DeepEqual(it.Time, []string{"Monday"}) || it.Note != "" {
			t.Errorf("%q: time %q, note %q; want [Monday] and no note", line, it.Time, it.Note)
		}
		if it.Trigger != "ended" || it.Offset != 108 {
			t.Errorf("%q: trigger %q at %d, want \"ended\" at 108", line, it.Trigger, it.Offset)
		}
	}
}
