// Package shareddata locates the evaluation data that lives beside a
// checkout, in ../shared/data (TimeML, ECB+, the SemEval-2015 timelines, BBC
// News), for tests, benchmarks and evals. A user's clone has no such folder:
// the helpers then skip the test with a message saying so.
package shareddata

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// Root is the repository root: the nearest directory above the working
// directory that holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Dir is <root>/../shared/data/<parts...>; it skips tb when that is absent.
func Dir(tb testing.TB, parts ...string) string {
	tb.Helper()
	root, err := Root()
	if err != nil {
		tb.Skipf("../shared/data not found: %v", err)
	}
	dir := filepath.Join(append([]string{root, "..", "shared", "data"}, parts...)...)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("../shared/data not found: %v", err)
	}
	return dir
}

// BBC lists the BBC News articles (bbc/<section>/NNN.txt) in path order; it
// skips tb when they are absent.
func BBC(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(Dir(tb, "bbc"), "*", "*.txt"))
	if len(files) == 0 {
		tb.Skip("../shared/data/bbc holds no articles")
	}
	sort.Strings(files)
	return files
}
