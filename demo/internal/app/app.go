// Package app assembles the demo from its parts; cmd/demo serves it and the tests drive the same assembly.
package app

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/hotpath/hotpath/demo/internal/admin"
	"github.com/hotpath/hotpath/demo/internal/api"
	"github.com/hotpath/hotpath/demo/internal/bottleneck"
	"github.com/hotpath/hotpath/demo/internal/config"
	"github.com/hotpath/hotpath/demo/internal/journal"
	"github.com/hotpath/hotpath/demo/internal/metrics"
	"github.com/hotpath/hotpath/demo/internal/pricing"
	"github.com/hotpath/hotpath/demo/internal/store"
	"github.com/hotpath/hotpath/demo/internal/upstream"
)

// App is the assembled demo.
type App struct {
	Public      http.Handler // API routes, /metrics, /healthz
	Admin       http.Handler // net/http/pprof, bottleneck switches, /healthz
	Bottlenecks *bottleneck.Set
	Metrics     *metrics.Metrics
	Store       *store.Store
	journal     *journal.Journal
}

// Build opens and seeds the database and wires everything. Close releases it.
func Build(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	m := metrics.New()
	t0 := time.Now()
	st, err := store.Open(ctx, cfg.DBPath, store.Sizes{Products: cfg.Products, Customers: cfg.Customers, Orders: cfg.Orders}, m)
	if err != nil {
		return nil, err
	}
	log.Info("database seeded", "products", cfg.Products, "customers", cfg.Customers, "orders", cfg.Orders, "took", time.Since(t0))
	j, err := journal.Open("")
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	j.SyncFloor = cfg.IOSyncFloor
	set := bottleneck.New()
	set.OnChange(func(n bottleneck.Name, on bool) {
		v := 0.0
		if on {
			v = 1
		}
		m.BottleneckOn.WithLabelValues(string(n)).Set(v)
		if n == bottleneck.DB {
			// The db bottleneck is "the index is gone"; switching it off restores the index.
			if err := st.SetOrdersIndex(context.Background(), !on); err != nil {
				log.Error("orders index", "err", err)
			}
		}
		log.Info("bottleneck", "name", n, "enabled", on)
	})
	up := upstream.NewClient(cfg.UpstreamURL, m, func() time.Duration {
		if set.Enabled(bottleneck.Network) {
			return cfg.NetDelay
		}
		return 0
	})
	for _, n := range cfg.Bottlenecks {
		set.Set(n, true, 0)
	}
	srv := &api.Server{Store: st, Upstream: up, Pricing: pricing.NewBook(), Journal: j, Bottlenecks: set, Metrics: m,
		ErrorRate: cfg.ErrorRate, IOSyncs: cfg.IOSyncs, Log: log}
	return &App{Public: srv.Handler(), Admin: admin.Handler(set), Bottlenecks: set, Metrics: m, Store: st, journal: j}, nil
}

// Close stops spike timers and removes the temp database and journal.
func (a *App) Close() error {
	a.Bottlenecks.Close()
	return errors.Join(a.journal.Close(), a.Store.Close())
}
