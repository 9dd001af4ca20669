// Package pricing computes the displayed price of catalogue items (category discounts, rounding).
package pricing

import (
	"hash/fnv"
	"sync"
	"time"

	"github.com/hotpath/hotpath/demo/internal/store"
)

// Book holds the discount rules. Prices of one page are computed concurrently, one goroutine per item.
type Book struct {
	rules map[string]int64 // category -> discount in percent
	rw    sync.RWMutex     // guards rules on the normal path (readers never wait on each other)
	// globalMu is the lock bottleneck: one process-wide mutex held across the whole price computation.
	globalMu sync.Mutex
	// Lookup is the latency of the exchange-rate lookup each item needs (a cache miss to a rates service,
	// simulated as a wait). It is the "work" the global mutex is held across in the lock bottleneck.
	Lookup time.Duration
}

// NewBook returns a Book with fixed demo rules.
func NewBook() *Book {
	return &Book{rules: map[string]int64{"books": 5, "toys": 10, "garden": 15, "outdoor": 0}, Lookup: 2 * time.Millisecond}
}

// PriceAll returns the price of every product, computed concurrently. With contended true each computation
// runs under the global mutex (see priceUnderGlobalLock).
func (b *Book) PriceAll(ps []store.Product, contended bool) []int64 {
	out := make([]int64, len(ps))
	var wg sync.WaitGroup
	for i := range ps {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if contended {
				out[i] = b.priceUnderGlobalLock(ps[i])
			} else {
				out[i] = b.price(ps[i])
			}
		}(i)
	}
	wg.Wait()
	return out
}

func (b *Book) price(p store.Product) int64 {
	b.rw.RLock()
	d := b.rules[p.Category]
	b.rw.RUnlock()
	rate := b.exchangeRate(p.Category)
	return finalPrice(p, d, rate)
}

// priceUnderGlobalLock is the lock bottleneck: the same computation as price, but the process-wide mutex is held
// across it, so the concurrent item goroutines of every GET /api/products request serialise. Mutex profile:
// sync.(*Mutex).Unlock flat, pricing.(*Book).priceUnderGlobalLock cumulative; block profile: sync.(*Mutex).Lock
// under the same function.
func (b *Book) priceUnderGlobalLock(p store.Product) int64 {
	b.globalMu.Lock()
	defer b.globalMu.Unlock()
	rate := b.exchangeRate(p.Category)
	return finalPrice(p, b.rules[p.Category], rate)
}

// exchangeRate waits for the simulated rates service and returns a deterministic rate in per mille.
func (b *Book) exchangeRate(category string) uint64 {
	if b.Lookup > 0 {
		time.Sleep(b.Lookup)
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte(category))
	return 1000 + h.Sum64()%50
}

// finalPrice applies the discount and the exchange rate, rounded down to 5 cents.
func finalPrice(p store.Product, discount int64, ratePerMille uint64) int64 {
	price := p.PriceCents * (100 - discount) / 100 * int64(ratePerMille) / 1000
	return price - price%5
}
