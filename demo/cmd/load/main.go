// Command load drives the demo API at a steady, bounded rate across its routes.
//
//	go run ./cmd/load -target http://127.0.0.1:8080 -rate 30 -duration 5m -mix products=3,product=4,search=3,orders=2,checkout=2
//
// Every flag has an environment default (LOAD_TARGET, LOAD_RATE, LOAD_DURATION, LOAD_MIX, LOAD_MAX_INFLIGHT,
// LOAD_ARRIVAL, LOAD_PRODUCTS, LOAD_CUSTOMERS). -duration 0 runs until SIGINT/SIGTERM.
// It prints a summary (requests by route and status) when it stops.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"syscall"
	"time"

	"github.com/hotpath/hotpath/demo/internal/loadgen"
)

func main() {
	var (
		target   = flag.String("target", env("LOAD_TARGET", "http://127.0.0.1:8080"), "base URL of the demo API")
		rate     = flag.Float64("rate", envFloat("LOAD_RATE", 30), "average requests per second")
		duration = flag.Duration("duration", envDur("LOAD_DURATION", 10*time.Minute), "stop after this long (0 = until signal)")
		mix      = flag.String("mix", env("LOAD_MIX", loadgen.DefaultMix), "route weights")
		inflight = flag.Int("max-inflight", int(envFloat("LOAD_MAX_INFLIGHT", 64)), "cap on requests in flight (excess ticks are skipped)")
		arrival  = flag.String("arrival", env("LOAD_ARRIVAL", "poisson"), "poisson or uniform inter-arrival times")
		products = flag.Int("products", int(envFloat("LOAD_PRODUCTS", 5000)), "product ids 1..N")
		custs    = flag.Int("customers", int(envFloat("LOAD_CUSTOMERS", 5000)), "customer ids 1..N")
	)
	flag.Parse()
	m, err := loadgen.ParseMix(*mix)
	if err != nil || *rate <= 0 || *rate > 5000 || (*arrival != "poisson" && *arrival != "uniform") {
		fmt.Fprintf(os.Stderr, "load: bad flags (mix error: %v; rate must be in (0,5000], arrival poisson|uniform)\n", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	client := &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *inflight, MaxIdleConns: *inflight}}
	cfg := loadgen.Config{Target: *target, Rate: *rate, Duration: *duration, Mix: m, MaxInFlight: *inflight,
		Arrival: *arrival, Products: *products, Customers: *custs}
	fmt.Fprintf(os.Stderr, "load: %s at %.1f rps for %s, mix %v, %s arrivals\n", *target, *rate, *duration, m, *arrival)
	start := time.Now()
	st := loadgen.Run(ctx, cfg, client)
	report(st, time.Since(start))
}

func report(st loadgen.Stats, took time.Duration) {
	keys := make([]string, 0, len(st.ByCode))
	for k := range st.ByCode {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(os.Stderr, "load: sent %d in %s (%.1f rps), skipped %d (in-flight cap), transport errors %d\n",
		st.Sent, took.Round(time.Second), float64(st.Sent)/took.Seconds(), st.Skipped, st.Errors)
	for _, k := range keys {
		fmt.Fprintf(os.Stderr, "load:   %-20s %d\n", k, st.ByCode[k])
	}
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func envFloat(k string, def float64) float64 {
	if f, err := strconv.ParseFloat(os.Getenv(k), 64); err == nil {
		return f
	}
	return def
}

func envDur(k string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(k)); err == nil {
		return d
	}
	return def
}
