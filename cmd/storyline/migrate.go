package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/cayleygraph/cayley/clog"
	"github.com/spf13/cobra"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/graph"
)

func newMigrateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "migrate OLD",
		Short: "Copy a store of an earlier schema version into a new store (--db)",
		Long: `Migrate reads every article stored in OLD (a store this or an earlier
version of Storyline wrote: a SQLite path or a postgres:// URL), and ingests
them into the store --db names, with this version's schema and rules. OLD is
opened read-only and never changed. Dates the user gave (--date, metadata) are
kept; everything else is extracted and reconciled again.`,
		Example: `  storyline --db new.db migrate old.db`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			from, to := args[0], dbAddr(cmd)
			if sameStore(from, to) {
				return fmt.Errorf("migrate %s: --db names the same store: give a new one", from)
			}
			clog.SetLogger(nil)
			old, err := graph.Open(ctx, from, graph.OpenOptions{ReadOnly: true, AnySchema: true})
			if err != nil {
				return err
			}
			inputs, err := old.StoredArticles(ctx)
			old.Close()
			if err != nil {
				return err
			}
			if len(inputs) == 0 {
				return fmt.Errorf("migrate %s: the store holds no article", from)
			}
			store, err := openStore(cmd, false)
			if err != nil {
				return err
			}
			defer store.Close()
			p, err := extract.New()
			if err != nil {
				return err
			}
			sum, errs := store.Ingest(ctx, p, inputs, graph.IngestOptions{})
			for _, err := range errs {
				var se *graph.StoreError
				if errors.As(err, &se) {
					return se
				}
				fmt.Fprintln(cmd.ErrOrStderr(), "storyline: "+oneLine(err.Error()))
			}
			fmt.Fprintln(cmd.ErrOrStderr(), sum.String())
			if len(errs) > 0 {
				return fmt.Errorf("migrate %s: %d of %d articles failed (see above)", from, len(errs), len(inputs))
			}
			return ctx.Err()
		},
	}
}

// sameStore reports whether two store addresses name one store.
func sameStore(a, b string) bool {
	if a == b {
		return true
	}
	fa, errA := filepath.Abs(a)
	fb, errB := filepath.Abs(b)
	return errA == nil && errB == nil && fa == fb
}
