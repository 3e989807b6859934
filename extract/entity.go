package extract

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The entity stage finds named entities and merges their mentions within
// the article.
//
//  1. Gazetteer names (countries, capitals, places, organizations, with
//     aliases, acronyms and demonyms; gazetteer.go) are found with one
//     Aho-Corasick automaton over the text.
//  2. Titles ("Russian President", "Speaker of the House") are found with a
//     second, case-insensitive automaton; a title directly before a name
//     makes it a PERSON and becomes the mention's Role.
//  3. Other names come from the text itself: runs of proper-noun tokens,
//     typed by cues inside the run (Ministry, Party -> ORG; Airport,
//     Base -> FACILITY; Su-24, F-16 -> EQUIPMENT) or around it (a title,
//     "in"/"at" before, "said" after). A PERSON needs evidence (see
//     classifyRun); an unknown multi-word name is an ORG. A demonym,
//     place or body opening an institution's name is part of it
//     ("Scottish Executive", "US Air Force"), as is a city opening a
//     longer name ("Boston Red Sox"). Events, prizes, laws and lone
//     institution words ("the Government") are not entities.
//     Products (PRODUCT) are runs with a model number ("Xbox 360",
//     "Airbus A380", "Nokia 6600"), a product-line word ("Windows XP"),
//     an "i"-style name ("iPod") or a product noun beside them ("the
//     Vista operating system"); "index" and "union" beside a name make
//     it an ORG ("the Nikkei index", "the PCS union"); see productType.
//  4. Demonyms count as the country only when they qualify an actor
//     ("Russian jets", "Syrian forces", "Russian President"), capitals
//     only when they act ("Moscow says", "accuse Moscow of"); otherwise a
//     capital is the city.
//  5. Within the article, short person names link to the full name
//     ("Obama" -> "Barack Obama"), and weak candidates (lone capitalized
//     words, title-case headline words) are kept only when they link to an
//     entity found elsewhere, or, as an ORG, when the word recurs as a
//     name and is no English word ("Coldplay", "Yukos"; see recurring).
//
// Sentences of kind byline and boilerplate are not read.
type entityStage struct {
	g *gazetteer
}

func newEntityStage() (Stage, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("entity stage: %w", err)
	}
	return &entityStage{g: g}, nil
}

func (*entityStage) Name() string { return "entity" }

// candidate is a mention before entities are merged.
type candidate struct {
	t0, t1 int // token range [t0, t1)
	span   Span
	typ    EntityType
	name   string // proposed canonical name
	key    string // gazetteer key, or ""
	gaz    int    // gazetteer entry, or -1
	kind   string
	role   string
	// long is the span including the title and role holder before the
	// name ("Russian President Vladimir Putin"), for aliases.
	long Span
	weak bool
	// pending marks a multi-word name typed ORG for want of evidence; a
	// lone mention of its last word elsewhere makes it a PERSON.
	pending bool
	// person is the name's words, for persons.
	words []string
}

// Product is the type of products, models and product lines ("iPod",
// "Xbox 360", "Windows XP", "Airbus A380"): the entity stage's own type,
// beside those in doc.go (see the README's entityType table).
const Product EntityType = "PRODUCT"

var (
	designatorRE = regexp.MustCompile(`^([A-Z][A-Za-z]{0,3})-(\d{1,4}[A-Z]{0,3})(s?)$`)
	partyStateRE = regexp.MustCompile(`^[DRI]-[A-Z]{2}$`)
	// modelRE matches a model or version number after a name: digits,
	// with capitals before or after them ("3", "360", "747", "A380",
	// "3G", "4S", "N95").
	modelRE = regexp.MustCompile(`^[A-Z]{0,3}\d{1,4}[A-Z]{0,2}$`)
)

var (
	orgCues = wordSet(`ministry department agency party university college institute council committee commission
		corp corp. corporation inc inc. ltd ltd. plc co co. company group bank association union federation foundation
		organization organisation army navy forces police court parliament assembly senate congress office service services
		authority board club fc league network tv news times post journal radio press airlines airways motors front brigade
		brigades movement coalition alliance guard corps bureau fund trust society industries holdings partners labs
		institution cabinet government regime administration command directorate unit battalion division
		united rovers athletic wanderers albion studios studio pictures records technologies technology systems
		software media electronics entertainment aviation aeronautics airline energy petroleum pharmaceuticals telecom
		communications tobacco insurance securities investments registry force reporter herald tribune gazette telegraph
		chronicle mirror magazine observer courier examiner inquirer mail democrats republicans socialists conservatives
		liberals nationalists unionists llc llp ag gmbh trust hospitals`)
	// instCues end an institution's name opened by a demonym or place
	// ("Scottish Executive", "French Foreign Ministry", "US Air Force").
	instCues = wordSet(`executive government`)
	orgHeads = wordSet(`ministry department university bank bureau office council court institute school academy
		federation union league commission committee party house`)
	facilityCues = wordSet(`airport base airbase palace square bridge stadium hospital prison jail embassy consulate capitol
		tower hotel plant station port harbour harbor dam mosque church cathedral temple synagogue building center centre
		camp museum hall arena road street avenue highway crossing refinery complex reactor mall market airfield terminal
		park gardens theatre theater library cemetery lane circuit racecourse pier wharf docks`)
	locCues = wordSet(`river sea ocean mountains mountain lake valley desert island islands peninsula gulf bay strait
		region province county district coast plateau basin canal forest hills isles highlands falls canyon channel
		reef archipelago delta beach`)
	// eventCues end names of events, prizes, wars and laws, which are none
	// of the entity types ("World Indoor Championships", "Cold War",
	// "Human Rights Act").
	eventCues = wordSet(`championships championship games olympics olympic paralympics festival festivals awards award
		cup prix trophy tournament marathon expo show honours honors open week day year war act bill provisions prize
		prizes summit election elections series season tour list`)
	// leadNonName are capitalized sentence openers that are not part of
	// the name after them ("Former Boyzone singer").
	leadNonName = wordSet(`former ex late veteran fellow rival both then`)
	nameStop    = wordSet(`monday tuesday wednesday thursday friday saturday sunday january february march april may june july
		august september october november december jan feb mar apr jun jul aug sep sept oct nov dec i god mr mrs ms dr
		today yesterday tomorrow`)
	nameParticles = wordSet(`al el bin ibn abu de da di du van von der den le la dos del ben`)
	locPreps      = wordSet(`in at near outside inside across around into toward towards via outskirts`)
	speechVerbs   = wordSet(`say tell add state claim insist warn announce argue stress note confirm deny write tweet explain
		suggest reply respond admit acknowledge allege report`)
	actorNouns = wordSet(`government authority official force army military troop soldier jet warplane plane aircraft pilot
		navy president leader minister ministry diplomat embassy ambassador police regime administration delegation side
		warship submarine drone missile bomber fighter helicopter tank spokesman spokeswoman envoy parliament lawmaker
		intelligence court prosecutor negotiator counterpart commander general officer agent crew army airstrike strike
		warplanes company firm bank official state media troops marines marine coast guard`)
	honorifics = wordSet(`mr mr. mrs mrs. ms ms. sir dame lord lady`)
	// productNouns, right after a name or right before it, say the name
	// is a product ("the Xbox console", "the game Halo 2", "the drug
	// Vioxx").
	productNouns = wordSet(`console handset phone smartphone laptop notebook tablet computer pc desktop software
		browser application app videogame chip processor camera device gadget car saloon hatchback airliner
		drug medicine painkiller vaccine pill handheld`)
	// productNounsBefore name a product before it only ("the game Halo
	// 2"): after a name they are often about a team ("the Chelsea game",
	// "a Chelsea player").
	productNounsBefore = wordSet(`game player`)
	// labelWords are numbered by the number after them, which is no model
	// number ("Article 50", "Section 28", "Terminal 5", "Flight 93").
	labelWords = wordSet(`article clause section resolution room page flight route highway terminal platform gate level
		chapter part phase stage category class grade tier zone year day week round game match number no key division
		league act bill top`)
	// quantityWords after a number make it an amount, not a model number
	// ("Chelsea 3 points", "Yukos 20 billion").
	quantityWords = wordSet(`million billion trillion bn m per percent cent points point goals goal runs wickets years year
		months month days day hours minutes mins min seconds times votes seats people shares pence p yards metres meters
		miles feet km kg og pen to and or of`)
)

// Run fills doc.Entities and doc.Mentions.
func (s *entityStage) Run(ctx context.Context, doc *Document) error {
	doc.Entities = doc.Entities[:0]
	doc.Mentions = doc.Mentions[:0]
	if len(doc.Tokens) == 0 {
		return nil
	}
	x := &entityRun{g: s.g, doc: doc}
	x.index()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entity stage: %w", err)
	}
	for si := range doc.Sentences {
		k := doc.Sentences[si].Kind
		if k == KindByline || k == KindBoilerplate {
			continue
		}
		x.sentence(si)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entity stage: %w", err)
	}
	x.lonePersons()
	x.resolve()
	return nil
}

// entityRun is the per-document working state.
type entityRun struct {
	g   *gazetteer
	doc *Document
	// gazAt maps a token index to the gazetteer match starting there.
	gazAt map[int]gazMatch
	// titleAt maps a token index to the title match starting there.
	titleAt map[int]titleMatch
	cands   []candidate
}

type gazMatch struct {
	t1   int // exclusive end token
	end  int // byte end
	pat  gazPattern
	text string
}

// known reports whether m is a match (the zero gazMatch is none).
func (m gazMatch) known() bool { return m.t1 > 0 }

type titleMatch struct {
	t1   int
	text string // the title as listed
}

// tokenAt returns the index of the token containing byte offset off, or -1.
func (x *entityRun) tokenAt(off int) int {
	toks := x.doc.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
	if i < len(toks) && toks[i].Start <= off {
		return i
	}
	return -1
}

func isWordByte(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordBounded reports whether text[start:end] stands as a whole word. A
// hyphen after the match is allowed ("US-led"), one before it is not
// ("pro-Russian").
func wordBounded(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWordByte(r) || r == '-' {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if isWordByte(r) {
			return false
		}
	}
	return true
}

// index runs both automata over the text.
func (x *entityRun) index() {
	text := x.doc.Text
	x.gazAt = map[int]gazMatch{}
	x.titleAt = map[int]titleMatch{}
	for _, m := range x.g.ac.FindAll(text) {
		st, en := m.Start(), m.End()
		if !wordBounded(text, st, en) {
			continue
		}
		t0 := x.tokenAt(st)
		t1 := x.tokenAt(en - 1)
		if t0 < 0 || t1 < 0 || x.doc.Tokens[t0].Start != st {
			continue
		}
		x.gazAt[t0] = gazMatch{t1: t1 + 1, end: en, pat: x.g.patterns[m.Pattern()], text: text[st:en]}
	}
	for _, m := range x.g.titleAC.FindAll(text) {
		st, en := m.Start(), m.End()
		if !wordBounded(text, st, en) && !(strings.HasSuffix(text[st:en], ".") && wordBounded(text, st, en-1)) {
			continue
		}
		t0 := x.tokenAt(st)
		t1 := x.tokenAt(en - 1)
		if t0 < 0 || t1 < 0 || x.doc.Tokens[t0].Start != st || x.doc.Tokens[t1].End != en {
			continue
		}
		x.titleAt[t0] = titleMatch{t1: t1 + 1, text: x.g.titles[m.Pattern()]}
	}
}

func (x *entityRun) tok(i int) *Token { return &x.doc.Tokens[i] }

// nameToken reports whether token i can be part of a proper name.
func (x *entityRun) nameToken(i int) bool {
	t := x.tok(i)
	r := firstRune(t.Text)
	if !unicode.IsUpper(r) {
		if lowerCamel(t.Text) {
			// "iPod", "eBay", "iTunes": names written with a small
			// letter first.
			return !x.g.notNames[strings.ToLower(t.Text)]
		}
		if i := strings.IndexByte(t.Text, '-'); i > 0 && nameParticles[t.Text[:i]] && i+1 < len(t.Text) {
			return unicode.IsUpper(firstRune(t.Text[i+1:]))
		}
		return false
	}
	if nameStop[strings.ToLower(t.Text)] || partyStateRE.MatchString(t.Text) {
		return false
	}
	if strings.HasPrefix(t.Tag, "NNP") || x.g.productLines[t.Text] || camelCase(t.Text) {
		return true // the tagger takes "Xbox", "PlayStation" for common nouns
	}
	// "al-Assad", "bin-Salman", "el-Sisi": a particle joined to a name.
	if i := strings.IndexByte(t.Text, '-'); i > 0 && nameParticles[strings.ToLower(t.Text[:i])] && i+1 < len(t.Text) {
		return unicode.IsUpper(firstRune(t.Text[i+1:]))
	}
	// Taggers miss capitalized words inside names ("Su-24", "al-Assad").
	return designatorRE.MatchString(t.Text)
}

// titleCase reports whether sentence si is written in title case (most
// words capitalized), where capitalization says nothing about names.
func (x *entityRun) titleCase(si int) bool {
	s := x.doc.Sentences[si]
	caps, words := 0, 0
	for i := s.FirstToken; i < s.EndToken; i++ {
		w := x.tok(i).Text
		if !hasLetter(w) || utf8.RuneCountInString(w) < 4 {
			continue
		}
		words++
		if unicode.IsUpper(firstRune(w)) {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}

func (x *entityRun) add(c candidate) {
	if c.long == (Span{}) {
		c.long = c.span
	}
	x.cands = append(x.cands, c)
}

// sentence finds the candidates in sentence si.
func (x *entityRun) sentence(si int) {
	s := x.doc.Sentences[si]
	tc := x.titleCase(si) && !endsSentence(x.doc.Text[s.Start:s.End])
	holder := -1 // candidate index of a role holder right before a title
	for i := s.FirstToken; i < s.EndToken; {
		if m, ok := x.gazAt[i]; ok && m.t1 <= s.EndToken {
			// A place name opening a longer organization or facility
			// name ("Kharkov Tractor Plant") gives way to it.
			if e := x.g.entries[m.pat.entry]; !tc && (e.Type == GPE || e.Type == Loc) {
				if j := x.nameRunEnd(m.t1, s.EndToken, true); j > m.t1 {
					if t := cueType(x.tok(j - 1).Text); t == Org || t == Facility {
						x.classifyRun(i, j, s)
						i = j
						holder = -1
						continue
					}
				}
				// A one-word place that is a given name opening a
				// person's name ("Jordan Henderson", "Florence
				// Nightingale").
				if m.t1 == i+1 && x.g.given[x.tok(i).Text] && m.t1 < s.EndToken && x.nameToken(m.t1) {
					if _, gz := x.gazAt[m.t1]; !gz {
						if j := x.nameRunEnd(m.t1, s.EndToken, false); cueType(x.tok(j-1).Text) == "" {
							x.classifyRun(i, j, s)
							i = j
							holder = -1
							continue
						}
					}
				}
			}
			// A city or region opening a longer name is part of it
			// ("Newport Beach", "Boston Red Sox", "San Diego Padres").
			if e := x.g.entries[m.pat.entry]; !tc && e.Source != "countries" && (e.Type == GPE || e.Type == Loc) &&
				m.t1 < s.EndToken && x.nameToken(m.t1) && !x.gazAt[m.t1].known() {
				if _, title := x.titleAt[m.t1]; !title {
					// An event named after the place ("Sydney Olympics")
					// keeps the place.
					if j := x.nameRunEnd(m.t1, s.EndToken, true); !eventCues[strings.ToLower(x.tok(j-1).Text)] {
						if _, det := x.prevWord(i, s); det && cueType(x.tok(j-1).Text) == "" {
							// "the Boston Red Sox": a team or company.
							x.addName(i, j, Org)
						} else {
							x.classifyRun(i, j, s)
						}
						i = j
						holder = -1
						continue
					}
				}
			}
			// A demonym, place or body opening an institution's name is
			// part of it ("Scottish Parliament", "French Foreign
			// Ministry", "US Air Force", "Welsh Assembly Government").
			if e := x.g.entries[m.pat.entry]; !tc && (m.pat.kind == "demonym" || e.Type == GPE || e.Type == Loc || e.Type == Org) {
				if j, typ := x.institutionEnd(m.t1, s.EndToken); j > m.t1 {
					x.addName(i, j, typ)
					i = j
					holder = -1
					continue
				}
			}
			// A sea or gulf name followed by "of" and a name is one place
			// ("the Gulf of Aden", "Bay of Bengal").
			if k := m.t1; !tc && k+1 < s.EndToken && locCues[strings.ToLower(x.tok(k-1).Text)] &&
				strings.EqualFold(x.tok(k).Text, "of") && x.nameToken(k+1) {
				j := k + 1
				for j < s.EndToken && x.nameToken(j) {
					j++
				}
				span := Span{x.tok(i).Start, x.tok(j - 1).End}
				x.add(candidate{t0: i, t1: j, span: span, typ: Loc, gaz: -1, kind: "name",
					name: x.doc.Text[span.Start:span.End], words: x.words(i, j)})
				i = j
				holder = -1
				continue
			}
			// A maker and a model number name a product ("Nokia 6600",
			// "Boeing 747", "Airbus A380").
			if e := x.g.entries[m.pat.entry]; !tc && e.Type == Org && cueType(x.tok(m.t1-1).Text) == "" {
				if k := x.modelEnd(i, m.t1, s); k > m.t1 {
					x.addName(i, k, Product)
					i = k
					holder = -1
					continue
				}
			}
			i = x.gazCandidate(i, m, s.EndToken)
			holder = len(x.cands) - 1
			continue
		}
		if tm, ok := x.titleAt[i]; ok && tm.t1 <= s.EndToken && !tc && !x.gazAt[tm.t1].known() {
			j := x.nameRunEnd(tm.t1, s.EndToken, false)
			if j > tm.t1 && x.personRun(tm.t1, j) {
				role := tm.text
				if honorifics[strings.ToLower(role)] {
					role = ""
				}
				long := Span{x.tok(i).Start, x.tok(j - 1).End}
				if holder >= 0 && x.cands[holder].t1 == i {
					long.Start = x.cands[holder].span.Start
				}
				x.add(candidate{t0: tm.t1, t1: j, span: Span{x.tok(tm.t1).Start, x.tok(j - 1).End}, typ: Person,
					gaz: -1, kind: "name", role: role, long: long, words: x.words(tm.t1, j)})
				i = j
				holder = -1
				continue
			}
		}
		holder = -1
		if x.designator(i) {
			i++
			continue
		}
		if !x.nameToken(i) {
			if !tc && x.pluralGroup(i, s) {
				x.classifyRun(i, i+1, s)
			}
			// A capitalized adjective opening an institution's name
			// ("Royal Navy", "National Audit Office").
			if t := x.tok(i); !tc && t.Tag == "JJ" && unicode.IsUpper(firstRune(t.Text)) {
				if j, typ := x.institutionEnd(i+1, s.EndToken); j > i+1 {
					x.addName(i, j, typ)
					i = j
					continue
				}
			}
			i++
			continue
		}
		if tc {
			// Title-case headline: each capitalized word is a weak
			// candidate that must link to a name found elsewhere.
			x.add(candidate{t0: i, t1: i + 1, span: x.tok(i).Span, gaz: -1, kind: "alias", weak: true, words: []string{x.tok(i).Text}})
			i++
			continue
		}
		j := x.nameRunEnd(i, s.EndToken, true)
		j = x.modelEnd(i, j, s)
		x.classifyRun(i, j, s)
		i = j
	}
}

// lowerCamel reports a name written with a small letter before a capital
// ("iPod", "eBay", "iOS"): at least three letters or digits.
func lowerCamel(w string) bool {
	n := 0
	for k, r := range w {
		switch {
		case k == 0 && !unicode.IsLower(r), n == 1 && !unicode.IsUpper(r):
			return false
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			return false
		}
		n++
	}
	return n >= 3
}

// iCamel reports a product name in the "i" + capital style ("iPod",
// "iMac", "iPlayer"), which names products, not companies (unlike
// "eBay").
func iCamel(w string) bool {
	return len(w) >= 3 && w[0] == 'i' && w[1] >= 'A' && w[1] <= 'Z' && lowerCamel(w)
}

// modelEnd extends the name run [i,j) of sentence s with a model or
// version number right after it ("PlayStation 2", "Xbox 360", "iPhone
// 3G", "FTSE 100") and returns the new end, or j. The number is not one
// when it counts, scores or dates: "Chelsea 3 points", "won 2-1", "Euro
// 2004" (a year joins only a product line: "Windows 2000"), nor after a
// label ("Article 50", "Terminal 5").
func (x *entityRun) modelEnd(i, j int, s Sentence) int {
	if j <= i || j >= s.EndToken || x.doc.Text[x.tok(j-1).End:x.tok(j).Start] != " " {
		return j
	}
	t := x.tok(j).Text
	if h := x.tok(j - 1).Text; !modelRE.MatchString(t) || labelWords[strings.ToLower(h)] || nameStop[strings.ToLower(h)] ||
		strings.Contains(h, ".") {
		return j // "Article 50", "H.R. 1" (a bill)
	}
	if k := j + 1; k < s.EndToken {
		next := x.tok(k)
		nl := strings.ToLower(next.Text)
		switch {
		case quantityWords[nl], next.Tag == "CD", nl == "%":
			return j
		case (nl == "-" || nl == "–" || nl == ":" || nl == "." || nl == ",") && k+1 < s.EndToken && x.tok(k+1).Tag == "CD":
			return j // a score, a time, a decimal or a list of numbers
		case x.nameToken(k) && k+1 < s.EndToken && x.tok(k+1).Tag == "CD":
			return j // "Chelsea 2 Arsenal 1"
		}
	}
	if n, err := strconv.Atoi(t); err == nil {
		if isAcronym(x.tok(j - 1).Text) {
			return j // "BBC 1", "RBS 6 Nations": a channel or a sponsored event
		}
		if len(t) == 4 && n >= 1900 && n < 2100 && !x.productWords(i, j) {
			return j
		}
		if n <= 120 && x.minuteList(i, j, s) {
			return j
		}
	}
	return j + 1
}

// minuteList reports a name and a number at [i, j] that are one item of a
// list of players and minutes or scores ("Giggs (Saha 70)", "Ronaldo 9,
// Rooney 87."): the pair is in brackets, or the sentence holds another
// name and small number followed by a comma, bracket or full stop.
func (x *entityRun) minuteList(i, j int, s Sentence) bool {
	closes := func(k int) bool {
		if k >= s.EndToken {
			return true
		}
		switch x.tok(k).Text {
		case ",", ")", ".", ";", "og", "pen":
			return true
		}
		return false
	}
	if !closes(j + 1) {
		return false
	}
	if i > s.FirstToken && x.tok(i-1).Text == "(" && j+1 < s.EndToken && x.tok(j+1).Text == ")" {
		return true
	}
	for k := s.FirstToken + 1; k < s.EndToken; k++ {
		if k == j || !x.nameToken(k-1) || x.tok(k).Tag != "CD" || !closes(k+1) {
			continue
		}
		if n, err := strconv.Atoi(x.tok(k).Text); err == nil && n <= 120 {
			return true
		}
	}
	return false
}

// productWords reports a product-line word or an "i"-style name among
// tokens [i,j) ("Xbox", "Windows", "iPod").
func (x *entityRun) productWords(i, j int) bool {
	for k := i; k < j; k++ {
		if w := x.tok(k).Text; x.g.productLines[w] || iCamel(w) {
			return true
		}
	}
	return false
}

// productType types a name run [i,j) of sentence s that names a product,
// a market index or a trade union, from the words in and around it:
//   - a market index or a union: "the Nikkei index", "the RMT union",
//     "union Amicus" (ORG);
//   - a product: a product-line word or an "i"-style name in it ("Xbox
//     Live", "iTunes"), "codenamed" before it, a model number ending it
//     ("Halo 2", "Airbus A380"), or a singular product noun right after
//     it or right before it ("the Vista operating system", "the game
//     Half-Life");
//
// and reports whether one did. A run ending in an institution, facility
// or place word ("Radio 4", "Terminal 5") is none of these unless a
// product-line word is in it ("Windows Media Center").
func (x *entityRun) productType(i, j int, head string, model bool, s Sentence) (EntityType, bool) {
	next, prev := "", ""
	if j < s.EndToken {
		next = x.tok(j).Text
	}
	if i > s.FirstToken {
		prev = x.tok(i - 1).Text
	}
	switch {
	case next == "index" || next == "indices" || next == "union" || prev == "union":
		return Org, true
	case x.productWords(i, j), prev == "codenamed" || prev == "code-named":
		return Product, true
	case cueType(head) != "":
		return "", false
	case model:
		return Product, true
	case i > s.FirstToken && x.productNounAt(j, s, productNouns),
		x.productNounAt(i-1, s, productNouns, productNounsBefore) && i-2 >= s.FirstToken && determinerLike(x.tok(i-2)):
		// Not a capitalized sentence opener: "Video games are big".
		return Product, true
	}
	return "", false
}

// productNounAt reports a singular product noun of one of sets at token
// k of sentence s ("console", "operating system") that heads its phrase
// ("XML computer code" is about code).
func (x *entityRun) productNounAt(k int, s Sentence, sets ...map[string]bool) bool {
	if k < s.FirstToken || k >= s.EndToken {
		return false
	}
	t := x.tok(k)
	if t.Text == "operating" && k+2 < s.EndToken && x.tok(k+1).Text == "system" {
		k++
	} else if t.Tag != "NN" || !(sets[0][t.Text] || len(sets) > 1 && sets[1][t.Text]) {
		return false
	}
	return k+1 >= s.EndToken || !strings.HasPrefix(x.tok(k+1).Tag, "NN")
}

// determinerLike reports a determiner or possessive ("the", "its",
// "Sony's").
func determinerLike(t *Token) bool {
	return t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "POS"
}

func (x *entityRun) words(t0, t1 int) []string {
	var out []string
	for i := t0; i < t1; i++ {
		out = append(out, x.tok(i).Text)
	}
	return out
}

// nameRunEnd returns the end of the run of name tokens starting at i,
// allowing particles (al-, bin, de) and, after an organization word,
// "of (the)" ("Ministry of Defence").
func (x *entityRun) nameRunEnd(i, end int, allowOf bool) int {
	j := i
	for j < end {
		if _, ok := x.gazAt[j]; ok && j > i {
			break
		}
		if x.nameToken(j) {
			j++
			continue
		}
		w := strings.ToLower(x.tok(j).Text)
		if j > i && j+1 < end && nameParticles[w] && x.nameToken(j+1) {
			j++
			continue
		}
		if j > i && j+1 < end && x.tok(j).Text == "&" && x.nameToken(j+1) {
			j++
			continue
		}
		if j > i && w == "and" && j+1 < end && x.nameToken(j+1) {
			// "Exhibition and Conference Centre": "and" joins two name
			// parts when the whole ends in an institution or place word.
			k := j + 1
			for k < end && x.nameToken(k) {
				k++
			}
			if cueType(x.tok(k-1).Text) != "" {
				j = k
			}
			break
		}
		prevW := strings.ToLower(x.tok(max(j-1, 0)).Text)
		if allowOf && j > i && (w == "of" && (orgHeads[prevW] || locCues[prevW]) || (w == "for" || w == "on") && orgHeads[prevW]) {
			k := j + 1
			if k < end && strings.EqualFold(x.tok(k).Text, "the") {
				k++
			}
			if k < end && x.nameToken(k) {
				// The name after "of" belongs to the run even when a
				// gazetteer knows it ("Bank of America", "Gulf of Aden"),
				// with "and" inside it ("Department of Trade and
				// Industry").
				ands := 0
				for j = k + 1; j < end; j++ {
					if x.nameToken(j) {
						continue
					}
					if jw := x.tok(j).Text; (jw == "and" || jw == "&") && ands == 0 && j+1 < end && x.nameToken(j+1) {
						ands++
						continue
					}
					break
				}
				break
			}
		}
		break
	}
	return j
}

// personRun reports whether tokens [i,j) after a title can be a person's
// name (not an organization or place run).
func (x *entityRun) personRun(i, j int) bool {
	last := strings.ToLower(x.tok(j - 1).Text)
	return !orgCues[last] && !facilityCues[last] && !locCues[last] && !isAcronym(x.tok(i).Text)
}

// designator handles equipment designators (Su-24, F-16) outside name
// runs; it reports whether token i was taken.
func (x *entityRun) designator(i int) bool {
	if x.nameToken(i) {
		return false
	}
	c, ok := x.equipment(i, i+1)
	if ok {
		x.add(c)
	}
	return ok
}

// equipment reads an equipment name from tokens [i,j) if one of them is a
// designator of a known family.
func (x *entityRun) equipment(i, j int) (candidate, bool) {
	for k := i; k < j; k++ {
		m := designatorRE.FindStringSubmatch(x.tok(k).Text)
		if m == nil {
			continue
		}
		maker, known := x.g.makers[m[1]]
		if !known {
			continue
		}
		if maker == "" && m[3] == "" && !x.vehicleAfter(j) {
			continue
		}
		name := m[1] + "-" + m[2]
		if maker != "" {
			name = maker + " " + name
		}
		return candidate{t0: i, t1: j, span: Span{x.tok(i).Start, x.tok(j - 1).End}, typ: Equipment, name: name,
			gaz: -1, kind: "name"}, true
	}
	return candidate{}, false
}

// vehicleAfter reports whether a vehicle noun follows within three tokens.
func (x *entityRun) vehicleAfter(j int) bool {
	end := x.doc.Sentences[x.tok(max(j-1, 0)).Sentence].EndToken
	for k := j; k < end && k < j+3; k++ {
		l := x.tok(k).Lemma
		if l == "" {
			l = strings.ToLower(x.tok(k).Text)
		}
		if x.g.vehicles[l] {
			return true
		}
	}
	return false
}

// prevWord returns the lower-cased token before i in the same sentence,
// skipping a determiner, and whether a determiner was skipped.
func (x *entityRun) prevWord(i int, s Sentence) (string, bool) {
	k := i - 1
	det := false
	if k >= s.FirstToken {
		w := strings.ToLower(x.tok(k).Text)
		if w == "the" || w == "a" || w == "an" {
			det = true
			k--
		}
	}
	if k < s.FirstToken {
		return "", det
	}
	return strings.ToLower(x.tok(k).Text), det
}

// nextIsVerb reports whether the token after j (skipping adverbs) is a
// finite verb or modal, i.e. the name is a subject that acts or speaks.
func (x *entityRun) nextIsVerb(j, end int) bool {
	for k := j; k < end && k < j+3; k++ {
		tg := x.tok(k).Tag
		switch {
		case tg == "RB":
			continue
		case tg == "VBD" || tg == "VBZ" || tg == "VBP" || tg == "MD":
			return true
		}
		return false
	}
	return false
}

// classifyRun types the name run [i,j) of sentence s.
//
// A name is a PERSON only with evidence: a title before it (read in
// sentence), a known given name opening it, an age after it ("John
// Smith, 45,"), a speech verb after it unless a following "it"/"its"
// shows a company speaking, or a lone mention of its last word elsewhere
// in the article (see lonePersons). Without evidence a multi-word name is
// an ORG: in news, unknown multi-word names are more often companies,
// bodies, teams and bands than people, and an ORG mistaken for a person
// is the costlier error (it gets a role, quotes and a person key).
func (x *entityRun) classifyRun(i, j int, s Sentence) {
	// "Former Boyzone singer": a capitalized opener is not the name.
	if i == s.FirstToken && j-i > 1 && leadNonName[strings.ToLower(x.tok(i).Text)] {
		i++
	}
	span := Span{x.tok(i).Start, x.tok(j - 1).End}
	text := x.doc.Text[span.Start:span.End]
	words := x.words(i, j)
	// A model number ending the run ("Xbox 360") is not its head word.
	model := len(words) >= 2 && modelRE.MatchString(words[len(words)-1]) && hasLetter(words[len(words)-2])
	head := words[len(words)-1]
	if model {
		head = words[len(words)-2]
	}
	last := strings.ToLower(head)
	first := strings.ToLower(words[0])
	base := candidate{t0: i, t1: j, span: span, gaz: -1, kind: "name", name: text, words: words}
	if c, ok := x.equipment(i, j); ok {
		x.add(c)
		return
	}
	if tm, ok := x.titleAt[i]; ok {
		if tm.t1 >= j {
			// A title alone ("Chief Executive") names no one.
			return
		}
		if x.personRun(tm.t1, j) {
			// A run opening with a title the sentence loop did not
			// see ("First Minister Jack McConnell").
			span := Span{x.tok(tm.t1).Start, x.tok(j - 1).End}
			role := tm.text
			if honorifics[strings.ToLower(role)] {
				role = ""
			}
			x.add(candidate{t0: tm.t1, t1: j, span: span, typ: Person, gaz: -1, kind: "name", role: role,
				long: Span{x.tok(i).Start, span.End}, words: x.words(tm.t1, j)})
			return
		}
	}
	if (len(words) == 1 && (x.g.notNames[first] || cueType(first) != "")) || eventCues[last] {
		// One institution word alone ("the Government", "the Trust")
		// is a description, not a name.
		return
	}
	if typ, ok := x.productType(i, j, head, model, s); ok && !(typ == Product && x.givenName(words[0]) && !model) {
		base.typ = typ
		x.add(base)
		return
	}
	prev, det := x.prevWord(i, s)
	multi := len(words) >= 2
	camel := false
	for _, w := range words {
		camel = camel || camelCase(w)
	}
	switch cue := cueType(head); {
	case multi && orgHeads[first] && len(words) > 2:
		// "University of the Highlands and Islands".
		base.typ = Org
	case cue != "":
		base.typ = cue
	case first == "mount" || first == "lake" || (len(words) > 2 && locCues[first]):
		base.typ = Loc
	case len(words) == 1 && strings.Contains(words[0], ".") && isAcronym(words[0]):
		// Dotted abbreviations not in a gazetteer ("H.R.") are not names.
		return
	case len(words) == 1 && isAcronym(words[0]) && utf8.RuneCountInString(words[0]) >= 2:
		// An acronym in parentheses right after a name is its alias.
		if i > s.FirstToken && x.tok(i-1).Text == "(" && len(x.cands) > 0 && x.cands[len(x.cands)-1].t1 == i-1 {
			p := x.cands[len(x.cands)-1]
			x.add(candidate{t0: i, t1: j, span: span, typ: p.typ, gaz: p.gaz, key: p.key, name: p.name, kind: "acronym", words: p.words})
			return
		}
		base.typ = Org
		base.kind = "acronym"
		base.weak = true // links to a name given the acronym earlier
	case det && x.pluralName(j-1):
		// "the Colts", "the Tar Heels", "the 76ers": a plural name after
		// "the" names a group (a team, a band, a family).
		base.typ = Org
	case det:
		// "the Cold War", "the People Act": not a person, type unknown.
		return
	case multi && allAlpha(words) && !camel && (x.givenName(words[0]) || x.ageAfter(j, s.EndToken)):
		base.typ = Person
	case locPreps[prev]:
		base.typ = GPE
		base.weak = len(words) == 1 // may still be a known person: "from Obama"
	case x.nextIsSpeech(j, s.EndToken) || prev == "said" || prev == "says":
		base.typ = Person
		if camel || x.pronounAfter(j, s.EndToken) == Org {
			// "AutoLink would", "Nestle said it".
			base.typ = Org
		}
		// One word links to a longer name when there is one ("Lockheed"
		// -> "Lockheed Martin", "Obama" -> "Barack Obama").
		base.weak = !multi
	case multi:
		base.typ = Org
		base.pending = allAlpha(words) && !isAcronym(words[len(words)-1]) // "Nintendo DS" is no person
	default:
		base.weak = true
		base.kind = "alias"
	}
	x.add(base)
}

// cueType types a name by its last word: an organization, facility or
// place word, or its plural ("Hereford Hospitals", "Revolution Studios").
func cueType(w string) EntityType {
	l := strings.ToLower(w)
	for _, c := range []string{l, strings.TrimSuffix(l, "s")} {
		switch {
		case orgCues[c]:
			return Org
		case facilityCues[c]:
			return Facility
		case locCues[c]:
			return Loc
		}
	}
	return ""
}

// institutionEnd reads capitalized words from k ("Foreign Ministry",
// "Exhibition and Conference Centre", "Department for Transport") and
// returns the end of the longest run ending in an institution or facility
// word, with its type; k when there is none.
func (x *entityRun) institutionEnd(k, end int) (int, EntityType) {
	j := k
	best, typ := k, EntityType("")
	for j < end {
		t := x.tok(j)
		lw := strings.ToLower(t.Text)
		switch {
		case unicode.IsUpper(firstRune(t.Text)) && hasLetter(t.Text) && !nameStop[lw]:
			if _, ok := x.titleAt[j]; ok && j == k {
				// "Russian President": a title, not an institution.
				return k, ""
			}
			j++
			c := cueType(t.Text)
			if instCues[lw] {
				c = Org
			}
			if c == Org || c == Facility {
				best, typ = j, c
			}
			continue
		case j > k && j+1 < end && (lw == "of" || lw == "for" || lw == "and" || lw == "&" || lw == "on") &&
			unicode.IsUpper(firstRune(x.tok(j+1).Text)):
			j++
			continue
		}
		break
	}
	return best, typ
}

// addName adds tokens [i,j) as a name of type typ.
func (x *entityRun) addName(i, j int, typ EntityType) {
	span := Span{x.tok(i).Start, x.tok(j - 1).End}
	x.add(candidate{t0: i, t1: j, span: span, typ: typ, gaz: -1, kind: "name", name: x.doc.Text[span.Start:span.End],
		words: x.words(i, j)})
}

// givenName reports a known given name, or a hyphenated one whose first
// part is known ("Jean-Michel").
func (x *entityRun) givenName(w string) bool {
	if x.g.given[w] {
		return true
	}
	i := strings.IndexByte(w, '-')
	return i > 0 && x.g.given[w[:i]]
}

// camelCase reports a word with a capital inside it after a lower-case
// letter ("AutoLink", "PlayStation", "EastEnders"): product and company
// names. Surname prefixes (McCarthy, MacDonald, DiCaprio, LeBlanc,
// DeShawn) are not counted.
func camelCase(w string) bool {
	prev := ' '
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
			switch w[:i] {
			case "Mc", "Mac", "Di", "De", "Da", "Le", "La", "Du", "Van", "Von", "Fitz":
				return false
			}
			return true
		}
		prev = r
	}
	return false
}

// ageAfter reports an age apposition after token j: ", 45,".
func (x *entityRun) ageAfter(j, end int) bool {
	if j+2 >= end || x.tok(j).Text != "," || x.tok(j+2).Text != "," {
		return false
	}
	a := x.tok(j + 1).Text
	if len(a) == 0 || len(a) > 3 {
		return false
	}
	for _, r := range a {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// pronounAfter returns Person or Org from the first personal pronoun in
// the dozen tokens after j ("Nestle said it", "Smith said he"), or "".
func (x *entityRun) pronounAfter(j, end int) EntityType {
	for k := j; k < end && k < j+12; k++ {
		switch strings.ToLower(x.tok(k).Text) {
		case "he", "she", "his", "her", "him", "himself", "herself":
			return Person
		case "it", "its", "itself":
			return Org
		}
	}
	return ""
}

// capitalish reports a name token, or a token that is a capitalized word
// after opening quotes ("'New", which the tokenizer keeps whole).
func (x *entityRun) capitalish(k int) bool {
	t := x.tok(k).Text
	if x.nameToken(k) {
		return true
	}
	w := strings.TrimLeft(t, "'\"‘“")
	return w != t && w != "" && unicode.IsUpper(firstRune(w))
}

// lonePersons retypes pending multi-word names as persons when their last
// word stands alone elsewhere in the article ("Kostas Kenteris ...
// Kenteris"): articles refer to people, not bodies, by their last word.
func (x *entityRun) lonePersons() {
	pending := false
	for ci := range x.cands {
		pending = pending || x.cands[ci].pending
	}
	if !pending {
		return
	}
	lone := map[string]bool{}
	for si, s := range x.doc.Sentences {
		if s.Kind == KindByline || s.Kind == KindBoilerplate || x.titleCase(si) {
			continue
		}
		for k := s.FirstToken; k < s.EndToken; k++ {
			if !x.nameToken(k) || (k > s.FirstToken && x.capitalish(k-1)) || (k+1 < s.EndToken && x.nameToken(k+1)) {
				continue
			}
			if _, gz := x.gazAt[k]; !gz {
				lone[x.tok(k).Text] = true
			}
		}
	}
	for ci := range x.cands {
		c := &x.cands[ci]
		if c.pending && lone[c.words[len(c.words)-1]] {
			c.typ, c.pending = Person, false
		}
	}
}

// pluralGroup reports a capitalized (or digit-led) plural noun after
// "the" that the tagger took for a common noun ("the Saints", "the
// 76ers"): outside title case, capitals there mark a name.
func (x *entityRun) pluralGroup(i int, s Sentence) bool {
	t := x.tok(i)
	if i == s.FirstToken || !strings.EqualFold(x.tok(i-1).Text, "the") || (t.Tag != "NNS" && t.Tag != "NNPS") {
		return false
	}
	r := firstRune(t.Text)
	return (unicode.IsUpper(r) || unicode.IsDigit(r)) && hasLetter(t.Text) && x.pluralName(i)
}

// pluralName reports a name token in the plural ("Colts", "76ers"), not
// a singular ending in s ("Texas", "Paris" are in no plural form:
// "-ss", "-us", "-is", "-as" endings are singular).
func (x *entityRun) pluralName(i int) bool {
	t := x.tok(i)
	w := t.Text
	if t.Tag == "NNPS" {
		return true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "s") || isAcronym(w) {
		return false
	}
	for _, suf := range []string{"ss", "us", "is", "as", "os", "'s", "’s"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

func allAlpha(words []string) bool {
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return false
			}
		}
	}
	return true
}

// nextIsSpeech reports whether a speech verb follows token j.
func (x *entityRun) nextIsSpeech(j, end int) bool {
	for k := j; k < end && k < j+3; k++ {
		t := x.tok(k)
		if t.Tag == "RB" || t.Tag == "MD" {
			continue
		}
		return strings.HasPrefix(t.Tag, "VB") && speechVerbs[t.Lemma]
	}
	return false
}

// gazCandidate adds the candidate for gazetteer match m at token i and
// returns the next token to read.
func (x *entityRun) gazCandidate(i int, m gazMatch, end int) int {
	e := x.g.entries[m.pat.entry]
	span := Span{x.tok(i).Start, m.end}
	c := candidate{t0: i, t1: m.t1, span: span, typ: e.Type, name: e.Name, key: e.Key, gaz: m.pat.entry, kind: m.pat.kind}
	switch {
	case m.pat.kind == "demonym":
		if !x.demonymActor(m.t1, end) {
			return m.t1
		}
	case e.CapitalOf >= 0 && x.capitalActor(i, m.t1, end):
		ce := x.g.entries[e.CapitalOf]
		c.typ, c.name, c.key, c.gaz, c.kind = ce.Type, ce.Name, ce.Key, e.CapitalOf, "capital"
	}
	x.add(c)
	return m.t1
}

// demonymActor reports whether a demonym followed by tokens from j
// qualifies an actor: a title, an actor noun or a named vehicle within a
// short noun phrase ("Russian President", "Russian Sukhoi Su-24 jet").
func (x *entityRun) demonymActor(j, end int) bool {
	for k := j; k < end && k < j+5; k++ {
		if _, ok := x.titleAt[k]; ok {
			return true
		}
		t := x.tok(k)
		l := t.Lemma
		if l == "" {
			l = strings.ToLower(t.Text)
		}
		if actorNouns[l] || x.g.vehicles[l] {
			return true
		}
		if designatorRE.MatchString(t.Text) {
			continue
		}
		switch {
		case strings.HasPrefix(t.Tag, "NN"), t.Tag == "JJ", t.Tag == "CD", t.Tag == "VBN", t.Tag == "HYPH":
			continue
		}
		return false
	}
	return false
}

// capitalActor reports whether the capital at tokens [i,j) stands for its
// government: it is followed by a finite verb ("Moscow says"), by a
// possessive ("Moscow's campaign"), or is the object of a verb followed by
// "of"/"to"/"against" ("accuse Moscow of").
func (x *entityRun) capitalActor(i, j, end int) bool {
	s := x.doc.Sentences[x.tok(i).Sentence]
	prev, _ := x.prevWord(i, s)
	if locPreps[prev] || prev == "of" || prev == "from" || prev == "capital" {
		return false
	}
	if j < end && x.doc.Text[x.tok(j-1).End:x.tok(j).Start] == ", " && j+1 < end {
		// "Washington, DC" / "Paris, France": a place.
		if _, ok := x.gazAt[j+1]; ok {
			return false
		}
	}
	if x.nextIsVerb(j, end) {
		return true
	}
	if j < end && (x.tok(j).Tag == "POS" || x.tok(j).Text == "'s" || x.tok(j).Text == "’s") {
		return true
	}
	if i > s.FirstToken && strings.HasPrefix(x.tok(i-1).Tag, "VB") && j < end {
		switch strings.ToLower(x.tok(j).Text) {
		case "of", "to", "against", "for", "over", "into":
			return true
		}
	}
	return prev == "between" || prev == "and" && x.nextIsVerb(j, end)
}

// protoEntity is an entity being assembled.
type protoEntity struct {
	typ     EntityType
	name    string
	key     string
	gaz     int
	words   []string // person name words
	aliases []string
}

// linkedPerson is the first of people whose name links to words, or nil.
func linkedPerson(people []*protoEntity, words []string) *protoEntity {
	for _, p := range people {
		if nameLinks(words, p.words) {
			return p
		}
	}
	return nil
}

// resolve merges candidates into entities and writes doc.Entities and
// doc.Mentions.
func (x *entityRun) resolve() {
	var ents []*protoEntity
	byKey := map[string]*protoEntity{}
	newEnt := func(c *candidate) *protoEntity {
		e := &protoEntity{typ: c.typ, name: c.name, key: c.key, gaz: c.gaz, words: c.words}
		if e.key == "" {
			e.key = strings.ToLower(string(c.typ)) + ":" + normName(c.name)
		}
		ents = append(ents, e)
		byKey[e.key] = e
		return e
	}
	assign := make([]*protoEntity, len(x.cands))

	// Gazetteer and typed (non-person) candidates.
	for ci := range x.cands {
		c := &x.cands[ci]
		if c.weak || c.typ == Person || c.typ == "" {
			continue
		}
		if c.key == "" {
			c.key = strings.ToLower(string(c.typ)) + ":" + normName(c.name)
		}
		e := byKey[c.key]
		if e == nil {
			e = newEnt(c)
		}
		e.aliases = append(e.aliases, x.doc.Text[c.span.Start:c.span.End])
		assign[ci] = e
	}
	// Persons, longest names first, so short forms join full names.
	var persons []int
	for ci := range x.cands {
		if !x.cands[ci].weak && x.cands[ci].typ == Person {
			persons = append(persons, ci)
		}
	}
	sort.SliceStable(persons, func(a, b int) bool { return len(x.cands[persons[a]].words) > len(x.cands[persons[b]].words) })
	var people []*protoEntity
	for _, ci := range persons {
		c := &x.cands[ci]
		c.name = strings.Join(c.words, " ")
		e := linkedPerson(people, c.words)
		if e == nil {
			if p := byKey["person:"+normName(c.name)]; p != nil {
				e = p
			} else {
				e = newEnt(c)
				people = append(people, e)
			}
		}
		assign[ci] = e
	}
	// Weak candidates link to an entity by name, alias or name word;
	// typed ones stand alone if they do not link.
	for ci := range x.cands {
		c := &x.cands[ci]
		if !c.weak {
			continue
		}
		text := x.doc.Text[c.span.Start:c.span.End]
		e := linkedPerson(people, c.words)
		if e == nil {
			for _, p := range ents {
				if p.name == text || containsStr(p.aliases, text) || containsStr(x.g.aliasesOf(p.gaz), text) {
					e = p
					break
				}
			}
		}
		if e == nil && len(c.words) == 1 {
			// "Lockheed" after "Lockheed Martin": an organization's
			// first word.
			for _, p := range ents {
				if p.typ == Org && strings.HasPrefix(p.name, text+" ") {
					e = p
					break
				}
			}
		}
		if e == nil && c.typ != "" {
			c.key = strings.ToLower(string(c.typ)) + ":" + normName(c.name)
			if e = byKey[c.key]; e == nil {
				e = newEnt(c)
			}
		}
		assign[ci] = e
	}
	// A one-word name that links to nothing but recurs ("Coldplay ...
	// Coldplay") names a band, team, company or product: an ORG.
	for _, ci := range x.recurring(assign) {
		c := &x.cands[ci]
		c.typ, c.name, c.kind = Org, c.words[0], "name"
		c.key = "org:" + normName(c.name)
		e := byKey[c.key]
		if e == nil {
			e = newEnt(c)
		}
		assign[ci] = e
	}

	// Order entities by first mention and write them out.
	type ment struct {
		c *candidate
		e *protoEntity
	}
	var ms []ment
	for ci := range x.cands {
		if assign[ci] != nil {
			ms = append(ms, ment{&x.cands[ci], assign[ci]})
		}
	}
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].c.span.Start < ms[b].c.span.Start })
	ids := map[*protoEntity]int{}
	doc := x.doc
	for _, m := range ms {
		id, ok := ids[m.e]
		if !ok {
			id = len(doc.Entities)
			ids[m.e] = id
			ent := Entity{ID: id, Type: m.e.typ, Name: m.e.name, Key: m.e.key}
			if m.e.gaz >= 0 {
				ge := x.g.entries[m.e.gaz]
				ent.Gazetteer = ge.Source
				ent.Aliases = append(ent.Aliases, ge.Aliases...)
			}
			doc.Entities = append(doc.Entities, ent)
		}
		text := doc.Text[m.c.span.Start:m.c.span.End]
		kind := m.c.kind
		if m.e.typ == Person || m.e.gaz < 0 {
			if text == m.e.name {
				kind = "name"
			} else if kind == "name" {
				kind = "alias"
			}
		}
		if kind == "demonym" || kind == "capital" {
			// The country, named by its people or its capital.
		} else {
			ent := &doc.Entities[id]
			for _, a := range []string{text, doc.Text[m.c.long.Start:m.c.long.End]} {
				if a != ent.Name && !containsStr(ent.Aliases, a) {
					ent.Aliases = append(ent.Aliases, a)
				}
			}
		}
		doc.Mentions = append(doc.Mentions, Mention{
			Span: m.c.span, Text: text, Entity: id, Sentence: doc.Tokens[m.c.t0].Sentence, Kind: kind, Role: m.c.role,
		})
	}
}

// recurring returns the unassigned one-word weak candidates whose word
// stands as a name at least twice in the article, once at least inside a
// sentence that is not in title case, is no given name, demonym-like
// adjective ("Korean"), listed non-name or English word (one the POS
// model knows, or the article writes in small letters), and is never
// followed by "he" or "she" (a person known by the surname alone).
func (x *entityRun) recurring(assign []*protoEntity) []int {
	byWord := map[string][]int{}
	var order []string
	for ci := range x.cands {
		c := &x.cands[ci]
		if assign[ci] != nil || !c.weak || c.typ != "" || len(c.words) != 1 {
			continue
		}
		w := c.words[0]
		if byWord[w] == nil {
			order = append(order, w)
		}
		byWord[w] = append(byWord[w], ci)
	}
	if len(order) == 0 {
		return nil
	}
	// Words the article also writes in small letters are common words
	// capitalized in a title or for emphasis ("Budget", "Music").
	lower := map[string]bool{}
	for _, t := range x.doc.Tokens {
		if r := firstRune(t.Text); unicode.IsLower(r) {
			lower[t.Text] = true
		}
	}
	var out []int
	for _, w := range order {
		cis := byWord[w]
		lw := strings.ToLower(w)
		if len(cis) < 2 || x.g.given[w] || x.g.notNames[lw] || utf8.RuneCountInString(w) < 3 || lower[lw] ||
			strings.ContainsAny(w, ".'’") || !hasLower(w) || !camelCase(w) && knownWord(lw) {
			continue // "Budget", "Real", "Twelve": English words the POS model knows
		}
		if demonymLike(lw) || isAcronym(strings.TrimSuffix(w, "s")) {
			continue // "Korean", "Liverpudlians"; "DJs", "SUVs"
		}
		inside, person := false, false
		for _, ci := range cis {
			c := &x.cands[ci]
			si := x.tok(c.t0).Sentence
			s := x.doc.Sentences[si]
			if x.titleCase(si) {
				continue
			}
			person = person || x.pronounAfter(c.t1, s.EndToken) == Person
			k := c.t0 - 1
			for k >= s.FirstToken && strings.Trim(x.tok(k).Text, "\"'‘“`") == "" {
				k--
			}
			inside = inside || k >= s.FirstToken
		}
		if inside && !person {
			out = append(out, cis...)
		}
	}
	return out
}

// demonymLike reports a lower-cased word ending like a people's name or
// adjective ("korean", "liverpudlians", "japanese", "scottish").
func demonymLike(lw string) bool {
	for _, suf := range [...]string{"ian", "ians", "ean", "eans", "ese", "ish"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// nameLinks reports whether person name words a refer to the person named
// b: equal names, or a is one word of b's first or last name
// ("Obama" -> "Barack Obama"), or a's last word is b's last word and a is
// shorter.
func nameLinks(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 || len(a) > len(b) {
		return false
	}
	if strings.Join(a, " ") == strings.Join(b, " ") {
		return true
	}
	if len(a) == 1 {
		return a[0] == b[len(b)-1] || (len(b) >= 2 && a[0] == b[0])
	}
	return a[len(a)-1] == b[len(b)-1] && a[0] == b[len(b)-len(a)]
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// aliasesOf returns the gazetteer aliases of entry i (nil for -1).
func (g *gazetteer) aliasesOf(i int) []string {
	if i < 0 {
		return nil
	}
	return g.entries[i].Aliases
}
