package graph

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cquery "github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"
)

// QueryResult is one result of a Gizmo query. Path results (.All(),
// .Limit(n)) have Tags, with the result node under "id"; values emitted
// with g.Emit(...) or returned by .ToArray() and friends are in Value.
// Node values are readable: IRIs as "<doc/…>", strings, int64, float64,
// bool. Path results that differ only by the document stating them (the
// same fact from two sources) are returned once.
type QueryResult struct {
	Tags  map[string]any `json:"tags,omitempty"`
	Value any            `json:"value,omitempty"`
}

// String renders the result on one line: the id first, then the other
// tags as key=value in name order; or the emitted value.
func (r QueryResult) String() string {
	if r.Tags == nil {
		return formatValue(r.Value)
	}
	keys := make([]string, 0, len(r.Tags))
	for k := range r.Tags {
		if k != "id" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var parts []string
	if id, ok := r.Tags["id"]; ok {
		parts = append(parts, formatValue(id))
	}
	for _, k := range keys {
		parts = append(parts, k+"="+formatValue(r.Tags[k]))
	}
	return strings.Join(parts, " ")
}

func formatValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		if strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">") {
			return v
		}
		return fmt.Sprintf("%q", v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = formatValue(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + formatValue(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// Query runs a Gizmo (ES5 JavaScript) query and returns at most limit
// results (all when limit <= 0). Errors are one line: "query:
// SyntaxError: Unexpected end of input (line 1)".
func (s *Store) Query(ctx context.Context, gizmoQuery string, limit int) ([]QueryResult, error) {
	if strings.TrimSpace(gizmoQuery) == "" {
		return nil, errors.New("query: empty query")
	}
	sess := gizmo.NewSession(s.qs)
	it, err := sess.Execute(ctx, gizmoQuery, cquery.Options{Collation: cquery.Raw, Limit: limit})
	if err != nil {
		return nil, queryError(err)
	}
	defer it.Close()
	var out []QueryResult
	seen := map[string]bool{}
	for it.Next(ctx) {
		r, ok := it.Result().(*gizmo.Result)
		if !ok || r.Meta {
			continue
		}
		var res QueryResult
		if r.Val != nil {
			res.Value = s.readable(r.Val)
		} else {
			res.Tags = make(map[string]any, len(r.Tags))
			for k, ref := range r.Tags {
				res.Tags[k] = nativeValue(s.qs.NameOf(ref))
			}
			k := res.String()
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		out = append(out, res)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		return out, queryError(err)
	}
	if err := ctx.Err(); err != nil {
		return out, fmt.Errorf("query: %w", err)
	}
	return out, nil
}

// readable converts a value emitted by a script to plain values.
func (s *Store) readable(v any) any {
	switch v := v.(type) {
	case quad.Value:
		return nativeValue(v)
	case cgraph.Ref:
		return nativeValue(s.qs.NameOf(v))
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = s.readable(x)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = s.readable(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = s.readable(x)
		}
		return out
	case int:
		return int64(v)
	}
	return v
}

// nativeValue is a node value as a plain Go value: IRIs as "<iri>".
func nativeValue(v quad.Value) any {
	switch v := v.(type) {
	case nil:
		return nil
	case quad.IRI:
		return "<" + string(v) + ">"
	case quad.BNode:
		return "_:" + string(v)
	case quad.String:
		return string(v)
	case quad.Int:
		return int64(v)
	case quad.Float:
		return float64(v)
	case quad.Bool:
		return bool(v)
	case quad.Time:
		return time.Time(v).UTC().Format(time.RFC3339)
	}
	return quad.StringOf(v)
}

var (
	gojaPos   = regexp.MustCompile(`^(?:\(anonymous\)|<eval>)?:?\s*Line (\d+):(\d+)\s*`)
	gojaAt    = regexp.MustCompile(`\s+at\s+.*$`)
	errPrefix = regexp.MustCompile(`^(\w*Error):\s*`)
	stackPos  = regexp.MustCompile(`:(\d+):\d+`)
	moreErrs  = regexp.MustCompile(`\s*\(and \d+ more errors?\)`)
)

// queryError turns a goja or Cayley error into one line: "query:
// SyntaxError: Unexpected token ) (line 1)".
func queryError(err error) error {
	msg := strings.TrimSpace(err.Error())
	msg = strings.ReplaceAll(msg, "\n", " ")
	kind := ""
	if m := errPrefix.FindStringSubmatch(msg); m != nil {
		kind, msg = m[1], msg[len(m[0]):]
	}
	line := ""
	if m := gojaPos.FindStringSubmatch(msg); m != nil {
		line, msg = m[1], msg[len(m[0]):]
	}
	if i := strings.Index(msg, " at "); i > 0 && line == "" {
		if m := stackPos.FindStringSubmatch(msg[i:]); m != nil {
			line = m[1]
		}
	}
	msg = gojaAt.ReplaceAllString(msg, "")
	msg = moreErrs.ReplaceAllString(msg, "")
	if kind == "" && strings.Contains(msg, "is not a function") {
		kind = "TypeError"
	}
	out := "query: "
	if kind != "" {
		out += kind + ": "
	}
	out += msg
	if line != "" {
		out += " (line " + line + ")"
	}
	return errors.New(out)
}
