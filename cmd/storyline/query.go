package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/graph"
)

// Every Gizmo query a command runs is bounded in time and in results:
// a script such as while(true){} ends with an error, not a hang.
const (
	defaultQueryTimeout = 30 * time.Second
	defaultQueryLimit   = 10000
)

// queryLimits bound one Gizmo query: its running time and the number of
// results kept (0: no bound).
type queryLimits struct {
	timeout time.Duration
	limit   int
}

// addFlags registers --timeout and --limit on cmd.
func (l *queryLimits) addFlags(cmd *cobra.Command, limitHelp string) {
	cmd.Flags().DurationVar(&l.timeout, "timeout", defaultQueryTimeout, "stop a query that runs longer (0: no limit)")
	cmd.Flags().IntVar(&l.limit, "limit", l.limit, limitHelp)
}

func (l queryLimits) check() error {
	if l.timeout < 0 {
		return usageErrorf("--timeout %s: want a positive duration such as 30s, or 0", l.timeout)
	}
	if l.limit < 0 {
		return usageErrorf("--limit %d: want a positive number, or 0", l.limit)
	}
	return nil
}

// errQueryInterrupted is returned by runQuery when its context was
// cancelled from outside (Ctrl-C).
var errQueryInterrupted = errors.New("query: interrupted")

// runQuery runs a Gizmo query on s within the limits. It returns at most
// l.limit results and reports whether there were more. A query that
// outlives l.timeout, or whose ctx is cancelled, is stopped (the script
// is interrupted inside the JavaScript VM) and yields an error. Queries
// are read-only: Gizmo has no method that writes, and the commands open
// the store read-only.
func runQuery(ctx context.Context, s *graph.Store, q string, l queryLimits) (res []graph.QueryResult, cut bool, err error) {
	qctx := ctx
	if l.timeout > 0 {
		var cancel context.CancelFunc
		qctx, cancel = context.WithTimeout(ctx, l.timeout)
		defer cancel()
	}
	n := 0
	if l.limit > 0 {
		n = l.limit + 1 // one more, to know whether the limit cut
	}
	res, err = s.Query(qctx, q, n)
	switch {
	case ctx.Err() != nil:
		return nil, false, errQueryInterrupted
	case errors.Is(qctx.Err(), context.DeadlineExceeded):
		return nil, false, fmt.Errorf("query: timed out after %s (see --timeout)", l.timeout)
	case err != nil:
		return nil, false, err
	}
	if l.limit > 0 && len(res) > l.limit {
		return res[:l.limit], true, nil
	}
	return res, false, nil
}

func newQueryCmd() *cobra.Command {
	var format string
	lim := queryLimits{limit: defaultQueryLimit}
	cmd := &cobra.Command{
		Use:   "query [--format text|json] [--limit N] [--timeout D] GIZMO|-",
		Short: "Run a Gizmo query against the graph",
		Long: `Query runs a Gizmo query (Cayley's graph language: ES5 JavaScript, so var and
function, no let or arrow functions) and prints one result per line: the node,
then its tags as key=value. IRIs are printed as <...>. "-" reads the query from
standard input.

A query only reads: the store is opened read-only. It stops with an error
after --timeout (default 30s), and prints at most --limit results (default
10000; a note on stderr says when it cut).`,
		Example: `  storyline query 'g.V("<entity/person/barack-obama>").Out("<name>").All()'
  storyline query 'g.V().Has("<entityType>", "PERSON").Tag("p").Out("<name>").All()'
  storyline query --format json 'g.V("<entity/gpe/tr>").In("<agent>").Out("<class>").All()'
  storyline query --timeout 2m --limit 0 'g.V().All()'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := args[0]
			if q == "-" {
				b, err := io.ReadAll(cmd.InOrStdin())
				if err != nil {
					return fmt.Errorf("query: reading standard input: %w", err)
				}
				q = string(b)
			}
			if format != "text" && format != "json" {
				return usageErrorf("query: unknown format %q (want text or json)", format)
			}
			if err := lim.check(); err != nil {
				return err
			}
			store, err := openStore(cmd, true)
			if err != nil {
				return err
			}
			defer store.Close()
			res, cut, err := runQuery(cmd.Context(), store, q, lim)
			if err != nil {
				return err
			}
			if cut {
				fmt.Fprintf(cmd.ErrOrStderr(), "storyline: query: showing the first %d results; there are more (see --limit)\n", lim.limit)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if res == nil {
					return enc.Encode([]any{})
				}
				return enc.Encode(res)
			}
			var b strings.Builder
			for _, r := range res {
				b.WriteString(r.String())
				b.WriteByte('\n')
			}
			_, err = io.WriteString(out, b.String())
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	lim.addFlags(cmd, "print at most N results (0: all)")
	return cmd
}
