package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/storyline/storyline/extract/timex"
)

// TimeMLOptions configures TimeML.
type TimeMLOptions struct {
	// Verbose lists every miss, spurious timex, span and value error.
	Verbose bool
	// Out receives the verbose listing; nil means no listing.
	Out io.Writer
}

// TimeMLScore is one TempEval-3 metric: Correct system timexes over all
// system timexes (precision) and over all gold timexes (recall).
type TimeMLScore struct {
	Correct int     `json:"correct"`
	P       float64 `json:"precision"`
	R       float64 `json:"recall"`
	F1      float64 `json:"f1"`
}

func tmlScore(correct, sys, gold int) TimeMLScore {
	s := TimeMLScore{Correct: correct}
	if sys > 0 {
		s.P = 100 * float64(correct) / float64(sys)
	}
	if gold > 0 {
		s.R = 100 * float64(correct) / float64(gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// TimeMLReport is the TempEval-3 style score of the tagger over TimeML
// files.
type TimeMLReport struct {
	Files  int `json:"files"`
	Gold   int `json:"gold"`   // gold TIMEX3s, the DCT's own excluded
	System int `json:"system"` // timexes the tagger found
	// Relaxed counts system timexes that overlap a gold one; Strict those
	// with exactly the gold span; Value and Type matched pairs that also
	// agree on value / type.
	Strict  TimeMLScore `json:"strict"`
	Relaxed TimeMLScore `json:"relaxed"`
	Value   TimeMLScore `json:"value"`
	Type    TimeMLScore `json:"type"`
	Bytes   int64       `json:"bytes"`
}

// Write prints the report as a table.
func (r *TimeMLReport) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "TimeML: %d files, %d KB of text, %d gold TIMEX3 (DCT excluded), %d system\n", r.Files, r.Bytes/1024, r.Gold, r.System)
	fmt.Fprintf(&b, "%-14s %8s %8s %8s %8s\n", "metric", "P", "R", "F1", "correct")
	for _, row := range []struct {
		name string
		s    TimeMLScore
	}{{"strict span", r.Strict}, {"relaxed span", r.Relaxed}, {"value", r.Value}, {"type", r.Type}} {
		fmt.Fprintf(&b, "%-14s %8.2f %8.2f %8.2f %8d\n", row.name, row.s.P, row.s.R, row.s.F1, row.s.Correct)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// TimeMLDoc is one TimeML file: its text with the tags removed, its DCT
// and its gold TIMEX3s (the DCT's own excluded).
type TimeMLDoc struct {
	Name string
	DCT  string
	Text string
	Gold []timex.Timex
}

// TimeML scores the temporal tagger on every *.tml file under dirs,
// TempEval-3 style: the tagger reads the <TEXT> with its tags removed and
// the DCT given; a system timex matches a gold one when their spans
// overlap (relaxed) or are the same (strict); value and type count only on
// matched pairs; precision is over system timexes, recall over gold ones.
func TimeML(ctx context.Context, dirs []string, opt TimeMLOptions) (*TimeMLReport, error) {
	var files []string
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && strings.HasSuffix(path, ".tml") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("eval timeml: listing %s: %w", d, err)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("eval timeml: no .tml files under %s", strings.Join(dirs, ", "))
	}
	sort.Strings(files)
	tg := timex.New()
	r := &TimeMLReport{}
	var strict, relaxed, value, typ int
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval timeml: %w", err)
		}
		doc, err := ParseTimeML(f, data)
		if err != nil {
			return nil, err
		}
		sys, err := tg.Tag(ctx, doc.Text, doc.DCT)
		if err != nil {
			return nil, fmt.Errorf("eval timeml: %s: %w", f, err)
		}
		r.Files++
		r.Bytes += int64(len(doc.Text))
		r.Gold += len(doc.Gold)
		r.System += len(sys)
		var log io.Writer
		if opt.Verbose && opt.Out != nil {
			log = opt.Out
		}
		s, rl, v, t := tmlMatch(doc, sys, log)
		strict += s
		relaxed += rl
		value += v
		typ += t
	}
	r.Strict = tmlScore(strict, r.System, r.Gold)
	r.Relaxed = tmlScore(relaxed, r.System, r.Gold)
	r.Value = tmlScore(value, r.System, r.Gold)
	r.Type = tmlScore(typ, r.System, r.Gold)
	return r, nil
}

// tmlTrim shrinks a span past surrounding spaces and punctuation, so that
// "next week." and "next week" are the same tokens.
func tmlTrim(text string, s, e int) (int, int) {
	for s < e && strings.IndexByte(" \t\n\r.,;:\"'()`", text[s]) >= 0 {
		s++
	}
	for e > s && strings.IndexByte(" \t\n\r.,;:\"'()`", text[e-1]) >= 0 {
		e--
	}
	return s, e
}

// tmlMatch pairs gold and system timexes one to one by overlap, in text
// order, and counts strict, relaxed, value and type agreements.
func tmlMatch(doc *TimeMLDoc, sys []timex.Timex, log io.Writer) (strict, relaxed, value, typ int) {
	used := make([]bool, len(sys))
	for _, g := range doc.Gold {
		gs, ge := tmlTrim(doc.Text, g.Start, g.End)
		found := -1
		for k, s := range sys {
			if used[k] {
				continue
			}
			ss, se := tmlTrim(doc.Text, s.Start, s.End)
			if ss < ge && gs < se {
				found = k
				break
			}
		}
		if found < 0 {
			if log != nil {
				fmt.Fprintf(log, "MISS  %s %q %s %s  | %s\n", doc.Name, g.Text, g.Type, g.Value, tmlContext(doc.Text, g.Start, g.End))
			}
			continue
		}
		used[found] = true
		s := sys[found]
		relaxed++
		ss, se := tmlTrim(doc.Text, s.Start, s.End)
		if ss == gs && se == ge {
			strict++
		} else if log != nil {
			fmt.Fprintf(log, "SPAN  %s gold %q sys %q | %s\n", doc.Name, g.Text, s.Text, tmlContext(doc.Text, g.Start, g.End))
		}
		if s.Value == g.Value {
			value++
		} else if log != nil {
			fmt.Fprintf(log, "VALUE %s %q gold %s sys %s (dct %s) | %s\n", doc.Name, g.Text, g.Value, s.Value, doc.DCT, tmlContext(doc.Text, g.Start, g.End))
		}
		if s.Type == g.Type {
			typ++
		} else if log != nil {
			fmt.Fprintf(log, "TYPE  %s %q gold %s sys %s\n", doc.Name, g.Text, g.Type, s.Type)
		}
	}
	if log != nil {
		for k, s := range sys {
			if !used[k] {
				fmt.Fprintf(log, "SPUR  %s %q %s %s | %s\n", doc.Name, s.Text, s.Type, s.Value, tmlContext(doc.Text, s.Start, s.End))
			}
		}
	}
	return
}

func tmlContext(text string, s, e int) string {
	a, b := max(0, s-50), min(len(text), e+50)
	for a > 0 && a < len(text) && text[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(text) && text[b]&0xC0 == 0x80 {
		b++
	}
	return strings.ReplaceAll(text[a:s]+"[["+text[s:e]+"]]"+text[e:b], "\n", " ")
}

// ParseTimeML reads a TimeML file: the DCT's value, the <TEXT> with every
// tag removed and entities decoded, and the TIMEX3s inside <TEXT> as spans
// of that text.
func ParseTimeML(name string, data []byte) (*TimeMLDoc, error) {
	src := string(data)
	doc := &TimeMLDoc{Name: filepath.Base(name)}
	if i := strings.Index(src, "<DCT>"); i >= 0 {
		if j := strings.Index(src[i:], "</DCT>"); j >= 0 {
			doc.DCT = tmlAttr(src[i:i+j], "value")
		}
	}
	ts := strings.Index(src, "<TEXT>")
	te := strings.LastIndex(src, "</TEXT>")
	if ts < 0 || te < ts {
		return nil, fmt.Errorf("eval timeml: %s: no <TEXT>", name)
	}
	body := src[ts+len("<TEXT>") : te]
	var out strings.Builder
	out.Grow(len(body))
	type open struct {
		start int
		attrs string
	}
	var stack []open
	for i := 0; i < len(body); {
		c := body[i]
		switch c {
		case '<':
			j := strings.IndexByte(body[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("eval timeml: %s: unterminated tag at %d", name, i)
			}
			tag := body[i+1 : i+j]
			i += j + 1
			switch {
			case strings.HasPrefix(tag, "TIMEX3"):
				if strings.HasSuffix(tag, "/") {
					continue // empty TIMEX3 (no text)
				}
				stack = append(stack, open{start: out.Len(), attrs: tag})
			case tag == "/TIMEX3":
				if len(stack) == 0 {
					return nil, fmt.Errorf("eval timeml: %s: unbalanced </TIMEX3>", name)
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if tmlAttr(o.attrs, "functionInDocument") == "CREATION_TIME" {
					continue
				}
				t := timex.Timex{Start: o.start, End: out.Len(), Type: tmlAttr(o.attrs, "type"),
					Value: tmlAttr(o.attrs, "value"), Mod: tmlAttr(o.attrs, "mod"), AnchorIndex: -1}
				doc.Gold = append(doc.Gold, t)
			}
		case '&':
			j := strings.IndexByte(body[i:], ';')
			if j > 0 && j < 8 {
				if r, ok := tmlEntities[body[i:i+j+1]]; ok {
					out.WriteString(r)
					i += j + 1
					continue
				}
			}
			out.WriteByte(c)
			i++
		default:
			out.WriteByte(c)
			i++
		}
	}
	doc.Text = out.String()
	for k := range doc.Gold {
		doc.Gold[k].Text = doc.Text[doc.Gold[k].Start:doc.Gold[k].End]
	}
	sort.SliceStable(doc.Gold, func(a, b int) bool { return doc.Gold[a].Start < doc.Gold[b].Start })
	if doc.DCT == "" {
		return nil, errors.New("eval timeml: " + name + ": no DCT")
	}
	return doc, nil
}

var tmlEntities = map[string]string{"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'"}

// tmlAttr returns the value of attribute name in a tag's text.
func tmlAttr(tag, name string) string {
	for i := 0; ; {
		k := strings.Index(tag[i:], name+"=\"")
		if k < 0 {
			return ""
		}
		k += i
		if k > 0 && tag[k-1] != ' ' && tag[k-1] != '\t' && tag[k-1] != '\n' {
			i = k + len(name)
			continue
		}
		v := tag[k+len(name)+2:]
		if e := strings.IndexByte(v, '"'); e >= 0 {
			return v[:e]
		}
		return ""
	}
}
