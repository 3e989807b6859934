package extract

import (
	"fmt"
	"strings"
	"testing"
)

// roleFillers lists the fillers of role in ev as "words (rule)": entity
// arguments by their words, unnamed phrases by their text, each with the
// country link after a slash when there is one.
func roleFillers(d *Document, ev *Event, role string) []string {
	var out []string
	country := func(c *Arg) string {
		if c == nil || c.Entity < 0 || c.Entity >= len(d.Entities) {
			return ""
		}
		return "/" + d.Entities[c.Entity].Name
	}
	var args []Arg
	switch role {
	case "agent":
		args = ev.Agents
	case "patient":
		args = ev.Patients
	case "location":
		args = ev.Locations
	}
	for _, a := range args {
		out = append(out, fmt.Sprintf("%s (%s)%s", d.Text[a.Words.Start:a.Words.End], a.Rule, country(a.Country)))
	}
	for _, n := range ev.Nominals {
		if n.Role == role {
			out = append(out, fmt.Sprintf("%s (%s)%s", n.Text, n.Rule, country(n.Country)))
		}
	}
	return out
}

// TestClauseRoles checks each clause rule on a short text of its own:
// the words that fill the role, the rule that found them and the country
// link. want lists every filler of the role; an empty want means none.
func TestClauseRoles(t *testing.T) {
	p := evPipeline(t)
	cases := []struct {
		name, text, trigger, role string
		want                      []string
	}{
		{"subject", "Strike\n\nIsraeli jets bombed a warehouse in Gaza on Monday.", "bombed", "agent",
			[]string{"Israeli jets (subject)/Israel"}},
		{"object with country", "Strike\n\nA missile hit a Russian warplane on Monday.", "hit", "patient",
			[]string{"a Russian warplane (object)/Russia"}},
		{"locative place", "Strike\n\nIsraeli jets bombed a warehouse in Gaza on Monday.", "bombed", "location",
			[]string{"Gaza (locative-in)"}},
		{"passive by", "Crash\n\nThe convoy was attacked by gunmen near Kabul.", "attacked", "agent",
			[]string{"gunmen (passive-by)"}},
		{"passive subject", "Crash\n\nThe convoy was attacked by gunmen near Kabul.", "attacked", "patient",
			[]string{"The convoy (passive-subject)"}},
		{"demonym victim", "Raid\n\nGunmen killed two French soldiers in Mali.", "killed", "patient",
			[]string{"two French soldiers (object)/France"}},
		{"for-subject", "Talks\n\nMerkel said it was time for Greece to repay the loans.", "repay", "agent",
			[]string{"Greece (for-subject)"}},
		{"control object", "Talks\n\nMerkel urged Tsipras to accept the offer.", "accept", "agent",
			[]string{"Tsipras (control-object)"}},
		{"raising", "Markets\n\nTraders seemed to welcome the decision.", "welcome", "agent",
			[]string{"Traders (raising-subject)"}},
		{"reporting verb: no patient from the clause", "Talks\n\nThe minister said the talks had collapsed in Geneva.", "said", "patient",
			nil},
		{"reporting verb: no place from the clause", "Talks\n\nThe minister said the talks had collapsed in Geneva.", "said", "location",
			nil},
		{"aside", "Deal\n\nThe company, which employs 500 people in Ohio, announced the sale.", "announced", "agent",
			[]string{"The company (subject)"}},
		{"relative antecedent", "Arrest\n\nPolice found a man who had robbed the bank.", "robbed", "agent",
			[]string{"a man (subject)"}},
		{"office modifier is no participant", "Talks\n\nA State Department official criticized the plan.", "criticized", "agent",
			[]string{"A State Department official (subject)/US State Department"}},
		{"unaccusative", "Storm\n\nThree fishermen drowned near the coast.", "drowned", "patient",
			[]string{"Three fishermen (unaccusative-subject)"}},
		{"unnamed place", "Storm\n\nThree fishermen drowned near the coast.", "drowned", "location",
			[]string{"the coast (locative-near)"}},
		{"prepositional object is no patient", "Warning\n\nThe ministry warned of further attacks.", "warned", "patient",
			nil},
		{"coordinated objects", "Attack\n\nThe blast killed a soldier and a policeman.", "killed", "patient",
			[]string{"a soldier (object)", "a policeman (object)"}},
		{"place in a participant's phrase", "Fraud\n\nA Boston man defrauded investors.", "defrauded", "location",
			nil},
		{"coordinated passive", "Law\n\nThe new law will ban smoking and is expected by doctors to save lives.", "expected", "patient",
			[]string{"The new law (coordinated-subject)"}},
		{"complement subject with a prepositional phrase", "Vote\n\nThe parties say the future of the mine should be decided locally.", "say", "patient",
			nil},
		{"prenominal participle", "Markets\n\nInvestors fear inflation and soaring prices.", "soaring", "patient",
			[]string{"prices (modified-noun)"}},
		{"participle clause after a comma", "Protest\n\nThe army fired on the crowd, sparking protests.", "sparking", "agent",
			[]string{"The army (coordinated-subject)"}},
		{"gerund under a passive", "Award\n\nThe engineer was praised for rescuing the miners.", "rescuing", "agent",
			[]string{"The engineer (control-object)"}},
		{"control verb with no object", "Award\n\nThe charity helped to rebuild the school.", "rebuild", "agent",
			[]string{"The charity (control-subject)"}},
		{"possessive of a nominal trigger", "Jet\n\nTurkey's downing of the jet angered Moscow.", "downing", "agent",
			[]string{"Turkey (possessive)"}},
		{"of-complement of a nominal trigger", "Jet\n\nTurkey's downing of the jet angered Moscow.", "downing", "patient",
			[]string{"the jet (nominal-of)"}},
		{"by-phrase of a nominal trigger", "Mayor\n\nThe arrest of the mayor by federal agents shocked the city.", "arrest", "agent",
			[]string{"federal agents (nominal-by)"}},
		{"of-complement before a by-phrase", "Mayor\n\nThe arrest of the mayor by federal agents shocked the city.", "arrest", "patient",
			[]string{"the mayor (nominal-of)"}},
		{"participle clause shares the place", "Blast\n\nA bomb exploded in Kabul, killing two soldiers.", "killing", "location",
			[]string{"Kabul (shared-place)"}},
		{"opening locative phrase", "Talks\n\nAt the summit in Brussels, Merkel criticized the plan.", "criticized", "location",
			[]string{"Brussels (opening-in)"}},
		{"no place from an opening clause", "Blast\n\nIn the attack two soldiers were killed in Kabul, officials said.", "said", "location",
			nil},
		{"object control of a gerund", "Trial\n\nProsecutors accused the banker of hiding the money.", "hiding", "agent",
			[]string{"the banker (control-object)"}},
	}
	for _, c := range cases {
		d := evAnnotate(t, p, Input{Name: c.name, Text: c.text})
		ev := findEvent(t, d, c.trigger, "")
		got := roleFillers(d, ev, c.role)
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s: %q %s = %q, want %q", c.name, c.trigger, c.role, got, c.want)
		}
	}
}
