package extract

import (
	"strings"
	"testing"
)

// timexText is the text of the event's timex, or "" when it has none.
func timexText(d *Document, ev *Event) string {
	if ev.Timex < 0 {
		return ""
	}
	return d.Timexes[ev.Timex].Text
}

func wantUndated(t *testing.T, d *Document, ev *Event) {
	t.Helper()
	if ev.Timex >= 0 {
		t.Errorf("%q: dated by %q (inherited %v), want undated", ev.TriggerText, timexText(d, ev), ev.TimeInherited)
	}
}

func wantTimexText(t *testing.T, d *Document, ev *Event, text string, inherited bool) {
	t.Helper()
	if got := timexText(d, ev); got != text || ev.TimeInherited != inherited {
		t.Errorf("%q: dated by %q (inherited %v), want %q (inherited %v)", ev.TriggerText, got, ev.TimeInherited, text, inherited)
	}
}

func noEvent(t *testing.T, d *Document, trigger string) {
	t.Helper()
	for _, ev := range d.Events {
		if strings.EqualFold(ev.TriggerText, trigger) {
			t.Errorf("%q is an event (sentence %d), want none", ev.TriggerText, ev.Sentence)
		}
	}
}

// Rule 1: an event in a subordinate, relative or reported clause, or far
// from the event a timex is attached to, does not take that timex.
func TestEventTimeClauses(t *testing.T) {
	p := evPipeline(t)
	d := evSeed(t, p, "presstv-obama-putin.txt", "")
	wantDate(t, d, findEvent(t, d, "meeting", "closed-door"), "2015-11-30", false)
	// "…, urging him" is coordinated with the meeting: same day.
	wantDate(t, d, findEvent(t, d, "urging", "closed-door"), "2015-11-30", true)
	// "after it downed a Russian warplane" happened before.
	wantUndated(t, d, findEvent(t, d, "downed", "closed-door"))
	// "since the end of the Cold War in 1991, largely due to the crisis in
	// Ukraine and Russia's air campaign in Syria".
	wantDate(t, d, findEvent(t, d, "end", "Cold War"), "1991", false)
	wantUndated(t, d, findEvent(t, d, "campaign", "Cold War"))
	// "… the Minsk peace accord signed in February": February is the
	// signing's, not the remarks', the sanctions' or the implementation's.
	wantDate(t, d, findEvent(t, d, "signed", "Minsk"), "2015-02", false)
	for _, trig := range []string{"indicated", "remove", "implemented", "accord"} {
		wantUndated(t, d, findEvent(t, d, trig, "Minsk"))
	}
	// A sentence-opening date governs the main clause, participle
	// included, but not the claim it reports (past perfect).
	wantDate(t, d, findEvent(t, d, "claiming", "air space"), "2015-11-24", true)
	wantUndated(t, d, findEvent(t, d, "violated", "air space"))
	// "at the request of …" and "where militants have been wreaking havoc"
	// are not dated by the airstrikes' "since September 30".
	wantUndated(t, d, findEvent(t, d, "request", "September 30"))
	wantUndated(t, d, findEvent(t, d, "wreaking", "September 30"))

	cases := []struct {
		text          string
		dated, undate []string
	}{
		{"Talks\n\nThe minister met the rebel leaders on Tuesday, after the army shelled their village.",
			[]string{"met"}, []string{"shelled"}},
		{"Arrest\n\nPolice arrested a man on Friday who had stolen a car in March.",
			[]string{"arrested", "stolen"}, nil},
		{"Arrest\n\nPolice arrested a man on Friday who had robbed a bank.",
			[]string{"arrested"}, []string{"robbed"}},
		{"Statement\n\nThe ministry said on Monday that rebels had attacked a convoy.",
			[]string{"said"}, []string{"attacked"}},
		{"Visit\n\nThe president visited Kiev on Monday and pledged more aid.",
			[]string{"visited", "pledged"}, nil},
		{"Visit\n\nThe president visited Kiev on Monday to discuss a ceasefire.",
			[]string{"visited"}, []string{"ceasefire"}},
		{"Vote\n\nBecause the opposition boycotted the vote, parliament approved the budget on Thursday.",
			[]string{"approved"}, []string{"boycotted"}},
	}
	for _, c := range cases {
		d := evAnnotate(t, p, Input{Name: "case", Text: c.text, Date: "2015-06-01", DateSource: "flag"})
		for _, trig := range c.dated {
			if ev := findEvent(t, d, trig, ""); ev.Timex < 0 {
				t.Errorf("%q: %q undated, want dated", c.text, trig)
			}
		}
		for _, trig := range c.undate {
			if ev := findEvent(t, d, trig, ""); ev.Timex >= 0 {
				t.Errorf("%q: %q dated by %q, want undated", c.text, trig, timexText(d, ev))
			}
		}
	}

	// Time is not carried over to the next sentence.
	d = evAnnotate(t, p, Input{Name: "next", Text: "Plans\n\nThe pay will be increased by 2007, the minister told reporters. " +
		"She said employers would not pay."})
	wantUndated(t, d, findEvent(t, d, "said", "employers"))
}

// Rule 2: a headline event takes the date of the body event it sums up.
func TestEventHeadlineDate(t *testing.T) {
	p := evPipeline(t)
	d := evSeed(t, p, "presstv-obama-putin.txt", "")
	urges := findEvent(t, d, "urges", "Obama urges Putin")
	urging := findEvent(t, d, "urging", "closed-door")
	if urges.Timex < 0 || urges.Timex != urging.Timex || !urges.TimeInherited {
		t.Errorf("headline urges: timex %d (inherited %v), want the body's urging timex %d inherited",
			urges.Timex, urges.TimeInherited, urging.Timex)
	}

	d = evAnnotate(t, p, Input{Name: "h", Text: "Merkel meets Hollande in Berlin\n\n" +
		"German Chancellor Angela Merkel met French President Francois Hollande in Berlin on Friday."})
	meets := findEvent(t, d, "meets", "Merkel meets")
	wantTimexText(t, d, meets, "Friday", true)

	// Two body events of the headline's kind on different dates: the
	// headline event stays undated.
	d = evAnnotate(t, p, Input{Name: "h2", Text: "Merkel meets Hollande\n\n" +
		"German Chancellor Angela Merkel met French President Francois Hollande in Berlin on Friday. " +
		"Merkel had met Hollande in Paris on 3 March."})
	wantUndated(t, d, findEvent(t, d, "meets", "Merkel meets"))
}

// Rule 3: coordinated subjects of a light-verb noun, and "the Russian
// leader" resolved to the one person holding that office.
func TestEventArgumentsOfficeAndCoordination(t *testing.T) {
	p := evPipeline(t)
	d := evSeed(t, p, "peoplesvoice-copy-obama-putin.txt", "2015-11-30")
	meeting := findEvent(t, d, "emergency meeting", "closed-door")
	wantClass(t, meeting, ClassMeet)
	wantArg(t, d, meeting, "agent", meeting.Agents, "Barack Obama")
	wantArg(t, d, meeting, "agent", meeting.Agents, "Vladimir Putin")
	wantDate(t, d, meeting, "2015-11-30", false)
	urged := findEvent(t, d, "urged", "Russian leader")
	wantArg(t, d, urged, "patient", urged.Patients, "Vladimir Putin")
	if hasName(argNames(d, urged.Patients), "Russia") && !hasName(argNames(d, urged.Patients), "Putin") {
		t.Errorf("urged: patient is the country, not its leader")
	}
	ease := findEvent(t, d, "ease", "Russian leader")
	wantArg(t, d, ease, "agent", ease.Agents, "Vladimir Putin")

	d = evAnnotate(t, p, Input{Name: "office", Text: "Talks in Paris\n\n" +
		"French President Francois Hollande met German Chancellor Angela Merkel in Paris on Monday. " +
		"The German leader later criticized the French president."})
	crit := findEvent(t, d, "criticized", "German leader")
	wantArg(t, d, crit, "agent", crit.Agents, "Angela Merkel")
	wantArg(t, d, crit, "patient", crit.Patients, "Francois Hollande")

	// Two presidents of one country: no resolution.
	d = evAnnotate(t, p, Input{Name: "two", Text: "Old and new\n\n" +
		"US President Barack Obama met former US President George Bush in Texas. The US president praised the museum."})
	praised := findEvent(t, d, "praised", "museum")
	if n := argNames(d, praised.Agents); hasName(n, "Obama") || hasName(n, "Bush") {
		t.Errorf("praised: agents %v, want no person (two US presidents)", n)
	}
}

// Rule 4: neutral reporting verbs keep the reported event's modality;
// claim verbs make it reported.
func TestEventReportedModality(t *testing.T) {
	p := evPipeline(t)
	d := evSeed(t, p, "presstv-obama-putin.txt", "")
	indicated := findEvent(t, d, "indicated", "Minsk")
	remove := findEvent(t, d, "remove", "Minsk")
	if remove.Modality != Conditional || !hasInt(indicated.Reports, remove.ID) {
		t.Errorf("remove: %s, indicated reports %v; want conditional and reported by indicated", remove.Modality, indicated.Reports)
	}
	said := findEvent(t, d, "said", "expressed his regret")
	expressed := findEvent(t, d, "expressed", "expressed his regret")
	if expressed.Modality != Asserted || expressed.Claimant != -1 || !hasInt(said.Reports, expressed.ID) {
		t.Errorf("expressed: %s claimant %d, said reports %v; want asserted, no claimant, reported by said",
			expressed.Modality, expressed.Claimant, said.Reports)
	}
	violated := findEvent(t, d, "violated", "air space")
	if violated.Modality != Reported || violated.Claimant < 0 || d.Entities[violated.Claimant].Name != "Turkey" {
		t.Errorf("violated: %s claimant %d, want reported by Turkey", violated.Modality, violated.Claimant)
	}

	cases := []struct{ text, trigger, modality string }{
		{"Army\n\nThe army said the rebels attacked a school.", "attacked", Asserted},
		{"Army\n\nThe army said the rebels may attack a school.", "attack", Possible},
		{"Army\n\nThe rebels alleged that the army attacked a school.", "attacked", Reported},
		{"Army\n\nThe minister insisted that troops had withdrawn.", "withdrawn", Reported},
		{"Army\n\nThe rebels attacked a school, the army said.", "attacked", Asserted},
	}
	for _, c := range cases {
		d := evAnnotate(t, p, Input{Name: "m", Text: c.text})
		ev := findEvent(t, d, c.trigger, "")
		if ev.Modality != c.modality {
			t.Errorf("%q: %q is %s, want %s", c.text, c.trigger, ev.Modality, c.modality)
		}
		rep := false
		for _, r := range d.Events {
			if hasInt(r.Reports, ev.ID) {
				rep = true
			}
		}
		if !rep {
			t.Errorf("%q: no event reports %q", c.text, c.trigger)
		}
	}
	// A reporting verb with nothing after it and no separator reports
	// nothing: "refused to comment".
	d = evAnnotate(t, p, Input{Name: "c", Text: "Bid\n\nPernod said it was seeking acquisitions but refused to comment."})
	if c := findEvent(t, d, "comment", ""); len(c.Reports) != 0 {
		t.Errorf("comment reports %v, want nothing", c.Reports)
	}
}

// Rule 5: a caption about other people yields no events; one about the
// article's participants does.
func TestEventUnrelatedCaption(t *testing.T) {
	p := evPipeline(t)
	d := evSeed(t, p, "presstv-obama-putin.txt", "")
	for _, ev := range d.Events {
		s := d.Sentences[ev.Sentence]
		if strings.Contains(d.Text[s.Start:s.End], "Ilhan Omar") {
			t.Errorf("%q comes from the unrelated Ilhan Omar caption", ev.TriggerText)
		}
	}
	meets := findEvent(t, d, "meets", "Le Bourget")
	if d.Sentences[meets.Sentence].Kind != KindCaption {
		t.Errorf("meets: sentence kind %s, want caption", d.Sentences[meets.Sentence].Kind)
	}
}

// Rule 6: light or abstract nouns are events only with a participant and
// a time of their own.
func TestEventNoiseNouns(t *testing.T) {
	p := evPipeline(t)
	d := evSeed(t, p, "presstv-obama-putin.txt", "")
	for _, w := range []string{"tensions", "remarks", "transition", "involvement", "belief", "crisis"} {
		noEvent(t, d, w)
	}
	d = evAnnotate(t, p, Input{Name: "n", Text: "Tension\n\nTensions rose in the region as the crisis deepened."})
	noEvent(t, d, "tensions")
	noEvent(t, d, "crisis")
	findEvent(t, d, "rose", "")
	// Reports stay valid after events are dropped.
	d = evAnnotate(t, p, Input{Name: "n2", Text: "Crisis\n\nThe minister said the crisis had forced the bank to close."})
	said := findEvent(t, d, "said", "")
	if !hasInt(said.Reports, findEvent(t, d, "forced", "").ID) {
		t.Errorf("said reports %v, want forced", said.Reports)
	}
}
