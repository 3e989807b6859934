package extract

import (
	"context"
	"testing"
)

func TestOutletFromText(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"seed original", readSeed(t, "presstv-obama-putin.txt"), "Press TV"},
		{"seed copy", readSeed(t, "peoplesvoice-copy-obama-putin.txt"), "The People's Voice"},
		{"wire dateline", "Storm hits coast\n\nMIAMI (Reuters) - A storm hit the coast on Tuesday, officials said.\n", "Reuters"},
		{"copyright", "Storm hits coast\n\nA storm hit the coast on Tuesday, officials said.\n\n© 2024 Gulf Daily News\n", "Gulf Daily News"},
		{"none", "Storm hits coast\n\nA storm hit the coast on Tuesday, officials said.\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := p.AnnotateUntil(context.Background(), Input{Name: tc.name, Text: tc.text}, "outlet")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source != tc.want {
				t.Errorf("Source = %q, want %q", doc.Source, tc.want)
			}
		})
	}
	// An outlet given with the input wins.
	doc, err := p.AnnotateUntil(context.Background(), Input{Name: "given", Source: "Al Jazeera", Text: readSeed(t, "presstv-obama-putin.txt")}, "outlet")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source != "Al Jazeera" {
		t.Errorf("Source = %q, want the given Al Jazeera", doc.Source)
	}
}
