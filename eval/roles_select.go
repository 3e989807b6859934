package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/storyline/storyline/extract"
)

// The role set's selection rule (testdata/roles/README.md), fixed before
// any sentence was annotated. RoleCandidates applies it, so the set can be
// checked against it and rebuilt.
const (
	// RoleECBEvery: every RoleECBEvery-th gold ACTION_* mention (from the
	// first) of the scored sentences of ECB+ topics 1–35, sorted by
	// topic number, file name and first token.
	RoleECBEvery = 72
	// RoleECBLastTopic is the last ECB+ topic used: 36–45 are held out.
	RoleECBLastTopic = 35
	// RoleBBCEvery: every RoleBBCEvery-th BBC article (from the first) of
	// the sorted list of bbc/<section>/NNN.txt.
	RoleBBCEvery = 37
	// RoleBBCSentence: the article's RoleBBCSentence-th body sentence
	// that has a finite verb (a token tagged VBD, VBZ, VBP or MD).
	RoleBBCSentence = 2
	// RoleSeed is the seed article whose every headline and body sentence
	// with a finite verb is taken; RoleSeedCopy the near-copy, of which
	// the such sentences not found word for word in RoleSeed (curly quotes
	// read as straight ones) are taken.
	RoleSeed     = "testdata/seeds/presstv-obama-putin.txt"
	RoleSeedCopy = "testdata/seeds/peoplesvoice-copy-obama-putin.txt"
	// RoleECBFreshStart and RoleBBCFreshStart start the fresh half
	// (testdata/roles-fresh): the same lists and strides, half a stride
	// later, so its items are disjoint from the first half's. It has no
	// seed items: the seeds are all in the first half.
	RoleECBFreshStart = RoleECBEvery / 2
	RoleBBCFreshStart = RoleBBCEvery / 2
	// RoleECBBlindStart and RoleBBCBlindStart start the blind sample
	// (testdata/roles-blind), made before the role rules were tuned on the
	// fresh half's misses: a quarter stride into the lists, so its items
	// are disjoint from both halves, and with twice the strides
	// (RoleBlindStrideFactor), so it stays small enough to annotate in one
	// sitting. No seed items.
	RoleECBBlindStart     = RoleECBEvery / 4
	RoleBBCBlindStart     = RoleBBCEvery / 4
	RoleBlindStrideFactor = 2
)

// RoleCandidate is a sentence the selection rule picks. For ECB+ the
// trigger is the gold mention's (Trigger, Offset); for the other sources
// the annotator picks the trigger (the main verb of the main clause) and
// Trigger is empty.
type RoleCandidate struct {
	Source        string
	Sentence      string
	SentenceStart int
	Trigger       string
	Offset        int
}

// RoleCandidates applies the selection rule: ECB+ and BBC from data (none
// when data is ""), the seeds from the repository root.
func RoleCandidates(ctx context.Context, data, root string) ([]RoleCandidate, error) {
	p, err := extract.New()
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	out, err := roleSharedCandidates(ctx, p, data, roleStride{0, RoleECBEvery}, roleStride{0, RoleBBCEvery})
	if err != nil {
		return nil, err
	}
	seed, err := roleFiniteSentences(ctx, p, filepath.Join(root, RoleSeed), RoleSeed, true)
	if err != nil {
		return nil, err
	}
	out = append(out, seed...)
	seedText, err := os.ReadFile(filepath.Join(root, RoleSeed))
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	cp, err := roleFiniteSentences(ctx, p, filepath.Join(root, RoleSeedCopy), RoleSeedCopy, true)
	if err != nil {
		return nil, err
	}
	straight := strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`)
	seedStraight := straight.Replace(string(seedText))
	for _, c := range cp {
		if !strings.Contains(seedStraight, straight.Replace(c.Sentence)) {
			out = append(out, c)
		}
	}
	return out, nil
}

// RoleFreshCandidates applies the fresh half's selection rule: ECB+ from
// the RoleECBFreshStart-th mention and BBC from the RoleBBCFreshStart-th
// article, with the first half's strides and sentence rule; no seeds.
func RoleFreshCandidates(ctx context.Context, data string) ([]RoleCandidate, error) {
	if data == "" {
		return nil, nil
	}
	p, err := extract.New()
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	return roleSharedCandidates(ctx, p, data, roleStride{RoleECBFreshStart, RoleECBEvery}, roleStride{RoleBBCFreshStart, RoleBBCEvery})
}

// RoleBlindCandidates applies the blind sample's selection rule: ECB+
// every (RoleBlindStrideFactor × RoleECBEvery)-th mention from the
// RoleECBBlindStart-th and BBC every (RoleBlindStrideFactor ×
// RoleBBCEvery)-th article from the RoleBBCBlindStart-th, with the first
// half's sentence rule; no seeds.
func RoleBlindCandidates(ctx context.Context, data string) ([]RoleCandidate, error) {
	if data == "" {
		return nil, nil
	}
	p, err := extract.New()
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	return roleSharedCandidates(ctx, p, data,
		roleStride{RoleECBBlindStart, RoleBlindStrideFactor * RoleECBEvery},
		roleStride{RoleBBCBlindStart, RoleBlindStrideFactor * RoleBBCEvery})
}

// roleStride picks every every-th item of a list from the start-th (0 is
// the first).
type roleStride struct{ start, every int }

// roleSharedCandidates lists the ECB+ mentions picked by ecb and the BBC
// sentences (of the articles picked by bbc) under data; none when data is
// "".
func roleSharedCandidates(ctx context.Context, p *extract.Pipeline, data string, ecb, bbc roleStride) ([]RoleCandidate, error) {
	if data == "" {
		return nil, nil
	}
	out, err := roleECBCandidates(filepath.Join(data, "ecbplus"), ecb)
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(data, "bbc", "*", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	sort.Strings(files)
	for i := bbc.start; i < len(files); i += bbc.every {
		rel, err := filepath.Rel(data, files[i])
		if err != nil {
			return nil, fmt.Errorf("roles: %w", err)
		}
		sents, err := roleFiniteSentences(ctx, p, files[i], filepath.ToSlash(rel), false)
		if err != nil {
			return nil, err
		}
		if len(sents) >= RoleBBCSentence {
			out = append(out, sents[RoleBBCSentence-1])
		}
	}
	return out, nil
}

// roleFiniteSentences lists the body sentences (and the headline when
// headline is set) of the article at path that have a finite verb, as the
// pipeline's text stage splits and tags them.
func roleFiniteSentences(ctx context.Context, p *extract.Pipeline, path, source string, headline bool) ([]RoleCandidate, error) {
	in, err := RoleInput(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	doc, err := p.AnnotateUntil(ctx, in, "text")
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	var out []RoleCandidate
	for _, s := range doc.Sentences {
		if s.Kind != extract.KindBody && !(headline && s.Kind == extract.KindHeadline) {
			continue
		}
		finite := false
		for t := s.FirstToken; t < s.EndToken && t < len(doc.Tokens); t++ {
			switch doc.Tokens[t].Tag {
			case "VBD", "VBZ", "VBP", "MD":
				finite = true
			}
		}
		if finite {
			out = append(out, RoleCandidate{Source: source, Sentence: doc.Text[s.Start:s.End], SentenceStart: s.Start})
		}
	}
	return out, nil
}

// roleECBCandidates lists the gold ACTION_* mentions picked by pick of
// the scored sentences of topics 1 to RoleECBLastTopic under dir.
func roleECBCandidates(dir string, pick roleStride) ([]RoleCandidate, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	var topics []int
	for _, e := range entries {
		if n, err := strconv.Atoi(e.Name()); err == nil && e.IsDir() && n >= 1 && n <= RoleECBLastTopic {
			topics = append(topics, n)
		}
	}
	sort.Ints(topics)
	var files []string
	for _, t := range topics {
		fs, err := ecbFiles(filepath.Join(dir, strconv.Itoa(t)))
		if err != nil {
			return nil, fmt.Errorf("roles: %w", err)
		}
		sort.Strings(fs)
		files = append(files, fs...)
	}
	wanted := map[string]bool{}
	for _, f := range files {
		wanted[filepath.Base(f)] = true
	}
	sel, err := ecbReadSentences(filepath.Join(dir, ECBSentencesFile), wanted)
	if err != nil {
		return nil, err
	}
	var out []RoleCandidate
	k := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("roles: %w", err)
		}
		d, err := ecbParse(data)
		if err != nil {
			return nil, fmt.Errorf("roles: %s: %w", f, err)
		}
		ms := append([]ecbMention(nil), d.Events...)
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Tokens[0] < ms[j].Tokens[0] })
		for _, m := range ms {
			if !strings.HasPrefix(m.Tag, "ACTION_") || !sel[filepath.Base(f)][m.Sentence] {
				continue
			}
			if k >= pick.start && (k-pick.start)%pick.every == 0 {
				first, last := d.Tok[m.Tokens[0]], d.Tok[m.Tokens[len(m.Tokens)-1]]
				sent := d.Sent[m.Sentence]
				rel := filepath.ToSlash(filepath.Join("ecbplus", filepath.Base(filepath.Dir(f)), filepath.Base(f)))
				out = append(out, RoleCandidate{
					Source: rel, Sentence: d.Text[sent.Start:sent.End], SentenceStart: sent.Start,
					Trigger: d.Text[first.Start:last.End], Offset: first.Start,
				})
			}
			k++
		}
	}
	return out, nil
}
