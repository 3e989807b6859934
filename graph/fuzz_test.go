package graph

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzImport imports anything as N-Quads: either every quad is added (and
// importing the same again adds none) or one one-line error naming the
// line, and the store is unchanged.
//
//	go test ./graph -run '^$' -fuzz '^FuzzImport$' -fuzztime 10m -parallel 1
func FuzzImport(f *testing.F) {
	ctx := context.Background()
	var seed bytes.Buffer
	src, err := Open(ctx, filepath.Join(f.TempDir(), "seed.db"), OpenOptions{})
	if err != nil {
		f.Fatal(err)
	}
	defer src.Close()
	doc, plan := fixture(f, textA, "presstv", "2015-11-30")
	if err := src.WriteDocument(ctx, doc, plan, nil); err != nil {
		f.Fatal(err)
	}
	if err := src.Export(ctx, &seed, "nquads"); err != nil {
		f.Fatal(err)
	}
	lines := strings.SplitAfter(seed.String(), "\n")
	f.Add([]byte(strings.Join(lines[:min(40, len(lines))], "")))
	f.Add([]byte("# a comment\n<a> <b> \"c\" <doc/x> .\n\n<a> <b> \"unterminated <doc/x> .\n"))
	f.Add([]byte("<a> <b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n_:x <b> \"é\\u00e9\"@fr <l> .\n"))
	f.Add([]byte("<a> <b> .\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _ := openTemp(t)
		n, err := s.Import(ctx, bytes.NewReader(data))
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "<input>:") || strings.Contains(msg, "\n") {
				t.Errorf("error %q is not one line naming the line", msg)
			}
			if c := countQuads(t, s); c != 0 {
				t.Errorf("a failed import left %d quads", c)
			}
			return
		}
		if c := countQuads(t, s); c != n {
			t.Errorf("imported %d quads, the store holds %d", n, c)
		}
		if again, err := s.Import(ctx, bytes.NewReader(data)); err != nil || again != 0 {
			t.Errorf("importing again: %d quads, %v", again, err)
		}
	})
}
