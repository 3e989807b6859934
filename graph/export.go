package graph

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// Export formats.
const (
	FormatNQuads = "nquads"
	FormatJSON   = "json"
)

// Export is the JSON export: the store as the read API sees it.
//
//	{
//	  "documents": [DocInfo...],   // dated first, in date order
//	  "entities":  [EntityInfo...], // by name
//	  "events":    [EventInfo...]   // dated first, in date order, each with its mentions
//	}
//
// Field names are those of the json tags of DocInfo, EntityInfo,
// EventInfo and their parts (snake_case; empty fields left out).
type Export struct {
	Documents []DocInfo    `json:"documents"`
	Entities  []EntityInfo `json:"entities"`
	Events    []EventInfo  `json:"events"`
}

// Export writes the whole store to w: format "nquads" writes every quad
// with its label (the document it came from), in the order written;
// "json" writes an Export object.
func (s *Store) Export(ctx context.Context, w io.Writer, format string) error {
	switch format {
	case FormatNQuads, "nq", "n-quads":
		qs, err := s.loadQuads(ctx, nil)
		if err != nil {
			return err
		}
		qw := nquads.NewWriter(w)
		for i, q := range qs {
			if i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if err := qw.WriteQuad(q); err != nil {
				return fmt.Errorf("export: %w", err)
			}
		}
		if err := qw.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	case FormatJSON:
		var x Export
		var err error
		if x.Documents, err = s.Documents(ctx); err != nil {
			return err
		}
		if x.Entities, err = s.Entities(ctx); err != nil {
			return err
		}
		if x.Events, err = s.Events(ctx); err != nil {
			return err
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(x); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	case FormatGraphML:
		return s.exportGraphML(ctx, w)
	}
	return fmt.Errorf("export: unknown format %q (want nquads, json or graphml)", format)
}

// Import reads N-Quads from r into the store in one transaction. Every
// line is parsed before anything is written: a malformed line gives
// "FILE:LINE: ..." (FILE is r's Name() when it has one, like *os.File)
// and leaves the store unchanged. Quads already stored are skipped. It
// returns the number of quads added.
func (s *Store) Import(ctx context.Context, r io.Reader) (int, error) {
	if s.readOnly {
		return 0, fmt.Errorf("%s: cannot import: store opened read-only", s.addr)
	}
	name := "<input>"
	if n, ok := r.(interface{ Name() string }); ok {
		name = n.Name()
	}
	br := bufio.NewReaderSize(r, 1<<16)
	var add []quad.Quad
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, fmt.Errorf("%s:%d: %w", name, lineNo, err)
		}
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			q, perr := nquads.Parse(t)
			if perr != nil {
				return 0, fmt.Errorf("%s:%d: %s", name, lineNo, strings.ReplaceAll(perr.Error(), "\n", " "))
			}
			if q.Subject == nil || q.Predicate == nil || q.Object == nil {
				return 0, fmt.Errorf("%s:%d: incomplete quad", name, lineNo)
			}
			add = append(add, q)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if lineNo%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
	}
	// Under the writer lock, and counted as a batch, so that an ingest
	// running beside the import plans its next batch again over what the
	// import wrote (graph/writer.go).
	unlock, err := s.lockWriter(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	gen, err := s.generation(ctx)
	if err != nil {
		return 0, err
	}
	old, err := s.loadQuads(ctx, nil)
	if err != nil {
		return 0, err
	}
	add, _ = diffQuads(old, add)
	if len(add) == 0 {
		return 0, nil
	}
	if err := s.apply("importing "+name, add, nil); err != nil {
		return 0, err
	}
	if _, err := s.nextGeneration(ctx, gen); err != nil {
		return 0, err
	}
	return len(add), nil
}
