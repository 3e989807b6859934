package extract

import (
	"context"
	"github.com/storyline/storyline/internal/shareddata"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func evPipeline(t testing.TB) *Pipeline {
	t.Helper()
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func evAnnotate(t testing.TB, p *Pipeline, in Input) *Document {
	t.Helper()
	d, err := p.AnnotateUntil(context.Background(), in, "event")
	if err != nil {
		t.Fatal(err)
	}
	checkEventInvariants(t, d)
	return d
}

func evSeed(t testing.TB, p *Pipeline, name, date string) *Document {
	t.Helper()
	in := Input{Name: name, Text: readSeed(t, name)}
	if date != "" {
		in.Date, in.DateSource = date, "copy"
	}
	return evAnnotate(t, p, in)
}

// findEvent is the first event with the trigger text whose sentence
// contains ctx.
func findEvent(t *testing.T, d *Document, trigger, ctx string) *Event {
	t.Helper()
	for i := range d.Events {
		ev := &d.Events[i]
		s := d.Sentences[ev.Sentence]
		if ev.TriggerText == trigger && strings.Contains(d.Text[s.Start:s.End], ctx) {
			return ev
		}
	}
	t.Fatalf("no event %q in a sentence with %q; events: %s", trigger, ctx, evList(d))
	return nil
}

func evList(d *Document) string {
	var b strings.Builder
	for _, ev := range d.Events {
		b.WriteString(ev.TriggerText + "/" + ev.Class + " ")
	}
	return b.String()
}

// argNames lists the canonical names of args' entities.
func argNames(d *Document, args []Arg) []string {
	var out []string
	for _, a := range args {
		out = append(out, d.Entities[a.Entity].Name)
	}
	return out
}

func hasName(names []string, want string) bool {
	for _, n := range names {
		if strings.Contains(n, want) {
			return true
		}
	}
	return false
}

func wantArg(t *testing.T, d *Document, ev *Event, role string, args []Arg, want string) {
	t.Helper()
	if names := argNames(d, args); !hasName(names, want) {
		t.Errorf("%q (%s): %s = %v, want %q", ev.TriggerText, ev.Class, role, names, want)
	}
}

func wantDate(t *testing.T, d *Document, ev *Event, value string, inherited bool) {
	t.Helper()
	if ev.Timex < 0 {
		t.Errorf("%q: no time, want %s", ev.TriggerText, value)
		return
	}
	tx := d.Timexes[ev.Timex]
	if tx.Value != value || ev.TimeInherited != inherited {
		t.Errorf("%q: time %s (%q, inherited %v), want %s (inherited %v)", ev.TriggerText, tx.Value, tx.Text,
			ev.TimeInherited, value, inherited)
	}
}

func wantClass(t *testing.T, ev *Event, class string) {
	t.Helper()
	if ev.Class != class {
		t.Errorf("%q: class %s, want %s", ev.TriggerText, ev.Class, class)
	}
}

func TestEventsPressTVSeed(t *testing.T) {
	p := evPipeline(t)
	d := evSeed(t, p, "presstv-obama-putin.txt", "")

	shot := findEvent(t, d, "shot down", "On November 24")
	wantClass(t, shot, ClassAttack)
	wantArg(t, d, shot, "agent", shot.Agents, "Turkey")
	wantArg(t, d, shot, "patient", shot.Patients, "Su-24")
	wantDate(t, d, shot, "2015-11-24", false)
	if shot.Lemma != "shoot down" {
		t.Errorf("lemma %q, want shoot down", shot.Lemma)
	}

	meeting := findEvent(t, d, "meeting", "closed-door meeting")
	wantClass(t, meeting, ClassMeet)
	wantArg(t, d, meeting, "agent", meeting.Agents, "Obama")
	wantArg(t, d, meeting, "patient", meeting.Patients, "Putin")
	wantDate(t, d, meeting, "2015-11-30", false)

	meets := findEvent(t, d, "meets", "Le Bourget")
	wantClass(t, meets, ClassMeet)
	wantArg(t, d, meets, "location", meets.Locations, "Le Bourget")
	wantDate(t, d, meets, "2015-11-30", false)

	urging := findEvent(t, d, "urging", "de-escalate")
	wantClass(t, urging, ClassAppeal)
	wantArg(t, d, urging, "agent", urging.Agents, "Obama")
	wantArg(t, d, urging, "patient", urging.Patients, "Putin")

	signed := findEvent(t, d, "signed", "Minsk")
	wantClass(t, signed, ClassAgree)
	wantDate(t, d, signed, "2015-02", false)

	strikes := findEvent(t, d, "airstrikes", "since September 30")
	wantClass(t, strikes, ClassAttack)
	wantArg(t, d, strikes, "agent", strikes.Agents, "Russia")
	wantDate(t, d, strikes, "2015-09-30", false)
	if strikes.Timex >= 0 && d.Timexes[strikes.Timex].Range != "begin" {
		t.Errorf("airstrikes: timex range %q, want begin", d.Timexes[strikes.Timex].Range)
	}
	wantDate(t, d, findEvent(t, d, "end", "Cold War"), "1991", false)

	confirmed := findEvent(t, d, "confirmed", "Russian government")
	wantClass(t, confirmed, ClassStatement)
	wantDate(t, d, confirmed, "2015-11-30", false)
	reported := findEvent(t, d, "meeting", "Russian government confirmed")
	if !hasInt(confirmed.Reports, reported.ID) {
		t.Errorf("confirmed reports %v, want the meeting %d", confirmed.Reports, reported.ID)
	}
	wantClass(t, reported, ClassMeet)
	// "confirmed on Monday that …": the confirmation is dated, what it
	// confirms (in its that-clause) is not dated by it.
	if reported.Timex >= 0 {
		t.Errorf("the confirmed meeting is dated by the confirmation's %q", d.Timexes[reported.Timex].Text)
	}

	killed := findEvent(t, d, "killed", "parachuting")
	wantClass(t, killed, ClassKill)
	if !hasNominalText(killed, "agent", "militants") {
		t.Errorf("killed: nominals %+v, want agent militants", killed.Nominals)
	}
	saved := findEvent(t, d, "saved", "Syrian forces")
	wantClass(t, saved, ClassRescue)
	// "saved by Syrian forces": the forces are the agent, Syria only their
	// country.
	wantNominalCountry(t, d, saved, "agent", "Syrian forces", "Syria")
	if len(saved.Agents) != 0 {
		t.Errorf("saved: agents %v, want none (a demonym is no agent)", saved.Agents)
	}
	lost := findEvent(t, d, "lost", "rescue operation")
	wantClass(t, lost, ClassKill)
	if lost.Lemma != "lose life" || len(lost.Agents) != 0 {
		t.Errorf("lost: lemma %q agents %v, want lose life with no agent", lost.Lemma, lost.Agents)
	}
	wantClass(t, findEvent(t, d, "rescue operation", "lost his life"), ClassRescue)

	warned := findEvent(t, d, "warned", "serious consequences")
	wantClass(t, warned, ClassWarn)
	wantArg(t, d, warned, "agent", warned.Agents, "Putin")

	remove := findEvent(t, d, "remove", "sanctions")
	wantClass(t, remove, ClassYield)
	if remove.Modality != Conditional {
		t.Errorf("remove sanctions: modality %s, want conditional", remove.Modality)
	}
	if m := findEvent(t, d, "implemented", "Minsk").Modality; m != Conditional {
		t.Errorf("implemented: modality %s, want conditional", m)
	}

	backing := findEvent(t, d, "backing", "militants")
	wantClass(t, backing, ClassSupport)
	wantArg(t, d, backing, "agent", backing.Agents, "United States")

	violated := findEvent(t, d, "violated", "air space")
	if violated.Modality != Reported || violated.Claimant < 0 || !strings.Contains(d.Entities[violated.Claimant].Name, "Turkey") {
		t.Errorf("violated: modality %s claimant %d, want reported by Turkey", violated.Modality, violated.Claimant)
	}
	claiming := findEvent(t, d, "claiming", "air space")
	if !hasInt(claiming.Reports, violated.ID) {
		t.Errorf("claiming reports %v, want %d", claiming.Reports, violated.ID)
	}

	// A quote's speaker: "…," the unnamed White House official said.
	said := findEvent(t, d, "said", "expressed his regret")
	expressed := findEvent(t, d, "expressed", "expressed his regret")
	if !hasInt(said.Reports, expressed.ID) {
		t.Errorf("said reports %v, want expressed %d", said.Reports, expressed.ID)
	}
	// The official is the speaker; the White House is the official's
	// organization, not a participant.
	wantNominalCountry(t, d, said, "agent", "White House official", "White House")

	// The 2019 caption must not date the article's events.
	for _, ev := range d.Events {
		if d.Sentences[ev.Sentence].Kind != KindCaption && ev.Timex >= 0 && strings.HasPrefix(d.Timexes[ev.Timex].Value, "2019") {
			t.Errorf("%q in sentence %d dated by the 2019 caption", ev.TriggerText, ev.Sentence)
		}
	}
	noEventsOutsideBody(t, d)
}

func TestEventsCopySeed(t *testing.T) {
	p := evPipeline(t)
	// The copy has no year: ingest re-annotates it with the original's
	// date (DateSource "copy").
	d := evSeed(t, p, "peoplesvoice-copy-obama-putin.txt", "2015-11-30")

	shooting := findEvent(t, d, "shooting down", "Following the")
	wantClass(t, shooting, ClassAttack)
	wantArg(t, d, shooting, "patient", shooting.Patients, "Su-24")
	wantDate(t, d, shooting, "2015-11-24", false)
	if shooting.Lemma != "shoot down" {
		t.Errorf("lemma %q, want shoot down", shooting.Lemma)
	}

	accused := findEvent(t, d, "accused", "ISIS")
	wantClass(t, accused, ClassAccuse)
	wantArg(t, d, accused, "agent", accused.Agents, "Putin")
	wantArg(t, d, accused, "patient", accused.Patients, "Turkey")
	supporting := findEvent(t, d, "supporting", "ISIS")
	if !hasInt(accused.Reports, supporting.ID) || supporting.Modality != Reported {
		t.Errorf("accused reports %v, supporting modality %s; want a reported claim", accused.Reports, supporting.Modality)
	}

	talks := findEvent(t, d, "talks", "closed door talks")
	wantClass(t, talks, ClassConsult)
	wantArg(t, d, talks, "agent", talks.Agents, "Obama")
	noEventsOutsideBody(t, d)
}

func noEventsOutsideBody(t *testing.T, d *Document) {
	t.Helper()
	for _, ev := range d.Events {
		switch k := d.Sentences[ev.Sentence].Kind; k {
		case KindByline, KindBoilerplate:
			t.Errorf("event %q in a %s sentence", ev.TriggerText, k)
		}
	}
}

func hasNominalText(ev *Event, role, text string) bool {
	for _, n := range ev.Nominals {
		if n.Role == role && strings.Contains(n.Text, text) {
			return true
		}
	}
	return false
}

// TestEventRules checks single rules on short texts.
func TestEventRules(t *testing.T) {
	p := evPipeline(t)
	cases := []struct {
		text, trigger, class, modality string
	}{
		{"Convoy news\n\nThe rebels did not attack the convoy on Friday.", "attack", ClassAttack, Negated},
		{"Talks go on\n\nThe two sides may sign a ceasefire next week.", "sign", ClassAgree, Possible},
		{"Aid deal\n\nThe government could release the prisoners if the rebels lay down their arms.", "release", ClassYield, Conditional},
		{"Claims\n\nThe army claimed that the rebels had attacked a school.", "attacked", ClassAttack, Reported},
		{"Police\n\nPolice arrested two men after the robbery.", "arrested", ClassArrest, Asserted},
		{"Quake\n\nAn earthquake struck the region on Sunday.", "earthquake", ClassDisaster, Asserted},
		{"Protest\n\nThousands of people protested against the new law.", "protested", ClassProtest, Asserted},
		{"Court\n\nThe company denied the accusations.", "denied", ClassReject, Asserted},
	}
	for _, c := range cases {
		d := evAnnotate(t, p, Input{Name: "case", Text: c.text})
		ev := findEvent(t, d, c.trigger, "")
		if ev.Class != c.class || ev.Modality != c.modality {
			t.Errorf("%q: %q is %s/%s, want %s/%s", c.text, c.trigger, ev.Class, ev.Modality, c.class, c.modality)
		}
	}

	// Passive with a by-agent and a pronoun resolved to an earlier person.
	d := evAnnotate(t, p, Input{Name: "passive", Text: "Shooting in Texas\n\n" +
		"John Smith left the bar late on Friday. He was shot by a police officer outside his home in Houston."})
	shot := findEvent(t, d, "shot", "police officer")
	wantClass(t, shot, ClassAttack)
	if !hasNominalText(shot, "agent", "officer") {
		t.Errorf("shot: nominals %+v, want agent officer", shot.Nominals)
	}
	wantArg(t, d, shot, "patient", shot.Patients, "Smith")
	if !hasNominalText(shot, "location", "home") && len(shot.Locations) == 0 {
		t.Errorf("shot: no location (nominals %+v)", shot.Nominals)
	}
	// "late on Friday" is attached to "left", not inherited.
	left := findEvent(t, d, "left", "bar")
	if left.Timex < 0 || left.TimeInherited {
		t.Errorf("left: timex %d inherited %v, want attached Friday", left.Timex, left.TimeInherited)
	}

	// Light verb: "held talks with" gives the noun its agent and patient;
	// the light verb itself is no event.
	d = evAnnotate(t, p, Input{Name: "light", Text: "Talks\n\nPresident Barack Obama held talks with Angela Merkel in Berlin on Monday."})
	talks := findEvent(t, d, "talks", "held")
	wantClass(t, talks, ClassConsult)
	wantArg(t, d, talks, "agent", talks.Agents, "Obama")
	wantArg(t, d, talks, "patient", talks.Patients, "Merkel")
	wantArg(t, d, talks, "location", talks.Locations, "Berlin")
	if talks.TimeInherited || talks.Timex < 0 {
		t.Errorf("talks: timex %d inherited %v, want Monday attached", talks.Timex, talks.TimeInherited)
	}
	for _, ev := range d.Events {
		if ev.TriggerText == "held" {
			t.Errorf("light verb held is an event")
		}
	}

	// Participles the tagger reads as adjectives are still events.
	d = evAnnotate(t, p, Input{Name: "participle", Text: "Deputy killed\n\n" +
		"Before he was fatally shot, Deputy Jerry Ortiz was looking for a man. A former employee allegedly shot and killed a man."})
	wantClass(t, findEvent(t, d, "shot", "fatally"), ClassAttack)
	wantClass(t, findEvent(t, d, "shot", "employee"), ClassAttack)

	// A headline's reduced passive, and a possessor that undergoes the
	// event noun: Jackson is the one arrested in both.
	d = evAnnotate(t, p, Input{Name: "headline", Text: "Chargers' Vincent Jackson arrested on suspicion of DUI\n\n" +
		"Police confirmed Vincent Jackson's arrest on Tuesday."})
	for _, ev := range []*Event{findEvent(t, d, "arrested", "Chargers"), findEvent(t, d, "arrest", "Police")} {
		wantArg(t, d, ev, "patient", ev.Patients, "Jackson")
		if names := argNames(d, ev.Agents); hasName(names, "Jackson") {
			t.Errorf("%s: Jackson is an agent (%v)", ev.TriggerText, names)
		}
	}
}

func TestEventStageOddInput(t *testing.T) {
	p := evPipeline(t)
	for _, text := range []string{
		"", "\n\n", "...", "said", "to", "Killed by by by by", "(((", ")))", "if if if", "“”\"''``",
		"Héllo wörld — 北京 attacked. 😀 killed ,,, ;;",
		strings.Repeat("and ", 300),
		"The meeting between and",
	} {
		evAnnotate(t, p, Input{Name: "odd", Text: text})
	}
}

// checkEventInvariants checks that every event is well formed.
func checkEventInvariants(t testing.TB, d *Document) {
	t.Helper()
	span := func(s Span, what string) {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End ||
			!utf8.RuneStart(d.Text[s.Start]) && s.Start < len(d.Text) || s.End < len(d.Text) && !utf8.RuneStart(d.Text[s.End]) {
			t.Fatalf("%s: bad span %+v", what, s)
		}
	}
	for i, ev := range d.Events {
		if ev.ID != i {
			t.Fatalf("event %d has ID %d", i, ev.ID)
		}
		span(ev.Trigger, "trigger")
		if d.Text[ev.Trigger.Start:ev.Trigger.End] != ev.TriggerText {
			t.Fatalf("trigger text %q != %q", ev.TriggerText, d.Text[ev.Trigger.Start:ev.Trigger.End])
		}
		if _, ok := EventClasses[ev.Class]; !ok {
			t.Fatalf("%q: unknown class %q", ev.TriggerText, ev.Class)
		}
		if ev.Sentence < 0 || ev.Sentence >= len(d.Sentences) || !d.Sentences[ev.Sentence].Contains(ev.Trigger) {
			t.Fatalf("%q: sentence %d does not hold the trigger", ev.TriggerText, ev.Sentence)
		}
		if ev.Timex < -1 || ev.Timex >= len(d.Timexes) {
			t.Fatalf("%q: timex %d out of range", ev.TriggerText, ev.Timex)
		}
		if ev.Claimant < -1 || ev.Claimant >= len(d.Entities) {
			t.Fatalf("%q: claimant %d out of range", ev.TriggerText, ev.Claimant)
		}
		switch ev.Modality {
		case Asserted, Negated, Possible, Conditional, Reported:
		default:
			t.Fatalf("%q: modality %q", ev.TriggerText, ev.Modality)
		}
		for _, args := range [][]Arg{ev.Agents, ev.Patients, ev.Locations} {
			for _, a := range args {
				if a.Entity < 0 || a.Entity >= len(d.Entities) || a.Mention < 0 || a.Mention >= len(d.Mentions) ||
					d.Mentions[a.Mention].Entity != a.Entity {
					t.Fatalf("%q: bad arg %+v", ev.TriggerText, a)
				}
			}
		}
		for _, n := range ev.Nominals {
			span(n.Span, "nominal")
			span(n.Head, "nominal head")
			if !n.Span.Contains(n.Head) || d.Text[n.Start:n.End] != n.Text {
				t.Fatalf("%q: bad nominal %+v", ev.TriggerText, n)
			}
		}
		for _, r := range ev.Reports {
			if r < 0 || r >= len(d.Events) || r == i {
				t.Fatalf("%q: bad report %d", ev.TriggerText, r)
			}
		}
	}
}

// bbcFiles lists up to n BBC articles from ../shared/data/bbc, or skips.
func bbcFiles(tb testing.TB, n int) []string {
	tb.Helper()
	files := shareddata.BBC(tb)
	if n > 0 && len(files) > n {
		step := len(files) / n
		var out []string
		for i := 0; i < len(files) && len(out) < n; i += step {
			out = append(out, files[i])
		}
		files = out
	}
	return files
}

// TestEventsBBC runs the stage over real news and checks invariants and
// that ordinary news yields events with dates and participants.
func TestEventsBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	p := evPipeline(t)
	var events, dated, withArgs int
	for _, f := range bbcFiles(t, 200) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := evAnnotate(t, p, Input{Name: f, Text: string(b), Date: "2005-01-01", DateSource: "flag"})
		for _, ev := range d.Events {
			events++
			if ev.Timex >= 0 {
				dated++
			}
			if len(ev.Agents)+len(ev.Patients)+len(ev.Nominals) > 0 {
				withArgs++
			}
		}
	}
	t.Logf("200 BBC articles: %d events, %d with a timex, %d with participants", events, dated, withArgs)
	if events < 200*10 || withArgs < events/2 {
		t.Errorf("%d events, %d with participants: too few", events, withArgs)
	}
}

// BenchmarkEventStage measures the event stage alone on BBC articles
// annotated up to the entity stage.
func BenchmarkEventStage(b *testing.B) {
	p := evPipeline(b)
	var docs []*Document
	size := 0
	for _, f := range bbcFiles(b, 300) {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, err := p.AnnotateUntil(context.Background(), Input{Name: f, Text: string(t)}, "entity")
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += len(t)
	}
	st, _ := newEventStage()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := st.Run(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPipelineToEvents measures the whole extraction up to events.
func BenchmarkPipelineToEvents(b *testing.B) {
	p := evPipeline(b)
	var texts []string
	size := 0
	for _, f := range bbcFiles(b, 100) {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := p.AnnotateUntil(context.Background(), Input{Text: t}, "event"); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestParticipants(t *testing.T) {
	got := participantKinds(t, "Woman Killed In Queens Hit-And-Run, Driver Charged\n\n"+
		"A Michigan man shot three people at a Detroit accounting firm, police said. "+
		"He was arrested after President Barack Obama spoke. Ram-raiders hit a Paris jewellery store. "+
		"She checked into a rehab facility. Fires raged across California. The patch fixes an Internet Explorer flaw. "+
		"A sheriff's deputy was shot. Police confirmed his arrest over their remarks. Robbers looted a hotel.")
	want := map[string]string{"Woman": "nominal", "Driver": "nominal", "man": "nominal", "people": "nominal",
		"firm": "nominal", "police": "nominal", "He": "pronoun", "Barack Obama": "name", "store": "nominal",
		"She": "pronoun", "facility": "nominal", "California": "name", "deputy": "nominal", "his": "pronoun",
		"hotel": "nominal"}
	for w, k := range want {
		if len(got[w]) != 1 || got[w][0] != k {
			t.Errorf("%q: kinds %q, want %q (all: %v)", w, got[w], k, got)
		}
	}
	// Names that only modify a noun, titles before names, and things.
	// "a sheriff's deputy": the possessor names the office; "their
	// remarks" is no event noun.
	for _, w := range []string{"Michigan", "Detroit", "Paris", "President", "patch", "flaw", "Internet Explorer", "accounting",
		"sheriff", "their"} {
		if k, ok := got[w]; ok {
			t.Errorf("%q is a participant (%s); it modifies a noun or is not a person, group or place", w, k)
		}
	}
	if Participants(&Document{}) != nil {
		t.Error("participants of an empty document")
	}
}

// TestParticipantPlaceQualifiers: a place name that only locates another
// place or names a person's office is not a participant of its own; the
// place or person it qualifies is. Sentences in the style of ECB+ news.
func TestParticipantPlaceQualifiers(t *testing.T) {
	got := participantKinds(t, "Brooklyn Teen Killed By Police\n\n"+
		"A woman opened fire at a Kraft plant in Northeast Philadelphia. "+
		"The boss was found dead in a district of Palermo. "+
		"A fire damaged the church of Alaska Gov. Sarah Palin on Friday. "+
		"Riots broke out in Brooklyn after the shooting.")
	for _, w := range []string{"Teen", "plant", "Sarah Palin"} {
		if len(got[w]) == 0 {
			t.Errorf("%q is no participant (all: %v)", w, got)
		}
	}
	if len(got["Brooklyn"]) != 1 {
		t.Errorf("Brooklyn is a participant %d times, want once: only where riots broke out (all: %v)", len(got["Brooklyn"]), got)
	}
	for _, w := range []string{"Philadelphia", "Northeast Philadelphia", "Palermo", "Alaska"} {
		if len(got[w]) > 0 {
			t.Errorf("%q is a participant; it only qualifies another place or a person (all: %v)", w, got)
		}
	}
}

// TestParticipantNameHeads: in a name split in two, or a title between a
// name and a person's name, the last name heads the participant.
func TestParticipantNameHeads(t *testing.T) {
	got := participantKinds(t, "Lindsay Lohan Checks Into Betty Ford Rehab\n\n"+
		"Lindsay Lohan checked into the Betty Ford Center on Thursday, her rep told People. "+
		"Red Sox owner John Henry has said that his team will not sign Mark Teixeira. "+
		"San Diego Chargers wide receiver Vincent Jackson was arrested on suspicion of drunken driving.")
	for _, w := range []string{"John Henry", "Mark Teixeira", "Vincent Jackson"} {
		if len(got[w]) == 0 {
			t.Errorf("%q is no participant (all: %v)", w, got)
		}
	}
	for _, w := range []string{"owner", "Red Sox", "Lindsay", "Betty", "San Diego Chargers", "receiver"} {
		if len(got[w]) > 0 {
			t.Errorf("%q is a participant; another name heads its phrase (all: %v)", w, got)
		}
	}
}

// TestParticipantNumbers: a number whose noun is left out stands for the
// people an event counts; numbers that count things, ages, money and
// measures do not. Sentences in the style of ECB+ headlines and leads.
func TestParticipantNumbers(t *testing.T) {
	got := participantKinds(t, "Gunman kills 1, wounds 2 at accounting office\n\n"+
		"A man shot three people, killing one, at a Detroit firm. "+
		"She executed two of them and critically wounded a third. "+
		"Four armed robbers stole $108 million in jewels from 3 stores. "+
		"Esther Williams died aged 91. The 5.6 quake flattened seven villages.")
	for _, w := range []string{"1", "2", "one", "two", "third"} {
		if len(got[w]) == 0 || got[w][0] != "number" {
			t.Errorf("%q: kinds %q, want number (all: %v)", w, got[w], got)
		}
	}
	for _, w := range []string{"three", "Four", "108", "million", "3", "91", "5.6", "seven"} {
		if len(got[w]) > 0 {
			t.Errorf("%q is a participant; it counts or measures a noun (all: %v)", w, got)
		}
	}
}

// TestParticipantWhereThere: "where" after a place and "there" after a
// verb stand for the place; "there is" and "where" asking do not.
func TestParticipantWhereThere(t *testing.T) {
	got := participantKinds(t, "She checked into the Cliffside Rehab Center in Malibu, where she will stay. "+
		"Police said the suspect had worked there. There is no word on where the gunman went.")
	if len(got["where"]) != 1 || len(got["there"]) != 1 {
		t.Errorf("where %q, there %q: want one each (all: %v)", got["where"], got["there"], got)
	}
	if len(got["There"]) > 0 {
		t.Errorf("existential There is a participant (all: %v)", got)
	}
}

// TestParticipantReportedIt: "it" opening what a speaker reports is the
// speaker acting ("the navy said it captured 23 pirates"), unless it only
// opens a copula ("said it was unlikely").
func TestParticipantReportedIt(t *testing.T) {
	got := participantKinds(t, "The Indian navy said it captured 23 pirates in the Gulf of Aden. "+
		"A spokesman said it was unlikely to have been an attack. The cable carries it to Europe.")
	if len(got["it"]) != 1 {
		t.Errorf("it %q: want one, in the navy's report (all: %v)", got["it"], got)
	}
}

// participantKinds annotates text and maps the text of each participant
// head to the kinds it was found as, in order.
func participantKinds(t *testing.T, text string) map[string][]string {
	t.Helper()
	d := evAnnotate(t, evPipeline(t), Input{Name: t.Name(), Text: text})
	got := map[string][]string{}
	for _, pm := range Participants(d) {
		h := d.Text[pm.Head.Start:pm.Head.End]
		got[h] = append(got[h], pm.Kind)
	}
	return got
}

// TestTriggerLemmas: every inflected form of a verb trigger has the
// verb's lemma, and a nominal trigger keeps its noun's. The sentences are
// from BBC News.
func TestTriggerLemmas(t *testing.T) {
	p := evPipeline(t)
	cases := []struct{ text, trigger, lemma string }{
		{"Candidate resigns over BNP link", "resigns", "resign"},
		{"Chairman and chief executive Gene Kahn resigned in January.", "resigned", "resign"},
		{"\"The reason why I am resigning is because I fundamentally disagree with the policy,\" he said.", "resigning", "resign"},
		{"Documents show that Sir Edward mulled over resigning and perhaps returning to coalition government.", "resigning", "resign"},
		{"One of Japan's best-known businessmen was arrested on Thursday on charges of falsifying shareholder data.", "arrested", "arrest"},
		{"His is the latest in a series of arrests of top executives in Japan.", "arrests", "arrest"},
		{"The official Xinhua News Agency said the arrest was linked to alleged embezzlement.", "arrest", "arrest"},
		{"Yukos sues four firms for $20bn", "sues", "sue"},
		{"The administrator, turnaround expert Enrico Bondi, sued Morgan Stanley, its former banker.", "sued", "sue"},
		{"Yukos is currently suing four companies, among them Gazprom.", "suing", "sue"},
		{"A parliamentary commission has now ruled that Turkcell's controlling stake is illegal.", "ruled", "rule"},
		{"The company was eventually acquired by state-owned energy giant Rosneft.", "acquired", "acquire"},
		{"Standard Chartered said acquiring Korea First Bank fulfilled a strategic goal.", "acquiring", "acquire"},
		{"The 64-year-old has denied the killing, saying her death was accidental.", "killing", "killing"},
		{"The G7 meeting is thought unlikely to produce any meaningful change.", "meeting", "meeting"},
	}
	for _, c := range cases {
		d := evAnnotate(t, p, Input{Name: "case", Text: "News\n\n" + c.text})
		if ev := findEvent(t, d, c.trigger, ""); ev.Lemma != c.lemma {
			t.Errorf("%q: %q has lemma %q, want %q", c.text, c.trigger, ev.Lemma, c.lemma)
		}
	}
}

// TestTriggerLemmasBBC checks over real news that the verb forms of a few
// common news verbs, whatever the tagger made of them, all get one lemma.
func TestTriggerLemmasBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	want := map[string]string{}
	for base, forms := range map[string]string{
		"resign": "resign resigned resigns resigning", "arrest": "arrested arresting", "sue": "sue sued sues suing",
		"rule": "ruled", "file": "filed", "acquire": "acquire acquired acquires acquiring", "manage": "managed managing",
		"hope": "hope hoped hopes hoping", "cut": "cut cuts cutting", "buy": "buy bought buys buying",
	} {
		for _, f := range strings.Fields(forms) {
			want[f] = base
		}
	}
	p := evPipeline(t)
	seen := 0
	for _, f := range bbcFiles(t, 300) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := evAnnotate(t, p, Input{Name: f, Text: string(b)})
		for _, ev := range d.Events {
			base, ok := want[strings.ToLower(ev.TriggerText)]
			if !ok {
				continue
			}
			seen++
			if ev.Lemma != base {
				t.Errorf("%s: %q has lemma %q, want %q", f, ev.TriggerText, ev.Lemma, base)
			}
		}
	}
	if seen < 50 {
		t.Errorf("only %d triggers of the listed verbs in 300 BBC articles", seen)
	}
}

// wantNominalCountry asserts that ev has an unnamed participant in role
// whose text contains text and whose country link names country.
func wantNominalCountry(t *testing.T, d *Document, ev *Event, role, text, country string) {
	t.Helper()
	for _, n := range ev.Nominals {
		if n.Role != role || !strings.Contains(n.Text, text) {
			continue
		}
		if n.Country == nil || n.Country.Entity < 0 || !strings.Contains(d.Entities[n.Country.Entity].Name, country) {
			t.Errorf("%q: %s %q has country %+v, want %s", ev.TriggerText, role, n.Text, n.Country, country)
		}
		return
	}
	t.Errorf("%q: no %s phrase %q in %+v", ev.TriggerText, role, text, ev.Nominals)
}
