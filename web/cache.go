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
type countsCache struct {
	store *graph.Store
	mu    sync.Mutex
	gen   int64
	byKey map[string]*timeline.Counts
}

func newCountsCache(store *graph.Store) *countsCache {
	return &countsCache{store: store, byKey: map[string]*timeline.Counts{}}
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
		c.gen, c.byKey = gen, map[string]*timeline.Counts{}
	}
	got := c.byKey[string(key)]
	c.mu.Unlock()
	if got != nil {
		return got, nil
	}
	counts, err := timeline.CountByMonth(ctx, c.store, f)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if gen == c.gen {
		c.byKey[string(key)] = counts
	}
	c.mu.Unlock()
	return counts, nil
}
