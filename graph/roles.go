package graph

import (
	"slices"
	"strconv"
	"strings"

	"github.com/storyline/storyline/extract"
)

// Role evidence: how an event mention's participants were found. It is
// stored as one PredRoleEvidence string per event mention, its roles
// separated by "; ", each "ROLE START-END RULE TARGET [COUNTRY]":
//
//	agent 751-769 subject entity/gpe/tr; patient 770-803 object - entity/gpe/ru
//
// START-END are the byte offsets of the words that fill the role in the
// document's text, RULE the extraction rule that gave it (extract.Arg.Rule),
// TARGET the entity's IRI or "-" for an unnamed phrase, COUNTRY the IRI of
// the country a demonym or name in the phrase links it to. A new
// predicate, so readers that do not know it ignore it.

// RoleEvidence is one role of an event mention and how it was found.
type RoleEvidence struct {
	Role  string `json:"role"` // agent, patient or location
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Words is the document's text at [Start, End).
	Words string `json:"words,omitempty"`
	Rule  string `json:"rule,omitempty"`
	// Entity is the entity filling the role; nil for an unnamed phrase.
	Entity  *EntityRef `json:"entity,omitempty"`
	Country *EntityRef `json:"country,omitempty"`
}

// roleEvidence formats the roles of ev for PredRoleEvidence; "" when it
// has none with words. entityIRI maps an entity index to its IRI.
func roleEvidence(ev extract.Event, entityIRI func(int) string) string {
	var parts []string
	add := func(role string, w extract.Span, rule, target string, country *extract.Arg) {
		if w.End <= w.Start {
			return
		}
		if rule == "" {
			rule = "-"
		}
		if target == "" {
			target = "-"
		}
		p := role + " " + strconv.Itoa(w.Start) + "-" + strconv.Itoa(w.End) + " " + rule + " " + target
		if country != nil {
			if c := entityIRI(country.Entity); c != "" {
				p += " " + c
			}
		}
		parts = append(parts, p)
	}
	// A phrase whose words an entity's role already gives ("a Russian
	// Sukhoi Su-24 Fencer jet" -> Sukhoi Su-24) is not listed again.
	type key struct {
		role string
		span extract.Span
	}
	named := map[key]bool{}
	for _, slot := range []struct {
		role string
		args []extract.Arg
	}{{"agent", ev.Agents}, {"patient", ev.Patients}, {"location", ev.Locations}} {
		for _, a := range slot.args {
			if e := entityIRI(a.Entity); e != "" {
				add(slot.role, a.Words, a.Rule, e, a.Country)
				named[key{slot.role, a.Words}] = true
			}
		}
	}
	for _, n := range ev.Nominals {
		if !named[key{n.Role, n.Span}] {
			add(n.Role, n.Span, n.Rule, "", n.Country)
		}
	}
	return strings.Join(parts, "; ")
}

// parseRoleEvidence reads a PredRoleEvidence value, skipping malformed
// parts. ref names an entity IRI; text is the document's text.
func parseRoleEvidence(v string, ref func(string) EntityRef, text storedText) []RoleEvidence {
	var out []RoleEvidence
	for _, part := range strings.Split(v, "; ") {
		f := strings.Fields(part)
		if len(f) < 4 {
			continue
		}
		start, end, ok := parseRange(f[1])
		if !ok {
			continue
		}
		r := RoleEvidence{Role: f[0], Start: start, End: end, Words: text.slice(start, end)}
		if f[2] != "-" {
			r.Rule = f[2]
		}
		if f[3] != "-" {
			e := ref(f[3])
			r.Entity = &e
		}
		if len(f) > 4 {
			c := ref(f[4])
			r.Country = &c
		}
		out = append(out, r)
	}
	return out
}

// roleEvidenceIRIs lists the entity IRIs a PredRoleEvidence value names.
func roleEvidenceIRIs(v string) []string {
	var out []string
	for _, part := range strings.Split(v, "; ") {
		f := strings.Fields(part)
		for i := 3; i < len(f) && i < 5; i++ {
			if f[i] != "-" {
				out = append(out, f[i])
			}
		}
	}
	return out
}

// appendNew appends the strings of add that list does not hold yet.
func appendNew(list []string, add ...string) []string {
	for _, a := range add {
		if !slices.Contains(list, a) {
			list = append(list, a)
		}
	}
	return list
}
