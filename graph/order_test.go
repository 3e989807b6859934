package graph

import (
	"context"
	"encoding/xml"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/internal/shareddata"
)

// The same articles give the same stories, events and entities whatever
// the order they come in and however they are split into ingests,
// windows and batches: a corpus with many cross-document merges (the
// seeds, BBC articles of two sections and ECB+ documents of a few
// topics) ingested at once in path order, then in fixed pseudo-random
// permutations split into runs of several sizes, each run streamed in
// windows of several sizes. Only the merge evidence may differ.
func TestReconcileDoesNotDependOnOrderOrSplit(t *testing.T) {
	ctx := context.Background()
	p := testPipeline(t)
	corpus := orderCorpus(t)
	want, merged := storeSnapshot(t, ingestRuns(t, p, corpus, []int{len(corpus)}, 0))
	if merged == 0 {
		t.Fatal("no event is reported by two articles: the test checks nothing")
	}
	t.Logf("%d articles, %d events reported by more than one article", len(corpus), merged)
	for _, c := range []struct {
		seed   uint64
		runs   []int // the sizes of consecutive runs, the last repeated
		window int
	}{
		{1, []int{len(corpus)}, 7},
		{2, []int{9, 23}, 0},
		{3, []int{1, 4, 40}, 3},
		{4, []int{len(corpus) / 2}, 16},
	} {
		inputs := slices.Clone(corpus)
		rand.New(rand.NewPCG(c.seed, 10)).Shuffle(len(inputs), func(i, j int) { inputs[i], inputs[j] = inputs[j], inputs[i] })
		got, _ := storeSnapshot(t, ingestRuns(t, p, inputs, c.runs, c.window))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("permutation %d in runs of %v, windows of %d: the store differs from one ingest in path order (-one +permuted):\n%.6000s",
				c.seed, c.runs, c.window, diff)
		}
		if ctx.Err() != nil {
			return
		}
	}
}

// The stricter clustering of running topics does not depend on order
// either, including the moment a story grows into one: with a small
// RunningTopic most of the corpus's stories cross it during the ingest.
func TestRunningTopicDoesNotDependOnOrder(t *testing.T) {
	p := testPipeline(t)
	corpus := orderCorpus(t)
	opt := IngestOptions{RunningTopic: 4}
	want, merged := storeSnapshot(t, ingestRunsWith(t, p, corpus, []int{len(corpus)}, opt))
	story, storyMerged := storeSnapshot(t, ingestRuns(t, p, corpus, []int{len(corpus)}, 0))
	if cmp.Equal(want, story) {
		t.Fatal("running topics change nothing on this corpus: the test checks nothing")
	}
	t.Logf("%d events reported by more than one article as running topics, %d as stories", merged, storyMerged)
	for _, seed := range []uint64{5, 6} {
		inputs := slices.Clone(corpus)
		rand.New(rand.NewPCG(seed, 10)).Shuffle(len(inputs), func(i, j int) { inputs[i], inputs[j] = inputs[j], inputs[i] })
		opt := opt
		opt.Window = int(seed) * 3
		got, _ := storeSnapshot(t, ingestRunsWith(t, p, inputs, []int{11, 30}, opt))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("permutation %d: the store differs from one ingest in path order (-one +permuted):\n%.6000s", seed, diff)
		}
	}
}

// ingestRuns ingests inputs into a new store in consecutive runs of the
// given sizes (the last size repeated), each streamed in windows of window
// inputs (0: the default).
func ingestRuns(t *testing.T, p *extract.Pipeline, inputs []extract.Input, runs []int, window int) *Store {
	return ingestRunsWith(t, p, inputs, runs, IngestOptions{Window: window})
}

// ingestRunsWith is ingestRuns with the given options.
func ingestRunsWith(t *testing.T, p *extract.Pipeline, inputs []extract.Input, runs []int, opt IngestOptions) *Store {
	t.Helper()
	s, _ := openTemp(t)
	for at, r := 0, 0; at < len(inputs); r++ {
		size := runs[min(r, len(runs)-1)]
		run := inputs[at:min(at+size, len(inputs))]
		at += len(run)
		next, stop := iter.Pull(slices.Values(run))
		_, errs := s.IngestFrom(context.Background(), p, next, opt)
		stop()
		if len(errs) > 0 {
			t.Fatalf("ingest: %v", errs)
		}
	}
	return s
}

// storeSnapshot reads every stored article's decisions but the merge
// evidence, one line per fact, by article name, and counts the events
// reported by more than one article.
func storeSnapshot(t *testing.T, s *Store) (map[string][]string, int) {
	t.Helper()
	recs, err := s.LoadRecords(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, rec := range recs {
		names[rec.IRI] = rec.Name
	}
	sorted := func(xs []string) string {
		xs = slices.Clone(xs)
		sort.Strings(xs)
		return strings.Join(xs, ",")
	}
	out := map[string][]string{}
	reporters := map[string]map[string]bool{}
	for _, rec := range recs {
		lines := []string{"date " + rec.Date, "copies " + names[rec.Copies], "story " + rec.Story}
		for _, e := range rec.Entities {
			lines = append(lines, fmt.Sprintf("entity %s %s %q aliases %s", e.IRI, e.Type, e.Name, sorted(e.Aliases)))
		}
		for _, ev := range rec.Events {
			lines = append(lines, fmt.Sprintf("event %s node %s %s %s lemmas %s date %s %s-%s agents %s patients %s locations %s reports %s",
				ev.Local, ev.IRI, ev.Class, ev.Lemma, sorted(ev.Lemmas), ev.Date, ev.RangeBegin, ev.RangeEnd,
				sorted(ev.Agents), sorted(ev.Patients), sorted(ev.Locations), sorted(ev.Reports)))
			if reporters[ev.IRI] == nil {
				reporters[ev.IRI] = map[string]bool{}
			}
			reporters[ev.IRI][rec.IRI] = true
		}
		sort.Strings(lines)
		out[rec.Name] = lines
	}
	merged := 0
	for _, docs := range reporters {
		if len(docs) > 1 {
			merged++
		}
	}
	return out, merged
}

// orderCorpus is the seeds, twenty reports made of their paragraphs, the
// first BBC articles of two sections and the ECB+ documents of three
// topics (text rebuilt from their tokens); the last two only when
// ../shared/data holds them.
func orderCorpus(t *testing.T) []extract.Input {
	t.Helper()
	corpus := []extract.Input{
		seedInput(t, "presstv-obama-putin.txt", "", ""),
		seedInput(t, "peoplesvoice-copy-obama-putin.txt", "", ""),
	}
	// Reports recombining the first seed's paragraphs, two each: many
	// near-copies of one another, and the same statements in many of
	// them.
	var paras []string
	for _, para := range strings.Split(corpus[0].Text, "\n\n") {
		if para = strings.TrimSpace(para); len(para) >= 120 {
			paras = append(paras, para)
		}
	}
	for k := 1; k <= 20; k++ {
		i, j := k%len(paras), (3*k+1)%len(paras)
		if i == j {
			j = (j + 1) % len(paras)
		}
		corpus = append(corpus, extract.Input{Name: fmt.Sprintf("report-%02d.txt", k), Date: "2015-11-30", DateSource: "flag",
			Text: fmt.Sprintf("Report %d on the Su-24 crisis\n\n%s\n\n%s\n", k, paras[i], paras[j])})
	}
	root, err := shareddata.Root()
	data := filepath.Join(root, "..", "shared", "data")
	if _, serr := os.Stat(data); err != nil || serr != nil {
		t.Log("../shared/data not found: order checked on the seeds alone")
		return corpus
	}
	for _, section := range []string{"politics", "entertainment"} {
		files, _ := filepath.Glob(filepath.Join(data, "bbc", section, "*.txt"))
		sort.Strings(files)
		for _, f := range files[:min(15, len(files))] {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			corpus = append(corpus, extract.Input{Name: section + "/" + filepath.Base(f), Text: string(b)})
		}
	}
	for _, topic := range []string{"1", "3", "4"} {
		files, _ := filepath.Glob(filepath.Join(data, "ecbplus", topic, "*.xml"))
		sort.Strings(files)
		for _, f := range files[:min(10, len(files))] {
			corpus = append(corpus, extract.Input{Name: "ecbplus/" + filepath.Base(f), Text: ecbText(t, f)})
		}
	}
	return corpus
}

// ecbText rebuilds an ECB+ document's text from its tokens: one paragraph
// per sentence, no space before closing punctuation.
func ecbText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var x struct {
		Tokens []struct {
			Sentence int    `xml:"sentence,attr"`
			Text     string `xml:",chardata"`
		} `xml:"token"`
	}
	if err := xml.Unmarshal(b, &x); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out strings.Builder
	sent := -1
	for _, tok := range x.Tokens {
		w := strings.TrimSpace(tok.Text)
		switch {
		case tok.Sentence != sent:
			if sent >= 0 {
				out.WriteString("\n\n")
			}
			sent = tok.Sentence
		case !strings.Contains(".,;:!?)'", w[:min(1, len(w))]) || w == "":
			out.WriteByte(' ')
		}
		out.WriteString(w)
	}
	return fmt.Sprintln(out.String())
}
