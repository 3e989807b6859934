package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --time-anchor on annotate: the relative dates of a history follow the
// story (auto, narrative) or the article's date (news), and the output
// says which.
func TestAnnotateTimeAnchor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.txt")
	text := "The war in Poland\n\nOn September 17, 1939, the Soviets invaded Poland. By early October, Poland was divided. " +
		"Finland was invaded in November 1939, and the conflict ended in March 1940.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ flag, requested, chosen, october string }{
		{"", "auto", "narrative", "1939-10"},
		{"narrative", "narrative", "narrative", "1939-10"},
		{"news", "news", "news", "2009-10"},
	} {
		args := []string{"annotate", "--dct", "2009-12-19", path}
		if c.flag != "" {
			args = append(args, "--time-anchor", c.flag)
		}
		var a annotation
		if err := json.Unmarshal([]byte(mustCLI(t, args...)), &a); err != nil {
			t.Fatal(err)
		}
		if a.TimeAnchor.Requested != c.requested || a.TimeAnchor.Chosen != c.chosen {
			t.Errorf("--time-anchor %q: time_anchor = %+v, want %s/%s", c.flag, a.TimeAnchor, c.requested, c.chosen)
		}
		found := false
		for _, x := range a.Timexes {
			if x.Text == "early October" {
				found = x.Value == c.october
			}
		}
		if !found {
			t.Errorf("--time-anchor %q: early October is not %s in %+v", c.flag, c.october, a.Timexes)
		}
	}
	_, _, err := cli(t, "", "annotate", "--time-anchor", "story", path)
	if err == nil || !strings.Contains(err.Error(), "--time-anchor") {
		t.Errorf("--time-anchor story: err = %v, want one naming the flag", err)
	}
}
