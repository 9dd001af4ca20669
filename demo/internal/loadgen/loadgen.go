// Package loadgen sends a steady, bounded stream of realistic requests to the demo API: an average rate with
// Poisson (or uniform) arrivals over a weighted route mix, a cap on requests in flight, a duration.
package loadgen

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Routes the generator knows, by mix key.
var Routes = []string{"products", "product", "search", "orders", "checkout"}

// DefaultMix weights the routes like a shop's traffic: browsing dominates, checkout is rare.
const DefaultMix = "products=3,product=4,search=3,orders=2,checkout=2"

// Config of one run.
type Config struct {
	Target      string        // base URL of the demo API
	Rate        float64       // requests per second (average)
	Duration    time.Duration // 0 = until ctx is done
	Mix         map[string]int
	MaxInFlight int    // ticks finding this many requests in flight are skipped (counted, not queued)
	Arrival     string // "poisson" (default) or "uniform"
	Products    int    // id ranges the demo was seeded with
	Customers   int
	Seed        uint64 // 0 = random
}

// Stats of a run.
type Stats struct {
	Sent    int64
	Skipped int64
	Errors  int64            // transport errors
	ByCode  map[string]int64 // "route code" -> count
}

// ParseMix parses "products=3,search=1".
func ParseMix(s string) (map[string]int, error) {
	mix := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("mix entry %q: want route=weight", part)
		}
		if !known(k) {
			return nil, fmt.Errorf("mix entry %q: unknown route (known: %s)", part, strings.Join(Routes, ", "))
		}
		w, err := strconv.Atoi(v)
		if err != nil || w < 0 {
			return nil, fmt.Errorf("mix entry %q: weight must be a non-negative integer", part)
		}
		mix[k] = w
	}
	total := 0
	for _, w := range mix {
		total += w
	}
	if total == 0 {
		return nil, fmt.Errorf("mix %q has no positive weight", s)
	}
	return mix, nil
}

func known(k string) bool {
	for _, r := range Routes {
		if r == k {
			return true
		}
	}
	return false
}

var terms = []string{"lamp", "classic", "garden", "mug", "travel", "smart", "tent", "vintage", "kettle", "pro",
	"toys", "rustic", "speaker", "compact", "books"}

// Run generates load until Duration elapses or ctx is done, then waits for requests in flight.
func Run(ctx context.Context, cfg Config, client *http.Client) Stats {
	if cfg.Duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.Duration)
		defer cancel()
	}
	seed := cfg.Seed
	if seed == 0 {
		seed = rand.Uint64()
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	keys := make([]string, 0, len(cfg.Mix))
	for k := range cfg.Mix {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	total := 0
	for _, k := range keys {
		total += cfg.Mix[k]
	}
	var (
		inflight atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		st       = Stats{ByCode: map[string]int64{}}
	)
	base := strings.TrimRight(cfg.Target, "/")
	next := time.Now()
	for {
		gap := time.Duration(float64(time.Second) / cfg.Rate)
		if cfg.Arrival != "uniform" {
			gap = time.Duration(rng.ExpFloat64() * float64(time.Second) / cfg.Rate)
		}
		next = next.Add(gap)
		if d := time.Until(next); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-ctx.Done():
				t.Stop()
				wg.Wait()
				return st
			case <-t.C:
			}
		} else if ctx.Err() != nil {
			wg.Wait()
			return st
		}
		if cfg.MaxInFlight > 0 && inflight.Load() >= int64(cfg.MaxInFlight) {
			mu.Lock()
			st.Skipped++
			mu.Unlock()
			continue
		}
		pick := rng.IntN(total)
		route := keys[0]
		for _, k := range keys {
			if pick < cfg.Mix[k] {
				route = k
				break
			}
			pick -= cfg.Mix[k]
		}
		req := build(ctx, base, route, rng, cfg)
		inflight.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer inflight.Add(-1)
			code := "error"
			resp, err := client.Do(req)
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				code = strconv.Itoa(resp.StatusCode)
			}
			mu.Lock()
			st.Sent++
			if err != nil && ctx.Err() == nil {
				st.Errors++
			}
			st.ByCode[route+" "+code]++
			mu.Unlock()
		}()
	}
}

func build(ctx context.Context, base, route string, rng *rand.Rand, cfg Config) *http.Request {
	products, customers := max(cfg.Products, 1), max(cfg.Customers, 1)
	var req *http.Request
	switch route {
	case "products":
		req, _ = http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/api/products?page=%d", base, 1+rng.IntN(max(products/20, 1))), nil)
	case "product":
		req, _ = http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/api/products/%d", base, 1+rng.IntN(products)), nil)
	case "search":
		req, _ = http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/search?q="+terms[rng.IntN(len(terms))], nil)
	case "orders":
		req, _ = http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/api/customers/%d/orders", base, 1+rng.IntN(customers)), nil)
	default: // checkout
		var b bytes.Buffer
		fmt.Fprintf(&b, `{"customer_id":%d,"items":[`, 1+rng.IntN(customers))
		n := 1 + rng.IntN(4)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"product_id":%d,"quantity":%d}`, 1+rng.IntN(products), 1+rng.IntN(3))
		}
		b.WriteString("]}")
		req, _ = http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/checkout", &b)
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", "hotpath-load/1")
	return req
}
