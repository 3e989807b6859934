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
</Markables>
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
}

func TestECBPlusOnFixture(t *testing.T) {
	root := t.TempDir()
	topic := filepath.Join(root, "1")
	if err := os.MkdirAll(topic, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(topic, "1_1ecb.xml"), []byte(ecbFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	// Sentence 2 is not listed, and a held-out topic's row must be ignored.
	csv := "Topic,File,Sentence Number\n1,1ecb,0\n1,1ecb,1\n40,1ecbplus,0\n"
	if err := os.WriteFile(filepath.Join(root, ECBSentencesFile), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	var verbose bytes.Buffer
	rep, err := ECBPlus(context.Background(), []string{topic}, ECBOptions{Verbose: true, Out: &verbose})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 1 || rep.Sentences != 2 {
		t.Errorf("documents %d, sentences %d; want 1, 2", rep.Documents, rep.Sentences)
	}
	if rep.Events.Gold != 3 {
		t.Errorf("event gold = %d, want 3 (unlisted sentence not scored)", rep.Events.Gold)
	}
	if rep.Participants.Gold != 4 {
		t.Errorf("participant gold = %d, want 4", rep.Participants.Gold)
	}
	// arrested, resist and said are verbs any tagger finds.
	if rep.Events.MatchedGold != 3 {
		t.Errorf("events matched %d of 3:\n%s", rep.Events.MatchedGold, verbose.String())
	}
	var out bytes.Buffer
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"events", "participants", "1 documents"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
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

// TestECBPlusTopics scores ECB+ topics 1-35 from ../shared/data.
func TestECBPlusTopics(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	data := ecbSharedData(t)
	var verbose bytes.Buffer
	rep, err := ECBPlus(context.Background(), []string{filepath.Join(data, "ecbplus")}, ECBOptions{Verbose: os.Getenv("ECB_VERBOSE") != "", Out: &verbose})
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
