package main

import (
	"fmt"
	"net"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/web"
)

func newServeCmd() *cobra.Command {
	var addr string
	var opt web.Options
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--timeout D]",
		Short: "Serve the timeline as a web page and a JSON API",
		Long: `Serve opens the store read-only and serves a web page over it: the timeline
by date with filters (entity, story, outlet, class, dates), each event's
reports, entities and their links, articles and their copies; and the JSON
API the page uses, under /api/ (README.md documents it). The page and its
libraries are in the binary: it needs no network. It listens on
127.0.0.1:8080 unless --addr says otherwise, and warns when it listens
beyond this machine. Ctrl-C stops it.`,
		Example: `  storyline --db seeds.db serve
  storyline serve --addr 127.0.0.1:9000
  curl 'http://127.0.0.1:8080/api/timeline?entity=Putin&from=2015-11'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.QueryTimeout < 0 {
				return usageErrorf("--timeout %s: want a positive duration such as 30s", opt.QueryTimeout)
			}
			store, err := openStore(cmd, true)
			if err != nil {
				return err
			}
			defer store.Close()
			srv, err := web.New(store, opt)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("serve: --addr %s: %w", addr, err)
			}
			if !web.Loopback(addr) {
				fmt.Fprintf(cmd.ErrOrStderr(), "storyline: warning: listening on %s, beyond this machine: anyone who can reach it can read the store\n", ln.Addr())
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "serving %s at http://%s/ (Ctrl-C stops)\n", store.Addr(), ln.Addr())
			return srv.Serve(cmd.Context(), ln)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on, HOST:PORT")
	cmd.Flags().DurationVar(&opt.QueryTimeout, "timeout", web.DefaultQueryTimeout, "stop one request's store reads that run longer")
	return cmd
}
