// Package search ranks catalogue candidates for GET /api/search.
package search

import (
	"sort"
	"strings"

	"github.com/hotpath/hotpath/demo/internal/store"
)

// Hit is one ranked result.
type Hit struct {
	store.Product
	Score float64 `json:"score"`
}

// Rank scores candidates against the query and drops near-duplicates. The efficient path is O(n log n).
func Rank(query string, candidates []store.Product, limit int) []Hit {
	terms := strings.Fields(strings.ToLower(query))
	hits := make([]Hit, 0, len(candidates))
	seen := make(map[string]bool, len(candidates))
	for _, p := range candidates {
		key := strings.ToLower(p.Name)
		if seen[key] {
			continue // exact duplicate names: keep the first (lowest id)
		}
		seen[key] = true
		hits = append(hits, Hit{Product: p, Score: score(terms, p)})
	}
	sortHits(hits)
	return hits[:min(limit, len(hits))]
}

// RankBySimilarityQuadratic is the cpu bottleneck: the same result contract as Rank, but near-duplicates are
// found by comparing every candidate with every other one (edit distance on names) — O(n²) comparisons, each
// O(len²). It is the function at the top of the CPU profile of GET /api/search when the bottleneck is on
// (flat time in search.editDistance, cumulative in search.RankBySimilarityQuadratic).
func RankBySimilarityQuadratic(query string, candidates []store.Product, limit int) []Hit {
	terms := strings.Fields(strings.ToLower(query))
	hits := make([]Hit, 0, len(candidates))
	for i, p := range candidates {
		dup := false
		for j := 0; j < len(candidates); j++ {
			if j != i && editDistance(strings.ToLower(p.Name), strings.ToLower(candidates[j].Name)) == 0 && j < i {
				dup = true
			}
		}
		if !dup {
			hits = append(hits, Hit{Product: p, Score: score(terms, p)})
		}
	}
	sortHits(hits)
	return hits[:min(limit, len(hits))]
}

// editDistance is the Levenshtein distance of a and b (bytes; catalogue names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func score(terms []string, p store.Product) float64 {
	name, desc := strings.ToLower(p.Name), strings.ToLower(p.Description)
	s := 0.0
	for _, t := range terms {
		if strings.Contains(name, t) {
			s += 2
		}
		if strings.Contains(desc, t) {
			s++
		}
		if strings.EqualFold(p.Category, t) {
			s += 0.5
		}
	}
	return s
}

func sortHits(h []Hit) {
	sort.SliceStable(h, func(i, j int) bool {
		if h[i].Score != h[j].Score {
			return h[i].Score > h[j].Score
		}
		return h[i].ID < h[j].ID
	})
}
