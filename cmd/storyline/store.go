package main

import (
	"github.com/cayleygraph/cayley/clog"
	"github.com/spf13/cobra"

	"github.com/storyline/storyline/graph"
)

// openStore opens the store the command was given (--db, $STORYLINE_DB,
// else storyline.db). Cayley's own logging is switched off: every store
// error is returned, as one line, to the caller.
func openStore(cmd *cobra.Command, readOnly bool) (*graph.Store, error) {
	clog.SetLogger(nil)
	return graph.Open(cmd.Context(), dbAddr(cmd), graph.OpenOptions{ReadOnly: readOnly})
}
