package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

// The streamed timeline (what `storyline timeline` prints) is, byte for
// byte, the timeline Build returns written whole, for every kind of
// filter, an empty result included, in JSON and in text.
func TestTimelineStreamIsBuild(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	ctx := context.Background()
	s, err := graph.Open(ctx, db, graph.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, f := range []timeline.Filter{
		{}, {All: true}, {Entity: "Putin"}, {Entity: "Turkey", All: true},
		{From: "2015-11-24", To: "2015-11-24"}, {From: "1990", To: "1990"}, {From: "2015-11"},
	} {
		tl, err := timeline.Build(ctx, s, f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		for _, text := range []bool{false, true} {
			var whole, streamed bytes.Buffer
			if text {
				err = tl.WriteText(&whole)
			} else {
				err = tl.WriteJSON(&whole)
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := timeline.Stream(ctx, s, f, &streamed, text); err != nil {
				t.Fatalf("%+v: %v", f, err)
			}
			if whole.String() != streamed.String() {
				t.Errorf("%+v (text %v): streamed timeline differs from Build's:\n%s\n---\n%s", f, text, streamed.String(), whole.String())
			}
		}
		if len(tl.Events) == 0 && len(tl.Documents) != 0 {
			t.Errorf("%+v: no event, yet %d documents listed", f, len(tl.Documents))
		}
	}
	if err := timeline.Stream(ctx, s, timeline.Filter{Entity: "nobody at all"}, &bytes.Buffer{}, false); err == nil {
		t.Error("a timeline of an unknown entity streams without error")
	}
}
