package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/graph"
)

func newStoriesCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "stories [--format text|json]",
		Short: "List the stories: articles grouped because they tell the same happenings",
		Long: `Stories lists the stories the reconciler formed, largest first: each story's id
(use it with timeline --story or :story in the REPL), its articles with their
dates and outlets, and the first article's headline. Articles are grouped when
they share a happening (the same kind of event with the same participant or
date) and enough named entities, or when one copies the other.`,
		Example: `  storyline stories
  storyline stories --format json | jq '.[0].documents[].source'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" && format != "text" {
				return usageErrorf("stories: --format %q: want json or text", format)
			}
			store, err := openStore(cmd, true)
			if err != nil {
				return err
			}
			defer store.Close()
			list, err := store.Stories(cmd.Context())
			if err != nil {
				return err
			}
			if format == "json" {
				if list == nil {
					list = []graph.StoryInfo{}
				}
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(list)
			}
			writeStories(cmd.OutOrStdout(), list)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

// writeStories writes one block per story: its id and size, then one line
// per article.
func writeStories(w io.Writer, list []graph.StoryInfo) {
	for _, st := range list {
		outlets := map[string]bool{}
		for _, d := range st.Documents {
			outlets[d.Source] = true
		}
		fmt.Fprintf(w, "%s  %d articles, %d outlets\n", st.IRI, len(st.Documents), len(outlets))
		for _, d := range st.Documents {
			date, src := dateAndOutlet(d)
			line := fmt.Sprintf("  %-10s %-20s %q <%s>", date, src, d.Headline, d.IRI)
			if d.Copies != "" {
				line += " copies <" + d.Copies + ">"
			}
			fmt.Fprintln(w, strings.TrimRight(line, " "))
		}
	}
}
