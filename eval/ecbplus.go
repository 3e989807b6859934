// Package eval scores Storyline's extraction against public annotated
// corpora.
//
// This file scores event mentions and participant mentions on ECB+
// (Cybulska and Vossen, 2014). ECB+ ships tokenized articles as XML with
// ACTION_*, NEG_ACTION_*, HUMAN_PART_*, LOC_* and TIME_* mentions anchored to
// token ids, and ECBplus_coreference_sentences.csv lists the sentences that
// were annotated. Storyline reads the article text rebuilt from the tokens
// (see ecbRebuild), runs its whole pipeline on it, and is scored only on the
// listed sentences.
//
// Matching: a system item (an event trigger, or a participant mention)
// matches a gold mention when its byte span overlaps the gold mention's head
// token. Precision is the share of system items in the scored sentences that
// match some gold mention; recall is the share of gold mentions whose head
// some system item overlaps.
//
// Head of a gold mention, decided with Storyline's own POS tags on the
// rebuilt text (ECB+ has no gold POS):
//   - event mentions (ACTION_*, NEG_ACTION_*): the first verb token ("checked
//     into" -> checked, "opened fire" -> opened); without a verb, the last
//     noun-ish token before the first preposition ("heart attack" -> attack,
//     "on suspicion" -> suspicion); else the first token.
//   - participant mentions (HUMAN_PART_*, LOC_*): leading prepositions and
//     determiners are skipped ("in Queens" -> Queens), then the last noun-ish
//     token (NN*, PRP, PRP$, WP, CD) before the first following preposition
//     ("the head of the family" -> head); else the last token. A name
//     with an inner "of" heads on its last token ("the Gulf of Aden" ->
//     Aden).
//
// System participants are the heads of extract.Participants: entity
// mentions (except EQUIPMENT, which ECB+ files as NON_HUMAN_PART, demonyms,
// names that only modify a noun or name a person's office, and place names
// that only locate another place), personal pronouns, noun phrases headed
// by person or group nouns, numbers standing for people ("kills 1"),
// unnamed places, and "where"/"there" standing for a place.
package eval

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/graph"
)

// ECBSentencesFile is the name of the ECB+ list of annotated sentences.
const ECBSentencesFile = "ECBplus_coreference_sentences.csv"

// ECBOptions controls ECBPlus.
type ECBOptions struct {
	// Verbose writes every miss and false positive to Out.
	Verbose bool
	// Out receives the verbose listing; nil means no listing.
	Out io.Writer
	// Workers is the number of documents annotated in parallel;
	// 0 means runtime.GOMAXPROCS(0).
	Workers int
	// NoCoref skips cross-document event coreference (no store is
	// built).
	NoCoref bool
}

// ECBScore is precision, recall and F1 of one kind of mention.
type ECBScore struct {
	Gold          int // gold mentions in the scored sentences
	System        int // system items in the scored sentences
	MatchedGold   int // gold mentions whose head a system item overlaps
	MatchedSystem int // system items overlapping some gold head
}

// Precision is MatchedSystem/System in percent.
func (s ECBScore) Precision() float64 { return pct(s.MatchedSystem, s.System) }

// Recall is MatchedGold/Gold in percent.
func (s ECBScore) Recall() float64 { return pct(s.MatchedGold, s.Gold) }

// F1 is the harmonic mean of Precision and Recall.
func (s ECBScore) F1() float64 { return harmonic(s.Precision(), s.Recall()) }

func (s *ECBScore) add(o ECBScore) {
	s.Gold += o.Gold
	s.System += o.System
	s.MatchedGold += o.MatchedGold
	s.MatchedSystem += o.MatchedSystem
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// ECBReport is the result of ECBPlus.
type ECBReport struct {
	Documents    int // documents read
	Sentences    int // scored sentences
	Bytes        int // bytes of rebuilt text annotated
	Elapsed      time.Duration
	Events       ECBScore
	Participants ECBScore
	// Topics holds the per-topic scores, keyed by topic number.
	Topics map[string]*ECBTopicScore
	// Coref is the cross-document event coreference score; nil with
	// ECBOptions.NoCoref.
	Coref *ECBCoref
}

// ECBTopicScore is the score of one ECB+ topic.
type ECBTopicScore struct {
	Documents    int
	Events       ECBScore
	Participants ECBScore
	// Coref scores Storyline's clusters over the topic's gold event
	// mentions alone (a cluster reaching into another topic is cut
	// there).
	Coref CorefMetrics
}

// Write prints the report as a small table.
func (r *ECBReport) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "ECB+: %d documents, %d scored sentences, %.1f KB in %s (%.2f MB/s)\n",
		r.Documents, r.Sentences, float64(r.Bytes)/1024, r.Elapsed.Round(time.Millisecond), r.mbps())
	fmt.Fprintf(bw, "%-13s %6s %6s %7s %7s %7s\n", "mentions", "gold", "system", "P", "R", "F1")
	for _, row := range []struct {
		name string
		s    ECBScore
	}{{"events", r.Events}, {"participants", r.Participants}} {
		fmt.Fprintf(bw, "%-13s %6d %6d %7.1f %7.1f %7.1f\n", row.name, row.s.Gold, row.s.System,
			row.s.Precision(), row.s.Recall(), row.s.F1())
	}
	if len(r.Topics) > 1 {
		topics := make([]string, 0, len(r.Topics))
		for t := range r.Topics {
			topics = append(topics, t)
		}
		sort.Slice(topics, func(i, j int) bool {
			a, _ := strconv.Atoi(topics[i])
			b, _ := strconv.Atoi(topics[j])
			return a < b
		})
		fmt.Fprintf(bw, "%-6s %5s %9s %9s", "topic", "docs", "event F1", "part. F1")
		if r.Coref != nil {
			fmt.Fprintf(bw, " %9s", "coref F1")
		}
		bw.WriteByte('\n')
		for _, t := range topics {
			s := r.Topics[t]
			fmt.Fprintf(bw, "%-6s %5d %9.1f %9.1f", t, s.Documents, s.Events.F1(), s.Participants.F1())
			if r.Coref != nil {
				fmt.Fprintf(bw, " %9.1f", s.Coref.CoNLL())
			}
			bw.WriteByte('\n')
		}
		if r.Coref != nil {
			bw.WriteString("coref F1: CoNLL F1 of Storyline's clusters over the topic's gold event mentions alone\n")
		}
	}
	if r.Coref != nil {
		r.Coref.write(bw, r.Documents)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing ECB+ report: %w", err)
	}
	return nil
}

func (r *ECBReport) mbps() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Bytes) / 1e6 / r.Elapsed.Seconds()
}

// ECBPlus annotates every ECB+ document under dirs (a corpus root holding
// topic folders, or topic folders) and scores event and participant
// mentions on the sentences listed in ECBplus_coreference_sentences.csv,
// which is looked for in each dir and its two parents.
func ECBPlus(ctx context.Context, dirs []string, opt ECBOptions) (*ECBReport, error) {
	if len(dirs) == 0 {
		return nil, errors.New("ecbplus: no directory given")
	}
	var files []string
	csvPath := ""
	for _, d := range dirs {
		fs, err := ecbFiles(d)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
		if csvPath == "" {
			csvPath = ecbFindCSV(d)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("ecbplus: no *ecb.xml or *ecbplus.xml file under %s", strings.Join(dirs, ", "))
	}
	if csvPath == "" {
		return nil, fmt.Errorf("ecbplus: %s not found in %s or its parents", ECBSentencesFile, strings.Join(dirs, ", "))
	}
	wanted := make(map[string]bool, len(files))
	for _, f := range files {
		wanted[filepath.Base(f)] = true
	}
	selected, err := ecbReadSentences(csvPath, wanted)
	if err != nil {
		return nil, err
	}
	p, err := extract.New()
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %w", err)
	}

	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]*ecbDocResult, len(files))
	errs := make([]error, len(files))
	start := time.Now()
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i], errs[i] = ecbScoreFile(ctx, p, files[i], selected[filepath.Base(files[i])], opt.Verbose)
			}
		}()
	}
feed:
	for i := range files {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ecbplus: %w", err)
	}
	rep := &ECBReport{Elapsed: time.Since(start), Topics: map[string]*ECBTopicScore{}}
	for i, res := range results {
		if errs[i] != nil {
			return nil, errs[i]
		}
		rep.Documents++
		rep.Sentences += res.sentences
		rep.Bytes += res.bytes
		rep.Events.add(res.events)
		rep.Participants.add(res.parts)
		ts := rep.Topics[res.topic]
		if ts == nil {
			ts = &ECBTopicScore{}
			rep.Topics[res.topic] = ts
		}
		ts.Documents++
		ts.Events.add(res.events)
		ts.Participants.add(res.parts)
		if opt.Verbose && opt.Out != nil && len(res.log) > 0 {
			if _, err := io.WriteString(opt.Out, res.log); err != nil {
				return nil, fmt.Errorf("ecbplus: writing verbose output: %w", err)
			}
		}
	}
	if !opt.NoCoref {
		if rep.Coref, err = ecbCoref(ctx, p, results, rep.Topics, opt); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// ecbFiles lists the ECB+ XML files under dir, sorted.
func ecbFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(path, "ecb.xml") || strings.HasSuffix(path, "ecbplus.xml")) {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %w", err)
	}
	sort.Strings(out)
	return out, nil
}

func ecbFindCSV(dir string) string {
	d := dir
	for i := 0; i < 3; i++ {
		p := filepath.Join(d, ECBSentencesFile)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		d = filepath.Dir(d)
	}
	return ""
}

// ecbReadSentences reads the annotated-sentence list, keeping only rows of
// the files in wanted (file base names such as "1_10ecb.xml").
func ecbReadSentences(path string, wanted map[string]bool) (map[string]map[int]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	out := map[string]map[int]bool{}
	line := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return nil, fmt.Errorf("ecbplus: %s: %w", path, err)
		}
		if line == 1 && len(rec) > 0 && strings.EqualFold(strings.TrimSpace(rec[0]), "topic") {
			continue
		}
		if len(rec) < 3 {
			return nil, fmt.Errorf("ecbplus: %s:%d: want 3 fields, got %d", path, line, len(rec))
		}
		name := strings.TrimSpace(rec[0]) + "_" + strings.TrimSpace(rec[1]) + ".xml"
		if !wanted[name] {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(rec[2]))
		if err != nil {
			return nil, fmt.Errorf("ecbplus: %s:%d: sentence number: %w", path, line, err)
		}
		if out[name] == nil {
			out[name] = map[int]bool{}
		}
		out[name][n] = true
	}
	return out, nil
}

// ecbXML is the part of an ECB+ document that is scored.
type ecbXML struct {
	Tokens []struct {
		ID       int    `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Markables struct {
		Items []struct {
			XMLName  xml.Name
			MID      string `xml:"m_id,attr"`
			Instance string `xml:"instance_id,attr"`
			Anchors  []struct {
				ID int `xml:"t_id,attr"`
			} `xml:"token_anchor"`
		} `xml:",any"`
	} `xml:"Markables"`
	// Relations link mentions (sources) to the instance they refer to
	// (target, a markable without tokens): CROSS_DOC_COREF across
	// documents by the target's instance id, INTRA_DOC_COREF within one
	// document.
	Relations struct {
		Items []struct {
			XMLName xml.Name
			Note    string `xml:"note,attr"`
			Sources []struct {
				MID string `xml:"m_id,attr"`
			} `xml:"source"`
			Target struct {
				MID string `xml:"m_id,attr"`
			} `xml:"target"`
		} `xml:",any"`
	} `xml:"Relations"`
}

// ecbDoc is an ECB+ document rebuilt as text.
type ecbDoc struct {
	Text string
	// Tok maps a token id to its span in Text.
	Tok map[int]extract.Span
	// Sent maps a sentence number to its span in Text.
	Sent map[int]extract.Span
	// TokSent maps a token id to its sentence number.
	TokSent map[int]int
	Events  []ecbMention
	Parts   []ecbMention
}

type ecbMention struct {
	Tag      string
	MID      string // markable id
	Tokens   []int  // token ids
	Sentence int
	// Chain is the gold coreference chain: "x:" and the instance id of a
	// CROSS_DOC_COREF chain, "i:" and the target's markable id of an
	// INTRA_DOC_COREF chain (unique within the document only), or "" for
	// a mention in no chain.
	Chain string
}

func ecbParse(data []byte) (*ecbDoc, error) {
	var x ecbXML
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	d := &ecbDoc{Tok: map[int]extract.Span{}, Sent: map[int]extract.Span{}, TokSent: map[int]int{}}
	var b strings.Builder
	sent := -1
	sentStart := 0
	prev := ""
	inQuote := false
	for _, t := range x.Tokens {
		if t.Sentence != sent {
			if sent >= 0 {
				d.Sent[sent] = extract.Span{Start: sentStart, End: b.Len()}
				b.WriteString("\n\n")
			}
			sent = t.Sentence
			sentStart = b.Len()
			prev = ""
			inQuote = false
		}
		text := strings.TrimSpace(t.Text)
		switch text {
		case "``", "''":
			text = `"`
		}
		if text == "" {
			text = "_"
		}
		// Straight double quotes alternate between opening and closing.
		closing := false
		if text == `"` {
			closing = inQuote
			inQuote = !inQuote
		}
		if prev != "" && ecbSpaceBefore(prev, text, closing, t.Text) {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(text)
		d.Tok[t.ID] = extract.Span{Start: start, End: b.Len()}
		d.TokSent[t.ID] = t.Sentence
		prev = text
		if text == `"` && !closing {
			prev = "``" // no space after an opening quote
		}
	}
	if sent >= 0 {
		d.Sent[sent] = extract.Span{Start: sentStart, End: b.Len()}
	}
	b.WriteString("\n")
	d.Text = b.String()
	chains := ecbChains(&x)
	for _, m := range x.Markables.Items {
		if len(m.Anchors) == 0 {
			continue // an instance descriptor, not a mention
		}
		tag := m.XMLName.Local
		em := ecbMention{Tag: tag, MID: m.MID, Chain: chains[m.MID]}
		for _, a := range m.Anchors {
			if _, ok := d.Tok[a.ID]; ok {
				em.Tokens = append(em.Tokens, a.ID)
			}
		}
		if len(em.Tokens) == 0 {
			continue
		}
		sort.Ints(em.Tokens)
		em.Sentence = d.TokSent[em.Tokens[0]]
		switch {
		case strings.HasPrefix(tag, "ACTION_") || strings.HasPrefix(tag, "NEG_ACTION_"):
			d.Events = append(d.Events, em)
		case strings.HasPrefix(tag, "HUMAN_PART") || strings.HasPrefix(tag, "LOC_"):
			d.Parts = append(d.Parts, em)
		}
	}
	return d, nil
}

// ecbChains maps the markable id of each linked mention to its chain (see
// ecbMention.Chain). A mention linked twice keeps its cross-document
// chain, else its first.
func ecbChains(x *ecbXML) map[string]string {
	instance := map[string]string{}
	for _, m := range x.Markables.Items {
		if len(m.Anchors) == 0 && m.Instance != "" {
			instance[m.MID] = m.Instance
		}
	}
	chains := map[string]string{}
	for _, r := range x.Relations.Items {
		var chain string
		switch r.XMLName.Local {
		case "CROSS_DOC_COREF":
			id := instance[r.Target.MID]
			if id == "" {
				id = r.Note
			}
			if id == "" {
				continue
			}
			chain = "x:" + id
		case "INTRA_DOC_COREF":
			chain = "i:" + r.Target.MID
		default:
			continue
		}
		for _, src := range r.Sources {
			if old := chains[src.MID]; old == "" || strings.HasPrefix(chain, "x:") && !strings.HasPrefix(old, "x:") {
				chains[src.MID] = chain
			}
		}
	}
	return chains
}

// ecbSpaceBefore tells whether a space goes between prev and tok when the
// tokens are joined back into text.
func ecbSpaceBefore(prev, tok string, closingQuote bool, raw string) bool {
	switch prev {
	case "(", "[", "{", "$", "``", "#":
		return false
	}
	switch tok {
	case ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...":
		return false
	case `"`:
		return !closingQuote
	}
	low := strings.ToLower(tok)
	switch low {
	case "'s", "n't", "'re", "'ll", "'ve", "'m", "'d", "'":
		return false
	}
	return true
}

type ecbDocResult struct {
	name      string // file base name, "1_10ecb.xml"
	topic     string
	text      string // the rebuilt text
	sentences int
	bytes     int
	events    ECBScore
	parts     ECBScore
	log       string
	// gold holds the gold event mentions of the scored sentences, in
	// the order ecbMatch scores them, for coreference.
	gold []ecbGoldEvent
}

// ecbGoldEvent is a gold event mention of a scored sentence as
// coreference scoring needs it.
type ecbGoldEvent struct {
	head  extract.Span // the head token (see ecbHead)
	lemma string       // the head token's lemma, else its lower-cased text
	chain string       // the gold chain, qualified by the document when intra-document; "" for none
}

func ecbScoreFile(ctx context.Context, p *extract.Pipeline, path string, sel map[int]bool, verbose bool) (*ecbDocResult, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %w", err)
	}
	d, err := ecbParse(data)
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %s: %w", path, err)
	}
	base := filepath.Base(path)
	topic, _, _ := strings.Cut(base, "_")
	res := &ecbDocResult{name: base, topic: topic, text: d.Text, bytes: len(d.Text), sentences: len(sel)}
	doc, err := p.Annotate(ctx, extract.Input{Name: path, Text: d.Text})
	if err != nil {
		return nil, fmt.Errorf("ecbplus: %w", err)
	}
	inSel := func(s extract.Span) bool {
		for n := range sel {
			if d.Sent[n].Contains(s) {
				return true
			}
		}
		return false
	}
	var sysEv []extract.Span
	for _, ev := range doc.Events {
		if inSel(ev.Trigger) {
			sysEv = append(sysEv, ev.Trigger)
		}
	}
	var sysPart []extract.Span
	for _, pm := range extract.Participants(doc) {
		if inSel(pm.Head) {
			sysPart = append(sysPart, pm.Head)
		}
	}
	var goldEv, goldPart []extract.Span
	for _, m := range d.Events {
		if !sel[m.Sentence] {
			continue
		}
		head := ecbHead(doc, d, m, true)
		goldEv = append(goldEv, head)
		chain := m.Chain
		if strings.HasPrefix(chain, "i:") {
			chain = base + "#" + chain
		}
		res.gold = append(res.gold, ecbGoldEvent{head: head, lemma: ecbLemmaAt(doc, head), chain: chain})
	}
	for _, m := range d.Parts {
		if sel[m.Sentence] {
			goldPart = append(goldPart, ecbHead(doc, d, m, false))
		}
	}
	var log strings.Builder
	res.events = ecbMatch(doc.Text, goldEv, sysEv, verbose, base, "event", &log)
	res.parts = ecbMatch(doc.Text, goldPart, sysPart, verbose, base, "participant", &log)
	res.log = log.String()
	return res, nil
}

// ecbMatch scores system spans against gold head spans.
func ecbMatch(text string, gold, sys []extract.Span, verbose bool, name, kind string, log *strings.Builder) ECBScore {
	s := ECBScore{Gold: len(gold), System: len(sys)}
	for _, g := range gold {
		hit := false
		for _, x := range sys {
			if x.Overlaps(g) {
				hit = true
				break
			}
		}
		if hit {
			s.MatchedGold++
		} else if verbose {
			fmt.Fprintf(log, "%s\tMISS %s\t%q\t%s\n", name, kind, text[g.Start:g.End], ecbContext(text, g))
		}
	}
	for _, x := range sys {
		hit := false
		for _, g := range gold {
			if x.Overlaps(g) {
				hit = true
				break
			}
		}
		if hit {
			s.MatchedSystem++
		} else if verbose {
			fmt.Fprintf(log, "%s\tFP %s\t%q\t%s\n", name, kind, text[x.Start:x.End], ecbContext(text, x))
		}
	}
	return s
}

// ecbContext is the line around s with s bracketed.
func ecbContext(text string, s extract.Span) string {
	a := strings.LastIndexByte(text[:s.Start], '\n') + 1
	b := strings.IndexByte(text[s.End:], '\n')
	if b < 0 {
		b = len(text)
	} else {
		b += s.End
	}
	return text[a:s.Start] + "[" + text[s.Start:s.End] + "]" + text[s.End:b]
}

// ecbHead is the span of the head token of a gold mention (see the package
// doc for the rule).
func ecbHead(doc *extract.Document, d *ecbDoc, m ecbMention, event bool) extract.Span {
	tags := make([]string, len(m.Tokens))
	for i, id := range m.Tokens {
		tags[i] = ecbTagAt(doc, d.Tok[id])
	}
	head := -1
	if event {
		for i, t := range tags {
			if strings.HasPrefix(t, "VB") {
				head = i
				break
			}
		}
		if head < 0 {
			head = ecbNounHead(tags, 0)
		}
		if head < 0 {
			head = 0
		}
	} else {
		i := 0
		for i < len(tags)-1 && (tags[i] == "IN" || tags[i] == "TO" || tags[i] == "DT") {
			i++
		}
		head = ecbNounHead(tags, i)
		if head < 0 || ecbProperName(tags[i:]) {
			head = len(tags) - 1
		}
	}
	return d.Tok[m.Tokens[head]]
}

// ecbNounHead is the last noun-ish tag from start up to the first
// preposition after a noun-ish tag, or -1.
func ecbNounHead(tags []string, start int) int {
	head := -1
	for i := start; i < len(tags); i++ {
		t := tags[i]
		if (t == "IN" || t == "TO") && head >= 0 {
			break
		}
		if strings.HasPrefix(t, "NN") || t == "PRP" || t == "PRP$" || t == "WP" || t == "CD" {
			head = i
		}
	}
	return head
}

// ecbProperName reports a name with an inner preposition ("Gulf of
// Aden", "Bank of America"): proper nouns around "of"; its head is its
// last token.
func ecbProperName(tags []string) bool {
	if len(tags) < 3 || !strings.HasPrefix(tags[len(tags)-1], "NNP") {
		return false
	}
	for _, t := range tags {
		if !(strings.HasPrefix(t, "NNP") || t == "IN") {
			return false
		}
	}
	return true
}

// ecbLemmaAt is the lemma of the first system token overlapping s, else
// its lower-cased text.
func ecbLemmaAt(doc *extract.Document, s extract.Span) string {
	if t := ecbTokenAt(doc, s); t != nil {
		if t.Lemma != "" {
			return t.Lemma
		}
		return strings.ToLower(t.Text)
	}
	return strings.ToLower(doc.Text[s.Start:s.End])
}

// ecbTagAt is the POS tag of the first system token overlapping s.
func ecbTagAt(doc *extract.Document, s extract.Span) string {
	if t := ecbTokenAt(doc, s); t != nil {
		return t.Tag
	}
	return ""
}

// ecbTokenAt is the first system token overlapping s, or nil.
func ecbTokenAt(doc *extract.Document, s extract.Span) *extract.Token {
	toks := doc.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > s.Start })
	if i < len(toks) && toks[i].Overlaps(s) {
		return &toks[i]
	}
	return nil
}

// ECBCoref is Storyline's cross-document event coreference on ECB+ and
// two baselines, all scored over the same gold event mentions: those of
// the scored sentences. Gold clusters are the CROSS_DOC_COREF chains (by
// instance id, across documents and sub-topics), the INTRA_DOC_COREF
// chains, and a singleton for every other mention. A gold mention is in
// the Storyline cluster (event node) of the stored event mention that
// overlaps its head token; a gold mention no stored mention overlaps is
// a singleton.
type ECBCoref struct {
	Mentions int // gold event mentions scored
	Clusters int // gold clusters, singletons included
	Chains   int // gold clusters of two or more mentions
	Found    int // gold mentions a stored event mention overlaps
	// Ingest is what storing every document in one store did.
	Ingest  graph.IngestSummary
	Elapsed time.Duration // ingest, reading the clusters and scoring

	Storyline CorefMetrics // Storyline's own event nodes
	// Singletons puts every gold mention in a cluster of its own.
	Singletons CorefMetrics
	// SameLemma groups the gold mentions of one gold topic by the lemma
	// of their head token (Storyline's lemma, else the lower-cased word),
	// the usual baseline with gold mentions and gold topics.
	SameLemma CorefMetrics
}

// ecbCorefMention is one gold event mention with the clusters it is
// scored in.
type ecbCorefMention struct {
	doc, topic string
	text       string // the head token's text
	gold       ecbGoldEvent
	event      string // the Storyline event node, "" when missed
}

// ecbCoref ingests every document into one temporary store, reads back
// the event node of each stored event mention and scores the clusters
// over the gold event mentions of results; topics receive their
// per-topic Storyline scores.
func ecbCoref(ctx context.Context, p *extract.Pipeline, results []*ecbDocResult, topics map[string]*ECBTopicScore, opt ECBOptions) (*ECBCoref, error) {
	start := time.Now()
	stored, sum, err := ecbStoreClusters(ctx, p, results)
	if err != nil {
		return nil, err
	}
	var ms []ecbCorefMention
	for i, res := range results {
		for _, g := range res.gold {
			m := ecbCorefMention{doc: res.name, topic: res.topic, text: res.text[g.head.Start:g.head.End], gold: g}
			for _, sm := range stored[i] {
				if sm.Start < g.head.End && g.head.Start < sm.End {
					m.event = sm.Event
					break
				}
			}
			ms = append(ms, m)
		}
	}
	all := make([]int, len(ms))
	for i := range all {
		all[i] = i
	}
	c := &ECBCoref{Mentions: len(ms), Ingest: *sum}
	gold := ecbCorefGroups(ms, all, ecbGoldKey)
	c.Clusters = len(gold)
	for _, g := range gold {
		if len(g) > 1 {
			c.Chains++
		}
	}
	for _, m := range ms {
		if m.event != "" {
			c.Found++
		}
	}
	c.Storyline = ScoreCoref(gold, ecbCorefGroups(ms, all, ecbSystemKey))
	c.Singletons = ScoreCoref(gold, ecbCorefGroups(ms, all, func(ms []ecbCorefMention, i int) string { return strconv.Itoa(i) }))
	c.SameLemma = ScoreCoref(gold, ecbCorefGroups(ms, all, func(ms []ecbCorefMention, i int) string {
		return ms[i].topic + "\x00" + ms[i].gold.lemma
	}))
	byTopic := map[string][]int{}
	for i, m := range ms {
		byTopic[m.topic] = append(byTopic[m.topic], i)
	}
	for t, idx := range byTopic {
		if ts := topics[t]; ts != nil {
			ts.Coref = ScoreCoref(ecbCorefGroups(ms, idx, ecbGoldKey), ecbCorefGroups(ms, idx, ecbSystemKey))
		}
	}
	c.Elapsed = time.Since(start)
	if opt.Verbose && opt.Out != nil {
		if err := ecbCorefLog(opt.Out, ms, all); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// ecbGoldKey is the gold cluster of mention i: its chain, or itself.
func ecbGoldKey(ms []ecbCorefMention, i int) string {
	if ms[i].gold.chain != "" {
		return ms[i].gold.chain
	}
	return "#" + strconv.Itoa(i)
}

// ecbSystemKey is the Storyline cluster of mention i: its event node, or
// itself when missed.
func ecbSystemKey(ms []ecbCorefMention, i int) string {
	if ms[i].event != "" {
		return ms[i].event
	}
	return "#" + strconv.Itoa(i)
}

// ecbCorefGroups partitions the mentions idx by key, clusters in order
// of their first mention.
func ecbCorefGroups(ms []ecbCorefMention, idx []int, key func([]ecbCorefMention, int) string) [][]int {
	return groupBy(idx, func(i int) string { return key(ms, i) })
}

// ecbStoreClusters ingests the documents of results, in order and with no
// topic, into one store in a temporary folder removed afterwards, and
// returns each document's stored event mentions (nil for a document
// that has none).
func ecbStoreClusters(ctx context.Context, p *extract.Pipeline, results []*ecbDocResult) ([][]graph.EventMentionRef, *graph.IngestSummary, error) {
	dir, err := os.MkdirTemp("", "storyline-ecbplus-")
	if err != nil {
		return nil, nil, fmt.Errorf("ecbplus: coreference store: %w", err)
	}
	defer os.RemoveAll(dir)
	st, err := graph.Open(ctx, filepath.Join(dir, "ecbplus.db"), graph.OpenOptions{})
	if err != nil {
		return nil, nil, fmt.Errorf("ecbplus: coreference store: %w", err)
	}
	defer func() { _ = st.Close() }()
	inputs := make([]extract.Input, len(results))
	for i, res := range results {
		inputs[i] = extract.Input{Name: res.name, Text: res.text}
	}
	sum, errs := st.Ingest(ctx, p, inputs, graph.IngestOptions{})
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("ecbplus: ingesting the documents into one store: %w", errors.Join(errs...))
	}
	docs, err := st.Documents(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("ecbplus: %w", err)
	}
	iri := make(map[string]string, len(docs)) // content id -> document IRI
	iris := make([]string, 0, len(docs))
	for _, d := range docs {
		iri[d.ID] = d.IRI
		iris = append(iris, d.IRI)
	}
	clusters, err := st.EventMentionClusters(ctx, iris)
	if err != nil {
		return nil, nil, fmt.Errorf("ecbplus: %w", err)
	}
	out := make([][]graph.EventMentionRef, len(results))
	for i, res := range results {
		h := sha256.Sum256([]byte(res.text))
		out[i] = clusters[iri["sha256:"+hex.EncodeToString(h[:])]]
	}
	return out, sum, nil
}

// ecbCorefLog lists, for -v, every gold cluster Storyline splits or
// misses part of, and every Storyline cluster that joins gold clusters:
// one line each, its mentions as file:head=cluster.
func ecbCorefLog(w io.Writer, ms []ecbCorefMention, idx []int) error {
	bw := bufio.NewWriter(w)
	line := func(what, name string, members []int, other func(int) string) {
		fmt.Fprintf(bw, "%s\t%s %s\t", ms[members[0]].topic, what, name)
		for n, i := range members {
			if n > 0 {
				bw.WriteString(", ")
			}
			fmt.Fprintf(bw, "%s:%q=%s", ms[i].doc, ms[i].text, other(i))
		}
		bw.WriteByte('\n')
	}
	sysName := func(i int) string {
		if ms[i].event == "" {
			return "MISSED"
		}
		return ms[i].event
	}
	for _, g := range ecbCorefGroups(ms, idx, ecbGoldKey) {
		if len(g) < 2 {
			continue
		}
		split := false
		for _, i := range g {
			split = split || ms[i].event == "" || ms[i].event != ms[g[0]].event
		}
		if split {
			line("SPLIT gold", ecbGoldKey(ms, g[0]), g, sysName)
		}
	}
	for _, s := range ecbCorefGroups(ms, idx, ecbSystemKey) {
		merged := false
		for _, i := range s {
			merged = merged || ecbGoldKey(ms, i) != ecbGoldKey(ms, s[0])
		}
		if merged {
			line("MERGE storyline", ms[s[0]].event, s, func(i int) string { return ecbGoldKey(ms, i) })
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ecbplus: writing verbose output: %w", err)
	}
	return nil
}

// write prints the coreference figures.
func (c *ECBCoref) write(bw *bufio.Writer, docs int) {
	fmt.Fprintf(bw, "\nCross-document event coreference: %d gold event mentions in %d gold clusters (%d of two or more, the rest singletons).\n",
		c.Mentions, c.Clusters, c.Chains)
	fmt.Fprintf(bw, "All %d documents ingested into one store, no topics given, in %s: %s.\n",
		docs, c.Elapsed.Round(time.Millisecond), c.Ingest.String())
	fmt.Fprintf(bw, "Storyline found %d of the gold mentions (%.1f%%); the rest count as singletons.\n",
		c.Found, pct(c.Found, c.Mentions))
	fmt.Fprintf(bw, "%-15s %7s %6s %6s  %7s %6s %6s  %7s %6s %6s  %6s\n", "coref", "MUC R", "P", "F1", "B3 R", "P", "F1", "CEAFe R", "P", "F1", "CoNLL")
	for _, row := range []struct {
		name string
		m    CorefMetrics
	}{{"storyline", c.Storyline}, {"all singletons", c.Singletons}, {"same lemma*", c.SameLemma}} {
		fmt.Fprintf(bw, "%-15s", row.name)
		for _, s := range []CorefScore{row.m.MUC, row.m.B3, row.m.CEAFe} {
			fmt.Fprintf(bw, " %7.1f %6.1f %6.1f ", s.Recall(), s.Precision(), s.F1())
		}
		fmt.Fprintf(bw, " %6.1f\n", row.m.CoNLL())
	}
	bw.WriteString("* same lemma: gold mentions grouped by the lemma of their head token within each gold ECB+ topic\n" +
		"  (a baseline that is given the topics and the gold mentions; Storyline is given neither)\n")
}
