package extract

import (
	"strings"
	"testing"
)

// entityByName finds an entity by canonical name.
func entityByName(d *Document, name string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

// mentionsOf returns the mentions of entity id.
func mentionsOf(d *Document, id int) []Mention {
	var out []Mention
	for _, m := range d.Mentions {
		if m.Entity == id {
			out = append(out, m)
		}
	}
	return out
}

func entityNames(d *Document) []string {
	var out []string
	for _, e := range d.Entities {
		out = append(out, string(e.Type)+":"+e.Name)
	}
	return out
}

func checkMentions(t *testing.T, d *Document) {
	t.Helper()
	for i, m := range d.Mentions {
		if d.Text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %d text %q != %q", i, m.Text, d.Text[m.Start:m.End])
		}
		if m.Entity < 0 || m.Entity >= len(d.Entities) {
			t.Fatalf("mention %d entity %d out of range", i, m.Entity)
		}
		s := d.Sentences[m.Sentence]
		if !s.Contains(m.Span) {
			t.Fatalf("mention %d %q not in its sentence %d", i, m.Text, m.Sentence)
		}
		if s.Kind == KindBoilerplate || s.Kind == KindByline {
			t.Errorf("mention %q in %s sentence", m.Text, s.Kind)
		}
	}
	for i, e := range d.Entities {
		if e.ID != i || len(mentionsOf(d, i)) == 0 {
			t.Fatalf("entity %d (%s) has ID %d and %d mentions", i, e.Name, e.ID, len(mentionsOf(d, i)))
		}
	}
}

// checkWantMentions checks d's mentions and compares, for each mention
// text in want, the descriptions show gives its mentions (joined by "|";
// "" when there is none). It returns the descriptions by mention text.
func checkWantMentions(t *testing.T, d *Document, want map[string]string, show func(Mention, Entity) string) map[string][]string {
	t.Helper()
	checkMentions(t, d)
	got := map[string][]string{}
	for _, m := range d.Mentions {
		got[m.Text] = append(got[m.Text], show(m, d.Entities[m.Entity]))
	}
	for text, w := range want {
		if g := strings.Join(got[text], "|"); g != w {
			t.Errorf("%q: got %q, want %q (entities %q)", text, g, w, entityNames(d))
		}
	}
	return got
}

func TestEntitySeeds(t *testing.T) {
	for _, seed := range []string{"presstv-obama-putin.txt", "peoplesvoice-copy-obama-putin.txt"} {
		t.Run(seed, func(t *testing.T) {
			d := tseAnnotate(t, readSeed(t, seed), "entity")
			checkMentions(t, d)
			want := []struct {
				name string
				typ  EntityType
				key  string
			}{
				{"Barack Obama", Person, "person:barack obama"},
				{"Vladimir Putin", Person, "person:vladimir putin"},
				{"Islamic State", Org, "org:isis"},
				{"United States", GPE, "gpe:US"},
				{"Turkey", GPE, "gpe:TR"},
				{"Russia", GPE, "gpe:RU"},
				{"Syria", GPE, "gpe:SY"},
				{"Paris", GPE, "gpe:paris"},
				{"Sukhoi Su-24", Equipment, "equipment:sukhoi su-24"},
				{"White House", Org, "org:whitehouse"},
				{"Bashar al-Assad", Person, "person:bashar al-assad"},
				{"Saudi Arabia", GPE, "gpe:SA"},
				{"Ukraine", GPE, "gpe:UA"},
				{"Minsk", GPE, "gpe:minsk"},
			}
			if strings.HasPrefix(seed, "presstv") {
				want = append(want, []struct {
					name string
					typ  EntityType
					key  string
				}{
					{"Le Bourget", GPE, "gpe:le bourget"},
					{"NATO", Org, "org:nato"},
					{"Ilhan Omar", Person, "person:ilhan omar"},
					{"Nancy Pelosi", Person, "person:nancy pelosi"},
				}...)
			}
			for _, w := range want {
				e := entityByName(d, w.name)
				if e == nil {
					t.Errorf("no entity %q; have %q", w.name, entityNames(d))
					continue
				}
				if e.Type != w.typ || e.Key != w.key {
					t.Errorf("%s: type %s key %q, want %s %q", w.name, e.Type, e.Key, w.typ, w.key)
				}
			}
			// One entity each, whatever the surface form.
			forms := map[string][]string{
				"Barack Obama":   {"Obama", "Barack Obama"},
				"Vladimir Putin": {"Putin", "Vladimir Putin"},
				"Islamic State":  {"ISIL", "Daesh"},
				"United States":  {"US", "United States"},
			}
			if strings.HasPrefix(seed, "peoplesvoice") {
				forms["Islamic State"] = append(forms["Islamic State"], "ISIS")
			}
			for name, fs := range forms {
				e := entityByName(d, name)
				if e == nil {
					continue
				}
				got := map[string]bool{}
				for _, m := range mentionsOf(d, e.ID) {
					got[m.Text] = true
				}
				for _, f := range fs {
					if !got[f] {
						t.Errorf("%s: no mention %q (mentions %v)", name, f, got)
					}
				}
			}
			for _, n := range []string{"Obama", "Putin", "ISIL", "Daesh", "Moscow"} {
				for _, e := range d.Entities {
					if e.Name == n {
						t.Errorf("separate entity %q (%s)", n, e.Key)
					}
				}
			}
			// Roles split off, demonyms and capitals as actors.
			var putinRole, obamaRole, pilots, moscowSays, washington bool
			for _, m := range d.Mentions {
				e := d.Entities[m.Entity]
				after := d.Text[m.End:min(len(d.Text), m.End+12)]
				switch {
				case m.Text == "Vladimir Putin" && m.Role == "President":
					putinRole = true
				case m.Text == "Barack Obama" && m.Role == "President":
					obamaRole = true
				case m.Text == "Russian" && m.Kind == "demonym" && e.Key == "gpe:RU" && strings.HasPrefix(after, " pilot"):
					pilots = true
				case m.Text == "Moscow" && m.Kind == "capital" && e.Key == "gpe:RU" && strings.HasPrefix(after, " says"):
					moscowSays = true
				case m.Text == "Washington" && m.Kind == "capital" && e.Key == "gpe:US":
					washington = true
				}
				if m.Text == "Syrian" && strings.HasPrefix(after, " crisis") {
					t.Errorf("\"Syrian crisis\" read as the country")
				}
			}
			if !putinRole || !obamaRole || !moscowSays || !washington {
				t.Errorf("putin role %v, obama role %v, Moscow says %v, Washington %v", putinRole, obamaRole, moscowSays, washington)
			}
			if strings.HasPrefix(seed, "presstv") && !pilots {
				t.Errorf("\"Russian pilots\" not a demonym mention of Russia")
			}
			if e := entityByName(d, "Vladimir Putin"); e != nil && !containsStr(e.Aliases, "Russian President Vladimir Putin") {
				t.Errorf("Putin aliases %q", e.Aliases)
			}
			for _, bad := range []string{"Sean Adl-Tabatabai", "Press TV", "Knight", "Joseon", "H.R.", "Cold War"} {
				for _, e := range d.Entities {
					if strings.Contains(e.Name, bad) {
						t.Errorf("unexpected entity %q", e.Name)
					}
				}
			}
		})
	}
}

func TestEntityRules(t *testing.T) {
	cases := []struct {
		name string
		text string
		want map[string]string // mention text -> "KEY KIND ROLE"
	}{
		{"capital as city vs actor",
			"Talks stall\n\nDiplomats held a meeting in Moscow on Friday. Moscow rejected the plan. The EU urged Beijing to respond.",
			map[string]string{"Moscow": "gpe:moscow name |gpe:RU capital ", "EU": "org:eu acronym ", "Beijing": "gpe:CN capital "}},
		{"demonym actor vs adjective",
			"Jets strike\n\nFrench jets struck targets while German cuisine and the Syrian crisis were discussed.",
			map[string]string{"French": "gpe:FR demonym "}},
		{"title splitting",
			"Visit\n\nForeign Minister Sergei Lavrov met German Chancellor Angela Merkel. Lavrov said it went well. Mr. Smith agreed.",
			map[string]string{"Sergei Lavrov": "person:sergei lavrov name Foreign Minister", "Angela Merkel": "person:angela merkel name Chancellor",
				"Lavrov": "person:sergei lavrov alias ", "German": "gpe:DE demonym ", "Smith": "person:smith name "}},
		{"org, facility and equipment cues",
			"Strike\n\nThe Acme Widget Corporation said two F-16 jets from Incirlik Air Base hit the Kharkov Tractor Plant. Colonel Jane Roe of the Ministry of Defence confirmed it.",
			map[string]string{"Acme Widget Corporation": "org:acme widget corporation name ", "F-16": "equipment:f-16 name ",
				"Incirlik Air Base": "facility:incirlik air base name ", "Kharkov Tractor Plant": "facility:kharkov tractor plant name ",
				"Jane Roe": "person:jane roe name Colonel", "Ministry of Defence": "org:ministry of defence name "}},
		{"sea names with of, plural team names",
			"Pirates held\n\nThe navy caught pirates in the Gulf of Aden. The Saints beat the Colts and the 76ers lost. The Bank of America lent money.",
			map[string]string{"Gulf of Aden": "loc:gulf of aden name ", "Saints": "org:saints name ", "Colts": "org:colts name ",
				"76ers": "org:76ers name ", "Bank of America": "org:bank of america name "}},
		{"acronym in parentheses",
			"Report\n\nThe Kurdistan Regional Government (KRG) said the KRG would vote.",
			map[string]string{"Kurdistan Regional Government": "org:kurdistan regional government name ",
				"KRG": "org:kurdistan regional government acronym |org:kurdistan regional government acronym "}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := tseAnnotate(t, c.text, "entity")
			got := checkWantMentions(t, d, c.want, func(m Mention, e Entity) string { return e.Key + " " + m.Kind + " " + m.Role })
			for text := range got {
				if text == "German" && strings.Contains(c.text, "German cuisine") {
					t.Errorf("\"German cuisine\" read as Germany")
				}
				if text == "Syrian" {
					t.Errorf("\"Syrian crisis\" read as Syria")
				}
			}
		})
	}
}

func TestEntityKeysAcrossArticles(t *testing.T) {
	a := tseAnnotate(t, "One\n\nPresident Barack Obama spoke. Obama left.", "entity")
	b := tseAnnotate(t, "Two\n\nBarack Obama arrived in Paris.", "entity")
	c := tseAnnotate(t, "Three\n\nObama said he would go.", "entity")
	ka, kb := entityByName(a, "Barack Obama"), entityByName(b, "Barack Obama")
	if ka == nil || kb == nil || ka.Key != kb.Key {
		t.Fatalf("keys differ: %v %v", ka, kb)
	}
	if e := entityByName(c, "Obama"); e == nil || e.Key != "person:obama" {
		t.Errorf("lone Obama: %v (entities %q)", e, entityNames(c))
	}
}

func BenchmarkEntityStage(b *testing.B) {
	benchStages(b, "entity")
}

// TestEntityTyping checks the typing rules for names no gazetteer knows:
// a PERSON needs evidence, and institutions, facilities and cities keep
// their whole names. The names are made up so that only the rules, not
// the lists, can type them.
func TestEntityTyping(t *testing.T) {
	cases := []typingCase{
		{"multi-word name without evidence is ORG",
			"Deal\n\nThe deal values Kestrel Brightwater at $2bn.",
			map[string]string{"Kestrel Brightwater": "ORG org:kestrel brightwater"}},
		{"given name is evidence",
			"Deal\n\nThe deal was signed by Ingrid Vantongeren on Monday.",
			map[string]string{"Ingrid Vantongeren": "PERSON person:ingrid vantongeren"}},
		{"age apposition is evidence",
			"Arrest\n\nOberlin Quaddle, 45, was arrested on Monday.",
			map[string]string{"Oberlin Quaddle": "PERSON person:oberlin quaddle"}},
		{"a later lone surname is evidence",
			"Talks\n\nTalks with Ardent Quillfeather ended late. The next day Quillfeather left for home.",
			map[string]string{"Ardent Quillfeather": "PERSON person:ardent quillfeather",
				"Quillfeather": "PERSON person:ardent quillfeather"}},
		{"speech with he or it",
			"Cuts\n\nDarrow Pinchbeck said he would resign. Zephyr Quanta said it would cut 200 jobs.",
			map[string]string{"Darrow Pinchbeck": "PERSON person:darrow pinchbeck", "Zephyr Quanta": "ORG org:zephyr quanta"}},
		{"one word speaking links to the longer organization name",
			"Jets\n\nThe order went to Quorvex Aerospace on Monday. Quorvex said it had signed the deal.",
			map[string]string{"Quorvex Aerospace": "ORG org:quorvex aerospace", "Quorvex": "ORG org:quorvex aerospace"}},
		{"camel-case names are products or companies",
			"Web\n\nUsers said ZapLink would change the web.",
			map[string]string{"ZapLink": "ORG org:zaplink"}},
		{"cities and city-led names",
			"Resorts\n\nLas Vegas style resorts are planned near Bristol Road. The Boston Red Sox made an offer. She lives in Newport Beach.",
			map[string]string{"Las Vegas": "GPE gpe:las vegas", "Bristol Road": "FACILITY facility:bristol road",
				"Boston Red Sox": "ORG org:boston red sox", "Newport Beach": "LOC loc:newport beach"}},
		{"demonym or adjective and institution noun are one ORG",
			"Row\n\nThe French Foreign Ministry and the Kenyan Wildlife Service criticised the Welsh Assembly Government. " +
				"Officials at the Scottish Executive agreed.",
			map[string]string{"French Foreign Ministry": "ORG org:french foreign ministry",
				"Kenyan Wildlife Service":   "ORG org:kenyan wildlife service",
				"Welsh Assembly Government": "ORG org:welsh assembly government",
				"Scottish Executive":        "ORG org:scottishexecutive", "French": "", "Kenyan": "", "Welsh": "", "Scottish": ""}},
		{"multi-word institution and facility names stay whole",
			"Aid\n\nThe Department for Rural Affairs met at the Lowland Exhibition and Conference Centre. Westminster must decide.",
			map[string]string{"Department for Rural Affairs": "ORG org:department for rural affairs",
				"Lowland Exhibition and Conference Centre": "FACILITY facility:lowland exhibition and conference centre",
				"Westminster": "ORG org:ukparliament", "Conference Centre": ""}},
		{"events, honours and lone institution words are not entities",
			"Honours\n\nShe won an MBE after the World Indoor Championships. The Government said it would appeal.",
			map[string]string{"MBE": "", "World Indoor Championships": "", "Government": ""}},
		{"a one-word place that is a given name opens a person's name",
			"Match\n\nJordan Henderson scored twice. Douglas Hurd watched from Jordan.",
			map[string]string{"Jordan Henderson": "PERSON person:jordan henderson", "Douglas Hurd": "PERSON person:douglas hurd",
				"Jordan": "GPE gpe:JO"}},
	}
	runTypingCases(t, cases)
}

// TestEntityProductsIndicesUnions: products and models, market indices,
// trade unions and one-word group names are entities, and the numbers
// after names are model numbers only where they read as such. The
// sentences are from BBC News.
func TestEntityProductsIndicesUnions(t *testing.T) {
	cases := []typingCase{
		{"a name and a model number",
			"Consoles\n\nSony has traditionally dominated the console market with its PlayStation 2. " +
				"Some analysts predict that Xbox 2 will be released in the US before the end of 2005. " +
				"On Tuesday Half-Life 2 dominated the games prizes.",
			map[string]string{"PlayStation 2": "PRODUCT product:playstation 2", "Xbox 2": "PRODUCT product:xbox 2",
				"Half-Life 2": "PRODUCT product:half-life 2", "Sony": "ORG org:sony"}},
		{"i-style names and product lines",
			"Gadgets\n\nIts latest challenges to the digital music gadget market include an iPod mini model. " +
				"Yes, the Apple laptop and Sony Walkman are classic gadgets. " +
				"Users could replace counterfeit versions of Windows XP with legal ones for free.",
			map[string]string{"iPod": "PRODUCT product:ipod", "Walkman": "PRODUCT product:walkman",
				"Windows XP": "PRODUCT product:windows xp", "Apple": "ORG org:apple"}},
		{"market indices",
			"Shares\n\nCairn is still in danger of being relegated from the FTSE 100 when the index is reshuffled next month. " +
				"The weak economic data preyed on shares with the Nikkei down 1% in afternoon trade. " +
				"The Dow Jones Industrial Average closed down 0.5%.",
			map[string]string{"FTSE 100": "ORG org:ftse100", "Nikkei": "ORG org:nikkei225",
				"Dow Jones Industrial Average": "ORG org:djia"}},
		{"trade unions",
			"Pensions\n\n\"This is a position that Unison cannot accept and will oppose,\" said Dave Prentis. " +
				"The PCS union said it would ballot its members.",
			map[string]string{"Unison": "ORG org:unison", "PCS": "ORG org:pcs", "Dave Prentis": "PERSON person:dave prentis"}},
		{"a one-word name that recurs is a group",
			"EMI\n\nIt blamed poor sales since Christmas and delays to the releases of new albums by Coldplay and Gorillaz. " +
				"No details of this year's line-up have been confirmed but rumours have suggested U2 and Coldplay may be among the headliners.",
			map[string]string{"Coldplay": "ORG org:coldplay|ORG org:coldplay", "U2": "ORG org:u2"}},
		{"numbers after names that are no model numbers",
			"Report\n\nGiggs (Saha 70), Miller (Fletcher 66), Scholes. Ronaldo 9, Rooney 87. " +
				"Founding member Geoff Barrow told BBC 6 Music the record was well on the way to being completed.",
			map[string]string{"Saha 70": "", "Rooney 87": "", "BBC 6": "", "BBC": "ORG org:bbc"}},
	}
	runTypingCases(t, cases)
}

// typingCase is an article and the type and key wanted for its mentions.
type typingCase struct {
	name string
	text string
	want map[string]string // mention text -> "TYPE key"; "" = no mention
}

func runTypingCases(t *testing.T, cases []typingCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := tseAnnotate(t, c.text, "entity")
			checkWantMentions(t, d, c.want, func(m Mention, e Entity) string { return string(e.Type) + " " + e.Key })
		})
	}
}
