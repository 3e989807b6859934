package extract

import (
	"strings"
	"testing"
)

// relStrings renders relations as "type subject object value".
func relStrings(d *Document) []string {
	var out []string
	for _, r := range d.Relations {
		obj := r.Value
		if r.Object >= 0 {
			obj = d.Entities[r.Object].Name
		}
		out = append(out, r.Type+" "+d.Entities[r.Subject].Name+" -> "+obj)
	}
	return out
}

func hasRel(d *Document, want string) bool {
	for _, s := range relStrings(d) {
		if s == want {
			return true
		}
	}
	return false
}

func TestRelationSeed(t *testing.T) {
	d := tseAnnotate(t, readSeed(t, "presstv-obama-putin.txt"), "relation")
	for _, want := range []string{
		"member_of Turkey -> NATO",
		"role Vladimir Putin -> Russia",
		"role Barack Obama -> United States",
		"located_in Le Bourget -> Paris",
		"supports United States -> militants",
		"supports Turkey -> militants",
		"supports Saudi Arabia -> militants",
	} {
		if !hasRel(d, want) {
			t.Errorf("missing %q in %q", want, relStrings(d))
		}
	}
	for _, r := range d.Relations {
		if r.Type == "role" && r.Subject >= 0 && d.Entities[r.Subject].Name == "Vladimir Putin" && r.Value != "President" {
			t.Errorf("Putin role %q", r.Value)
		}
		if !d.Sentences[r.Sentence].Contains(r.Evidence) {
			t.Errorf("%s evidence %v outside sentence %d", r.Type, r.Evidence, r.Sentence)
		}
		if r.Type == "attributed_to" && strings.HasPrefix(r.Value, "President Obama expressed") && d.Entities[r.Subject].Name != "White House" {
			t.Errorf("White House quote attributed to %s", d.Entities[r.Subject].Name)
		}
	}
	var putinClaim bool
	for _, r := range d.Relations {
		if r.Type == "attributed_to" && d.Entities[r.Subject].Name == "Vladimir Putin" && strings.HasPrefix(r.Value, "the aircraft had been attacked") {
			putinClaim = true
		}
	}
	if !putinClaim {
		t.Errorf("Putin's claim not attributed: %q", relStrings(d))
	}
}

func TestRelationRules(t *testing.T) {
	cases := []struct {
		text    string
		want    []string
		notWant []string
	}{
		{"T\n\nAleppo, Syria, was shelled. Finland, a member of NATO, protested.",
			[]string{"located_in Aleppo -> Syria", "member_of Finland -> NATO"}, nil},
		{"T\n\nIran has been arming Hezbollah. Qatar did not fund the rebels.",
			[]string{"supports Iran -> Hezbollah"}, []string{"supports Qatar -> rebels"}},
		{"T\n\nFighting involved US-backed rebels. He accused Iran of supporting Hamas.",
			[]string{"supports United States -> rebels"}, []string{"supports Iran -> Hamas"}},
		{"T\n\n\"We will not allow this,\" Israeli Prime Minister Benjamin Netanyahu said.",
			[]string{"attributed_to Benjamin Netanyahu -> We will not allow this,", "role Benjamin Netanyahu -> Israel"}, nil},
	}
	for _, c := range cases {
		d := tseAnnotate(t, c.text, "relation")
		for _, w := range c.want {
			if !hasRel(d, w) {
				t.Errorf("%q: missing %q in %q", c.text, w, relStrings(d))
			}
		}
		for _, w := range c.notWant {
			if hasRel(d, w) {
				t.Errorf("%q: unexpected %q", c.text, w)
			}
		}
	}
}
