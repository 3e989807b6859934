package main

import (
	"github.com/cayleygraph/cayley/clog"
	"github.com/spf13/cobra"

	"github.com/storyline/storyline/eval"
)

func newEvalTimelinesCmd() *cobra.Command {
	var verbose bool
	var out string
	cmd := &cobra.Command{
		Use:   "timelines [-v] [--out DIR] DOCS GOLD",
		Short: "Score entity timelines on SemEval-2015 Task 4 (TimeLine) data",
		Long: `Timelines runs track A of SemEval-2015 Task 4 ("TimeLine: cross-document event
ordering"): the TimeML documents in DOCS (*.tml, <s id> sentences of
space-separated tokens) are rebuilt as text from their tokens and ingested,
dated by their DCT, into one temporary store; for each gold timeline in GOLD
(*.txt, first line the target entity) Storyline builds that entity's timeline
(as "storyline timeline --entity NAME --all" does) and writes it in the task's
format: ordinal, time anchor (YYYY-MM-DD, YYYY-MM, YYYY or XXXX-XX-XX) and the
event's mentions as docid-sentence-word, events on one date sharing an
ordinal, undated events at ordinal 0.

Each timeline is scored as the task's evaluation tool does: both timelines
become TimeML TLINKs (each event SIMULTANEOUS with its time anchor, each event
BEFORE or SIMULTANEOUS with the next by ordinal; ordinal 0 is not scored) and
are compared with TempEval-3's temporal awareness: precision is the system's
reduced relations the gold's closure verifies, recall the gold's reduced
relations the system's closure verifies. The overall score is micro-averaged
over all timelines' relations.`,
		Example: `  storyline eval timelines ../shared/data/timelines/trial/docs ../shared/data/timelines/trial/gold
  storyline eval timelines -v --out /tmp/system ../shared/data/timelines/trial/docs ../shared/data/timelines/trial/gold`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			clog.SetLogger(nil)
			rep, err := eval.Timelines(cmd.Context(), args[0], args[1],
				eval.TimelinesOptions{Verbose: verbose, Out: cmd.OutOrStdout(), OutDir: out})
			if err != nil {
				return err
			}
			return rep.Write(cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print each system timeline with the gold mentions it misses or dates differently")
	cmd.Flags().StringVar(&out, "out", "", "also write the system timelines to this folder, one file per gold file")
	return cmd
}
