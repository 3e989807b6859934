package graph

// Events: within an article, mentions of one happening are grouped into
// document-level events (the rules below, in compatible); across articles,
// the reconcile package groups articles into stories and document-level
// events into clusters, one cluster per real-world event. A
// document-level event's own IRI is its "local" id (stored as
// <localEvent> on the event node); the node it is written as is its
// cluster's canonical IRI: the smallest local id of the cluster.
//
// Within an article, mentions merge when:
//
//   - the class is the same, and the triggers are of one stem or one
//     concept (reconcile.Triggers): never a merge on class alone;
//   - the date (or range) is the same and both are dated; or both are
//     undated and have the same lemma; within one sentence an undated
//     mention may join a dated one; anywhere in the article, an undated
//     repeat of a specific trigger (not a statement, not a light verb)
//     joins the dated mention of it, unless the article dates two
//     happenings of that trigger;
//   - the participants are compatible: in each role (agent, patient) that
//     both fill they share an entity, and no entity is the agent of one and
//     the patient of the other; for symmetric classes (meet, consult,
//     negotiate, cooperate, talk) roles are ignored and two events with
//     two or more participants each must share two. Mentions without
//     participants merge only when dated, in the same sentence or repeats
//     of a specific trigger; a mention without participants ("the
//     meeting") joins a mention of the same lemma and date. Repeats that
//     name different unnamed participants in one role ("a man was shot
//     ... a woman was shot"), or are told another way (asserted, then
//     reported or denied), stay apart.
//
// Reporting events (class "statement") are grouped by who said what: their
// local id hashes their class, date, participants and the local ids of the
// events they report. A statement nothing else dates is dated by the
// article.

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"github.com/storyline/storyline/extract"
	"github.com/storyline/storyline/reconcile"
)

// dateKey is the merge key of an event's time: its date, or its range, ""
// when undated.
func dateKey(date, begin, end string) string {
	if reconcile.Specific(date) {
		return date
	}
	var k string
	if reconcile.Specific(begin) {
		k = "since " + begin
	}
	if reconcile.Specific(end) {
		k += " until " + end
	}
	return k
}

// evFacts is one event (or a group of merged mentions, or a known node) as
// the merge rules see it. The sets count the mentions or records that
// hold each value.
type evFacts struct {
	class     string
	key       string // dateKey: the date or range, "" when undated
	lemmas    set
	agents    set
	patients  set
	locations set
	sentences map[int]bool // within the document being planned
	// phrases holds the head words, by role ("a:forces", "p:man"), of
	// the participants a mention names by a phrase no entity fills ("the
	// pro-Russian forces"), pronouns aside: two repeats of one trigger
	// naming different ones ("the man", "the woman") are not one event.
	phrases set
	// modalities holds the modality of each mention (asserted,
	// reported, ...): a repeat is told the same way ("Turkey shot down
	// the jet" is not "Turkey denies it shot down a jet").
	modalities set
}

// modality is the one modality of a single mention's facts.
func (f *evFacts) modality() string {
	for m := range f.modalities {
		return m
	}
	return ""
}

func newFacts() *evFacts {
	return &evFacts{lemmas: set{}, agents: set{}, patients: set{}, locations: set{},
		sentences: map[int]bool{}, phrases: set{}, modalities: set{}}
}

// merge adds o's facts to f.
func (f *evFacts) merge(o *evFacts) {
	for _, p := range [][2]set{{f.lemmas, o.lemmas}, {f.agents, o.agents}, {f.patients, o.patients},
		{f.locations, o.locations}, {f.phrases, o.phrases}, {f.modalities, o.modalities}} {
		for k, n := range p[1] {
			p[0][k] += n
		}
	}
	for k := range o.sentences {
		f.sentences[k] = true
	}
	if f.key == "" {
		f.key = o.key
	}
}
func (f *evFacts) participants() int { return len(f.agents) + len(f.patients) }

func (f *evFacts) sameLemma(o *evFacts) bool {
	for l := range f.lemmas {
		if o.lemmas.has(l) {
			return true
		}
	}
	return false
}

// shares counts the keys a and b have in common.
func shares(a, b set) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if b.has(k) {
			n++
		}
	}
	return n
}

// symmetricClass reports whether the class's participants have no
// direction (A meets B is B meets A).
func symmetricClass(class string) bool {
	c := strings.ToLower(class)
	for _, s := range []string{"meet", "consult", "negotiat", "cooperat", "talk"} {
		if strings.Contains(c, s) {
			return true
		}
	}
	return false
}

// participantsAgree applies the participant rule to two events that both
// have participants.
func participantsAgree(a, b *evFacts) bool {
	if symmetricClass(a.class) {
		pa, pb := union(a.agents, a.patients), union(b.agents, b.patients)
		need := min(2, len(pa), len(pb))
		return shares(pa, pb) >= need && need > 0
	}
	if len(a.agents) > 0 && len(b.agents) > 0 && shares(a.agents, b.agents) == 0 {
		return false
	}
	if len(a.patients) > 0 && len(b.patients) > 0 && shares(a.patients, b.patients) == 0 {
		return false
	}
	// no entity on opposite sides
	for k := range a.agents {
		if b.patients.has(k) && !b.agents.has(k) && !a.patients.has(k) {
			return false
		}
	}
	for k := range a.patients {
		if b.agents.has(k) && !b.patients.has(k) && !a.agents.has(k) {
			return false
		}
	}
	return shares(union(a.agents, a.patients), union(b.agents, b.patients)) > 0
}

// coveredBy reports whether every agent and patient of a is one of b's.
func coveredBy(a, b *evFacts) bool {
	all := union(b.agents, b.patients)
	for k := range union(a.agents, a.patients) {
		if !all.has(k) {
			return false
		}
	}
	return true
}

func union(a, b set) set {
	out := make(set, len(a)+len(b))
	for k := range a {
		out[k]++
	}
	for k := range b {
		out[k]++
	}
	return out
}

// compatible applies the within-article merge rules to a (one mention)
// and b (a group of the article's mentions). twoDates says that the
// article dates two different happenings of a's trigger, so that an
// undated repeat of it could be either.
func compatible(t *reconcile.Triggers, a, b *evFacts, twoDates bool) bool {
	if a.class != b.class || !triggersMeet(t, a, b) {
		return false
	}
	sameSentence := false
	for s := range a.sentences {
		if b.sentences[s] {
			sameSentence = true
		}
	}
	undated := a.key == "" && b.key == ""
	switch {
	case a.key == b.key && a.key != "":
	case undated:
		if !a.sameLemma(b) {
			return false
		}
	case sameSentence && (a.key == "" || b.key == ""):
		if !a.sameLemma(b) {
			return false
		}
	case a.key == "" && b.key != "" && a.participants() > 0 && coveredBy(a, b):
		// An undated mention of an event the article dates elsewhere,
		// with the same named participants ("Obama held a meeting with
		// Putin on Monday ... confirmed that Putin and Obama held a
		// meeting"): checked by participantsAgree below.
	case (a.key == "") != (b.key == "") && repeatedTrigger(t, a, b) && !twoDates:
		// The article's main happening told again, once dated and once
		// not ("she checked into rehab on Tuesday ... Reid checked
		// in"): the same specific trigger, checked below; not when the
		// article dates two happenings of that trigger (see ambiguous).
	default:
		return false
	}
	// An article tells its main happening again and again, often
	// without naming who ("she checked into Promises ... Reid checked
	// in"): the same specific trigger is enough when nothing conflicts.
	repeated := repeatedTrigger(t, a, b)
	pa, pb := a.participants(), b.participants()
	switch {
	case pa > 0 && pb > 0:
		return participantsAgree(a, b)
	case pa == 0 && pb == 0:
		if !a.sameLemma(b) {
			return false
		}
		if undated && !sameSentence && !repeated {
			return false
		}
		return len(a.locations) == 0 || len(b.locations) == 0 || shares(a.locations, b.locations) > 0
	default:
		// One has participants, the other none ("the meeting"): the
		// same lemma, and the same date or sentence, or a repeated
		// specific trigger.
		return a.sameLemma(b) && (!undated || sameSentence || repeated)
	}
}

// repeatedTrigger reports whether a and b share a specific trigger lemma
// (no statement, no light verb), are told the same way (b holds a's
// modality) and do not name different participants by phrases no entity
// fills (see otherPhrases).
func repeatedTrigger(t *reconcile.Triggers, a, b *evFacts) bool {
	return a.sameLemma(b) && a.class != statementClass && !lightOnly(t, a) && !otherPhrases(a, b) &&
		b.modalities.has(a.modality())
}

// otherPhrases reports whether a and b fill one role with unnamed
// participants of different head words ("the man was shot ... a woman was
// shot").
func otherPhrases(a, b *evFacts) bool {
	for _, role := range []string{"a:", "p:"} {
		var x, y, shared bool
		for k := range a.phrases {
			if strings.HasPrefix(k, role) {
				x = true
				shared = shared || b.phrases.has(k)
			}
		}
		for k := range b.phrases {
			y = y || strings.HasPrefix(k, role)
		}
		if x && y && !shared {
			return true
		}
	}
	return false
}

// pronouns stand for a participant without naming another one.
var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "him": true, "her": true,
	"them": true, "his": true, "its": true, "their": true, "we": true, "us": true, "i": true, "you": true}

// lightOnly reports whether every trigger of f is a light verb ("make",
// "take"), which tells nothing of the happening.
func lightOnly(t *reconcile.Triggers, f *evFacts) bool {
	for l := range f.lemmas {
		if !t.LightVerb(l) {
			return false
		}
	}
	return true
}

// roleList is the sorted, role-tagged participant list of an event.
func roleList(f *evFacts) []string {
	var parts []string
	for k := range f.agents {
		parts = append(parts, "a:"+k)
	}
	for k := range f.patients {
		parts = append(parts, "p:"+k)
	}
	sort.Strings(parts)
	return parts
}

// triggersMeet reports whether two groups of mentions have triggers of
// one stem or one concept: never a merge on class alone ("fired" and
// "found" are both of class "other").
func triggersMeet(t *reconcile.Triggers, a, b *evFacts) bool {
	for x := range a.lemmas {
		for y := range b.lemmas {
			if t.Relation(x, y) != "" {
				return true
			}
		}
	}
	return false
}

// statementClass is the class of reporting events.
const statementClass = "statement"

// planEvents groups the article's event mentions into document-level
// events (p.Local) and then places them in their story's clusters
// (p.Event).
func (r *Reconciler) planEvents(doc *extract.Document, p *Plan) {
	n := len(doc.Events)
	p.Event = make([]string, n)
	p.Local = make([]string, n)
	p.EventDate = make([]string, n)
	p.EventRangeBegin = make([]string, n)
	p.EventRangeEnd = make([]string, n)
	facts := make([]*evFacts, n)
	for i, ev := range doc.Events {
		f := newFacts()
		f.class = ev.Class
		f.lemmas.add(ev.Lemma)
		f.modalities.add(string(ev.Modality))
		f.sentences[ev.Sentence] = true
		for _, a := range ev.Agents {
			f.agents.add(argIRI(a, p.Entity))
		}
		for _, a := range ev.Patients {
			f.patients.add(argIRI(a, p.Entity))
		}
		for _, a := range ev.Locations {
			f.locations.add(argIRI(a, p.Entity))
		}
		for _, n := range ev.Nominals {
			if (n.Role == "agent" || n.Role == "patient") && !pronouns[strings.ToLower(strings.TrimSpace(n.Text))] {
				head := n.Text
				if n.Head.End > n.Head.Start && n.Head.End <= len(doc.Text) {
					head = doc.Text[n.Head.Start:n.Head.End]
				}
				f.phrases.add(n.Role[:1] + ":" + strings.ToLower(strings.TrimSpace(head)))
			}
		}
		if ev.Timex >= 0 && ev.Timex < len(doc.Timexes) {
			t := doc.Timexes[ev.Timex]
			if t.Type == "DATE" || t.Type == "TIME" {
				v := t.Value
				if t.Type == "TIME" {
					if k := strings.IndexByte(v, 'T'); k > 0 {
						v = v[:k]
					}
				}
				switch t.Range {
				case "begin":
					p.EventRangeBegin[i] = v
				case "end":
					p.EventRangeEnd[i] = v
				default:
					p.EventDate[i] = v
				}
			}
		}
		if ev.Class == statementClass && p.EventDate[i] == "" && p.EventRangeBegin[i] == "" &&
			p.EventRangeEnd[i] == "" && reconcile.Times(doc.DCT.Value, doc.DCT.Value) != "" {
			// Said, told: what nothing else dates was said when the
			// article was written.
			p.EventDate[i] = dayOf(doc.DCT.Value)
		}
		f.key = dateKey(p.EventDate[i], p.EventRangeBegin[i], p.EventRangeEnd[i])
		facts[i] = f
	}

	type group struct {
		iri   string
		facts *evFacts
	}
	var groups []*group
	statements := map[string]string{} // statementKey -> local id
	// Events first, then the statements that report them.
	for pass := 0; pass < 2; pass++ {
		for i, ev := range doc.Events {
			if (ev.Class == statementClass) != (pass == 1) {
				continue
			}
			f := facts[i]
			if pass == 1 {
				k := statementKey(doc, p, i, f)
				if statements[k] == "" {
					statements[k] = localEventIRI(f.class, p.DocIRI, i)
				}
				p.Local[i] = statements[k]
				continue
			}
			var joined *group
			dates := map[string]bool{}
			if f.key != "" {
				dates[f.key] = true
			}
			for _, g := range groups {
				if g.facts.key != "" && f.sameLemma(g.facts) {
					dates[g.facts.key] = true
				}
			}
			for _, g := range groups {
				if compatible(r.trig, f, g.facts, len(dates) > 1) {
					joined = g
					break
				}
			}
			if joined == nil {
				g := &group{iri: localEventIRI(f.class, p.DocIRI, i), facts: newFacts()}
				g.facts.class = f.class
				groups = append(groups, g)
				joined = g
			}
			joined.facts.merge(f)
			p.Local[i] = joined.iri
		}
	}
	r.planStory(doc, p)
}

// dayOf truncates a TIMEX3 value to its day.
func dayOf(v string) string {
	if k := strings.IndexByte(v, 'T'); k > 0 {
		return v[:k]
	}
	return v
}

func argIRI(a extract.Arg, ents []string) string {
	if a.Entity >= 0 && a.Entity < len(ents) {
		return ents[a.Entity]
	}
	return ""
}

// article is what the story index and the clustering know of a stored
// document.
func article(rec *DocRecord) reconcile.Article {
	a := reconcile.Article{IRI: rec.IRI, Source: rec.Source, Date: rec.Date, Copies: rec.Copies}
	for _, e := range rec.Entities {
		a.Entities = append(a.Entities, reconcile.Entity{IRI: e.IRI, Type: e.Type})
	}
	for _, ev := range rec.Events {
		local := ev.Local
		if local == "" {
			local = ev.IRI
		}
		a.Events = append(a.Events, reconcile.Event{
			Local: local, Doc: rec.IRI, Class: ev.Class, Lemmas: ev.Lemmas,
			Date: ev.Date, RangeBegin: ev.RangeBegin, RangeEnd: ev.RangeEnd,
			Agents: ev.Agents, Patients: ev.Patients, Locations: ev.Locations, Reports: ev.Reports,
			DocDate: rec.Date, Wordings: ev.Wordings, Copies: rec.Copies,
		})
	}
	return a
}

// planStory files the new article in its story, clusters the story's
// events, and lists the stored articles whose nodes change (their events
// join another cluster, their story grows, or their evidence changes).
// It does not change the reconciler.
func (r *Reconciler) planStory(doc *extract.Document, p *Plan) {
	copy(p.Event, p.Local) // the article's record, by document-level event
	rec := r.Record(doc, p)
	art := article(&rec)
	// Stories and clusters are decided on the nodes' names as they are
	// once this article is written: a stored article referring to a node
	// this article renames is compared under the new IRI.
	members, arts, links := r.stories.With(art, p.EntityRenames)
	p.Story = reconcile.StoryID(members)

	// The events to cluster: those of the story that this article's
	// events (and those of the stored articles whose entities it renames)
	// can reach through the blocking keys, each cluster decided from all
	// of its possible members whatever the order they came in. A
	// reclustering of a neighbourhood of articles would keep what earlier,
	// smaller sets decided.
	events := append([]reconcile.Event(nil), art.Events...)
	seed := map[string]bool{}
	for _, ev := range art.Events {
		seed[ev.Local] = true
	}
	for _, doc := range members {
		a := arts[doc]
		if doc == p.DocIRI || a == nil || r.docs[doc] == nil {
			continue
		}
		renamed := a != r.stories.Article(doc)
		for _, ev := range a.Events {
			events = append(events, ev)
			if renamed {
				seed[ev.Local] = true
			}
		}
	}
	linked := func(x, y string) bool {
		switch {
		case x == p.DocIRI:
			_, ok := links[y]
			return ok
		case y == p.DocIRI:
			_, ok := links[x]
			return ok
		}
		ok, _ := r.stories.Linked(x, y, p.EntityRenames)
		return ok
	}
	// Copies: stored links, and those this article's plan found (a stored
	// article that turns out to copy this one has no link yet).
	copiedBy := map[string]bool{}
	for _, c := range p.CopiedBy {
		copiedBy[c.Copy] = true
	}
	kin := func(x, y string) bool {
		return arts[x].Copies == y || arts[y].Copies == x ||
			x == p.DocIRI && copiedBy[y] || y == p.DocIRI && copiedBy[x]
	}
	// A story grown past r.topic articles is clustered
	// more strictly; the events of the stored articles that were in a
	// smaller story until now were clustered the other way and are
	// clustered again.
	topic := len(members) > r.topic
	if topic {
		done := map[string]bool{}
		for _, m := range members {
			if m == p.DocIRI || done[m] || r.docs[m] == nil {
				continue
			}
			comp := r.stories.Component(m)
			for _, x := range comp {
				done[x] = true
			}
			if len(comp) > r.topic {
				continue
			}
			for _, x := range comp {
				if a := arts[x]; a != nil {
					for _, ev := range a.Events {
						seed[ev.Local] = true
					}
				}
			}
		}
	}
	events = reconcile.Affected(r.trig, events, seed, linked, kin, r.compared, topic)
	cl := reconcile.ClusterWith(r.trig, events, linked, kin, r.compared, topic)

	p.Why = map[string][]string{}
	for i, local := range p.Local {
		p.Event[i] = cl.Of[local]
		if w := cl.Why[local]; len(w) > 0 {
			p.Why[local] = w
		}
	}
	shared := map[string]bool{}
	for _, ev := range events {
		if ev.Doc != p.DocIRI {
			shared[cl.Of[ev.Local]] = true
		}
	}
	seen := map[string]bool{}
	for _, iri := range p.Event {
		if !seen[iri] {
			seen[iri] = true
			if shared[iri] {
				p.MergedEvents++
			}
		}
	}
	for _, m := range members {
		old := r.docs[m]
		if m == p.DocIRI || old == nil {
			continue
		}
		rs := Restamp{Doc: m, Story: p.Story, OldStory: old.Story, Events: map[string]string{}, Why: map[string][]string{}}
		changed := old.Story != p.Story
		for _, ev := range old.Events {
			local := ev.Local
			if local == "" {
				local = ev.IRI
			}
			to, clustered := cl.Of[local]
			if !clustered {
				rs.Why[local] = ev.Why
				continue
			}
			if to != ev.IRI {
				rs.Events[ev.IRI] = to
				changed = true
			}
			// The new links' evidence is stored with the new article
			// (p.Why); a stored article is rewritten for its own nodes
			// or story, not for a mirror line of evidence.
			rs.Why[local] = cl.Why[local]
		}
		if changed {
			p.Restamp = append(p.Restamp, rs)
		}
	}
	r.restampRenamedEntities(p)
}

// restampRenamedEntities adds the entity renames of p to the restamps of
// every stored document that refers to a renamed node.
func (r *Reconciler) restampRenamedEntities(p *Plan) {
	if len(p.EntityRenames) == 0 {
		return
	}
	at := map[string]int{}
	for i, rs := range p.Restamp {
		at[rs.Doc] = i
	}
	from := make([]string, 0, len(p.EntityRenames))
	for f := range p.EntityRenames {
		from = append(from, f)
	}
	sort.Strings(from)
	for _, f := range from {
		for _, doc := range r.ents.nodes[f].docs.sorted() {
			old := r.docs[doc]
			if old == nil || doc == p.DocIRI {
				continue
			}
			i, ok := at[doc]
			if !ok {
				rs := Restamp{Doc: doc, Story: old.Story, OldStory: old.Story, Events: map[string]string{}, Why: map[string][]string{}}
				for _, ev := range old.Events {
					local := ev.Local
					if local == "" {
						local = ev.IRI
					}
					rs.Why[local] = ev.Why
				}
				p.Restamp = append(p.Restamp, rs)
				i = len(p.Restamp) - 1
				at[doc] = i
			}
			p.Restamp[i].Events[f] = p.EntityRenames[f]
		}
	}
}

// localEventIRI is the id of a document-level event: the article and the
// index of its first mention, so it is unique to the article, the same each
// time the article is read, and independent of how entities were resolved.
func localEventIRI(class, docIRI string, i int) string {
	return hashIRI(class, docIRI+"#"+strconv.Itoa(i))
}

// statementKey is what makes two of one article's reporting events one:
// class, date, participants and the local ids of what they report.
func statementKey(doc *extract.Document, p *Plan, i int, f *evFacts) string {
	var reported []string
	for _, j := range doc.Events[i].Reports {
		if j >= 0 && j < len(p.Local) && j != i && p.Local[j] != "" && !containsString(reported, p.Local[j]) {
			reported = append(reported, p.Local[j])
		}
	}
	sort.Strings(reported)
	key := strings.Join([]string{f.class, f.key, strings.Join(roleList(f), ","), "reports:" + strings.Join(reported, ",")}, "|")
	if len(reported) == 0 || f.participants() == 0 {
		key += "|" + strconv.Itoa(i)
	}
	return key
}

func hashIRI(fields ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(fields, "|")))
	return "event/" + hex.EncodeToString(sum[:8])
}

// applyRestamp returns rec as it is once rs is written: its story, event
// nodes and evidence. The events slice is copied, never changed in place.
func applyRestamp(rec DocRecord, rs Restamp) DocRecord {
	rec.Story = rs.Story
	rename := func(xs []string) []string { return reconcile.Renamed(xs, rs.Events) }
	ents := make([]EntityRecord, len(rec.Entities))
	for i, e := range rec.Entities {
		if to, ok := rs.Events[e.IRI]; ok {
			e.IRI = to
		}
		ents[i] = e
	}
	rec.Entities = ents
	evs := make([]EventRecord, len(rec.Events))
	for i, ev := range rec.Events {
		ev.Agents, ev.Patients, ev.Locations = rename(ev.Agents), rename(ev.Patients), rename(ev.Locations)
		ev.Participants = sortedParticipants(ev.Agents, ev.Patients)
		if to, ok := rs.Events[ev.IRI]; ok {
			ev.IRI = to
		}
		local := ev.Local
		if local == "" {
			local = ev.IRI
		}
		if w, ok := rs.Why[local]; ok {
			ev.Why = w
		}
		evs[i] = ev
	}
	rec.Events = evs
	return rec
}

// Restamped records that rs was applied to a stored document.
func (r *Reconciler) Restamped(rs Restamp) {
	rec := r.docs[rs.Doc]
	if rec == nil {
		return
	}
	next := applyRestamp(*rec, rs)
	renamesEntity := false
	for _, e := range rec.Entities {
		if _, ok := rs.Events[e.IRI]; ok {
			renamesEntity = true
		}
	}
	if renamesEntity {
		// Entity nodes renamed: the entity index and the story index
		// file the document anew.
		for _, e := range rec.Entities {
			r.ents.remove(rs.Doc, e)
		}
		for _, e := range next.Entities {
			r.ents.add(rs.Doc, e)
		}
		r.stories.Add(article(&next))
	}
	for _, ev := range rec.Events {
		r.clusterDocs.del(ev.IRI, rs.Doc)
	}
	for _, ev := range next.Events {
		r.clusterDocs.add(ev.IRI, rs.Doc)
	}
	r.docs[rs.Doc] = &next
}

// restampPlan applies rs to a planned, not yet written document.
func restampPlan(p *Plan, rs Restamp) {
	p.Story = rs.Story
	for i, iri := range p.Event {
		if to, ok := rs.Events[iri]; ok {
			p.Event[i] = to
		}
	}
	for i, iri := range p.Entity {
		if to, ok := rs.Events[iri]; ok {
			p.Entity[i] = to
		}
	}
	if p.Why == nil {
		p.Why = map[string][]string{}
	}
	for local, w := range rs.Why {
		p.Why[local] = w
	}
}

// composeRestamps is a then b, for one stored document restamped twice
// before either is written: b's renames apply to the nodes a produced.
func composeRestamps(a, b Restamp) Restamp {
	out := Restamp{Doc: b.Doc, Story: b.Story, OldStory: a.OldStory, Events: map[string]string{}, Why: map[string][]string{}}
	for from, mid := range a.Events {
		if to, ok := b.Events[mid]; ok {
			out.Events[from] = to
		} else {
			out.Events[from] = mid
		}
	}
	renamed := map[string]bool{}
	for _, mid := range a.Events {
		renamed[mid] = true
	}
	for from, to := range b.Events {
		if _, done := out.Events[from]; !done && !renamed[from] {
			out.Events[from] = to
		}
	}
	for k, w := range a.Why {
		out.Why[k] = w
	}
	for k, w := range b.Why {
		out.Why[k] = w
	}
	return out
}
