package eval

// Coreference metrics as the reference scorer of the CoNLL shared tasks
// defines them (Pradhan et al., 2014, "Scoring coreference partitions of
// predicted mentions: a reference implementation"; the scorer v8.01 at
// github.com/conll/reference-coreference-scorers). A partition is a list
// of clusters (entities) of mentions; the key is the gold partition, the
// response the system's. Key and response may hold different mentions:
// a mention of one side missing from the other is handled as the
// reference scorer handles it, without any of the adjustments proposed
// before it (no twinless-mention tricks):
//
//   - MUC (Vilain et al., 1995): recall is Σ_k (|k| − p(k)) / Σ_k (|k| − 1),
//     where p(k) is the number of parts the response cuts key entity k
//     into, a mention the response lacks being a part of its own;
//     precision is the same with key and response swapped.
//   - B³ (Bagga and Baldwin, 1998): recall is Σ_k Σ_r |k∩r|²/|k| over the
//     number of key mentions; precision Σ_r Σ_k |k∩r|²/|r| over the number
//     of response mentions. Singletons count.
//   - CEAF-e (Luo, 2005): the best one-to-one alignment of key and
//     response entities under φ4(k, r) = 2|k∩r| / (|k| + |r|) (the
//     Kuhn-Munkres algorithm); recall is its total over the number of key
//     entities, precision over the number of response entities.
//   - CoNLL F1 is the mean of the three F1s.
//
// A mention repeated within one partition is kept once, where it first
// appears, as the reference scorer de-duplicates response mentions;
// empty clusters are ignored.

import "math"

// CorefScore is one metric's recall and precision as fractions, kept as
// numerator and denominator the way the reference scorer prints them.
type CorefScore struct {
	RecallNum, RecallDen       float64
	PrecisionNum, PrecisionDen float64
}

// Recall is RecallNum/RecallDen in percent (0 when nothing is to be
// recalled).
func (s CorefScore) Recall() float64 { return ratio(s.RecallNum, s.RecallDen) }

// Precision is PrecisionNum/PrecisionDen in percent.
func (s CorefScore) Precision() float64 { return ratio(s.PrecisionNum, s.PrecisionDen) }

// F1 is the harmonic mean of Recall and Precision, in percent.
func (s CorefScore) F1() float64 { return harmonic(s.Precision(), s.Recall()) }

// harmonic is the harmonic mean of p and r, 0 when both are.
func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(num, den float64) float64 {
	if den == 0 {
		return 0
	}
	return 100 * num / den
}

// CorefMetrics are the three metrics of the CoNLL score for one response.
type CorefMetrics struct {
	MUC, B3, CEAFe CorefScore
}

// CoNLL is the mean of the MUC, B³ and CEAF-e F1s, in percent.
func (m CorefMetrics) CoNLL() float64 { return (m.MUC.F1() + m.B3.F1() + m.CEAFe.F1()) / 3 }

// ScoreCoref scores response against key with MUC, B³ and CEAF-e.
func ScoreCoref[M comparable](key, response [][]M) CorefMetrics {
	k, r := newPartition(key), newPartition(response)
	return CorefMetrics{MUC: mucScore(k, r), B3: b3Score(k, r), CEAFe: ceafeScore(k, r)}
}

// MUC is the link-based MUC score of response against key.
func MUC[M comparable](key, response [][]M) CorefScore {
	return mucScore(newPartition(key), newPartition(response))
}

// BCubed is the mention-based B³ score of response against key.
func BCubed[M comparable](key, response [][]M) CorefScore {
	return b3Score(newPartition(key), newPartition(response))
}

// CEAFe is the entity-based CEAF score (φ4 similarity) of response
// against key.
func CEAFe[M comparable](key, response [][]M) CorefScore {
	return ceafeScore(newPartition(key), newPartition(response))
}

// partition is a list of non-empty clusters of distinct mentions and the
// cluster of each mention.
type partition[M comparable] struct {
	clusters [][]M
	of       map[M]int
}

func newPartition[M comparable](clusters [][]M) partition[M] {
	p := partition[M]{of: map[M]int{}}
	for _, c := range clusters {
		var kept []M
		for _, m := range c {
			if _, dup := p.of[m]; dup {
				continue
			}
			p.of[m] = len(p.clusters)
			kept = append(kept, m)
		}
		if len(kept) > 0 {
			p.clusters = append(p.clusters, kept)
		}
	}
	return p
}

// overlaps counts, for cluster c of a, its mentions in each cluster of b
// (by index), and the mentions b lacks.
func overlaps[M comparable](c []M, b partition[M]) (in map[int]int, missing int) {
	in = map[int]int{}
	for _, m := range c {
		if j, ok := b.of[m]; ok {
			in[j]++
		} else {
			missing++
		}
	}
	return in, missing
}

// bothWays is side(key, resp) as recall and side(resp, key) as precision.
func bothWays[M comparable](key, resp partition[M], side func(a, b partition[M]) (num, den float64)) CorefScore {
	var s CorefScore
	s.RecallNum, s.RecallDen = side(key, resp)
	s.PrecisionNum, s.PrecisionDen = side(resp, key)
	return s
}

func mucScore[M comparable](key, resp partition[M]) CorefScore {
	return bothWays(key, resp, mucSide[M])
}

// mucSide is Σ (|c| − parts of c in b) and Σ (|c| − 1) over the clusters
// c of a.
func mucSide[M comparable](a, b partition[M]) (num, den float64) {
	for _, c := range a.clusters {
		in, missing := overlaps(c, b)
		num += float64(len(c) - len(in) - missing)
		den += float64(len(c) - 1)
	}
	return num, den
}

func b3Score[M comparable](key, resp partition[M]) CorefScore { return bothWays(key, resp, b3Side[M]) }

// b3Side is Σ_c Σ_d |c∩d|²/|c| over the clusters c of a and d of b, and
// the number of mentions of a.
func b3Side[M comparable](a, b partition[M]) (num, den float64) {
	for _, c := range a.clusters {
		in, _ := overlaps(c, b)
		for _, n := range in {
			num += float64(n*n) / float64(len(c))
		}
		den += float64(len(c))
	}
	return num, den
}

func ceafeScore[M comparable](key, resp partition[M]) CorefScore {
	nk, nr := len(key.clusters), len(resp.clusters)
	// Entities that share no mention have similarity 0, so the best
	// alignment is found separately in each connected group of entities
	// (key entity i is node i, response entity j node nk+j).
	uf := newUnionFind(nk + nr)
	common := map[[2]int]int{}
	for i, c := range key.clusters {
		in, _ := overlaps(c, resp)
		for j, n := range in {
			common[[2]int{i, j}] = n
			uf.union(i, nk+j)
		}
	}
	// Groups in order of their first node, so that the total is summed
	// in the same order on every run.
	nodes := make([]int, nk+nr)
	for v := range nodes {
		nodes[v] = v
	}
	groups := groupBy(nodes, uf.find)
	total := 0.0
	for _, g := range groups {
		var ks, rs []int
		for _, v := range g {
			if v < nk {
				ks = append(ks, v)
			} else {
				rs = append(rs, v-nk)
			}
		}
		if len(ks) == 0 || len(rs) == 0 {
			continue
		}
		sim := func(i, j int) float64 {
			n := common[[2]int{ks[i], rs[j]}]
			return 2 * float64(n) / float64(len(key.clusters[ks[i]])+len(resp.clusters[rs[j]]))
		}
		total += maxAssignment(len(ks), len(rs), sim)
	}
	return CorefScore{RecallNum: total, RecallDen: float64(nk), PrecisionNum: total, PrecisionDen: float64(nr)}
}

// maxAssignment is the largest total weight of a one-to-one matching
// between n rows and m columns, weight(i, j) ≥ 0: the Hungarian
// (Kuhn-Munkres) algorithm with potentials, O(min(n,m)²·max(n,m)).
func maxAssignment(n, m int, weight func(i, j int) float64) float64 {
	if n > m {
		return maxAssignment(m, n, func(i, j int) float64 { return weight(j, i) })
	}
	// Minimise the cost −weight; rows and columns are 1-based, p[j] is the
	// row matched to column j (0: none) and way[j] the previous column on
	// the shortest augmenting path.
	cost := make([][]float64, n+1)
	for i := 1; i <= n; i++ {
		cost[i] = make([]float64, m+1)
		for j := 1; j <= m; j++ {
			cost[i][j] = -weight(i-1, j-1)
		}
	}
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	p := make([]int, m+1)
	way := make([]int, m+1)
	minv := make([]float64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = math.Inf(1)
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				if cur := cost[i0][j] - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	total := 0.0
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			total += -cost[p[j]][j]
		}
	}
	return total
}

// groupBy partitions items by key, groups in order of their first item.
func groupBy[K comparable](items []int, key func(int) K) [][]int {
	var out [][]int
	at := map[K]int{}
	for _, i := range items {
		k := key(i)
		j, ok := at[k]
		if !ok {
			j = len(out)
			at[k] = j
			out = append(out, nil)
		}
		out[j] = append(out[j], i)
	}
	return out
}

// unionFind joins nodes 0..n-1 into groups.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(x int) int {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

func (u unionFind) union(a, b int) {
	if ra, rb := u.find(a), u.find(b); ra != rb {
		u[ra] = rb
	}
}
