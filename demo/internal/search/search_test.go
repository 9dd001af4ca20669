package search

import (
	"fmt"
	"testing"

	"github.com/hotpath/hotpath/demo/internal/store"
)

// The quadratic path must answer exactly like the efficient one: the bottleneck changes cost, not results.
func TestRankAndQuadraticAgree(t *testing.T) {
	var cands []store.Product
	for i := 1; i <= 60; i++ {
		cands = append(cands, store.Product{ID: int64(i), Name: fmt.Sprintf("lamp %d", i%25), Category: "garden",
			Description: fmt.Sprintf("a lamp number %d", i)})
	}
	tests := []struct {
		query string
		limit int
	}{{"lamp", 20}, {"lamp 3", 5}, {"garden", 100}, {"nothing", 10}}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			a, b := Rank(tt.query, cands, tt.limit), RankBySimilarityQuadratic(tt.query, cands, tt.limit)
			if len(a) != len(b) {
				t.Fatalf("len %d vs %d", len(a), len(b))
			}
			for i := range a {
				if a[i].ID != b[i].ID || a[i].Score != b[i].Score {
					t.Fatalf("hit %d: %+v vs %+v", i, a[i], b[i])
				}
			}
			if len(a) > 25 {
				t.Fatalf("duplicates kept: %d hits", len(a))
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"", "", 0}, {"lamp", "lamp", 0}, {"lamp", "camp", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q,%q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
