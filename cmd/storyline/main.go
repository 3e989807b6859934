// Command storyline turns news articles into a dated event timeline and a
// knowledge graph stored in Cayley. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := newRootCmd().ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "storyline: "+oneLine(err.Error()))
		os.Exit(exitCode(err))
	}
}

// Exit statuses (the README lists them).
const (
	exitFailure    = 1 // the command failed: the store, a query, a timeout
	exitUsage      = 2 // unknown command or flag, wrong arguments or flag values
	exitSomeFailed = 3 // some inputs failed; the others were stored
	exitNoInput    = 4 // nothing could be read: no input held an article
)

// exitError is an error with the exit status it calls for.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErrorf is a usage error: exit status 2.
func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// exitCode is the exit status for the error a command returned.
func exitCode(err error) int {
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case strings.HasPrefix(err.Error(), "unknown command "):
		return exitUsage
	}
	return exitFailure
}

// markUsageErrors makes flag and argument errors of cmd and its
// subcommands usage errors.
func markUsageErrors(cmd *cobra.Command) {
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: err}
	})
	for _, c := range cmd.Commands() {
		if args := c.Args; args != nil {
			c.Args = func(c *cobra.Command, a []string) error {
				if err := args(c, a); err != nil {
					return &exitError{code: exitUsage, err: err}
				}
				return nil
			}
		}
		markUsageErrors(c)
	}
}

// defaultDB is the store used when neither --db nor STORYLINE_DB is given.
const defaultDB = "storyline.db"

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "storyline",
		Short: "Turn news articles into a dated event timeline and a knowledge graph",
		Long: `Storyline reads news articles (plain text, HTML, JSON Lines), extracts dates,
entities, events and relations with byte offsets into the source, stores them as
quads in Cayley with the source article as the quad label, reconciles what several
outlets report, and exports timelines as JSON or answers graph queries.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("db", "", `store: a SQLite file path or a postgres:// URL (default $STORYLINE_DB, else "`+defaultDB+`")`)
	root.AddCommand(commands()...)
	markUsageErrors(root)
	return root
}

// dbAddr is the store address the command was given.
func dbAddr(cmd *cobra.Command) string {
	if v, _ := cmd.Flags().GetString("db"); v != "" {
		return v
	}
	if v := os.Getenv("STORYLINE_DB"); v != "" {
		return v
	}
	return defaultDB
}

// oneLine folds an error message onto one line.
func oneLine(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '\n' || r == '\r' {
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}
