// Command alertsink is a tiny webhook receiver for the docker compose stack: it logs every notification body
// Grafana (or Alertmanager) POSTs to /alerts, one JSON line each, and answers 200.
// ALERTSINK_ADDR (default :8080).
package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"time"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	addr := os.Getenv("ALERTSINK_ADDR")
	if addr == "" {
		addr = ":8080"
	}
	srv := &http.Server{Addr: addr, Handler: Handler(log), ReadHeaderTimeout: 5 * time.Second}
	log.Info("alert sink listening", "addr", addr, "path", "/alerts")
	if err := srv.ListenAndServe(); err != nil {
		log.Error("alert sink failed", "err", err)
		os.Exit(1)
	}
}

// Handler logs every body POSTed to /alerts (valid JSON is logged as JSON, anything else as a string).
func Handler(log *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("POST /alerts", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
		if err != nil {
			http.Error(w, "read error", http.StatusBadRequest)
			return
		}
		if json.Valid(body) {
			log.Info("notification", "remote", r.RemoteAddr, "body", json.RawMessage(body))
		} else {
			log.Info("notification", "remote", r.RemoteAddr, "body", string(body))
		}
		w.WriteHeader(http.StatusOK)
	})
	return mux
}
