package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestEventMentionClusters(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	a, b := writeFixtures(t, s)

	all, err := s.EventMentionClusters(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || len(all[a]) != 3 || len(all[b]) != 3 {
		t.Fatalf("EventMentionClusters(nil) = %+v", all)
	}
	show := func(text string, ms []EventMentionRef) string {
		var parts []string
		for _, m := range ms {
			parts = append(parts, fmt.Sprintf("%s=%s", text[m.Start:m.End], m.Event))
		}
		return strings.Join(parts, " ")
	}
	// In text order, with the fixture's plans: "met" is one event per
	// date, "said" one per document, "shot down" one event for both.
	wantA := "met=event/meet2015-11-30 said=event/say" + a[4:] + " shot down=event/shootdown"
	if got := show(textA, all[a]); got != wantA {
		t.Errorf("document A:\n got %s\nwant %s", got, wantA)
	}
	wantB := "met=event/meet said=event/say" + b[4:] + " shot down=event/shootdown"
	if got := show(textB, all[b]); got != wantB {
		t.Errorf("document B:\n got %s\nwant %s", got, wantB)
	}
	for _, m := range all[a] {
		if !strings.HasPrefix(m.IRI, "evmention/"+a[4:]+"/") {
			t.Errorf("mention IRI %s is not one of %s", m.IRI, a)
		}
	}

	one, err := s.EventMentionClusters(ctx, []string{b, "doc/0000000000000000"})
	if err != nil {
		t.Fatal(err)
	}
	if len(one) != 1 || show(textB, one[b]) != wantB {
		t.Errorf("EventMentionClusters(B, unknown) = %+v", one)
	}
	none, err := s.EventMentionClusters(ctx, []string{})
	if err != nil || len(none) != 0 {
		t.Errorf("EventMentionClusters(empty) = %+v, %v", none, err)
	}
}
