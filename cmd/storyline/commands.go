package main

import "github.com/spf13/cobra"

// commands lists the subcommands of the root command; each is built by a
// constructor in its own file.
func commands() []*cobra.Command {
	return []*cobra.Command{
		newQueryCmd(),
		newReplCmd(),
		newExportCmd(),
		newImportCmd(),
		newMigrateCmd(),
		newIngestCmd(),
		newTimelineCmd(),
		newStoriesCmd(),
		newAnnotateCmd(),
		newEvalCmd(),
		newBenchCmd(),
		newServeCmd(),
	}
}
