package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/timeline"
)

func newTimelineCmd() *cobra.Command {
	var f timeline.Filter
	var format string
	cmd := &cobra.Command{
		Use:   "timeline [--entity NAME] [--story ID] [--from DATE] [--to DATE] [--format json|text|csv|timelinejs]",
		Short: "Print the reconciled event timeline",
		Long: `Timeline prints the events in the store ordered by date (TIMEX3 values: full
dates, months, years, then dates with an unknown year, then undated events),
each with every report of it: document, outlet, headline, evidence sentence and
the trigger's byte offsets. The JSON schema is documented in README.md.

--format csv writes one row per report of each event (a header row first);
--format timelinejs writes Knight Lab TimelineJS's JSON, leaving out the
events it cannot place (no known year, undated) with a count on stderr.`,
		Example: `  storyline timeline
  storyline timeline --format text --entity Putin
  storyline timeline --from 2015-11 --to 2015-12-31
  storyline timeline --format text --story story/2c5e0f7a1d3b9e48
  storyline timeline --all --format text
  storyline timeline --format csv > timeline.csv
  storyline timeline --format timelinejs --entity Putin > putin.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "json", "text", "csv", "timelinejs":
			default:
				return usageErrorf("timeline: --format %q: want json, text, csv or timelinejs", format)
			}
			store, err := openStore(cmd, true)
			if err != nil {
				return err
			}
			defer store.Close()
			switch format {
			case "csv":
				return timeline.StreamCSV(cmd.Context(), store, f, cmd.OutOrStdout())
			case "timelinejs":
				left, err := timeline.StreamTimelineJS(cmd.Context(), store, f, cmd.OutOrStdout())
				if err == nil && left.NoYear+left.Undated > 0 {
					fmt.Fprintf(cmd.ErrOrStderr(), "timelinejs: left out %s, which TimelineJS cannot place (--format json lists them)\n", left)
				}
				return err
			}
			return timeline.Stream(cmd.Context(), store, f, cmd.OutOrStdout(), format == "text")
		},
	}
	cmd.Flags().StringVar(&f.Entity, "entity", "", "only events involving this entity (name or alias)")
	cmd.Flags().StringVar(&f.Story, "story", "", "only events told by the articles of this story (storyline stories lists them)")
	cmd.Flags().StringVar(&f.From, "from", "", "only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().StringVar(&f.To, "to", "", "only events on or before this date")
	cmd.Flags().StringVar(&format, "format", "json", "output format: json, text, csv or timelinejs")
	cmd.Flags().BoolVar(&f.All, "all", false, `also list minor events (class "other", undated, no named participant)`)
	cmd.Flags().StringVar(&f.Outlet, "outlet", "", "only events reported by this outlet's articles")
	cmd.Flags().StringVar(&f.Class, "class", "", "only events of this class (meet, attack, …)")
	cmd.Flags().BoolVar(&f.Undated, "undated", false, "only events with no place on a time line (undated, unknown year)")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "list at most this many events (\"more\": true when more match)")
	return cmd
}
