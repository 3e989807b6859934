package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func newExportCmd() *cobra.Command {
	var format, output string
	cmd := &cobra.Command{
		Use:   "export [--format nquads|json|graphml] [-o FILE]",
		Short: "Write the whole graph as N-Quads, JSON or GraphML",
		Long: `Export writes every quad of the store with its label (the document it was
read from) as N-Quads, or the documents, entities and events as one JSON object
(--format json), or articles, entities and events as the nodes of a GraphML
graph with edges by role (--format graphml, for Gephi, Cytoscape or NetworkX).
"storyline import" reads the N-Quads back.`,
		Example: `  storyline export > story.nq
  storyline export --format json -o story.json
  storyline export --format graphml -o story.graphml
  storyline --db other.db import story.nq`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "nquads", "json", "graphml":
			default:
				return usageErrorf("export: --format %q: want nquads, json or graphml", format)
			}
			store, err := openStore(cmd, true)
			if err != nil {
				return err
			}
			defer store.Close()
			if output == "" || output == "-" {
				return store.Export(cmd.Context(), cmd.OutOrStdout(), format)
			}
			f, err := os.Create(output)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if err := store.Export(cmd.Context(), f, format); err != nil {
				f.Close()
				os.Remove(output)
				return err
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "nquads", "nquads, json or graphml")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to FILE instead of standard output")
	return cmd
}

func newImportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE...|-",
		Short: "Read N-Quads (from storyline export) into the graph",
		Long: `Import reads N-Quads files into the store, each in one transaction. A
malformed line is reported as FILE:LINE and nothing of that file is stored.
Quads already in the store are skipped.`,
		Example: `  storyline --db copy.db import story.nq
  storyline export | storyline --db copy.db import -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := openStore(cmd, false)
			if err != nil {
				return err
			}
			defer store.Close()
			for _, name := range args {
				var n int
				if name == "-" {
					n, err = store.Import(cmd.Context(), cmd.InOrStdin())
				} else {
					f, ferr := os.Open(name)
					if ferr != nil {
						return fmt.Errorf("import: %w", ferr)
					}
					n, err = store.Import(cmd.Context(), f)
					f.Close()
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %d quads imported\n", name, n)
			}
			return nil
		},
	}
}
