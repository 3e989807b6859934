package extract

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

func tseAnnotate(tb testing.TB, text, until string) *Document {
	tb.Helper()
	p, err := New()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	d, err := p.AnnotateUntil(context.Background(), Input{Name: "test", Text: text}, until)
	if err != nil {
		tb.Fatalf("AnnotateUntil: %v", err)
	}
	return d
}

func sentenceTexts(d *Document) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Text[s.Start:s.End])
	}
	return out
}

// checkTextInvariants verifies spans, token ranges and sentence indexes.
func checkTextInvariants(t *testing.T, d *Document) {
	t.Helper()
	prevEnd := 0
	for i, s := range d.Sentences {
		if s.Start < prevEnd || s.End > len(d.Text) || s.Start >= s.End {
			t.Fatalf("sentence %d span %v out of order (prev end %d)", i, s.Span, prevEnd)
		}
		prevEnd = s.End
		if s.FirstToken >= s.EndToken || s.EndToken > len(d.Tokens) {
			t.Fatalf("sentence %d token range [%d,%d)", i, s.FirstToken, s.EndToken)
		}
		for k := s.FirstToken; k < s.EndToken; k++ {
			tok := d.Tokens[k]
			if tok.Sentence != i || !s.Contains(tok.Span) {
				t.Fatalf("token %d %q not in sentence %d", k, tok.Text, i)
			}
		}
	}
	for k, tok := range d.Tokens {
		if d.Text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d text %q != text at span %q", k, tok.Text, d.Text[tok.Start:tok.End])
		}
		if !utf8.RuneStart(d.Text[tok.Start]) || (tok.End < len(d.Text) && !utf8.RuneStart(d.Text[tok.End])) {
			t.Fatalf("token %d %q not on rune boundaries", k, tok.Text)
		}
		if tok.Tag == "" {
			t.Fatalf("token %d %q untagged", k, tok.Text)
		}
	}
}

func TestTextSeedPressTV(t *testing.T) {
	d := tseAnnotate(t, readSeed(t, "presstv-obama-putin.txt"), "text")
	checkTextInvariants(t, d)
	if got := d.Text[d.Headline.Start:d.Headline.End]; got != "Obama urges Putin to de-escalate tensions with Turkey" {
		t.Errorf("headline = %q", got)
	}
	kinds := map[string]SentenceKind{}
	for _, s := range d.Sentences {
		kinds[d.Text[s.Start:s.End]] = s.Kind
	}
	find := func(prefix string) (string, SentenceKind) {
		for txt, k := range kinds {
			if strings.HasPrefix(txt, prefix) {
				return txt, k
			}
		}
		t.Fatalf("no sentence starts with %q; sentences: %q", prefix, sentenceTexts(d))
		return "", ""
	}
	for prefix, want := range map[string]SentenceKind{
		"Obama urges Putin":                    KindHeadline,
		"US Rep. Ilhan Omar (D-MN) (L)":        KindCaption,
		"Russian President Vladimir Putin (L)": KindCaption,
		"US President Barack Obama held":       KindBody,
		"On November 24, NATO member":          KindBody,
		"Press TV’s website can also be":       KindBoilerplate,
		"Press TV News Roku":                   KindBoilerplate,
		"Moscow says Washington":               KindBody,
	} {
		if _, k := find(prefix); k != want {
			t.Errorf("%q: kind %s, want %s", prefix, k, want)
		}
	}
	// "Rep." and "H.R." do not end the caption sentence.
	if txt, _ := find("US Rep."); !strings.Contains(txt, "Washington, DC.") {
		t.Errorf("caption split too early: %q", txt)
	}
	// The quote with a closing mark after the period stays one sentence.
	if txt, _ := find("He warned of"); !strings.HasSuffix(txt, `terrorists."`) {
		t.Errorf("quote sentence = %q", txt)
	}
	// The line break after the subheading ends it.
	if txt, _ := find("US can roll back"); txt != "US can roll back Russia sanctions" {
		t.Errorf("subheading = %q", txt)
	}
	if n := len(d.Sentences); n != 27 {
		t.Errorf("%d sentences, want 27: %q", n, sentenceTexts(d))
	}
}

func TestTextSeedPeoplesVoice(t *testing.T) {
	d := tseAnnotate(t, readSeed(t, "peoplesvoice-copy-obama-putin.txt"), "text")
	checkTextInvariants(t, d)
	want := map[string]SentenceKind{
		"Obama Has Emergency Talks With Putin About Escalating Tension": KindHeadline,
		"Fact checked by The People's Voice Community":                  KindByline,
		"Presstv.ir reports:":                     KindBoilerplate,
		"Sean Adl-Tabatabai":                      KindByline,
		"About Sean Adl-Tabatabai 17785 Articles": KindBoilerplate,
		"Knight of Joseon (https://joseon.com)":   KindBoilerplate,
	}
	seen := 0
	for _, s := range d.Sentences {
		txt := d.Text[s.Start:s.End]
		if k, ok := want[txt]; ok {
			seen++
			if s.Kind != k {
				t.Errorf("%q: kind %s, want %s", txt, s.Kind, k)
			}
		}
		if strings.Contains(txt, "Sean") && s.Kind == KindBody {
			t.Errorf("author biography sentence is body: %q", txt)
		}
		if strings.HasPrefix(txt, "The Russian government confirmed") && s.Kind != KindBody {
			t.Errorf("last story sentence is %s", s.Kind)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of %d expected sentences: %q", seen, len(want), sentenceTexts(d))
	}
}

func TestTextSentenceSplitting(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"abbreviations",
			"Headline\n\nSen. John Smith met Gov. Ann Lee and Dr. Ray Wu of Acme Inc. in the U.S. capital on Jan. 5. The U.S. Senate voted. Later they left the U.S. They flew home.",
			[]string{"Headline", "Sen. John Smith met Gov. Ann Lee and Dr. Ray Wu of Acme Inc. in the U.S. capital on Jan. 5.", "The U.S. Senate voted.", "Later they left the U.S.", "They flew home."}},
		{"month abbreviations before numbers",
			"Headline\n\nThe vote is on Sept. 30 in Paris. It was set on Jan. 5 and moved on Aug. 12, 2015. Talks began in Dec. 2014. He left in Sept. The talks failed.",
			[]string{"Headline", "The vote is on Sept. 30 in Paris.", "It was set on Jan. 5 and moved on Aug. 12, 2015.", "Talks began in Dec. 2014.", "He left in Sept.", "The talks failed."}},
		{"initials",
			"Headline\n\nAuthor J. K. Rowling spoke to George W. Bush. He listened.",
			[]string{"Headline", "Author J. K. Rowling spoke to George W. Bush.", "He listened."}},
		{"dateline",
			"Headline\n\nPARIS (Reuters) - France said on Monday it would act. Officials agreed.",
			[]string{"Headline", "PARIS (Reuters) - France said on Monday it would act.", "Officials agreed."}},
		{"quotes",
			"Headline\n\n\"We will win,\" he said. “Never!” she shouted. 'Why?' he asked quietly.",
			[]string{"Headline", "\"We will win,\" he said.", "“Never!” she shouted.", "'Why?' he asked quietly."}},
		{"line breaks end sentences",
			"Big news today\nBy Jane Doe\nThe minister resigned\nShe gave no reason.",
			[]string{"Big news today", "By Jane Doe", "The minister resigned", "She gave no reason."}},
		{"hard-wrapped paragraph",
			"Headline\n\nThe finance minister said on Tuesday that the new budget\nwould cut spending on defence by ten percent over the\nnext three years, a move critics called reckless. The\nopposition vowed to fight it.",
			[]string{"Headline", "The finance minister said on Tuesday that the new budget\nwould cut spending on defence by ten percent over the\nnext three years, a move critics called reckless.", "The\nopposition vowed to fight it."}},
		{"list items",
			"Headline\n\nThe plan has three parts:\n- lower taxes\n- more police\n- new schools",
			[]string{"Headline", "The plan has three parts:", "- lower taxes", "- more police", "- new schools"}},
		{"url and ellipsis",
			"Headline\n\nSee www.example.com/a.b for details... Then it ended.",
			[]string{"Headline", "See www.example.com/a.b for details...", "Then it ended."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := tseAnnotate(t, c.text, "text")
			checkTextInvariants(t, d)
			got := sentenceTexts(d)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("sentences\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestTextKinds(t *testing.T) {
	text := "Storm hits coast\n\nBy Maria Lopez and Tom Hill, BBC News\n\n" +
		"A man walks past a flooded street in Miami on Sunday. (Photo: Joe Raedle/Getty Images)\n\n" +
		"The storm made landfall on Sunday. By the end of the day, thousands had fled.\n\n" +
		"Read more: How storms are named\n\n" +
		"Officials said the damage was severe and that rebuilding would take years.\n\n" +
		"Follow us on Twitter\n\nSome later paragraph of links\n\n© 2024 Example News. All rights reserved."
	d := tseAnnotate(t, text, "text")
	checkTextInvariants(t, d)
	want := map[string]SentenceKind{
		"Storm hits coast":                           KindHeadline,
		"By Maria Lopez and Tom Hill, BBC News":      KindByline,
		"The storm made landfall on Sunday.":         KindBody,
		"By the end of the day, thousands had fled.": KindBody,
		"Read more: How storms are named":            KindBoilerplate,
		"Follow us on Twitter":                       KindBoilerplate,
		"Some later paragraph of links":              KindBoilerplate,
	}
	for _, s := range d.Sentences {
		txt := d.Text[s.Start:s.End]
		if strings.HasPrefix(txt, "A man walks past") && s.Kind != KindCaption {
			t.Errorf("%q: kind %s, want caption", txt, s.Kind)
		}
		if k, ok := want[txt]; ok {
			if s.Kind != k {
				t.Errorf("%q: kind %s, want %s", txt, s.Kind, k)
			}
			delete(want, txt)
		}
	}
	if len(want) > 0 {
		t.Errorf("sentences not found: %v in %q", want, sentenceTexts(d))
	}
}

func TestLemma(t *testing.T) {
	cases := []struct{ word, tag, want string }{
		{"shot", "VBD", "shoot"}, {"met", "VBD", "meet"}, {"urged", "VBD", "urge"},
		{"airstrikes", "NNS", "airstrike"}, {"Killed", "VBN", "kill"}, {"stopped", "VBD", "stop"},
		{"tried", "VBD", "try"}, {"voted", "VBD", "vote"}, {"visited", "VBD", "visit"},
		{"announced", "VBD", "announce"}, {"urging", "VBG", "urge"}, {"meeting", "NN", "meeting"},
		{"downed", "VBD", "down"}, {"says", "VBZ", "say"}, {"countries", "NNS", "country"},
		{"crises", "NNS", "crisis"}, {"talks", "VBZ", "talk"}, {"fled", "VBD", "flee"},
		{"created", "VBN", "create"}, {"planning", "VBG", "plan"}, {"the", "DT", ""},
		{"Putin", "NNP", "putin"}, {"declined", "VBD", "decline"}, {"joined", "VBD", "join"},
	}
	for _, c := range cases {
		if got := Lemma(c.word, c.tag); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.word, c.tag, got, c.want)
		}
	}
}

func TestTextRobustness(t *testing.T) {
	for _, text := range []string{"", "\n\n  \n", "x", "Ünïcödé headline\u00a0\n\n\xff\xfe broken bytes. Ok.", "...", "\"\n\"", "A.\nB."} {
		d := tseAnnotate(t, text, "text")
		checkTextInvariants(t, d)
	}
}

// benchStages runs the pipeline up to stage last (cumulatively) over the
// BBC articles and reports throughput in MB/s. BenchmarkStages in
// bench_test.go times each stage on its own.
func benchStages(b *testing.B, last string) {
	texts, total := bbcCorpus(b)
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, txt := range texts {
			if _, err := p.AnnotateUntil(ctx, Input{Text: txt}, last); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// cueCases are lines each cue regexp matches, one or more per alternative,
// in assorted letter cases.
var cueCases = []string{
	// captionRE
	"Troops on patrol (Photo by AFP)", "The minister (file picture) spoke", "(L to R) Obama, Putin",
	"Putin (R) and Obama (2nd L)", "A crowd (Centre)", "PHOTOGRAPH BY John Doe", "Getty Images",
	"Reuters/Stringer", "AP Photo", "Caption: the scene", "Credit : EPA", "a file photo of the site",
	"Pictured: the scene", "(Photo: Joe Raedle)", "Crowds (video still)", "(top)", "A ship (bacK)",
	// tailRE
	"Press TV’s website can also be accessed at the following alternate addresses",
	"About Sean Adl-Tabatabai 17785 Articles", "© 2024 Example News", "Copyright 2015 X",
	"(c) 2015 Example", "Follow us on Twitter", "FOLLOW US", "Share this:", "Share on Facebook",
	"Subscribe", "Sign up now", "Related articles", "You might also like", "More from BBC",
	"Leave a Reply", "12 comments", "Comments", "Tags: war", "Filed under: news", "The Author",
	"All Rights Reserved.", "ſubscribe",
	// lineBoilerRE
	"Read more: How storms are named", "Also read: this", "READ NEXT", "Click here to vote",
	"Advertisement", "Sponsored content", "Watch: the video", "Listen : now", "See: below",
	"Related: more", "Download our app today", "Get our Newsletter", "Presstv.ir reports:",
	"Press TV writes:", "Send us your pictures", "Contact us", "Email: a@b.c", "Tel: 123",
	"This article was first published on Monday", "This story first appeared in print originally",
	// urlRE
	"https://example.com/a", "see WWW.example.com",
}

// TestCuePrefilterExact checks that the cue prefilters never rule out a
// line their regexp matches: on the cases above, the seeds and every line
// and sentence of the BBC corpus when present.
func TestCuePrefilterExact(t *testing.T) {
	type pair struct {
		name string
		re   interface{ MatchString(string) bool }
		may  func(*cueText) bool
	}
	pairs := []pair{
		{"caption", captionRE, (*cueText).mayCaption},
		{"tail", tailRE, (*cueText).mayTail},
		{"lineBoiler", lineBoilerRE, (*cueText).mayLineBoiler},
		{"url", urlRE, (*cueText).mayURL},
	}
	var cue cueText
	check := func(s string) (matched int) {
		cue.reset(s)
		for _, p := range pairs {
			if p.re.MatchString(s) {
				matched++
				if !p.may(&cue) {
					t.Errorf("%s prefilter rules out %q, which its regexp matches", p.name, s)
				}
			}
		}
		return matched
	}
	for _, s := range cueCases {
		if check(s) == 0 {
			t.Errorf("no cue regexp matches test case %q", s)
		}
	}
	lines := strings.Split(readSeed(t, "presstv-obama-putin.txt")+"\n"+readSeed(t, "peoplesvoice-copy-obama-putin.txt"), "\n")
	for _, l := range lines {
		check(strings.TrimSpace(l))
	}
	if testing.Short() {
		return
	}
	texts, _ := bbcCorpus(t)
	passed, total := 0, 0
	for _, txt := range texts {
		for _, l := range strings.Split(txt, "\n") {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			check(l)
			total++
			cue.reset(l)
			if cue.mayCaption() || cue.mayTail() || cue.mayLineBoiler() {
				passed++
			}
		}
	}
	// The prefilter is only worth having if it spares most lines.
	if passed*4 > total {
		t.Errorf("prefilters let %d of %d BBC lines through to the regexps", passed, total)
	}
	t.Logf("prefilters let %d of %d BBC lines through", passed, total)
}

// TestPerceptronMatchesProse holds the text stage's tagger to prose's
// tag.Tagger with the same lexicon: the same tag for every token of the
// seeds, of odd tokens prose treats specially and (unless -short) of every
// sentence of the BBC corpus.
func TestPerceptronMatchesProse(t *testing.T) {
	ref, err := tag.New(tag.WithLexicon(tag.Lexicon(textLexicon)))
	if err != nil {
		t.Fatal(err)
	}
	p, err := perceptronModel()
	if err != nil {
		t.Fatal(err)
	}
	var scratch tagScratch
	tokenizer := tokenize.New()
	sentences, tokens, diffs := 0, 0, 0
	compare := func(sent []tokenize.Token) {
		a := append([]tokenize.Token(nil), sent...)
		b := append([]tokenize.Token(nil), sent...)
		ref.TagTokens(a)
		p.tagTokens(b, &scratch)
		sentences++
		tokens += len(a)
		for i := range a {
			if a[i].Tag != b[i].Tag {
				diffs++
				if diffs <= 10 {
					t.Errorf("token %q in %q: tag %s, prose %s", a[i].Text, a[0].Text+"…", b[i].Tag, a[i].Tag)
				}
			}
		}
	}
	words := func(s string) []tokenize.Token {
		var out []tokenize.Token
		for _, w := range strings.Fields(s) {
			out = append(out, tokenize.Token{Text: w})
		}
		return out
	}
	for _, s := range []string{
		"He said - :-) and @anna ( *T*-2 0 * -LRB- -RRB- ) 1999 -5 +123 mid-term ¯\\(ツ)/¯ o_O",
		"“ Quote ” ‘ single ’ \" Putin ’s — – He 's ÜBER Straße İstanbul",
		"", "x", "The The The The",
	} {
		compare(words(s))
	}
	texts := []string{readSeed(t, "presstv-obama-putin.txt"), readSeed(t, "peoplesvoice-copy-obama-putin.txt")}
	if !testing.Short() {
		bbc, _ := bbcCorpus(t)
		texts = append(texts, bbc...)
	}
	for _, txt := range texts {
		d := tseAnnotate(t, txt, "text")
		for _, s := range d.Sentences {
			sent := make([]tokenize.Token, 0, s.EndToken-s.FirstToken)
			for _, tk := range d.Tokens[s.FirstToken:s.EndToken] {
				sent = append(sent, tokenize.Token{Text: tk.Text, Start: tk.Start})
			}
			compare(sent)
		}
	}
	// Whole lines of the seeds as prose tokenizes them: another
	// segmentation, with headlines and captions run together.
	for _, txt := range texts[:2] {
		for _, l := range strings.Split(txt, "\n") {
			compare(tokenizer.Tokenize(l))
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d tokens tagged differently", diffs, tokens)
	}
	if tokens < 100 {
		t.Errorf("only %d tokens compared", tokens)
	}
	t.Logf("%d sentences, %d tokens compared", sentences, tokens)
}

// TestTokenizeMatchesProse holds proseTokenize to prose's tokenizer on odd
// strings, generated strings of the characters its rules care about, the
// seeds and (unless -short) every BBC article.
func TestTokenizeMatchesProse(t *testing.T) {
	ref := tokenize.New()
	diffs := 0
	compare := func(s string) {
		want, got := ref.Tokenize(s), proseTokenize(s, nil)
		if len(want) == len(got) {
			same := true
			for i := range want {
				same = same && want[i].Text == got[i].Text && want[i].Start == got[i].Start
			}
			if same {
				return
			}
		}
		diffs++
		if diffs <= 5 {
			t.Errorf("tokenizing %.80q:\n got %v\nwant %v", s, got, want)
		}
	}
	for _, s := range []string{
		"", " ", "  a  ", "\tU.S. Mr. Gen. e.g. A.B.C. a.b Mrs. MRS. Abc. x.y.z.",
		"they'll don't It’s won’t 's 'S N'T can'T n't rock'n'roll '''", "($5.3bn) [sic] “quoted,” ‘this’ \"x\".",
		":-) (-_-) ¯\\(ツ)/¯ :-)) o_O. 8-) (:", "end.\" \"start it!?\" ...\n\nnew\u00a0nbsp\u2003em \xff\xfe bad",
		"(((x))) $$ \"\" ““ ‘‘a’’ ,,,, a,b,c ?!?! (c) (L) Washington, DC.",
	} {
		compare(s)
	}
	parts := []string{"a", "B", "x", "Mr", "U", ".", ",", "'", "’", "\"", "“", "”", "‘", "(", ")", "[", "]", "$", "!", "?", ":", ";",
		"s", "ll", "n't", "n’t", "re", "m", " ", "  ", "\n", "\u00a0", "-", ":-)", "(-_-)", "é", "\xff", "0", "7"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var sb strings.Builder
		for range 1 + rng.IntN(12) {
			sb.WriteString(parts[rng.IntN(len(parts))])
		}
		compare(sb.String())
	}
	compare(readSeed(t, "presstv-obama-putin.txt"))
	compare(readSeed(t, "peoplesvoice-copy-obama-putin.txt"))
	if !testing.Short() {
		texts, _ := bbcCorpus(t)
		for _, txt := range texts {
			compare(txt)
		}
	}
	if diffs > 0 {
		t.Errorf("%d texts tokenized differently", diffs)
	}
}

// Text with no sentence punctuation is cut into sentences of at most
// maxSentenceTokens tokens, at a comma where there is one, so that the
// stages that look across a sentence stay linear.
func TestOverlongSentencesAreCut(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Headline\n\n" + strings.Repeat("Obama met Putin in Paris, and Turkey attacked Russia ", 200) + "\n"
	doc, err := p.AnnotateUntil(context.Background(), Input{Name: "long", Text: text}, "text")
	if err != nil {
		t.Fatal(err)
	}
	if got := text[doc.Headline.Start:doc.Headline.End]; got != "Headline" {
		t.Errorf("headline %q", got)
	}
	if len(doc.Sentences) < 10 {
		t.Fatalf("%d sentences from 2,000 unpunctuated tokens", len(doc.Sentences))
	}
	for i, s := range doc.Sentences {
		if n := s.EndToken - s.FirstToken; n > maxSentenceTokens {
			t.Errorf("sentence %d has %d tokens", i, n)
		}
		if i > 0 && i < len(doc.Sentences)-1 && doc.Tokens[s.EndToken-1].Text != "," {
			t.Errorf("sentence %d ends at %q, not at a comma", i, doc.Tokens[s.EndToken-1].Text)
		}
	}
	// A first line too long to be a headline keeps only its first part
	// as the headline.
	doc, err = p.AnnotateUntil(context.Background(), Input{Name: "long", Text: strings.Repeat("word ", 1000)}, "text")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Sentences[0].Kind != KindHeadline || doc.Sentences[1].Kind != KindBody || doc.Headline != doc.Sentences[0].Span {
		t.Errorf("overlong first line: kinds %s, %s; headline %v, first sentence %v", doc.Sentences[0].Kind, doc.Sentences[1].Kind, doc.Headline, doc.Sentences[0].Span)
	}
}
