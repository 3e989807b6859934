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
// Counts by date alone all come from the whole store's counts by date,
// read once.
type countsCache struct {
	store *graph.Store
	dates *storeCache[*graph.DateCounts]
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
	return &countsCache{store: store, dates: newStoreCache(store, store.EventDateCounts), byKey: map[string]*countsEntry{}}
}

// get returns f's counts, from the cache while the store is unchanged.
func (c *countsCache) get(ctx context.Context, f timeline.Filter) (*timeline.Counts, error) {
	if f.ByDatesAlone() {
		dc, err := c.dates.get(ctx)
		if err != nil {
			return nil, err
		}
		return timeline.CountDates(f, dc)
	}
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

// storeCache holds one read of the whole store that many requests need
// and that is too slow to repeat on each: every entity name and alias for
// completion (one scan of the name predicates, on each key a user types),
// the stories and outlets of the filter form (every document, on each
// visit). It is read again when the store's generation moves (an ingest
// wrote since).
type storeCache[T any] struct {
	store *graph.Store
	read  func(context.Context) (T, error)
	mu    sync.Mutex
	gen   int64
	ok    bool
	val   T
}

func newStoreCache[T any](store *graph.Store, read func(context.Context) (T, error)) *storeCache[T] {
	return &storeCache[T]{store: store, read: read}
}

// get returns the value, read again when the store changed.
func (c *storeCache[T]) get(ctx context.Context) (T, error) {
	gen, err := c.store.Generation(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ok && gen == c.gen {
		return c.val, nil
	}
	v, err := c.read(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	c.val, c.gen, c.ok = v, gen, true
	return v, nil
}

// entityNames reads every name and alias, never nil.
func entityNames(store *graph.Store) func(context.Context) ([]graph.EntityName, error) {
	return func(ctx context.Context) ([]graph.EntityName, error) {
		names, err := store.EntityNames(ctx)
		if names == nil && err == nil {
			names = []graph.EntityName{}
		}
		return names, err
	}
}
