package extract

import (
	"strings"
	"testing"
)

// TestClauseRolesRealSentences checks the clause rules on sentences of
// real news from the role test set (testdata/roles, testdata/roles-fresh),
// each the case a rule was written for: the words that fill the role and
// the rule that found them; an empty want means none.
func TestClauseRolesRealSentences(t *testing.T) {
	p := evPipeline(t)
	cases := []struct {
		name, text, trigger, role string
		want                      []string
	}{
		{"subject postmodified by two prepositional phrases",
			"The 17-year-old from a small east Devon village near Cullumpton, received nominations for Best Solo Female, Best Urban Act and Best Breakthrough Artist.",
			"received", "agent", []string{"The 17-year-old (subject)"}},
		{"subject postmodified by a chain of prepositional phrases",
			"One site behind the success of the BitTorrent file-swapping system is producing its own software that avoids the pitfalls of the earlier program.",
			"producing", "agent", []string{"One site (subject)"}},
		{"number standing alone as the subject",
			"Of the 12 US regions it identifies for the study, 11 showed stronger economic growth, with only the Cleveland area falling behind with a \"mixed\" rating.",
			"showed", "agent", []string{"11 (subject)"}},
		{"determiner standing alone as the subject",
			"Some may see this as the height of laziness, but in an era of information overload, search has become a vital tool in navigating the net.",
			"see", "agent", []string{"Some (subject)"}},
		{"determiner standing alone as the object",
			"Some may see this as the height of laziness, but in an era of information overload, search has become a vital tool in navigating the net.",
			"see", "patient", []string{"this (object)"}},
		{"serial comma in a coordinated subject",
			"Internet and phone communications between Europe, the Middle East, and Asia have been seriously disrupted after submarine cables were severed.",
			"disrupted", "patient", []string{"phone communications (passive-subject)"}},
		{"comma between clauses is no serial comma",
			"Manning threw for 364 yards and three touchdowns, and the visiting Colts secured the No. 5 seed in the AFC playoffs with a 31-24 victory over the Jaguars on Thursday night.",
			"secured", "agent", []string{"the visiting Colts (subject)"}},
		{"participle after a standalone determiner is passive",
			"Fred LaRue, a high - ranking Nixon administration official who served a prison term for his role in Watergate and was among those rumored to be Deep Throat, has died.",
			"rumored", "agent", nil},
		{"relative clause about the noun a place locates",
			"The site manager at the Waitrose supermarket in Wellington that has been damaged by fire, says it will take a couple of days to assess how much work needs to be done.",
			"damaged", "patient", []string{"the Waitrose supermarket (passive-subject)"}},
		{"a fire as the passive's agent",
			"The site manager at the Waitrose supermarket in Wellington that has been damaged by fire, says it will take a couple of days to assess how much work needs to be done.",
			"damaged", "agent", []string{"fire (passive-by)"}},
		{"a fire as the subject",
			"A man has been charged on suspicion of arson following a fire that devastated a Somerset supermarket.",
			"devastated", "agent", []string{"a fire (subject)"}},
		{"gerund shares the subject an unaccusative verb's undergoer",
			"Legendary pinup queen Bettie Page died of pneumonia at the age of 85 in a Los Angeles, California, hospital Thursday, a week after suffering a heart attack, according to her agent.",
			"suffering", "agent", []string{"Legendary pinup queen Bettie Page (coordinated-subject)"}},
		{"coordinated verb shares a linking verb's subject",
			"The Colts defense looked shaky and gave up 409 yards, but got the game-winning interception and two late fourth-quarter sacks to seal the win.",
			"gave up", "agent", []string{"The Colts defense (coordinated-subject)/Colts"}},
		{"second of two coordinated infinitives",
			"Microsoft has released an emergency patch to fix a software flaw that allows hackers to get into Internet Explorer browsers and take over computers.",
			"take over", "agent", []string{"hackers (control-object)"}},
		{"ergative verb with no object and a thing as subject",
			"The number of gadgets in the shops is predicted to grow by 11%, while devices which talk to each other will become increasingly important.",
			"grow", "patient", []string{"The number (unaccusative-subject)"}},
		{"ergative verb: no agent",
			"The number of gadgets in the shops is predicted to grow by 11%, while devices which talk to each other will become increasingly important.",
			"grow", "agent", nil},
		{"person or group noun before an event noun",
			"Protests, riots and clashes with police have overtaken Greece for the sixth straight day since the fatal police shooting of a teenage boy in Athens Saturday night.",
			"shooting", "agent", []string{"police (prenominal)"}},
		{"passive's by-phrase after a date",
			"His body was discovered Tuesday, July 27, 2004, by a maid who entered his hotel room in Biloxi, Miss.",
			"discovered", "agent", []string{"a maid (passive-by)"}},
		{"reporting verb's past-tense clause is no patient",
			"His body was found by a motel maid July 27, but Harrison County, Miss., coroner Gary Hargrove said he believed the death occurred July 24.",
			"believed", "patient", nil},
		{"number in a split magnitude is no subject",
			"An earthquake measuring at least magnitude - 5. 9 shook a sparsely populated area of southern Iran on Sunday, flattening seven villages and killing 10 people, officials said.",
			"shook", "agent", nil},
		{"a verb that governs no verb is an event of its own",
			"Fellow Bath prop Duncan Bell will start on the bench, as coach Andy Robinson makes just one change to the team that was beaten by France.",
			"start", "agent", []string{"Fellow Bath prop Duncan Bell (subject)"}},
		{"subject postmodified by a participle phrase",
			"The blocking of browsers sited outside the US began in the early hours of Monday morning.",
			"began", "patient", []string{"The blocking (unaccusative-subject)"}},
		{"relative pronoun before \"no longer\"",
			"But the 76ers, while underachieving at 9-14 when Cheeks was fired Saturday morning, were not an embarassment when they went on the court, not a disjointed bunch that clearly was no longer listening to or playing for its coach.",
			"listening", "agent", []string{"a disjointed bunch (subject)"}},
		{"infinitive after an event noun with a possessor",
			"Turkmens go to the polls Sunday in a parliamentary election the West sees as a test of the Central Asian nation's commitment to bring about change after decades of isolation.",
			"bring about", "agent", []string{"the Central Asian nation (control-subject)"}},
		{"common noun possessor of an event noun",
			"Turkmens go to the polls Sunday in a parliamentary election the West sees as a test of the Central Asian nation's commitment to bring about change after decades of isolation.",
			"commitment", "agent", []string{"the Central Asian nation (possessive)"}},
		{"participle after an of phrase hangs on its noun",
			"This frightening surveillance video was presented at the Brooklyn Supreme Court on Thursday during the trial of two men accused in killing Zurana Horton, 34, a mother of 12, in 2011 and wounding two others, including an 11 - year - old girl.",
			"accused", "patient", []string{"two men (passive-subject)"}},
		{"catching fire has no agent",
			"The Wasilla Bible Church, the Alaskan church made famous as being the religious outpost for failed VP candidate and Alaska Governor Sarah Palin has caught fire.",
			"caught fire", "agent", nil},
		{"quantifier floating after the subject",
			"The player himself and his captain Jason Robinson have both said that the clash with Peel was accidental.",
			"said", "agent", []string{"his captain Jason Robinson (subject)"}},
		{"subject postmodified by a participle phrase with an object",
			"Indian Navy patrolling the Gulf of Aden yesterday thwarted a multi - boat attack by sea brigands on merchant vessels, apprehending 26 Somali pirates and confiscating arms and ammunition, in the fifth successful anti - piracy operation since September.",
			"thwarted", "agent", []string{"Indian Navy (subject)"}},
		{"on-complement after a nominal's by-phrase",
			"Indian Navy patrolling the Gulf of Aden yesterday thwarted a multi - boat attack by sea brigands on merchant vessels, apprehending 26 Somali pirates and confiscating arms and ammunition, in the fifth successful anti - piracy operation since September.",
			"attack", "patient", []string{"merchant vessels (nominal-on)"}},
		{"quote opening at the verb group",
			"Gupta wouldn't comment to me -- while not denying the story -- but confirmed on his Twitter feed that he \"has been approached by the Obama administration about the U.S. surgeon general's post.\"",
			"approached", "patient", []string{"he (passive-subject)"}},
		{"prenominal participle is no participle phrase",
			"The 31-year-old World Cup winning scrum-half has impressed since joining the London side from Northampton this summer on a one-year contract.",
			"impressed", "agent", []string{"scrum-half (subject)"}},
		{"a gathering as the place, the time after it no part of its phrase",
			"A former employee recently let go from his job opened fire at an office Christmas party Friday, killing one person, police said.",
			"opened fire", "location", []string{"an office Christmas party (locative-at)"}},
		{"a gathering as the place, a named place after it still taken",
			"Idowu landed 17.30m at the British trials in Sheffield last month to lead the world triple jump rankings.",
			"landed", "location", []string{"Sheffield (locative-in)", "the British trials (locative-at)"}},
		{"a stay is an event noun with its possessor",
			"People said Reid's representative Jack Ketsoyan confirmed the actress's stay at Promises.",
			"stay", "agent", []string{"the actress (possessive)"}},
		{"particle read as a preposition before a person",
			"Wenger has brought in Manuel Almunia for the last three games for the out-of-form Jens Lehmann - but the Spaniard himself has been prone to mistakes.",
			"brought", "patient", []string{"Manuel Almunia (object)"}},
		{"preposition before a place is no particle",
			"We played in Brazil against some World Cup-winning players.",
			"played", "patient", nil},
	}
	for _, c := range cases {
		d := evAnnotate(t, p, Input{Name: c.name, Text: "News\n\n" + c.text})
		ev := findEvent(t, d, c.trigger, "")
		got := roleFillers(d, ev, c.role)
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s: %q %s = %q, want %q", c.name, c.trigger, c.role, got, c.want)
		}
	}
}

// TestLexicalVerbGoverningAVerb checks that a lexicalVerbs verb
// governing an infinitive is no event of its own (a real BBC sentence):
// the governed verb is, with the shared subject, here undergoing an
// ergative verb.
func TestLexicalVerbGoverningAVerb(t *testing.T) {
	p := evPipeline(t)
	text := "News\n\nThe Liberian economy started to grow in 2004, but \"sustained and deep reform efforts\" are needed to ensure long term growth, the International Monetary Fund (IMF) has said."
	d := evAnnotate(t, p, Input{Name: "started to grow", Text: text})
	for _, ev := range d.Events {
		if ev.TriggerText == "started" {
			t.Errorf("\"started\" governing \"to grow\" is an event: %+v", ev)
		}
	}
	ev := findEvent(t, d, "grow", "")
	if got, want := strings.Join(roleFillers(d, ev, "patient"), "; "), "The Liberian economy (unaccusative-subject)"; got != want {
		t.Errorf("\"grow\" patient = %q, want %q", got, want)
	}
	if got := roleFillers(d, ev, "agent"); len(got) > 0 {
		t.Errorf("\"grow\" agent = %q, want none", got)
	}
}

// TestParticipantBeforeEventNoun checks, on real ECB+ sentences, that a
// person or group noun modifying an event noun ("the police killing of a
// teenager") is filed with the event, as ECB+ does, while a subject before
// a verb the tagger read as a noun ("A Michigan man shot three people")
// stays a participant.
func TestParticipantBeforeEventNoun(t *testing.T) {
	got := participantKinds(t, "News\n\n"+
		"Athens was calm Sunday after eight days of the worst riots Greece has seen in decades, sparked by the police killing of a teenager. "+
		"A Michigan man shot to death one person and injured two others Monday at the suburban Detroit accounting firm from which he was fired last week, police said.")
	if len(got["man"]) == 0 {
		t.Errorf("\"man\" is no participant (all: %v)", got)
	}
	gathering := participantKinds(t, "News\n\nA former employee recently let go from his job opened fire at an office Christmas party Friday, killing one person, police said.")
	if k, ok := gathering["party"]; ok {
		t.Errorf("\"party\" is a participant (%s): a gathering where an event happened is an event, no place mention", k)
	}
	if n := len(got["police"]); n != 1 {
		t.Errorf("\"police\" is a participant %d times, want once: as the one who said, not in \"the police killing\" (all: %v)", n, got)
	}
}

// TestTitleCaseHeadlineEvents checks that the event nouns and classed
// verbs of real title-case ECB+ headlines, which the tagger reads as names
// throughout, are events, and that the names are not.
func TestTitleCaseHeadlineEvents(t *testing.T) {
	p := evPipeline(t)
	for _, c := range []struct {
		headline string
		want     []string
	}{
		{"Indian Naval Ship Interdicts Three Pirate Vessels In A Single Operation", []string{"Operation"}},
		{"New Zealand: British Climber Killed In Fall", []string{"Killed"}},
		{"AMA Celebrates Nomination of Regina Benjamin, MD, Surgeon General", []string{"Nomination"}},
	} {
		d := evAnnotate(t, p, Input{Name: c.headline, Text: c.headline + "\n\nThe report gave no more detail."})
		var got []string
		for _, ev := range d.Events {
			if ev.Sentence == 0 {
				got = append(got, ev.TriggerText)
			}
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%q: events %q, want %q", c.headline, got, c.want)
		}
	}
}
