package eval

import (
	"bytes"
	"context"
	"github.com/storyline/storyline/internal/shareddata"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedData is <repo root>/../shared/data, or skips the test.
func ecbSharedData(t testing.TB) string {
	t.Helper()
	return filepath.Dir(shareddata.Dir(t, "ecbplus"))
}

const ecbFixture = `<?xml version="1.0" encoding="UTF-8"?>
<Document doc_name="1_1ecb.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">Police</token>
<token t_id="2" sentence="0" number="1">arrested</token>
<token t_id="3" sentence="0" number="2">a</token>
<token t_id="4" sentence="0" number="3">man</token>
<token t_id="5" sentence="0" number="4">in</token>
<token t_id="6" sentence="0" number="5">Queens</token>
<token t_id="7" sentence="0" number="6">.</token>
<token t_id="8" sentence="1" number="0">` + "``" + `</token>
<token t_id="9" sentence="1" number="1">He</token>
<token t_id="10" sentence="1" number="2">did</token>
<token t_id="11" sentence="1" number="3">n't</token>
<token t_id="12" sentence="1" number="4">resist</token>
<token t_id="13" sentence="1" number="5">,</token>
<token t_id="14" sentence="1" number="6">''</token>
<token t_id="15" sentence="1" number="7">the</token>
<token t_id="16" sentence="1" number="8">officer</token>
<token t_id="17" sentence="1" number="9">'s</token>
<token t_id="18" sentence="1" number="10">partner</token>
<token t_id="19" sentence="1" number="11">said</token>
<token t_id="20" sentence="1" number="12">.</token>
<token t_id="21" sentence="2" number="0">Unscored</token>
<token t_id="22" sentence="2" number="1">shooting</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<HUMAN_PART_ORG m_id="2"><token_anchor t_id="1"/></HUMAN_PART_ORG>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="3"/><token_anchor t_id="4"/></HUMAN_PART_PER>
<LOC_GEO m_id="4"><token_anchor t_id="5"/><token_anchor t_id="6"/></LOC_GEO>
<NEG_ACTION_OCCURRENCE m_id="5"><token_anchor t_id="12"/></NEG_ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="6"><token_anchor t_id="19"/></ACTION_REPORTING>
<HUMAN_PART_PER m_id="7"><token_anchor t_id="15"/><token_anchor t_id="16"/><token_anchor t_id="17"/><token_anchor t_id="18"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="8"><token_anchor t_id="22"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="x" instance_id="ACT1"/>
<UNKNOWN_INSTANCE_TAG m_id="10" RELATED_TO="" TAG_DESCRIPTOR="" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1">
<source m_id="1" />
<target m_id="9" />
</CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2">
<source m_id="5" />
<source m_id="6" />
<target m_id="10" />
</INTRA_DOC_COREF>
</Relations>
</Document>
`

// ecbFixture2 is a second report of the arrest in ecbFixture, linked to
// it by the instance id ACT1; its "said" is in no chain.
const ecbFixture2 = `<?xml version="1.0" encoding="UTF-8"?>
<Document doc_name="1_2ecb.xml" doc_id="Y">
<token t_id="1" sentence="0" number="0">A</token>
<token t_id="2" sentence="0" number="1">man</token>
<token t_id="3" sentence="0" number="2">was</token>
<token t_id="4" sentence="0" number="3">arrested</token>
<token t_id="5" sentence="0" number="4">on</token>
<token t_id="6" sentence="0" number="5">Monday</token>
<token t_id="7" sentence="0" number="6">,</token>
<token t_id="8" sentence="0" number="7">police</token>
<token t_id="9" sentence="0" number="8">said</token>
<token t_id="10" sentence="0" number="9">.</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="4"/></ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="2"><token_anchor t_id="9"/></ACTION_REPORTING>
<ACTION_OCCURRENCE m_id="3" TAG_DESCRIPTOR="x" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1">
<source m_id="1" />
<target m_id="3" />
</CROSS_DOC_COREF>
</Relations>
</Document>
`

func TestECBParseRebuildsText(t *testing.T) {
	d, err := ecbParse([]byte(ecbFixture))
	if err != nil {
		t.Fatal(err)
	}
	want := "Police arrested a man in Queens.\n\n\"He didn't resist,\" the officer's partner said.\n\nUnscored shooting\n"
	if d.Text != want {
		t.Errorf("text = %q, want %q", d.Text, want)
	}
	if got := d.Text[d.Tok[12].Start:d.Tok[12].End]; got != "resist" {
		t.Errorf("token 12 = %q", got)
	}
	if len(d.Events) != 4 || len(d.Parts) != 4 {
		t.Errorf("got %d events, %d participants; want 4, 4 (instance descriptors skipped)", len(d.Events), len(d.Parts))
	}
	if d.Events[1].Tag != "NEG_ACTION_OCCURRENCE" || d.Events[3].Sentence != 2 {
		t.Errorf("events = %+v", d.Events)
	}
	var chains []string
	for _, m := range d.Events {
		chains = append(chains, m.MID+"="+m.Chain)
	}
	if got, want := strings.Join(chains, " "), "1=x:ACT1 5=i:10 6=i:10 8="; got != want {
		t.Errorf("event chains = %q, want %q", got, want)
	}
}

func TestECBPlusOnFixture(t *testing.T) {
	root := t.TempDir()
	topic := filepath.Join(root, "1")
	if err := os.MkdirAll(topic, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]string{"1_1ecb.xml": ecbFixture, "1_2ecb.xml": ecbFixture2} {
		if err := os.WriteFile(filepath.Join(topic, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Sentence 2 is not listed, and a held-out topic's row must be ignored.
	csv := "Topic,File,Sentence Number\n1,1ecb,0\n1,1ecb,1\n1,2ecb,0\n40,1ecbplus,0\n"
	if err := os.WriteFile(filepath.Join(root, ECBSentencesFile), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	var verbose bytes.Buffer
	rep, err := ECBPlus(context.Background(), []string{topic}, ECBOptions{Verbose: true, Out: &verbose})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 2 || rep.Sentences != 3 {
		t.Errorf("documents %d, sentences %d; want 2, 3", rep.Documents, rep.Sentences)
	}
	if rep.Events.Gold != 5 {
		t.Errorf("event gold = %d, want 5 (unlisted sentence not scored)", rep.Events.Gold)
	}
	if rep.Participants.Gold != 4 {
		t.Errorf("participant gold = %d, want 4", rep.Participants.Gold)
	}
	// arrested, resist and said are verbs any tagger finds.
	if rep.Events.MatchedGold != 5 {
		t.Errorf("events matched %d of 5:\n%s", rep.Events.MatchedGold, verbose.String())
	}

	// Gold clusters: {arrested, arrested} across the two documents,
	// {resist, said} within the first, {said} of the second alone.
	c := rep.Coref
	if c == nil {
		t.Fatal("no coreference score")
	}
	if c.Mentions != 5 || c.Clusters != 3 || c.Chains != 2 || c.Found != rep.Events.MatchedGold || c.Ingest.Stored != 2 {
		t.Errorf("coref counts = %d mentions, %d clusters, %d chains, %d found, %d stored; want 5, 3, 2, %d, 2",
			c.Mentions, c.Clusters, c.Chains, c.Found, c.Ingest.Stored, rep.Events.MatchedGold)
	}
	// All singletons: MUC 0; B3 recall (1/2+1/2 + 1/2+1/2 + 1)/5, precision 1.
	checkScore(t, "singletons MUC", c.Singletons.MUC, rp{0, 0})
	checkScore(t, "singletons B3", c.Singletons.B3, rp{3.0 / 5, 1})
	// Same lemma joins the two arrests (one topic) and nothing else: the
	// second document's "said" is a report of its own.
	if c.SameLemma.MUC.RecallNum != 1 || c.SameLemma.MUC.RecallDen != 2 {
		t.Errorf("same-lemma MUC = %+v, want recall 1/2", c.SameLemma.MUC)
	}
	if c.SameLemma.CoNLL() <= c.Singletons.CoNLL() {
		t.Errorf("same lemma CoNLL %.1f <= singletons %.1f", c.SameLemma.CoNLL(), c.Singletons.CoNLL())
	}

	var out bytes.Buffer
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"events", "participants", "2 documents", "Cross-document event coreference",
		"storyline", "all singletons", "same lemma*", "within each gold ECB+ topic"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestECBPlusNoCoref(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "1_1ecb.xml"), []byte(ecbFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	csv := "Topic,File,Sentence Number\n1,1ecb,0\n"
	if err := os.WriteFile(filepath.Join(root, ECBSentencesFile), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := ECBPlus(context.Background(), []string{root}, ECBOptions{NoCoref: true})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	if rep.Coref != nil || strings.Contains(out.String(), "coreference") {
		t.Errorf("NoCoref still scored coreference:\n%s", out.String())
	}
}

// TestECBPlusCorefTopics ingests three small ECB+ topics together and
// checks that the coreference figures are sane.
func TestECBPlusCorefTopics(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	data := filepath.Join(ecbSharedData(t), "ecbplus")
	var dirs []string
	for _, topic := range []string{"16", "20", "33"} {
		dirs = append(dirs, filepath.Join(data, topic))
	}
	rep, err := ECBPlus(context.Background(), dirs, ECBOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	c := rep.Coref
	if c == nil || c.Mentions != rep.Events.Gold || c.Ingest.Stored != rep.Documents {
		t.Fatalf("coreference over %+v, want every gold event mention (%d) and document (%d)", c, rep.Events.Gold, rep.Documents)
	}
	if c.Chains < 20 || c.Clusters >= c.Mentions {
		t.Errorf("%d gold chains, %d clusters of %d mentions: chains not read", c.Chains, c.Clusters, c.Mentions)
	}
	// Every gold mention Storyline's extraction finds is found in the store.
	if c.Found != rep.Events.MatchedGold {
		t.Errorf("found %d gold mentions in the store, the mention scorer %d", c.Found, rep.Events.MatchedGold)
	}
	if p := c.Singletons.B3.Precision(); p != 100 {
		t.Errorf("all-singletons B3 precision %.1f, want 100", p)
	}
	if f := c.Singletons.MUC.F1(); f != 0 {
		t.Errorf("all-singletons MUC F1 %.1f, want 0", f)
	}
	if c.SameLemma.CoNLL() < c.Singletons.CoNLL()+10 {
		t.Errorf("same-lemma CoNLL %.1f not well above all-singletons %.1f", c.SameLemma.CoNLL(), c.Singletons.CoNLL())
	}
	if c.Storyline.CoNLL() <= c.Singletons.CoNLL() {
		t.Errorf("Storyline CoNLL %.1f <= all-singletons %.1f", c.Storyline.CoNLL(), c.Singletons.CoNLL())
	}
	for name, m := range map[string]CorefMetrics{"storyline": c.Storyline, "singletons": c.Singletons, "same lemma": c.SameLemma} {
		for _, s := range []CorefScore{m.MUC, m.B3, m.CEAFe} {
			if s.Recall() < 0 || s.Recall() > 100 || s.Precision() < 0 || s.Precision() > 100 {
				t.Errorf("%s: %+v out of range", name, s)
			}
		}
	}
}

func TestECBPlusErrors(t *testing.T) {
	if _, err := ECBPlus(context.Background(), nil, ECBOptions{}); err == nil {
		t.Error("no dirs: want an error")
	}
	empty := t.TempDir()
	if _, err := ECBPlus(context.Background(), []string{empty}, ECBOptions{}); err == nil || !strings.Contains(err.Error(), "no *ecb.xml") {
		t.Errorf("empty dir: err = %v", err)
	}
}

// TestECBPlusTopics scores the mentions of ECB+ topics 1-35 from
// ../shared/data (coreference is tested on three topics, in
// TestECBPlusCorefTopics).
func TestECBPlusTopics(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	data := ecbSharedData(t)
	var verbose bytes.Buffer
	rep, err := ECBPlus(context.Background(), []string{filepath.Join(data, "ecbplus")},
		ECBOptions{Verbose: os.Getenv("ECB_VERBOSE") != "", Out: &verbose, NoCoref: true})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if p := os.Getenv("ECB_VERBOSE"); p != "" {
		if err := os.WriteFile(p, verbose.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if rep.Documents < 700 {
		t.Errorf("read %d documents, want the 772 of topics 1-35", rep.Documents)
	}
	if f := rep.Events.F1(); f < 70 {
		t.Errorf("event mention F1 %.1f < 70 (the target)", f)
	}
	if f := rep.Participants.F1(); f < 76 {
		t.Errorf("participant mention F1 %.1f < 76", f)
	}
}
