package web

import (
	"context"
	"sync"
	"time"

	"github.com/storyline/storyline/graph"
)

// nameRefresh is how long the names for completion are kept before they
// are read again, so that a store ingested into while it is served is
// seen within that time.
const nameRefresh = time.Minute

// nameCache holds every entity name and alias for completion: reading
// them is one scan of the name predicates, too slow to repeat on each
// key a user types.
type nameCache struct {
	store *graph.Store
	mu    sync.Mutex
	names []graph.EntityName
	read  time.Time
}

func newNameCache(store *graph.Store) *nameCache { return &nameCache{store: store} }

// get returns the names, read again when older than nameRefresh.
func (c *nameCache) get(ctx context.Context) ([]graph.EntityName, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.names != nil && time.Since(c.read) < nameRefresh {
		return c.names, nil
	}
	names, err := c.store.EntityNames(ctx)
	if err != nil {
		return nil, err
	}
	if names == nil {
		names = []graph.EntityName{}
	}
	c.names, c.read = names, time.Now()
	return names, nil
}
