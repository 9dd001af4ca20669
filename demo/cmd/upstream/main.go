// Command upstream is the demo API's dependency: a tiny inventory service (GET /v1/quote, POST /v1/reserve).
// UPSTREAM_ADDR (default :8081), UPSTREAM_BASE_DELAY (default 2ms, added to every answer).
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/hotpath/hotpath/demo/internal/upstream"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	addr := getenv("UPSTREAM_ADDR", ":8081")
	base, err := time.ParseDuration(getenv("UPSTREAM_BASE_DELAY", "2ms"))
	if err != nil {
		log.Error("UPSTREAM_BASE_DELAY", "err", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: addr, Handler: upstream.NewServer(base), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(c)
	}()
	log.Info("upstream listening", "addr", addr, "base_delay", base)
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Error("upstream failed", "err", err)
		os.Exit(1)
	}
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
