// Command rolesetgen builds the role test set (testdata/roles) from the
// selection rule and an annotator's notes, so that no offset is typed by
// hand.
//
//	go run ./internal/rolesetgen candidates [--data ../shared/data]
//
// prints the sentences the rule picks, one a line: the id the item gets,
// its source, the gold trigger (ECB+) and the sentence.
//
//	go run ./internal/rolesetgen fill [--data ../shared/data] NOTES... > testdata/roles/roles.jsonl
//
// reads the annotator's notes, one item a line:
//
//	ID ; TRIGGER ; AGENT ; PATIENT ; PLACE ; TIME ; NOTE
//
// where TRIGGER is "=" to keep ECB+'s gold trigger, else the trigger's
// words in the sentence ("said", or "said#2" for the second occurrence),
// each role is "-" for none or entries joined by "+", an entry's
// alternatives joined by "|", and NOTE may be empty. It prints the items
// as JSON Lines with the trigger's byte offset in the document's text as
// the pipeline's text stage produces it. Lines starting with "#" are
// comments.
//
// With --fresh both modes work on the fresh half (testdata/roles-fresh):
// the rule's second, disjoint sample, whose ids are ecb2-001, bbc2-001.
// With --blind they work on the blind sample (testdata/roles-blind), whose
// ids are ecb3-001, bbc3-001.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/storyline/storyline/eval"
	"github.com/storyline/storyline/internal/shareddata"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "rolesetgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: rolesetgen candidates|fill [--data DIR] [NOTES...]")
	}
	if args[0] != "candidates" && args[0] != "fill" {
		return fmt.Errorf("unknown mode %q", args[0])
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	root, err := shareddata.Root()
	if err != nil {
		return err
	}
	data := fs.String("data", filepath.Join(root, "..", "shared", "data"), "the shared data folder")
	fresh := fs.Bool("fresh", false, "the fresh half: the rule's second sample, ids ecb2-NNN and bbc2-NNN")
	blind := fs.Bool("blind", false, "the blind sample: the rule's third sample, ids ecb3-NNN and bbc3-NNN")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	var cands []eval.RoleCandidate
	suffix := ""
	switch {
	case *fresh && *blind:
		return errors.New("--fresh and --blind: choose one sample")
	case *fresh:
		suffix = "2"
		cands, err = eval.RoleFreshCandidates(ctx, *data)
	case *blind:
		suffix = "3"
		cands, err = eval.RoleBlindCandidates(ctx, *data)
	default:
		cands, err = eval.RoleCandidates(ctx, *data, root)
	}
	if err != nil {
		return err
	}
	ids := candidateIDs(cands, suffix)
	switch args[0] {
	case "candidates":
		w := bufio.NewWriter(os.Stdout)
		for i, c := range cands {
			fmt.Fprintf(w, "%s\t%s\t%q\t%s\n", ids[i], c.Source, c.Trigger, c.Sentence)
		}
		return w.Flush()
	case "fill":
		byID := map[string]eval.RoleCandidate{}
		for i, c := range cands {
			byID[ids[i]] = c
		}
		return fill(fs.Args(), byID)
	}
	return fmt.Errorf("unknown mode %q", args[0])
}

// candidateIDs names the candidates by corpus and rank: ecb-001, bbc-001,
// seed-001; with suffix "2", ecb2-001.
func candidateIDs(cands []eval.RoleCandidate, suffix string) []string {
	n := map[string]int{}
	out := make([]string, len(cands))
	for i, c := range cands {
		pre := "seed"
		switch {
		case strings.HasPrefix(c.Source, "ecbplus/"):
			pre = "ecb"
		case strings.HasPrefix(c.Source, "bbc/"):
			pre = "bbc"
		}
		n[pre]++
		out[i] = fmt.Sprintf("%s%s-%03d", pre, suffix, n[pre])
	}
	return out
}

func fill(notes []string, byID map[string]eval.RoleCandidate) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, path := range notes {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			it, err := noteItem(line, byID)
			if err != nil {
				return fmt.Errorf("%s:%d: %w", path, i+1, err)
			}
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
	}
	return nil
}

func noteItem(line string, byID map[string]eval.RoleCandidate) (eval.RoleItem, error) {
	// An empty note may be written as a trailing ";": trimmed, it would
	// otherwise stick to the time field.
	if s, ok := strings.CutSuffix(line, " ;"); ok {
		line = s + " ; "
	}
	f := strings.Split(line, " ; ")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	if len(f) < 6 || len(f) > 7 {
		return eval.RoleItem{}, fmt.Errorf("want 6 or 7 fields separated by ' ; ', got %d", len(f))
	}
	c, ok := byID[f[0]]
	if !ok {
		return eval.RoleItem{}, fmt.Errorf("%s: not a candidate of the selection rule", f[0])
	}
	it := eval.RoleItem{ID: f[0], Source: c.Source, Sentence: c.Sentence,
		Agent: roles(f[2]), Patient: roles(f[3]), Place: roles(f[4]), Time: roles(f[5])}
	if len(f) == 7 {
		it.Note = f[6]
	}
	if f[1] == "=" {
		if c.Trigger == "" {
			return it, fmt.Errorf("%s: no gold trigger to keep", f[0])
		}
		it.Trigger, it.Offset = c.Trigger, c.Offset
		return it, nil
	}
	word, nth := f[1], 1
	w, n, explicit := strings.Cut(f[1], "#")
	if explicit {
		k, err := strconv.Atoi(n)
		if err != nil || k < 1 {
			return it, fmt.Errorf("%s: bad occurrence %q", f[0], n)
		}
		word, nth = w, k
	}
	at := wordIndex(c.Sentence, word, nth)
	if at < 0 {
		return it, fmt.Errorf("%s: trigger %q (occurrence %d) not in %q", f[0], word, nth, c.Sentence)
	}
	if !explicit && wordIndex(c.Sentence, word, 2) >= 0 {
		return it, fmt.Errorf("%s: trigger %q occurs twice: say which with #N", f[0], word)
	}
	it.Trigger, it.Offset = word, c.SentenceStart+at
	return it, nil
}

// wordIndex is the byte index of the nth occurrence of w in s as whole
// words, or -1.
func wordIndex(s, w string, nth int) int {
	isWord := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		at := from + i
		end := at + len(w)
		if (at == 0 || !isWord(s[at-1])) && (end == len(s) || !isWord(s[end])) {
			nth--
			if nth == 0 {
				return at
			}
		}
		from = at + 1
	}
}

func roles(f string) []string {
	if f == "-" || f == "" {
		return []string{}
	}
	var out []string
	for _, r := range strings.Split(f, "+") {
		out = append(out, strings.TrimSpace(r))
	}
	return out
}
