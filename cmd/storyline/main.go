// Command storyline turns news articles into a dated event timeline and a
// knowledge graph stored in Cayley. See README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := newRootCmd().ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "storyline: "+oneLine(err.Error()))
		os.Exit(1)
	}
}

// defaultDB is the store used when neither --db nor STORYLINE_DB is given.
const defaultDB = "storyline.db"

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "storyline",
		Short: "Turn news articles into a dated event timeline and a knowledge graph",
		Long: `Storyline reads news articles (plain text, HTML, JSON Lines), extracts dates,
entities, events and relations with byte offsets into the source, stores them as
quads in Cayley with the source article as the quad label, reconciles what several
outlets report, and exports timelines as JSON or answers graph queries.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("db", "", `store: a SQLite file path or a postgres:// URL (default $STORYLINE_DB, else "`+defaultDB+`")`)
	root.AddCommand(commands()...)
	return root
}

// dbAddr is the store address the command was given.
func dbAddr(cmd *cobra.Command) string {
	if v, _ := cmd.Flags().GetString("db"); v != "" {
		return v
	}
	if v := os.Getenv("STORYLINE_DB"); v != "" {
		return v
	}
	return defaultDB
}

// oneLine folds an error message onto one line.
func oneLine(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '\n' || r == '\r' {
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}
