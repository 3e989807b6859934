package web

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/storyline/storyline/timeline"
)

// BenchmarkStoreReads measures, on the store named by STORYLINE_WEB_STORE
// (the whole BBC store, say), the reads the page makes: a window of the
// time line (its first 150 events that start in it), the same window
// narrowed by class and by entity, an entity's and two months' timelines,
// counts per month, and the stories.
//
//	STORYLINE_WEB_STORE=/tmp/bbc.db go test ./web -run x -bench StoreReads -cpuprofile /tmp/web.prof
func BenchmarkStoreReads(b *testing.B) {
	addr := os.Getenv("STORYLINE_WEB_STORE")
	if addr == "" {
		b.Skip("STORYLINE_WEB_STORE names no store: set it to measure the reads on one")
	}
	s := openReadOnly(b, addr)
	ctx := context.Background()
	window := timeline.Filter{From: "2003-12-28", To: "2004-02-04", Starts: true, Limit: 150}
	for _, c := range []struct {
		name string
		f    timeline.Filter
	}{
		{"window", window},
		{"window-10", timeline.Filter{From: window.From, To: window.To, Starts: true, Limit: 10}},
		{"window-class", timeline.Filter{From: window.From, To: window.To, Starts: true, Limit: 150, Class: "statement"}},
		{"window-entity", timeline.Filter{From: window.From, To: window.To, Starts: true, Limit: 150, Entity: "Tony Blair"}},
		{"entity", timeline.Filter{Entity: "Tony Blair"}},
		{"months", timeline.Filter{From: "2004-12", To: "2005-01"}},
	} {
		b.Run("timeline-"+c.name, func(b *testing.B) {
			for b.Loop() {
				if err := timeline.Stream(ctx, s, c.f, io.Discard, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, c := range []struct {
		name string
		f    timeline.Filter
	}{
		{"all", timeline.Filter{}},
		{"class", timeline.Filter{Class: "statement"}},
		{"entity", timeline.Filter{Entity: "Tony Blair"}},
	} {
		b.Run("counts-"+c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := timeline.CountByMonth(ctx, s, c.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// The stories and outlets of the filter form, read as the page loads.
	b.Run("stories", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Stories(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
