package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/eval"
	"github.com/storyline/storyline/extract"
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
	cmd.AddCommand(newEvalTimeMLCmd(), newEvalECBPlusCmd(), newEvalTimelinesCmd(), newEvalRolesCmd())
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
relaxed matches, precision over system timexes and recall over gold ones.

Then the figures of each folder, and the wrong values by class: narrative (a
date of the story's time resolved against the page's), tense/direction (the
date on the other side of its anchor), duration-not-date, ranges, sets, names
(spurious lone month or weekday names) and other. A file that cannot be read,
is not well-formed XML or has no DCT is named with its problem and skipped; the
others are scored, and the exit status is non-zero.`,
		Example: `  storyline eval timeml ../shared/data/timeml/tbaq
  storyline eval timeml --time-anchor news ../shared/data/timeml/wikiwars
  storyline eval timeml -v ../shared/data/timeml/tbaq/TimeBank | less`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			rep, err := eval.TimeML(ctx, args, eval.TimeMLOptions{Verbose: verbose, Out: cmd.OutOrStdout(), Anchor: extract.TimeAnchor(ctx)})
			if err != nil {
				return err
			}
			if err := rep.Write(cmd.OutOrStdout()); err != nil {
				return err
			}
			if n := len(rep.Problems); n > 0 {
				return fmt.Errorf("eval timeml: %d of %d files skipped (listed above)", n, n+rep.Files)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every miss, spurious timex and wrong value")
	addTimeAnchorFlag(cmd)
	return cmd
}

func newEvalECBPlusCmd() *cobra.Command {
	var verbose, noCoref bool
	cmd := &cobra.Command{
		Use:   "ecbplus [-v] [--no-coref] DIR...",
		Short: "Score event and participant mentions and cross-document event coreference on ECB+",
		Long: `Scores event mentions (against ACTION_* and NEG_ACTION_* gold mentions) and
participant mentions (against HUMAN_PART_* and LOC_* mentions) in the ECB+
documents under the given folders, restricted to the sentences listed in
ECBplus_coreference_sentences.csv (looked for in the folders and their
parents). A system mention matches a gold one when it overlaps the gold
mention's head token.

Then scores cross-document event coreference: every document is ingested
into one temporary store (no topics given), and Storyline's own event nodes
are scored as clusters of the gold event mentions with MUC, B3, CEAF-e and
their mean, the CoNLL F1, as the CoNLL reference scorer computes them. Gold
clusters are the CROSS_DOC_COREF and INTRA_DOC_COREF chains, every other
gold mention a singleton. A gold mention is in the cluster of the stored
event mention that overlaps its head token; one Storyline missed is a
singleton. Two baselines are scored over the same gold mentions: all
singletons, and same lemma (gold mentions grouped by the lemma of their head
token within each gold topic, so given the topics Storyline is not given).
The topic table adds each topic's CoNLL F1 over its own gold mentions.`,
		Example: `  storyline eval ecbplus ../shared/data/ecbplus
  storyline eval ecbplus --no-coref ../shared/data/ecbplus
  storyline eval ecbplus -v ../shared/data/ecbplus/1 | grep -E 'SPLIT|MERGE'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rep, err := eval.ECBPlus(cmd.Context(), args, eval.ECBOptions{Verbose: verbose, Out: cmd.OutOrStdout(), NoCoref: noCoref})
			if err != nil {
				return err
			}
			return rep.Write(cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false,
		"list every missed and spurious mention, every gold cluster Storyline splits (SPLIT) and every Storyline cluster joining gold clusters (MERGE)")
	cmd.Flags().BoolVar(&noCoref, "no-coref", false, "score mentions only: skip the store and cross-document coreference")
	return cmd
}
