package extract

import (
	"context"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// The outlet stage names the article's publisher when the input did not
// (no --source, no HTML site name, no JSON Lines "source"). It reads the
// sentences the text stage set apart as bylines and boilerplate, the first
// body paragraphs, and the article's URL. In order of trust:
//
//	boilerplate  the site naming itself:
//	             Press TV's website can also be accessed at ...  -> Press TV
//	             Fact checked by The People's Voice Community    -> The People's Voice
//	             © 2015 Reuters / Copyright 2015 The Guardian    -> Reuters / The Guardian
//	             Follow Al Jazeera on Twitter                    -> Al Jazeera
//	dateline     a wire credit: PARIS (Reuters) - ..., MOSCOW, Nov 24 (AFP) -,
//	             (CNN) -- ...                                    -> Reuters, AFP, CNN
//	byline       By Jane Doe, Reuters / By JOHN ROE, Associated Press Writer
//	url          the URL's host: www.reuters.com -> Reuters (a small table of
//	             news hosts), else the registrable domain (theage.com.au)
//	attribution  a credit on a line of its own at the top, introducing the
//	             text that follows: "Presstv.ir reports:", "Reuters reported:",
//	             or a first sentence "Reuters reports that ..."
//
// A credit inside the story ("..., the Financial Times reported", "according
// to AFP") names a source the article cites, not its publisher, and is not
// used. Well-known outlets get one name whatever the cue spells (AP, The
// Associated Press -> Associated Press). The choice, its reason and offsets,
// and the names turned down are kept in Document.Outlet.
type outletStage struct{}

func newOutletStage() (Stage, error) { return outletStage{}, nil }

func (outletStage) Name() string { return "outlet" }

// OutletChoice says how Document.Source was found, like DCT does for the
// date.
type OutletChoice struct {
	// Source is the kind of evidence: "input" (given with the input:
	// --source, an HTML site name, a JSON Lines field), "boilerplate",
	// "dateline", "byline", "url", "attribution" (see outlet.go), or
	// "unknown".
	Source string `json:"source"`
	// Span is where in Text the name was read; nil for input and url.
	Span *Span `json:"span,omitempty"`
	// Reason says which cue matched, in words.
	Reason string `json:"reason,omitempty"`
	// Rejected lists other names found and why they were not used.
	Rejected []RejectedOutlet `json:"rejected,omitempty"`
}

// RejectedOutlet is an outlet name the outlet stage turned down.
type RejectedOutlet struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	Span   *Span  `json:"span,omitempty"`
	Reason string `json:"reason"`
}

// An outlet name: capitalized words, possibly with an apostrophe-s, "of",
// "the" or "&" between them, or an all-caps or CamelCase name.
const outletName = `((?:The |the )?[A-Z][\w.&-]*(?:['’]s)?(?: (?:of |the |& |and )?[A-Z][\w.&-]*(?:['’]s)?){0,5})`

// outletCue is a pattern whose first group is an outlet name.
type outletCue struct {
	re     *regexp.Regexp
	reason string
}

// Cues where a site names itself (boilerplate, "fact checked by" lines).
var boilerplateCues = []outletCue{
	{regexp.MustCompile(outletName + `['’]s? (?:website|web site|site|app|channel|newsletter|homepage)\b`), "the site names its own website"},
	{regexp.MustCompile(`(?i:fact[- ]checked|published|produced|edited|brought to you) by ` + outletName), "a published-by or fact-checked-by credit"},
	{regexp.MustCompile(`(?:©|\(c\)|(?i:copyright))\s*(?:\d{4}(?:[-–]\d{4})?,?\s*)?` + outletName), "a copyright line"},
	{regexp.MustCompile(`(?i:follow|like) ` + outletName + ` on (?:Twitter|Facebook|Instagram|Telegram|X|YouTube)`), "a follow-us line"},
}

// A wire-service dateline: "PARIS (Reuters) -", "MOSCOW, Nov 30 (AFP) —",
// "WASHINGTON, D.C. (AP) —"; group 1 is the place, group 2 the credit.
var datelineOutlet = regexp.MustCompile(`^([A-Z][A-Za-z .,'-]{1,40}?)(?:,[^()\n]{1,25})?\s*\(\s*` + outletName + `\s*\)\s*(?:[-–—_:]|$)`)

// A credit with no place: "(CNN) -- ...", "(CNN)President Obama ...".
var bareCreditOutlet = regexp.MustCompile(`^\(\s*` + outletName + `\s*\)\s*(?:[-–—_:]+\s*)?`)

// A byline: "By Jane Doe, Reuters", "By JANE DOE Associated Press Writer",
// "By Reuters", "Jane Doe | BBC News".
var bylineCredit = regexp.MustCompile(`(?:,|\||/|\bfor|\bof|[-–—]|^(?i:by))\s+` + outletName + `\s*$`)

// "Presstv.ir reports:", "Reuters reported:" or "The New York Times said
// in an editorial on Monday, Oct. 26:" alone on a line, and a first
// sentence "Reuters reports that ...".
var (
	attributionLine = regexp.MustCompile(`^(?:(?i:according to)\s+)?(\S+\.[a-z]{2,}|` + outletName[1:len(outletName)-1] + `)\s+(?:reports|reported|writes|wrote|says|said)\b[^:\n]{0,60}:\s*$`)
	attributionLede = regexp.MustCompile(`^` + outletName + `\s+(?:reports|reported|has reported)\s+(?:\w+\s+)?that\b`)
)

// Words that name a team within an outlet rather than the outlet.
var outletTeamWords = map[string]bool{
	"Community": true, "Team": true, "Staff": true, "Desk": true, "Editors": true,
	"Editorial": true, "Newsroom": true, "Inc.": true, "Ltd.": true, "LLC": true,
	"Writer": true, "Writers": true, "Reporter": true, "Reporters": true,
	"Correspondent": true, "Correspondents": true,
}

// outletWords end the names of news outlets: a byline or attribution name
// that is not a well-known outlet must end with one ("Gulf Daily News",
// "The Press Democrat" does not, and is only taken from a dateline).
var outletWords = map[string]bool{
	"news": true, "times": true, "post": true, "press": true, "herald": true, "journal": true,
	"tribune": true, "telegraph": true, "guardian": true, "gazette": true, "chronicle": true,
	"mail": true, "daily": true, "weekly": true, "magazine": true, "observer": true,
	"independent": true, "express": true, "mirror": true, "standard": true, "today": true,
	"insider": true, "wire": true, "agency": true, "tv": true, "radio": true, "network": true,
	"broadcasting": true, "channel": true, "online": true, "record": true, "register": true,
	"bulletin": true, "courier": true, "examiner": true, "enquirer": true, "inquirer": true,
	"dispatch": true, "monitor": true, "sentinel": true, "democrat": true, "republic": true,
	"review": true, "voice": true, "star": true, "sun": true, "leader": true,
}

// knownOutlets maps the spellings of well-known outlets (lower case) to
// one name, so that a dateline "(AP)", a byline "Associated Press" and
// the host apnews.com name the same outlet.
var knownOutlets = map[string]string{
	"reuters": "Reuters", "thomson reuters": "Reuters", "reuters health": "Reuters",
	"ap": "Associated Press", "associated press": "Associated Press", "the associated press": "Associated Press",
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
	"upi": "UPI", "united press international": "UPI",
	"xinhua": "Xinhua", "xinhua news agency": "Xinhua",
	"dpa": "dpa", "deutsche presse-agentur": "dpa",
	"tass": "TASS", "ria novosti": "RIA Novosti", "interfax": "Interfax",
	"kyodo": "Kyodo News", "kyodo news": "Kyodo News", "yonhap": "Yonhap", "efe": "EFE", "ansa": "ANSA",
	"pti": "PTI", "press trust of india": "PTI", "anadolu agency": "Anadolu Agency",
	"bloomberg": "Bloomberg", "bloomberg news": "Bloomberg",
	"bbc": "BBC", "bbc news": "BBC", "cnn": "CNN", "nbc news": "NBC News", "cbs news": "CBS News",
	"abc news": "ABC News", "fox news": "Fox News", "npr": "NPR", "sky news": "Sky News",
	"al jazeera": "Al Jazeera", "press tv": "Press TV", "presstv": "Press TV", "presstv.ir": "Press TV",
	"the new york times": "The New York Times", "new york times": "The New York Times",
	"the washington post": "The Washington Post", "washington post": "The Washington Post",
	"the wall street journal": "The Wall Street Journal", "wall street journal": "The Wall Street Journal",
	"the guardian": "The Guardian", "financial times": "Financial Times", "the financial times": "Financial Times",
	"usa today": "USA Today", "los angeles times": "Los Angeles Times", "the los angeles times": "Los Angeles Times",
}

// newsHosts maps the hosts of well-known news sites (without "www.") to
// the outlet's name; a subdomain takes its parent's entry
// (edition.cnn.com -> CNN).
var newsHosts = map[string]string{
	"reuters.com": "Reuters", "apnews.com": "Associated Press", "ap.org": "Associated Press",
	"afp.com": "AFP", "upi.com": "UPI", "xinhuanet.com": "Xinhua", "news.cn": "Xinhua",
	"tass.com": "TASS", "tass.ru": "TASS", "bloomberg.com": "Bloomberg",
	"bbc.co.uk": "BBC", "bbc.com": "BBC", "cnn.com": "CNN", "nbcnews.com": "NBC News",
	"cbsnews.com": "CBS News", "abcnews.go.com": "ABC News", "foxnews.com": "Fox News", "npr.org": "NPR",
	"news.sky.com": "Sky News", "aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera",
	"presstv.ir": "Press TV", "presstv.com": "Press TV", "rt.com": "RT", "dw.com": "DW",
	"france24.com": "France 24", "euronews.com": "Euronews",
	"nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post",
	"wsj.com": "The Wall Street Journal", "theguardian.com": "The Guardian", "guardian.co.uk": "The Guardian",
	"ft.com": "Financial Times", "economist.com": "The Economist", "telegraph.co.uk": "The Telegraph",
	"independent.co.uk": "The Independent", "dailymail.co.uk": "Daily Mail", "thetimes.co.uk": "The Times",
	"usatoday.com": "USA Today", "latimes.com": "Los Angeles Times", "nypost.com": "New York Post",
	"nydailynews.com": "New York Daily News", "huffpost.com": "HuffPost", "huffingtonpost.com": "HuffPost",
	"politico.com": "Politico", "cnbc.com": "CNBC", "forbes.com": "Forbes", "time.com": "Time",
	"news.yahoo.com": "Yahoo News", "abc.net.au": "ABC News (Australia)", "cbc.ca": "CBC News",
	"smh.com.au": "The Sydney Morning Herald", "thehindu.com": "The Hindu", "scmp.com": "South China Morning Post",
}

// outletCand is one outlet name found, with its evidence.
type outletCand struct {
	name, source, reason string
	span                 *Span
	rank                 int
}

var outletRank = map[string]int{"boilerplate": 0, "dateline": 1, "byline": 2, "url": 3, "attribution": 4}

// Run sets doc.Source when it is empty and the text or URL names the
// outlet, and doc.Outlet to how it was found.
func (outletStage) Run(ctx context.Context, doc *Document) error {
	if doc.Source != "" {
		doc.Outlet = OutletChoice{Source: "input", Reason: "given with the input"}
		return nil
	}
	cands := outletCandidates(doc)
	doc.Outlet = OutletChoice{Source: "unknown"}
	if len(cands) == 0 {
		return nil
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].rank < cands[j].rank })
	best := cands[0]
	doc.Source = best.name
	doc.Outlet = OutletChoice{Source: best.source, Span: best.span, Reason: best.reason}
	for _, c := range cands[1:] {
		if c.name == best.name {
			continue // the same outlet again: not a rival
		}
		doc.Outlet.Rejected = append(doc.Outlet.Rejected, RejectedOutlet{
			Name: c.name, Source: c.source, Span: c.span,
			Reason: "a " + best.source + " name ranks above a " + c.source + " name (" + c.reason + ")",
		})
	}
	return nil
}

// outletCandidates collects every outlet name the article's text and URL
// give, in text order within each kind.
func outletCandidates(doc *Document) []outletCand {
	var cands []outletCand
	add := func(name, source, reason string, start, end int) {
		clean := cleanOutlet(name)
		if clean == "" {
			return
		}
		c := outletCand{name: canonicalOutlet(clean), source: source, reason: reason, rank: outletRank[source]}
		if end > start {
			// the span of the name without its team words ("Writer")
			if i := strings.Index(doc.Text[start:end], clean); i >= 0 {
				start, end = start+i, start+i+len(clean)
			}
			c.span = &Span{start, end}
		}
		cands = append(cands, c)
	}
	top := articleTop(doc)
	for i, s := range doc.Sentences {
		text := doc.Text[s.Start:s.End]
		switch s.Kind {
		case KindHeadline:
			// a text without a headline may open with its dateline or
			// a credit line
			datelineCredit(doc, i, add)
			attribution(text, s.Start, add)
		case KindBody:
			if i == top.firstBody || i == top.ledeSentence {
				datelineCredit(doc, i, add)
				if m := attributionLede.FindStringSubmatchIndex(text); m != nil && newsName(text[m[2]:m[3]]) {
					add(text[m[2]:m[3]], "attribution", "the story opens by crediting the outlet's report", s.Start+m[2], s.Start+m[3])
				}
			}
			if i < top.end {
				attribution(text, s.Start, add)
			}
		case KindByline, KindBoilerplate:
			found := false
			for _, cue := range boilerplateCues {
				if m := cue.re.FindStringSubmatchIndex(text); m != nil {
					add(text[m[2]:m[3]], "boilerplate", cue.reason, s.Start+m[2], s.Start+m[3])
					found = true
					break
				}
			}
			if !found && s.Kind == KindByline {
				if m := bylineCredit.FindStringSubmatchIndex(text); m != nil && newsName(text[m[2]:m[3]]) {
					start := s.Start + m[2] + knownSuffix(text[m[2]:m[3]])
					add(doc.Text[start:s.Start+m[3]], "byline", "a byline credit", start, s.Start+m[3])
				}
			}
			if !found && i < top.end {
				attribution(text, s.Start, add)
			}
		}
	}
	if name, host := urlOutlet(doc.URL); name != "" {
		add(name, "url", "the article URL's host "+host, 0, 0)
	}
	return cands
}

// datelineCredit adds the wire credit of a dateline opening the paragraph
// of sentence i: "PARIS (Reuters) -", "(CNN) --". The whole paragraph is
// read, as a splitter may end a sentence after "Sept." in "MIAMI, Sept. 3
// (AP) -". A place in mixed case needs a well-known outlet.
func datelineCredit(doc *Document, i int, add func(name, source, reason string, start, end int)) {
	start := doc.Sentences[i].Start
	para := doc.Text[start:paragraphEnd(doc, i)]
	if m := datelineOutlet.FindStringSubmatchIndex(para); m != nil {
		if name := para[m[4]:m[5]]; allCaps(para[m[2]:m[3]]) || knownOutlet(name) {
			add(name, "dateline", "a wire credit in the dateline", start+m[4], start+m[5])
		}
	} else if m := bareCreditOutlet.FindStringSubmatchIndex(para); m != nil && knownOutlet(para[m[2]:m[3]]) {
		add(para[m[2]:m[3]], "dateline", "a wire credit opening the story", start+m[2], start+m[3])
	}
}

// paragraphEnd is the end of the paragraph of sentence i.
func paragraphEnd(doc *Document, i int) int {
	end := doc.Sentences[i].End
	for _, n := range doc.Sentences[i+1:] {
		if n.Paragraph != doc.Sentences[i].Paragraph {
			break
		}
		end = n.End
	}
	return end
}

// attribution adds a credit line such as "Presstv.ir reports:" at offset
// off.
func attribution(text string, off int, add func(name, source, reason string, start, end int)) {
	if m := attributionLine.FindStringSubmatchIndex(strings.TrimSpace(text)); m != nil {
		lead := len(text) - len(strings.TrimLeft(text, " \t\n"))
		name := strings.TrimSpace(text)[m[2]:m[3]]
		if strings.Contains(name, ".") || newsName(name) {
			add(name, "attribution", "a credit line introducing the report", off+lead+m[2], off+lead+m[3])
		}
	}
}

// urlOutlet names the outlet of an article URL: a well-known news host's
// name, else the registrable domain (www.theage.com.au -> theage.com.au).
func urlOutlet(raw string) (name, host string) {
	if raw == "" {
		return "", ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return "", ""
	}
	host = strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	return hostOutlet(host), host
}

// hostOutlet names the outlet of a host name.
func hostOutlet(host string) string {
	host = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(host), "www."))
	if host == "" {
		return ""
	}
	for h := host; h != ""; {
		if name, ok := newsHosts[h]; ok {
			return name
		}
		_, rest, ok := strings.Cut(h, ".")
		if !ok {
			break
		}
		h = rest
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// knownOutlet reports whether name is a well-known outlet's spelling.
func knownOutlet(name string) bool {
	_, ok := knownOutlets[strings.ToLower(cleanOutlet(name))]
	return ok
}

// newsName reports whether a name found in a byline or credit names a
// news outlet rather than a person or a job: a well-known outlet, a web
// address, or a name ending in a word such as News, Times or Post.
func newsName(name string) bool {
	name = cleanOutlet(name)
	if name == "" {
		return false
	}
	if knownOutlet(name) || strings.Contains(name, ".") && !strings.HasSuffix(name, ".") {
		return true
	}
	words := strings.Fields(name)
	return len(words) > 0 && outletWords[strings.ToLower(words[len(words)-1])]
}

// knownSuffix is the offset in name of its longest run of last words that
// spells a well-known outlet ("JOHN ROE Associated Press" -> "Associated
// Press"), or 0.
func knownSuffix(name string) int {
	for i := 0; i < len(name); i++ {
		if name[i] == ' ' && knownOutlet(name[i+1:]) {
			return i + 1
		}
	}
	return 0
}

// canonicalOutlet gives a well-known outlet its one name.
func canonicalOutlet(name string) string {
	if c, ok := knownOutlets[strings.ToLower(name)]; ok {
		return c
	}
	return name
}

// allCaps reports whether s has letters and all of them are upper case
// (a wire dateline's place: "WASHINGTON", "ST. LOUIS").
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 1
}

// cleanOutlet trims team words and stray punctuation off a matched name.
func cleanOutlet(name string) string {
	words := strings.Fields(strings.Trim(name, " .,;:|-–—"))
	for len(words) > 1 && outletTeamWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 1 && (strings.EqualFold(words[0], "the") || outletTeamWords[words[0]]) {
		return ""
	}
	return strings.Join(words, " ")
}
