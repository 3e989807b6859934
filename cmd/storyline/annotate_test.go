package main

import (
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestAnnotateJSON(t *testing.T) {
	out := mustCLI(t, "annotate", seedOriginal)
	var a annotation
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("annotate JSON: %v", err)
	}
	text := readFile(t, seedOriginal)
	if a.DCT.Value != "2015-11-30" || a.DCT.Source != "caption" {
		t.Errorf("dct = %+v, want 2015-11-30 from a caption", a.DCT)
	}
	if len(a.DCT.Rejected) == 0 || a.DCT.Rejected[0].Value != "2019-03-08" {
		t.Errorf("dct.rejected = %+v, want the 2019-03-08 caption first", a.DCT.Rejected)
	}
	if a.Headline != "Obama urges Putin to de-escalate tensions with Turkey" {
		t.Errorf("headline = %q", a.Headline)
	}
	// Every offset points into the input bytes.
	for _, s := range a.Sentences {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence [%d,%d) is not %q", s.Start, s.End, s.Text)
		}
	}
	values := map[string]string{}
	for _, x := range a.Timexes {
		if text[x.Start:x.End] != x.Text {
			t.Errorf("timex [%d,%d) is not %q", x.Start, x.End, x.Text)
		}
		values[x.Text] = x.Value
	}
	for txt, want := range map[string]string{
		"November 24": "2015-11-24", "Monday": "2015-11-30", "September 30": "2015-09-30",
		"February": "2015-02", "1991": "1991", "more than four years": "P4Y",
	} {
		if values[txt] != want {
			t.Errorf("timex %q = %q, want %q", txt, values[txt], want)
		}
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention [%d,%d) is not %q", m.Start, m.End, m.Text)
			}
		}
	}
	found := false
	for _, ev := range a.Events {
		if text[ev.Trigger.Start:ev.Trigger.End] != ev.Trigger.Text {
			t.Errorf("event trigger [%d,%d) is not %q", ev.Trigger.Start, ev.Trigger.End, ev.Trigger.Text)
		}
		if ev.Trigger.Text == "shot down" && ev.Class == "attack" && ev.Time != nil && ev.Time.Value == "2015-11-24" &&
			len(ev.Agents) > 0 && ev.Agents[0].Name == "Turkey" {
			found = true
			// Role evidence: the words that fill the role, in the input
			// bytes, and the rule that found them.
			if w := ev.Agents[0].Words; w == nil || w.Text != "NATO member Turkey" || text[w.Start:w.End] != w.Text || ev.Agents[0].Rule != "subject" {
				t.Errorf("shot down: agent words %+v rule %q, want \"NATO member Turkey\" by subject", w, ev.Agents[0].Rule)
			}
		}
		if ev.Trigger.Text == "saved" {
			var got []string
			for _, n := range ev.Nominals {
				got = append(got, n.Role+":"+n.Text+":"+n.Rule+":"+n.CountryName)
			}
			if want := "agent:Syrian forces:passive-by:Syria, patient:the second:passive-subject:"; strings.Join(got, ", ") != want {
				t.Errorf("saved: nominals %q, want %q", strings.Join(got, ", "), want)
			}
		}
	}
	if !found {
		t.Error("no attack event 'shot down' by Turkey dated 2015-11-24")
	}
	if len(a.Relations) == 0 {
		t.Error("no relations")
	}
}

func TestAnnotateNoDateKeepsUnknownYear(t *testing.T) {
	out := mustCLI(t, "annotate", seedCopy)
	var a annotation
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.DCT.Value != "" || a.DCT.Source != "unknown" {
		t.Errorf("dct = %+v, want unknown", a.DCT)
	}
	for _, x := range a.Timexes {
		if x.Text == "November 24" && x.Value != "XXXX-11-24" {
			t.Errorf("November 24 = %q with no article date, want XXXX-11-24", x.Value)
		}
	}
	// --dct gives the context.
	out = mustCLI(t, "annotate", "--dct", "2015-11-30", seedCopy)
	if !strings.Contains(out, `"value": "2015-11-24"`) {
		t.Error("with --dct 2015-11-30, November 24 does not resolve to 2015-11-24")
	}
}

func TestAnnotateTimeML(t *testing.T) {
	out := mustCLI(t, "annotate", "--format", "timeml", seedOriginal)
	if err := xml.Unmarshal([]byte(out), new(struct{})); err != nil {
		t.Fatalf("TimeML output does not parse: %v", err)
	}
	if !strings.Contains(out, `functionInDocument="CREATION_TIME">2015-11-30</TIMEX3></DCT>`) {
		t.Error("no DCT 2015-11-30 in the TimeML output")
	}
	if !strings.Contains(out, `value="2015-11-24"`) {
		t.Error("November 24 is not tagged 2015-11-24")
	}
	// The text between <TEXT> and </TEXT>, tags removed and entities
	// unescaped, is the input unchanged.
	body := out[strings.Index(out, "<TEXT>")+len("<TEXT>") : strings.LastIndex(out, "</TEXT>")]
	body = regexp.MustCompile(`</?TIMEX3[^>]*>`).ReplaceAllString(body, "")
	body = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&apos;", "'").Replace(body)
	if body != readFile(t, seedOriginal) {
		t.Error("the TimeML text with its tags removed is not the input")
	}
}

func TestAnnotateHTML(t *testing.T) {
	out := mustCLI(t, "annotate", "../../testdata/input/presstv-obama-putin.html")
	var a annotation
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.DCT.Source != "metadata" || a.DCT.Value != "2015-11-30" {
		t.Errorf("HTML page dct = %+v, want 2015-11-30 from metadata", a.DCT)
	}
	if a.Headline != "Obama urges Putin to de-escalate tensions with Turkey" {
		t.Errorf("HTML page headline = %q", a.Headline)
	}
}

// A JSON Lines file is annotated line by line: a broken line is reported
// and the others printed (exit 3); a file with no article exits 4.
func TestAnnotateBadLines(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	writeFile(t, feed, "{\"text\": \"Turkey shot down a Russian jet on Tuesday.\"}\n{\"text\": 1}\n{\"text\": \"Putin warned Turkey.\"}\n")
	stdout, stderr, code := runMain(t, "", "annotate", feed)
	if code != exitSomeFailed || strings.Count(stdout, "\"time_anchor\"") != 2 {
		t.Errorf("exit %d, %d articles printed, want %d and 2", code, strings.Count(stdout, "\"time_anchor\""), exitSomeFailed)
	}
	if !strings.Contains(stderr, "feed.jsonl:2: \"text\" is not a string") || !strings.Contains(stderr, "annotate: 1 inputs failed") {
		t.Errorf("stderr:\n%s", stderr)
	}
	stdout, stderr, code = runMain(t, "", "annotate", filepath.Join(badDir, "empty.txt"))
	if code != exitNoInput || stdout != "" || !strings.Contains(stderr, "empty.txt: empty file") {
		t.Errorf("an empty file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
