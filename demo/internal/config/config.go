// Package config reads the demo's settings from the environment, each with a default that works in docker compose.
package config

import (
	"fmt"
	"strconv"
	"time"

	"github.com/hotpath/hotpath/demo/internal/bottleneck"
)

// Config of the demo API process (cmd/demo).
type Config struct {
	Addr        string            // HOTPATH_ADDR: public API (+ /metrics)
	AdminAddr   string            // HOTPATH_ADMIN_ADDR: net/http/pprof and bottleneck toggles, never public
	UpstreamURL string            // HOTPATH_UPSTREAM_URL
	Bottlenecks []bottleneck.Name // HOTPATH_BOTTLENECKS: switched on at start, e.g. "cpu,db"
	DBPath      string            // HOTPATH_DB_PATH: "" = fresh temp file
	Products    int               // HOTPATH_SEED_PRODUCTS
	Customers   int               // HOTPATH_SEED_CUSTOMERS
	Orders      int               // HOTPATH_SEED_ORDERS
	ErrorRate   float64           // HOTPATH_ERROR_RATE: share of /api/* requests failing while "errors" is on
	NetDelay    time.Duration     // HOTPATH_NETWORK_DELAY: extra upstream latency while "network" is on
	IOSyncs     int               // HOTPATH_IO_SYNCS: fsync'd journal records per checkout while "io" is on
	IOSyncFloor time.Duration     // HOTPATH_IO_SYNC_FLOOR: least time one fsync takes (network-attached volume)
	MutexFrac   int               // HOTPATH_MUTEX_PROFILE_FRACTION: runtime.SetMutexProfileFraction
	BlockRate   int               // HOTPATH_BLOCK_PROFILE_RATE: runtime.SetBlockProfileRate, in ns
	Pyroscope   string            // PYROSCOPE_URL: push profiles there when set
	ServiceName string            // HOTPATH_SERVICE_NAME: Pyroscope application name (= Prometheus job)
}

// Load reads Config through getenv (os.Getenv in main, a map in tests).
func Load(getenv func(string) string) (Config, error) {
	e := env{get: getenv}
	c := Config{
		Addr:        e.str("HOTPATH_ADDR", ":8080"),
		AdminAddr:   e.str("HOTPATH_ADMIN_ADDR", ":6060"),
		UpstreamURL: e.str("HOTPATH_UPSTREAM_URL", "http://127.0.0.1:8081"),
		DBPath:      e.str("HOTPATH_DB_PATH", ""),
		Products:    e.int("HOTPATH_SEED_PRODUCTS", 5000),
		Customers:   e.int("HOTPATH_SEED_CUSTOMERS", 5000),
		Orders:      e.int("HOTPATH_SEED_ORDERS", 600000),
		ErrorRate:   e.float("HOTPATH_ERROR_RATE", 0.3),
		NetDelay:    e.dur("HOTPATH_NETWORK_DELAY", 300*time.Millisecond),
		IOSyncs:     e.int("HOTPATH_IO_SYNCS", 64),
		IOSyncFloor: e.dur("HOTPATH_IO_SYNC_FLOOR", time.Millisecond),
		MutexFrac:   e.int("HOTPATH_MUTEX_PROFILE_FRACTION", 10),
		BlockRate:   e.int("HOTPATH_BLOCK_PROFILE_RATE", 10000),
		Pyroscope:   e.str("PYROSCOPE_URL", ""),
		ServiceName: e.str("HOTPATH_SERVICE_NAME", "hotpath-demo"),
	}
	bs, err := bottleneck.ParseList(e.str("HOTPATH_BOTTLENECKS", ""))
	if err != nil {
		e.errs = append(e.errs, fmt.Errorf("HOTPATH_BOTTLENECKS: %w", err))
	}
	c.Bottlenecks = bs
	if c.ErrorRate < 0 || c.ErrorRate > 1 {
		e.errs = append(e.errs, fmt.Errorf("HOTPATH_ERROR_RATE must be in [0,1], got %v", c.ErrorRate))
	}
	if c.Products < 1 || c.Customers < 1 {
		e.errs = append(e.errs, fmt.Errorf("HOTPATH_SEED_PRODUCTS and HOTPATH_SEED_CUSTOMERS must be >= 1"))
	}
	if len(e.errs) > 0 {
		return c, e.errs[0]
	}
	return c, nil
}

type env struct {
	get  func(string) string
	errs []error
}

func (e *env) str(k, def string) string {
	if v := e.get(k); v != "" {
		return v
	}
	return def
}

func (e *env) int(k string, def int) int {
	v := e.get(k)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		e.errs = append(e.errs, fmt.Errorf("%s: %w", k, err))
		return def
	}
	return n
}

func (e *env) float(k string, def float64) float64 {
	v := e.get(k)
	if v == "" {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		e.errs = append(e.errs, fmt.Errorf("%s: %w", k, err))
		return def
	}
	return f
}

func (e *env) dur(k string, def time.Duration) time.Duration {
	v := e.get(k)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		e.errs = append(e.errs, fmt.Errorf("%s: %w", k, err))
		return def
	}
	return d
}
