package web

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/storyline/storyline/graph"
	"github.com/storyline/storyline/timeline"
)

// countsCacheSize is how many filters' counts are kept.
const countsCacheSize = 64

// countsCache keeps the counts per month of the filters asked for, for as
// long as the store's generation does not move (no ingest wrote since):
// the zoomed-out view of a large store is read once, not on every visit.
// Requests for the same filter while it is being read wait for that read.
type countsCache struct {
	store *graph.Store
	mu    sync.Mutex
	gen   int64
	byKey map[string]*countsEntry
}

// countsEntry is one filter's counts, ready once done is closed.
type countsEntry struct {
	done   chan struct{}
	counts *timeline.Counts
	err    error
}

func newCountsCache(store *graph.Store) *countsCache {
	return &countsCache{store: store, byKey: map[string]*countsEntry{}}
}

// get returns f's counts, from the cache while the store is unchanged.
func (c *countsCache) get(ctx context.Context, f timeline.Filter) (*timeline.Counts, error) {
	key, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	gen, err := c.store.Generation(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if gen != c.gen || len(c.byKey) >= countsCacheSize {
		c.gen, c.byKey = gen, map[string]*countsEntry{}
	}
	e, reading := c.byKey[string(key)]
	if !reading {
		e = &countsEntry{done: make(chan struct{})}
		c.byKey[string(key)] = e
	}
	c.mu.Unlock()
	if reading {
		select {
		case <-e.done:
			if e.err == nil {
				return e.counts, nil
			}
			// the read that failed was another request's: read again
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return timeline.CountByMonth(ctx, c.store, f)
	}
	e.counts, e.err = timeline.CountByMonth(ctx, c.store, f)
	if e.err != nil {
		c.mu.Lock()
		if c.byKey[string(key)] == e {
			delete(c.byKey, string(key))
		}
		c.mu.Unlock()
	}
	close(e.done)
	return e.counts, e.err
}
