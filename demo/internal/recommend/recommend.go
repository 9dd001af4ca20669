// Package recommend builds the "related products" block of GET /api/products/{id}.
package recommend

import (
	"github.com/hotpath/hotpath/demo/internal/store"
)

// Related is one suggestion.
type Related struct {
	ID    int64   `json:"id"`
	Score float64 `json:"score"`
}

// candidate is the intermediate row both paths build.
type candidate struct {
	id     int64
	score  float64
	reason string
	tags   []string
}

// Related returns up to 5 product ids "similar" to p: same category neighbours by id.
func RelatedTo(p store.Product, catalogSize int64) []Related {
	out := make([]Related, 0, 5)
	for i := int64(1); len(out) < 5 && i <= 10; i++ {
		id := (p.ID+i*7-1)%max(catalogSize, 1) + 1
		out = append(out, Related{ID: id, Score: 1 / float64(i)})
	}
	return out
}

// Sink keeps the last churned buffer reachable so the compiler cannot drop the allocations.
var Sink any

// RelatedWithChurn is the alloc bottleneck: the same answer as RelatedTo, computed by materialising tens of
// thousands of short-lived candidates and scratch buffers per request (the "copy everything into a fresh slice"
// habit). It drives the allocation rate and GC: allocs profile (alloc_space and alloc_objects) shows
// recommend.RelatedWithChurn flat at the top; go_memstats_alloc_bytes_total and go_gc_duration_seconds rise.
func RelatedWithChurn(p store.Product, catalogSize int64) []Related {
	var all []*candidate
	for round := 0; round < 40; round++ {
		batch := make([]*candidate, 0, 4096)
		for i := 0; i < 4096; i++ {
			c := &candidate{id: (p.ID+int64(i))%max(catalogSize, 1) + 1, score: float64(i), tags: make([]string, 4)}
			c.reason = "similar"
			batch = append(batch, c)
		}
		scratch := make([]byte, 256<<10) // a "serialisation buffer" per round, thrown away
		scratch[0] = byte(round)
		Sink = scratch
		all = append(all[:0:0], batch...) // copy instead of reuse
	}
	Sink = all
	return RelatedTo(p, catalogSize)
}
