package eval

// Temporal awareness (UzZaman and Allen, "Temporal Evaluation", ACL 2011),
// the relation metric of TempEval-3 and of SemEval-2015 Task 4.
//
// Sources followed, read in their public copies:
//   - TempEval-3's evaluation-relations/temporal_evaluation.py
//     (evaluate_two_files, the default method) and relation_to_timegraph.py
//     (create_timegraph_from_weight_sorted_relations, interval_rel_X_Y),
//     by Naushad UzZaman, as shipped with the TempEval-3 toolkit;
//   - SemEval-2015 Task 4's evaluation tool (evaluation_all.py,
//     evaluation_timeline.py and its 00-README.txt, by Itziar Aldabe and
//     Eneko Agirre), which turns each timeline into TimeML TLINKs and runs
//     the TempEval-3 scorer on them (timelineLinks below).
//
// What the scorer does, and what this file does the same way:
//   - Each annotation's TLINKs are read in order into a graph of interval
//     end points. A TLINK already implied by the ones before it is
//     redundant and dropped; one that contradicts them is "violated": kept
//     out of the graph but still counted. The rest, plus the violated
//     ones, are the annotation's reduced relations.
//   - Precision: the system's reduced relations that the gold annotation
//     verifies (the same TLINK is in the gold annotation, either way round,
//     or the gold graph implies it), over all of them. Recall: the gold
//     reduced relations the system verifies, over all of them.
//
// Where this differs: the TempEval-3 graph (a "timegraph" of chains with
// cross-chain links, searched with a chain history) can miss an implied
// relation in a tangled graph; here implication is exact point-algebra
// reachability. On the relations timelines produce (BEFORE and
// SIMULTANEOUS only) the two agree.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// TLink is one TimeML temporal link: From Rel To, e.g. "e1 BEFORE e2".
// Rel is a TimeML relType: BEFORE, AFTER, IBEFORE, IAFTER, INCLUDES,
// IS_INCLUDED, BEGINS, BEGUN_BY, ENDS, ENDED_BY, SIMULTANEOUS, IDENTITY,
// DURING or DURING_INV (the last two read as SIMULTANEOUS, as TempEval-3
// does).
type TLink struct {
	From, To, Rel string
}

func (l TLink) String() string { return l.From + " " + l.Rel + " " + l.To }

// AwarenessCounts are the four counts temporal awareness is made of.
// Summed over files they give the micro-averaged score.
type AwarenessCounts struct {
	// PrecMatched counts the system's reduced relations the gold verifies,
	// SysTotal all of them.
	PrecMatched int `json:"prec_matched"`
	SysTotal    int `json:"sys_total"`
	// RecMatched counts the gold reduced relations the system verifies,
	// GoldTotal all of them.
	RecMatched int `json:"rec_matched"`
	GoldTotal  int `json:"gold_total"`
}

// Add sums o into c.
func (c *AwarenessCounts) Add(o AwarenessCounts) {
	c.PrecMatched += o.PrecMatched
	c.SysTotal += o.SysTotal
	c.RecMatched += o.RecMatched
	c.GoldTotal += o.GoldTotal
}

// P is the precision in percent (0 with no system relations).
func (c AwarenessCounts) P() float64 { return pct(c.PrecMatched, c.SysTotal) }

// R is the recall in percent (0 with no gold relations).
func (c AwarenessCounts) R() float64 { return pct(c.RecMatched, c.GoldTotal) }

// F1 is the harmonic mean of P and R, in percent.
func (c AwarenessCounts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// TemporalAwareness scores sys against gold, both in the order their
// TLINKs were written (the order decides which relations of a cycle of
// implications count as redundant, as in TempEval-3).
func TemporalAwareness(gold, sys []TLink) AwarenessCounts {
	g, s := reduceLinks(gold), reduceLinks(sys)
	return AwarenessCounts{
		PrecMatched: verified(s.final, g),
		SysTotal:    len(s.final),
		RecMatched:  verified(g.final, s),
		GoldTotal:   len(g.final),
	}
}

// reduced is one annotation read into a graph: its reduced relations, the
// graph, and the TLINKs as written (both ways round) for the literal match.
type reduced struct {
	final   []TLink
	graph   *pointGraph
	literal map[TLink]bool
}

// reduceLinks reads links in order: duplicates are read once, implied
// links are dropped, contradicting ones are kept apart and appended to the
// reduced relations, as TempEval-3's get_timegraphs does.
func reduceLinks(links []TLink) reduced {
	r := reduced{graph: newPointGraph(), literal: map[TLink]bool{}}
	seen := map[TLink]bool{}
	var violated []TLink
	for _, l := range links {
		l.Rel = canonicalRel(l.Rel)
		r.literal[l] = true
		r.literal[TLink{From: l.To, To: l.From, Rel: inverseRel(l.Rel)}] = true
		if seen[l] {
			continue
		}
		seen[l] = true
		switch r.graph.add(l) {
		case linkImplied:
		case linkViolated:
			violated = append(violated, l)
		default:
			r.final = append(r.final, l)
		}
	}
	r.final = append(r.final, violated...)
	return r
}

// verified counts the links of a that b verifies: written in b (either way
// round) or implied by b's graph.
func verified(a []TLink, b reduced) int {
	n := 0
	for _, l := range a {
		if b.literal[l] || b.graph.implies(l) {
			n++
		}
	}
	return n
}

func canonicalRel(rel string) string {
	switch rel {
	case "IDENTITY", "DURING", "DURING_INV":
		return "SIMULTANEOUS"
	}
	return rel
}

// inverseRel is rel read from its other end (TempEval-3's reverse_relation).
func inverseRel(rel string) string {
	if inv, ok := inverseRels[rel]; ok {
		return inv
	}
	return rel
}

var inverseRels = map[string]string{
	"BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE",
	"INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "BEGINS": "BEGUN_BY", "BEGUN_BY": "BEGINS",
	"ENDS": "ENDED_BY", "ENDED_BY": "ENDS",
}

// pointRel is one constraint between two interval end points: a < b, or
// a = b when eq.
type pointRel struct {
	a, b int
	eq   bool
}

// endpoints is which end point of which interval: 0 and 1 are From's
// start and end, 2 and 3 To's.
const (
	xs = iota
	xe
	ys
	ye
)

// relPoints gives the end-point constraints of each relation (Allen's
// relations as point algebra; every interval also has start < end).
var relPoints = map[string][]pointRel{
	"BEFORE":       {{xe, ys, false}},
	"AFTER":        {{ye, xs, false}},
	"IBEFORE":      {{xe, ys, true}},
	"IAFTER":       {{ye, xs, true}},
	"SIMULTANEOUS": {{xs, ys, true}, {xe, ye, true}},
	"INCLUDES":     {{xs, ys, false}, {ye, xe, false}},
	"IS_INCLUDED":  {{ys, xs, false}, {xe, ye, false}},
	"BEGINS":       {{xs, ys, true}, {xe, ye, false}},
	"BEGUN_BY":     {{xs, ys, true}, {ye, xe, false}},
	"ENDS":         {{xe, ye, true}, {ys, xs, false}},
	"ENDED_BY":     {{xe, ye, true}, {xs, ys, false}},
}

// pointGraph holds the end points of intervals: equal points share a class
// (union-find), and classes are ordered by strict "before" edges.
type pointGraph struct {
	ids    map[string]int // interval -> its start point; its end is start+1
	parent []int
	succ   [][]int // strict successors, kept on class representatives
}

func newPointGraph() *pointGraph { return &pointGraph{ids: map[string]int{}} }

func (g *pointGraph) clone() *pointGraph {
	c := &pointGraph{ids: make(map[string]int, len(g.ids)), parent: append([]int(nil), g.parent...),
		succ: make([][]int, len(g.succ))}
	for k, v := range g.ids {
		c.ids[k] = v
	}
	for i, s := range g.succ {
		c.succ[i] = append([]int(nil), s...)
	}
	return c
}

func (g *pointGraph) find(p int) int {
	for g.parent[p] != p {
		g.parent[p] = g.parent[g.parent[p]]
		p = g.parent[p]
	}
	return p
}

// interval returns the start point of name, adding the interval (start <
// end) when missing and add is set; -1 when missing.
func (g *pointGraph) interval(name string, add bool) int {
	if p, ok := g.ids[name]; ok {
		return p
	}
	if !add {
		return -1
	}
	p := len(g.parent)
	g.ids[name] = p
	g.parent = append(g.parent, p, p+1)
	g.succ = append(g.succ, []int{p + 1}, nil)
	return p
}

// before reports whether a < b follows: a path of strict edges leads from
// a's class to b's.
func (g *pointGraph) before(a, b int) bool {
	from, to := g.find(a), g.find(b)
	seen := map[int]bool{}
	stack := []int{from}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, s := range g.succ[n] {
			s = g.find(s)
			if s == to {
				return true
			}
			if !seen[s] {
				seen[s] = true
				stack = append(stack, s)
			}
		}
	}
	return false
}

func (g *pointGraph) holds(c pointRel) bool {
	if c.eq {
		return g.find(c.a) == g.find(c.b)
	}
	return g.before(c.a, c.b)
}

func (g *pointGraph) impose(c pointRel) {
	a, b := g.find(c.a), g.find(c.b)
	if !c.eq {
		g.succ[a] = append(g.succ[a], b)
		return
	}
	if a == b {
		return
	}
	g.parent[b] = a
	g.succ[a] = append(g.succ[a], g.succ[b]...)
	g.succ[b] = nil
}

// points resolves a relation's constraints to the graph's point numbers;
// ok is false for an unknown relation or, unless add, a missing interval.
func (g *pointGraph) points(l TLink, add bool) ([]pointRel, bool) {
	rels, known := relPoints[l.Rel]
	if !known {
		return nil, false
	}
	x, y := g.interval(l.From, add), g.interval(l.To, add)
	if x < 0 || y < 0 {
		return nil, false
	}
	at := [4]int{x, x + 1, y, y + 1}
	out := make([]pointRel, len(rels))
	for i, r := range rels {
		out[i] = pointRel{a: at[r.a], b: at[r.b], eq: r.eq}
	}
	return out, true
}

// implies reports whether the graph entails l.
func (g *pointGraph) implies(l TLink) bool {
	cs, ok := g.points(canonicalLink(l), false)
	if !ok {
		return false
	}
	for _, c := range cs {
		if !g.holds(c) {
			return false
		}
	}
	return true
}

func canonicalLink(l TLink) TLink {
	l.Rel = canonicalRel(l.Rel)
	return l
}

type linkOutcome int

const (
	linkAdded linkOutcome = iota
	linkImplied
	linkViolated
)

// add reads l into the graph: linkImplied when the graph already entails
// it, linkViolated (graph unchanged) when it contradicts the graph or is
// of an unknown type, else linkAdded.
func (g *pointGraph) add(l TLink) linkOutcome {
	if _, known := relPoints[l.Rel]; !known {
		return linkViolated
	}
	if g.implies(l) {
		return linkImplied
	}
	trial := g.clone()
	cs, _ := trial.points(l, true)
	for _, c := range cs {
		trial.impose(c)
	}
	// A contradiction is a cycle of strict edges; any new cycle passes
	// through a point the new constraints touch.
	for _, c := range cs {
		if trial.before(c.a, c.a) || trial.before(c.b, c.b) {
			return linkViolated
		}
	}
	*g = *trial
	return linkAdded
}

// String shows the counts and the score, for test failures.
func (c AwarenessCounts) String() string {
	return fmt.Sprintf("P %d/%d R %d/%d F1 %.2f", c.PrecMatched, c.SysTotal, c.RecMatched, c.GoldTotal, c.F1())
}

// timelineLinks turns the gold and system timelines into TLINKs as the
// task's evaluation_timeline.py does: rows sorted in natural order of
// their text, rows with ordinal 0 dropped; every time anchor is one
// TIMEX3 (shared by gold and system when written alike) and every mention
// one EVENT; each event is SIMULTANEOUS with its anchor, then each event
// is BEFORE the next in row order when its ordinal is lower, else
// SIMULTANEOUS with it. A system mention is the gold event written alike
// (its k-th occurrence the gold's k-th), else a new event.
func timelineLinks(gold, sys *TaskTimeline) (gl, sl []TLink) {
	var goldIDs []string
	occurrences := map[string][]string{}
	gl = chainLinks(gold, func(m string) string {
		id := "e" + strconv.Itoa(len(goldIDs)+1)
		goldIDs = append(goldIDs, id)
		occurrences[m] = append(occurrences[m], id)
		return id
	})
	used := map[string]int{}
	fresh := 0
	sl = chainLinks(sys, func(m string) string {
		k := used[m]
		used[m]++
		if k < len(occurrences[m]) {
			return occurrences[m][k]
		}
		fresh++
		return "s" + strconv.Itoa(fresh)
	})
	return gl, sl
}

// chainLinks lists one timeline's TLINKs in the order the task's scorer
// writes them: every event to its anchor, then the chain of events.
func chainLinks(t *TaskTimeline, eventID func(mention string) string) []TLink {
	rows := append([]TaskRow(nil), t.Rows...)
	sort.SliceStable(rows, func(i, j int) bool { return naturalLess(rows[i].line(), rows[j].line()) })
	type ev struct {
		id  string
		ord int
	}
	var evs []ev
	var links []TLink
	for _, r := range rows {
		if r.Ordinal == 0 {
			continue
		}
		for _, m := range r.Events {
			e := ev{id: eventID(m), ord: r.Ordinal}
			evs = append(evs, e)
			links = append(links, TLink{From: e.id, To: "t:" + r.Date, Rel: "SIMULTANEOUS"})
		}
	}
	for i := 0; i+1 < len(evs); i++ {
		rel := "SIMULTANEOUS"
		if evs[i].ord < evs[i+1].ord {
			rel = "BEFORE"
		}
		links = append(links, TLink{From: evs[i].id, To: evs[i+1].id, Rel: rel})
	}
	return links
}

// naturalLess orders strings as the task's natural_keys sort does: runs of
// digits compare as numbers, the rest byte by byte.
func naturalLess(a, b string) bool {
	ka, kb := naturalKey(a), naturalKey(b)
	for i := 0; i < len(ka) && i < len(kb); i++ {
		if ka[i] == kb[i] {
			continue
		}
		if i%2 == 0 {
			return ka[i] < kb[i]
		}
		x, y := strings.TrimLeft(ka[i], "0"), strings.TrimLeft(kb[i], "0")
		if len(x) != len(y) {
			return len(x) < len(y)
		}
		if x != y {
			return x < y
		}
	}
	return len(ka) < len(kb)
}

// naturalKey splits s into text and digit runs, text first: "12\tx" is
// ["", "12", "\tx"], like Python's re.split('(\d+)', s).
func naturalKey(s string) []string {
	out := []string{}
	start, digits := 0, false
	for i := 0; i <= len(s); i++ {
		d := i < len(s) && s[i] >= '0' && s[i] <= '9'
		if i < len(s) && d == digits {
			continue
		}
		if !digits || i > start {
			out = append(out, s[start:i])
		}
		if i == len(s) {
			if digits {
				out = append(out, "")
			}
			break
		}
		start, digits = i, d
	}
	return out
}
