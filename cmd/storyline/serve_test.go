package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeBadStore: a store that cannot be opened stops serve with a
// one-line error naming it, exit status 1.
func TestServeBadStore(t *testing.T) {
	dir := t.TempDir()
	notStore := filepath.Join(dir, "notes.db")
	writeFile(t, notStore, "just some notes, not a database\n")
	for _, db := range []string{filepath.Join(dir, "missing", "x.db"), notStore} {
		_, _, err := cli(t, "", "--db", db, "serve", "--addr", "127.0.0.1:0")
		if err == nil || exitCode(err) != exitFailure || !strings.Contains(err.Error(), db) || strings.Contains(err.Error(), "\n") {
			t.Errorf("serve on %s: %v (exit %d), want a one-line error naming it, exit 1", db, err, exitCode(err))
		}
	}
}

// TestServeWarnsBeyondLoopback: listening on every interface is warned
// about; serve stops cleanly when its context ends.
func TestServeWarnsBeyondLoopback(t *testing.T) {
	db := ingestSeeds(t, seedOriginal)
	for addr, warn := range map[string]bool{"127.0.0.1:0": false, "0.0.0.0:0": true} {
		root := newRootCmd()
		var errOut syncBuffer
		root.SetArgs([]string{"--db", db, "serve", "--addr", addr})
		root.SetOut(&bytes.Buffer{})
		root.SetErr(&errOut)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- root.ExecuteContext(ctx) }()
		deadline := time.Now().Add(30 * time.Second)
		for !strings.Contains(errOut.String(), "serving ") && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("serve --addr %s: %v", addr, err)
		}
		if got := strings.Contains(errOut.String(), "warning: listening on"); got != warn {
			t.Errorf("serve --addr %s: warning %v, want %v; stderr: %s", addr, got, warn, errOut.String())
		}
	}
}

// TestTimelineOutletClassLimit: the filters the web view added to the
// timeline, on the command line.
func TestTimelineOutletClassLimit(t *testing.T) {
	db := ingestSeeds(t, seedOriginal, seedCopy)
	tl := loadTimeline(t, db, "--outlet", "press tv", "--class", "meet")
	if len(tl.Events) == 0 {
		t.Fatal("--outlet 'press tv' --class meet: no event")
	}
	for _, e := range tl.Events {
		pressTV := false
		for _, s := range e.Sources {
			pressTV = pressTV || s.Outlet == "Press TV"
		}
		if e.Class != "meet" || !pressTV {
			t.Errorf("--outlet 'press tv' --class meet lists %s: %s", e.Class, e.Summary)
		}
	}
	tl = loadTimeline(t, db, "--undated", "--limit", "2")
	if len(tl.Events) != 2 || !tl.More {
		t.Errorf("--undated --limit 2: %d events, more %v", len(tl.Events), tl.More)
	}
	for _, e := range tl.Events {
		if e.Date != "" && !strings.HasPrefix(e.Date, "XXXX") {
			t.Errorf("--undated lists %s dated %s", e.Summary, e.Date)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--outlet", "Nowhere"}, `no article from outlet "Nowhere"`},
		{[]string{"--undated", "--from", "2015"}, "does not go with"},
		{[]string{"--limit", "-1"}, "--limit -1"},
	} {
		_, _, err := cli(t, "", append([]string{"--db", db, "timeline"}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("timeline %v: %v, want %q", c.args, err, c.want)
		}
	}
}
