package main

import (
	"github.com/spf13/cobra"

	"github.com/storyline/storyline/eval"
)

func newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure extraction quality on annotated corpora",
		Long: `Eval scores Storyline's extraction against gold annotations. The README keeps
the latest figures and the commands that give them.`,
		Example: `  storyline eval timeml ../shared/data/timeml/tbaq/TimeBank ../shared/data/timeml/tbaq/AQUAINT
  storyline eval ecbplus ../shared/data/ecbplus`,
	}
	cmd.AddCommand(newEvalTimeMLCmd(), newEvalECBPlusCmd(), newEvalTimelinesCmd())
	return cmd
}

func newEvalTimeMLCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "timeml [-v] DIR...",
		Short: "Score temporal expressions on TimeML files, TempEval-3 style",
		Long: `Scores every *.tml file under the given folders: the <TEXT> with its tags removed
is tagged with the document's DCT, and the system TIMEX3s are compared with the
gold ones (the DCT's own TIMEX3 is not scored). Strict span: same tokens;
relaxed span: overlapping tokens; value and type F1 count correct attributes on
relaxed matches, precision over system timexes and recall over gold ones.`,
		Example: `  storyline eval timeml ../shared/data/timeml/tbaq
  storyline eval timeml -v ../shared/data/timeml/tbaq/TimeBank | less`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rep, err := eval.TimeML(cmd.Context(), args, eval.TimeMLOptions{Verbose: verbose, Out: cmd.OutOrStdout()})
			if err != nil {
				return err
			}
			return rep.Write(cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every miss, spurious timex and wrong value")
	return cmd
}

func newEvalECBPlusCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "ecbplus [-v] DIR...",
		Short: "Score event and participant mentions on ECB+",
		Long: `Scores event mentions (against ACTION_* and NEG_ACTION_* gold mentions) and
participant mentions (against HUMAN_PART_* and LOC_* mentions) in the ECB+
documents under the given folders, restricted to the sentences listed in
ECBplus_coreference_sentences.csv (looked for in the folders and their
parents). A system mention matches a gold one when it overlaps the gold
mention's head token.`,
		Example: `  storyline eval ecbplus ../shared/data/ecbplus
  storyline eval ecbplus -v ../shared/data/ecbplus/1`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rep, err := eval.ECBPlus(cmd.Context(), args, eval.ECBOptions{Verbose: verbose, Out: cmd.OutOrStdout()})
			if err != nil {
				return err
			}
			return rep.Write(cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every missed and spurious mention")
	return cmd
}
