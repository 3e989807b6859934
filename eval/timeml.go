package eval

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/extract/timex"
)

// TimeMLOptions configures TimeML.
type TimeMLOptions struct {
	// Verbose lists every miss, spurious timex, span and value error.
	Verbose bool
	// Out receives the verbose listing; nil means no listing.
	Out io.Writer
	// Anchor is how the tagger anchors relative expressions (AnchorAuto
	// by default).
	Anchor timex.AnchorMode
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

// TimeMLCounts are the raw counts of a TimeML score.
type TimeMLCounts struct {
	Files  int   `json:"files"`
	Gold   int   `json:"gold"`   // gold TIMEX3s, the DCT's own excluded
	System int   `json:"system"` // timexes the tagger found
	Bytes  int64 `json:"bytes"`
	// strict, relaxed, value and type agreements (see TimeMLReport)
	strict, relaxed, value, typ int
}

func (c *TimeMLCounts) add(o TimeMLCounts) {
	c.Files += o.Files
	c.Gold += o.Gold
	c.System += o.System
	c.Bytes += o.Bytes
	c.strict += o.strict
	c.relaxed += o.relaxed
	c.value += o.value
	c.typ += o.typ
}

// TimeMLFolder is the score of the files of one folder.
type TimeMLFolder struct {
	Dir string `json:"dir"`
	TimeMLCounts
	Strict TimeMLScore `json:"strict"`
	Value  TimeMLScore `json:"value"`
}

// TimeMLProblem is a file the eval could not score, and why.
type TimeMLProblem struct {
	File    string `json:"file"`
	Problem string `json:"problem"`
}

// Wrong-value classes (TimeMLReport.WrongValues), in the order printed.
var TimeMLValueClasses = []string{"narrative", "tense/direction", "duration-not-date", "ranges", "sets", "names", "other"}

// TimeMLReport is the TempEval-3 style score of the tagger over TimeML
// files.
type TimeMLReport struct {
	TimeMLCounts
	// Relaxed counts system timexes that overlap a gold one; Strict those
	// with exactly the gold span; Value and Type matched pairs that also
	// agree on value / type.
	Strict  TimeMLScore `json:"strict"`
	Relaxed TimeMLScore `json:"relaxed"`
	Value   TimeMLScore `json:"value"`
	Type    TimeMLScore `json:"type"`
	// Folders scores each folder holding .tml files, in name order.
	Folders []TimeMLFolder `json:"folders"`
	// WrongValues counts the matched pairs with a wrong value by class
	// (TimeMLValueClasses); "names" also counts spurious timexes that are
	// a lone capitalized month or weekday name.
	WrongValues map[string]int `json:"wrong_values"`
	// Problems lists the files skipped: unreadable, broken XML, no DCT.
	Problems []TimeMLProblem `json:"problems,omitempty"`
	Anchor   string          `json:"anchor"`
}

// Write prints the report as a table, then the folders, the wrong values
// by class and the skipped files.
func (r *TimeMLReport) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "TimeML: %d files, %d KB of text, %d gold TIMEX3 (DCT excluded), %d system, time anchor %s\n", r.Files, r.Bytes/1024, r.Gold, r.System, r.Anchor)
	fmt.Fprintf(&b, "%-14s %8s %8s %8s %8s\n", "metric", "P", "R", "F1", "correct")
	for _, row := range []struct {
		name string
		s    TimeMLScore
	}{{"strict span", r.Strict}, {"relaxed span", r.Relaxed}, {"value", r.Value}, {"type", r.Type}} {
		fmt.Fprintf(&b, "%-14s %8.2f %8.2f %8.2f %8d\n", row.name, row.s.P, row.s.R, row.s.F1, row.s.Correct)
	}
	fmt.Fprintf(&b, "\n%-24s %6s %6s %6s %9s %9s\n", "folder", "files", "gold", "system", "strict F1", "value F1")
	for _, f := range r.Folders {
		fmt.Fprintf(&b, "%-24s %6d %6d %6d %9.2f %9.2f\n", f.Dir, f.Files, f.Gold, f.System, f.Strict.F1, f.Value.F1)
	}
	total := 0
	for _, n := range r.WrongValues {
		total += n
	}
	fmt.Fprintf(&b, "\nwrong values by class (%d):", total)
	for _, c := range TimeMLValueClasses {
		fmt.Fprintf(&b, " %s %d", c, r.WrongValues[c])
		if c != TimeMLValueClasses[len(TimeMLValueClasses)-1] {
			b.WriteByte(',')
		}
	}
	b.WriteByte('\n')
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "skipped %s: %s\n", p.File, p.Problem)
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
// A file that cannot be read, is not well-formed XML or has no DCT is
// listed in Problems and skipped; the error is for a folder that cannot
// be listed, no .tml file at all, or a cancelled ctx.
func TimeML(ctx context.Context, dirs []string, opt TimeMLOptions) (*TimeMLReport, error) {
	var files []string
	folder := map[string]string{} // a file's folder as printed: tbaq/AQUAINT
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && strings.HasSuffix(path, ".tml") {
				files = append(files, path)
				rel, err := filepath.Rel(d, filepath.Dir(path))
				if err != nil {
					rel = filepath.Dir(path)
				}
				folder[path] = filepath.Join(filepath.Base(d), rel)
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
	tg, err := extract.TimexTagger(opt.Anchor)
	if err != nil {
		return nil, fmt.Errorf("eval timeml: %w", err)
	}
	r := &TimeMLReport{WrongValues: map[string]int{}, Anchor: opt.Anchor.String()}
	var log io.Writer
	if opt.Verbose && opt.Out != nil {
		log = opt.Out
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c, err := tmlFile(ctx, tg, f, r.WrongValues, log)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			r.Problems = append(r.Problems, TimeMLProblem{File: f, Problem: err.Error()})
			continue
		}
		r.add(c)
		dir := folder[f]
		if n := len(r.Folders); n == 0 || r.Folders[n-1].Dir != dir {
			r.Folders = append(r.Folders, TimeMLFolder{Dir: dir})
		}
		r.Folders[len(r.Folders)-1].add(c)
	}
	for k := range r.Folders {
		f := &r.Folders[k]
		f.Strict = tmlScore(f.strict, f.System, f.Gold)
		f.Value = tmlScore(f.value, f.System, f.Gold)
	}
	r.Strict = tmlScore(r.strict, r.System, r.Gold)
	r.Relaxed = tmlScore(r.relaxed, r.System, r.Gold)
	r.Value = tmlScore(r.value, r.System, r.Gold)
	r.Type = tmlScore(r.typ, r.System, r.Gold)
	return r, nil
}

// tmlFile scores one file, adding its wrong values to wrong by class.
func tmlFile(ctx context.Context, tg *timex.Tagger, f string, wrong map[string]int, log io.Writer) (TimeMLCounts, error) {
	var c TimeMLCounts
	data, err := os.ReadFile(f)
	if err != nil {
		return c, err
	}
	if err := tmlWellFormed(data); err != nil {
		return c, err
	}
	doc, err := ParseTimeML(f, data)
	if err != nil {
		// the report names the file: keep only the problem
		msg := strings.TrimPrefix(err.Error(), "eval timeml: "+filepath.Base(f)+": ")
		return c, errors.New(strings.TrimPrefix(msg, "eval timeml: "+f+": "))
	}
	sys, err := tg.Tag(ctx, doc.Text, doc.DCT)
	if err != nil {
		return c, fmt.Errorf("tagging: %w", err)
	}
	c.Files, c.Bytes, c.Gold, c.System = 1, int64(len(doc.Text)), len(doc.Gold), len(sys)
	c.strict, c.relaxed, c.value, c.typ = tmlMatchClasses(doc, sys, log, wrong)
	return c, nil
}

// tmlWellFormed reports the first XML error of a file, with its line.
func tmlWellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("broken XML: %w", err)
		}
	}
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
	return tmlMatchClasses(doc, sys, log, nil)
}

// tmlMatchClasses is tmlMatch that also counts the wrong values by class
// in wrong, when it is not nil.
func tmlMatchClasses(doc *TimeMLDoc, sys []timex.Timex, log io.Writer, wrong map[string]int) (strict, relaxed, value, typ int) {
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
		} else {
			class := tmlValueClass(doc, g, s)
			if wrong != nil {
				wrong[class]++
			}
			if log != nil {
				fmt.Fprintf(log, "VALUE %s %q gold %s sys %s (dct %s, %s) | %s\n", doc.Name, g.Text, g.Value, s.Value, doc.DCT, class, tmlContext(doc.Text, g.Start, g.End))
			}
		}
		if s.Type == g.Type {
			typ++
		} else if log != nil {
			fmt.Fprintf(log, "TYPE  %s %q gold %s sys %s\n", doc.Name, g.Text, g.Type, s.Type)
		}
	}
	for k, s := range sys {
		if used[k] {
			continue
		}
		if wrong != nil && tmlLoneName(s.Text) {
			wrong["names"]++
		}
		if log != nil {
			fmt.Fprintf(log, "SPUR  %s %q %s %s | %s\n", doc.Name, s.Text, s.Type, s.Value, tmlContext(doc.Text, s.Start, s.End))
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
