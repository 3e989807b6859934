package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/extract/timex"
)

const timeAnchorUsage = `how relative dates ("in October", "the following year", "two days later") are anchored:
news (the article's date), narrative (the last date the text established) or auto (chosen per article and paragraph)`

// addTimeAnchorFlag registers --time-anchor on cmd: before cmd runs, the
// mode is read and put in the command's context (extract.WithTimeAnchor),
// where the timex stage finds it.
func addTimeAnchorFlag(cmd *cobra.Command) {
	var mode string
	cmd.Flags().StringVar(&mode, "time-anchor", "auto", timeAnchorUsage)
	prev := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		m, err := timex.ParseAnchorMode(mode)
		if err != nil {
			return fmt.Errorf("--time-anchor: %w", err)
		}
		c.SetContext(extract.WithTimeAnchor(c.Context(), m))
		if prev != nil {
			return prev(c, args)
		}
		return nil
	}
}
