package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

func newQueryCmd() *cobra.Command {
	var format string
	var limit int
	cmd := &cobra.Command{
		Use:   "query [--format text|json] [--limit N] GIZMO|-",
		Short: "Run a Gizmo query against the graph",
		Long: `Query runs a Gizmo query (Cayley's graph language: ES5 JavaScript, so var and
function, no let or arrow functions) and prints one result per line: the node,
then its tags as key=value. IRIs are printed as <...>. "-" reads the query from
standard input.`,
		Example: `  storyline query 'g.V("<entity/person/barack-obama>").Out("<name>").All()'
  storyline query 'g.V().Has("<entityType>", "PERSON").Tag("p").Out("<name>").All()'
  storyline query --format json 'g.V("<entity/gpe/tr>").In("<agent>").Out("<class>").All()'`,
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
				return fmt.Errorf("query: unknown format %q (want text or json)", format)
			}
			store, err := openStore(cmd, true)
			if err != nil {
				return err
			}
			defer store.Close()
			res, err := store.Query(cmd.Context(), q, limit)
			if err != nil {
				return err
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
	cmd.Flags().IntVar(&limit, "limit", 0, "stop after N results (0: all)")
	return cmd
}
