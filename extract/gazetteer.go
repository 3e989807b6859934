package extract

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/biter777/countries"
	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
)

// The gazetteers are documented in gazetteer/README.md.
//
//go:embed gazetteer/*.tsv gazetteer/*.txt
var gazetteerFS embed.FS

// gazEntry is one known entity.
type gazEntry struct {
	Key     string
	Name    string
	Type    EntityType
	Aliases []string
	Source  string // "countries", "orgs", "places", "capitals"
	// Country is the entry index of the country a place lies in (or a
	// capital governs), or -1.
	Country int
	// CapitalOf is the country entry whose capital this is, or -1.
	CapitalOf int
}

// gazPattern is one surface form the automaton finds.
type gazPattern struct {
	entry int
	kind  string // "name", "alias", "acronym", "demonym"
}

// gazetteer holds the embedded lists and their automata. It is built once
// and never modified, so it is safe for concurrent use.
type gazetteer struct {
	entries  []gazEntry
	byKey    map[string]int
	patterns []gazPattern
	ac       ahocorasick.AhoCorasick // names, case-sensitive
	titles   []string
	titleAC  ahocorasick.AhoCorasick // titles, ASCII case-insensitive
	makers   map[string]string       // designator prefix -> maker ("Su" -> "Sukhoi")
	vehicles map[string]bool
	// given holds common given names (givennames.txt), case-sensitive.
	given map[string]bool
	// notNames holds lower-case words that alone are never entity names
	// (notnames.txt).
	notNames map[string]bool
	// productLines holds words that name product lines (products.txt),
	// case-sensitive.
	productLines map[string]bool
}

// loadGazetteer builds the gazetteer once per process; it is read-only
// afterwards.
var loadGazetteer = sync.OnceValues(buildGazetteer)

func readLines(name string, fn func(fields []string) error) error {
	f, err := gazetteerFS.Open("gazetteer/" + name)
	if err != nil {
		return fmt.Errorf("gazetteer %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		ln := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		if err := fn(strings.Split(ln, "\t")); err != nil {
			return fmt.Errorf("gazetteer %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer %s: %w", name, err)
	}
	return nil
}

func splitBar(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func field(f []string, i int) string {
	if i < len(f) {
		return strings.TrimSpace(f[i])
	}
	return ""
}

func buildGazetteer() (*gazetteer, error) {
	g := &gazetteer{byKey: map[string]int{}, makers: map[string]string{}, vehicles: map[string]bool{},
		given: map[string]bool{}, notNames: map[string]bool{}, productLines: map[string]bool{}}
	if err := readLines("givennames.txt", func(f []string) error {
		for _, w := range strings.Fields(strings.Join(f, " ")) {
			g.given[w] = true
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readLines("notnames.txt", func(f []string) error {
		for _, w := range strings.Fields(strings.Join(f, " ")) {
			g.notNames[strings.ToLower(w)] = true
		}
		return nil
	}); err != nil {
		return nil, err
	}
	add := func(e gazEntry) int {
		if i, ok := g.byKey[e.Key]; ok {
			return i
		}
		g.entries = append(g.entries, e)
		g.byKey[e.Key] = len(g.entries) - 1
		return len(g.entries) - 1
	}
	type pat struct {
		text string
		p    gazPattern
	}
	var pats []pat
	addPat := func(text string, entry int, kind string) {
		if strings.HasPrefix(text, "the ") || strings.HasPrefix(text, "The ") {
			return
		}
		if kind == "alias" && isAcronym(text) {
			kind = "acronym"
		}
		pats = append(pats, pat{text, gazPattern{entry, kind}})
	}

	// Countries: names from biter777, common names, aliases and
	// demonyms from countries.tsv.
	type crow struct{ name, aliases, demonyms string }
	rows := map[string]crow{}
	if err := readLines("countries.tsv", func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want alpha2 and name, got %q", f)
		}
		rows[field(f, 0)] = crow{field(f, 1), field(f, 2), field(f, 3)}
		return nil
	}); err != nil {
		return nil, err
	}
	places := map[string][]string{} // key -> fields, to merge capitals
	if err := readLines("places.tsv", func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want key, type, name: %q", f)
		}
		places[field(f, 0)] = f
		return nil
	}); err != nil {
		return nil, err
	}
	// Cities: rows as places.tsv rows; a places.tsv row with the same key
	// wins.
	if err := readLines("cities.tsv", func(f []string) error {
		if len(f) < 2 || field(f, 0) == "" {
			return fmt.Errorf("want name and alpha-2: %q", f)
		}
		key := "gpe:" + normName(field(f, 0))
		if _, ok := places[key]; !ok {
			places[key] = []string{key, string(GPE), field(f, 0), field(f, 2), field(f, 1)}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	countryIdx := map[string]int{}
	for _, c := range countries.All() {
		a2 := c.Alpha2()
		if len(a2) != 2 {
			continue
		}
		official := c.String()
		if i := strings.IndexByte(official, '('); i > 0 {
			official = strings.TrimSpace(official[:i])
		}
		r, ok := rows[a2]
		name := official
		if ok && r.name != "" {
			name = r.name
		}
		aliases := splitBar(r.aliases)
		if official != name && !strings.Contains(official, ",") && !containsStr(aliases, official) {
			aliases = append(aliases, official)
		}
		ci := add(gazEntry{Key: "gpe:" + a2, Name: name, Type: GPE, Aliases: aliases, Source: "countries", Country: -1, CapitalOf: -1})
		countryIdx[a2] = ci
		addPat(name, ci, "name")
		for _, a := range aliases {
			addPat(a, ci, "alias")
		}
		for _, d := range splitBar(r.demonyms) {
			addPat(d, ci, "demonym")
		}
	}
	// Named places, then capitals (a capital already listed as a place
	// merges with it).
	for _, f := range sortedPlaces(places) {
		country := -1
		if a2 := field(f, 4); a2 != "" {
			if ci, ok := countryIdx[a2]; ok {
				country = ci
			}
		}
		i := add(gazEntry{Key: field(f, 0), Name: field(f, 2), Type: EntityType(field(f, 1)), Aliases: splitBar(field(f, 3)),
			Source: "places", Country: country, CapitalOf: -1})
		addPat(g.entries[i].Name, i, "name")
		for _, a := range g.entries[i].Aliases {
			addPat(a, i, "alias")
		}
		for _, d := range splitBar(field(f, 5)) {
			addPat(d, i, "demonym")
		}
	}
	for _, c := range countries.All() {
		ci, ok := countryIdx[c.Alpha2()]
		if !ok {
			continue
		}
		capName := c.Capital().String()
		if capName == "" || strings.Contains(strings.ToLower(capName), "unknown") {
			continue
		}
		key := "gpe:" + normName(capName)
		if i, ok := g.byKey[key]; ok {
			g.entries[i].CapitalOf = ci
			continue
		}
		// Capitals of territories countries.tsv does not list (Douglas,
		// Hamilton, Stanley) and capitals that are given names or common
		// words (Victoria, Male) would be read in every "Douglas Hurd".
		if _, listed := rows[c.Alpha2()]; !listed || g.given[capName] || g.notNames[strings.ToLower(capName)] {
			continue
		}
		i := add(gazEntry{Key: key, Name: capName, Type: GPE, Source: "capitals", Country: ci, CapitalOf: ci})
		addPat(capName, i, "name")
	}
	if err := readLines("orgs.tsv", func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want key, type, name: %q", f)
		}
		i := add(gazEntry{Key: field(f, 0), Type: EntityType(field(f, 1)), Name: field(f, 2), Aliases: splitBar(field(f, 3)),
			Source: "orgs", Country: -1, CapitalOf: -1})
		addPat(g.entries[i].Name, i, "name")
		for _, a := range g.entries[i].Aliases {
			addPat(a, i, "alias")
		}
		return nil
	}); err != nil {
		return nil, err
	}
	// Surface forms: the first registration of a text wins.
	seen := map[string]bool{}
	var texts []string
	for _, p := range pats {
		if seen[p.text] {
			continue
		}
		seen[p.text] = true
		texts = append(texts, p.text)
		g.patterns = append(g.patterns, p.p)
	}
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.LeftMostLongestMatch, DFA: true})
	g.ac = b.Build(texts)

	if err := readLines("titles.txt", func(f []string) error {
		g.titles = append(g.titles, field(f, 0))
		return nil
	}); err != nil {
		return nil, err
	}
	tb := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.LeftMostLongestMatch, AsciiCaseInsensitive: true, DFA: true})
	g.titleAC = tb.Build(g.titles)

	if err := readLines("equipment.tsv", func(f []string) error {
		g.makers[field(f, 0)] = field(f, 1)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readLines("products.txt", func(f []string) error {
		g.productLines[field(f, 0)] = true
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readLines("vehicles.txt", func(f []string) error {
		g.vehicles[field(f, 0)] = true
		return nil
	}); err != nil {
		return nil, err
	}
	return g, nil
}

// sortedPlaces returns the place rows sorted by key (map order is
// random; keys are unique).
func sortedPlaces(m map[string][]string) [][]string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([][]string, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// isAcronym reports whether s is written in capitals (with optional dots
// or digits): "US", "U.S.", "ISIL", "G7".
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 1 && len(s) <= 8
}

// normName lower-cases a name and collapses white space and curly
// apostrophes, for keys.
func normName(s string) string {
	s = strings.ReplaceAll(s, "’", "'")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
