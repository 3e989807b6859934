package web

import (
	"context"
	"sync"

	"github.com/storyline/storyline/graph"
)

// nameCache holds every entity name and alias for completion: reading
// them is one scan of the name predicates, too slow to repeat on each
// key a user types. They are read again when the store's generation
// moves (an ingest wrote since).
type nameCache struct {
	store *graph.Store
	mu    sync.Mutex
	gen   int64
	names []graph.EntityName
}

func newNameCache(store *graph.Store) *nameCache { return &nameCache{store: store} }

// get returns the names, read again when the store changed.
func (c *nameCache) get(ctx context.Context) ([]graph.EntityName, error) {
	gen, err := c.store.Generation(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.names != nil && gen == c.gen {
		return c.names, nil
	}
	names, err := c.store.EntityNames(ctx)
	if err != nil {
		return nil, err
	}
	if names == nil {
		names = []graph.EntityName{}
	}
	c.names, c.gen = names, gen
	return names, nil
}
