// Command demo is Hotpath's demo API: a small shop on SQLite, instrumented the way Go services usually are
// (client_golang metrics on the public port, net/http/pprof on a private admin port, pyroscope-go push), with
// switchable bottlenecks. Configuration: environment variables, see internal/config and demo/README.md.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/hotpath/hotpath/demo/internal/app"
	"github.com/hotpath/hotpath/demo/internal/config"
	"github.com/hotpath/hotpath/demo/internal/profiling"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(log); err != nil {
		log.Error("demo failed", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	profiling.Rates(cfg.MutexFrac, cfg.BlockRate)
	prof, err := profiling.StartPyroscope(cfg.Pyroscope, cfg.ServiceName, nil)
	switch {
	case err != nil:
		log.Warn("pyroscope agent not started; profiles stay available on the admin port", "err", err)
	case prof != nil:
		defer func() { _ = prof.Stop() }()
		log.Info("pushing profiles", "url", cfg.Pyroscope, "service_name", cfg.ServiceName)
	}

	a, err := app.Build(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()

	public := &http.Server{Addr: cfg.Addr, Handler: a.Public, ReadHeaderTimeout: 5 * time.Second}
	private := &http.Server{Addr: cfg.AdminAddr, Handler: a.Admin, ReadHeaderTimeout: 5 * time.Second}
	errc := make(chan error, 2)
	for _, s := range []*http.Server{public, private} {
		ln, err := net.Listen("tcp", s.Addr)
		if err != nil {
			return err
		}
		log.Info("listening", "addr", ln.Addr().String(), "admin", s == private)
		go func(s *http.Server, ln net.Listener) { errc <- s.Serve(ln) }(s, ln)
	}
	select {
	case <-ctx.Done():
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return errors.Join(public.Shutdown(shutdown), private.Shutdown(shutdown))
}
