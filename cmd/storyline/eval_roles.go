package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/eval"
)

func newEvalRolesCmd() *cobra.Command {
	var verbose bool
	var data string
	cmd := &cobra.Command{
		Use:   "roles [--data DIR] [-v] SETDIR...",
		Short: "Score event roles (agent, patient, place, time) on the role test set",
		Long: `Roles scores who did what to whom, where and when against the role test set
(testdata/roles: one JSON object a line, see its README). Each item's source
document is run through the whole extraction pipeline; the system event whose
trigger overlaps the gold trigger's bytes (the most, on a tie the first) is
scored. Items whose trigger no system event overlaps are counted as trigger
misses and their slots are not scored.

A slot is right when every gold entry matches a system participant and every
system participant matches a gold entry: an empty gold slot ("none") only when the system's is empty too; a
gold entry matches a participant when one of its alternatives ("Obama|Barack
Obama") equals, case-insensitively and without a leading article or a
possessive, the participant's words, its entity's name or one of its aliases,
or, for a one-word entry, the last word (the head) of those words. A time is
the event's TIMEX in its own sentence; it matches when one holds the other as
whole words.

The table gives, by corpus and for all items: items, triggers found, and the
accuracy of each slot in percent of the items whose trigger was found. Items
from the shared data (ecbplus/…, bbc/…) are skipped with a message when
--data is absent; the seed items always run.

Given several set folders (the first half testdata/roles, the fresh half
testdata/roles-fresh, annotated after the extraction rules were written, and
the blind sample testdata/roles-blind, whose misses are never read),
roles scores each apart and prints a table for each under its folder's name.`,
		Example: `  storyline eval roles testdata/roles
  storyline eval roles --data ../shared/data testdata/roles testdata/roles-fresh testdata/roles-blind
  storyline eval roles --data ../shared/data -v testdata/roles | grep -A3 'WRONG agent'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			for i, dir := range args {
				if len(args) > 1 {
					if i > 0 {
						fmt.Fprintln(out)
					}
					fmt.Fprintf(out, "role set %s\n", dir)
				}
				rep, err := eval.Roles(cmd.Context(), dir, eval.RolesOptions{Data: data, Verbose: verbose, Out: out})
				if err != nil {
					return err
				}
				if err := rep.Write(out); err != nil {
					return fmt.Errorf("eval roles: %s: %w", dir, err)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every missed trigger and every wrong slot with its sentence, the expected and the system's participants")
	cmd.Flags().StringVar(&data, "data", filepath.Join("..", "shared", "data"), "the shared data folder holding ecbplus/ and bbc/")
	return cmd
}
