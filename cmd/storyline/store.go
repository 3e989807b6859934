package main

import (
	"sync"

	"github.com/cayleygraph/cayley/clog"
	"github.com/spf13/cobra"

	"github.com/storyline/storyline/graph"
)

var silenceCayley sync.Once

// openStore opens the store the command was given (--db, $STORYLINE_DB,
// else storyline.db). Cayley's own logging is switched off: every store
// error is returned, as one line, to the caller.
func openStore(cmd *cobra.Command, readOnly bool) (*graph.Store, error) {
	// Once: Cayley reads its logger from the goroutines of a query, so it
	// is set before the first store is opened and never again.
	silenceCayley.Do(func() { clog.SetLogger(nil) })
	return graph.Open(cmd.Context(), dbAddr(cmd), graph.OpenOptions{ReadOnly: readOnly})
}
