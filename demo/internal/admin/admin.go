// Package admin is the demo's private admin port: net/http/pprof and the bottleneck switches. It must never be
// exposed where the public API is: profiles reveal code and the switches degrade the service on purpose.
package admin

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/pprof"
	"strconv"
	"time"

	"github.com/hotpath/hotpath/demo/internal/bottleneck"
)

// MaxSpike bounds the "for" parameter of a spike.
const MaxSpike = time.Hour

// Handler returns the admin mux.
//
//	GET  /debug/pprof/...                      net/http/pprof (profile?seconds=N, heap, allocs, mutex, block, goroutine, ...)
//	GET  /admin/bottlenecks                    JSON: [{"name":"cpu","enabled":false}, ...]
//	POST /admin/bottlenecks/{name}?on=1        switch on (on=0: off)
//	POST /admin/bottlenecks/{name}?on=1&for=30s  spike: on now, off again after 30s
//	POST /admin/bottlenecks/off                switch every bottleneck off
//	GET  /healthz
func Handler(set *bottleneck.Set) http.Handler {
	mux := http.NewServeMux()
	// Registered explicitly on this mux: importing net/http/pprof also registers on http.DefaultServeMux, which
	// the demo never serves.
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("POST /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /admin/bottlenecks", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, set.Snapshot())
	})
	mux.HandleFunc("POST /admin/bottlenecks/off", func(w http.ResponseWriter, r *http.Request) {
		for _, n := range bottleneck.Names {
			set.Set(n, false, 0)
		}
		writeJSON(w, http.StatusOK, set.Snapshot())
	})
	mux.HandleFunc("POST /admin/bottlenecks/{name}", func(w http.ResponseWriter, r *http.Request) {
		n, err := bottleneck.Parse(r.PathValue("name"))
		if err != nil {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
			return
		}
		q := r.URL.Query()
		on := true
		if v := q.Get("on"); v != "" {
			if on, err = strconv.ParseBool(v); err != nil {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": "on must be 1/0/true/false"})
				return
			}
		}
		var d time.Duration
		if v := q.Get("for"); v != "" {
			if d, err = time.ParseDuration(v); err != nil || d <= 0 || d > MaxSpike {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": "for must be a duration in (0, 1h], e.g. 30s"})
				return
			}
		}
		set.Set(n, on, d)
		for _, st := range set.Snapshot() {
			if st.Name == n {
				writeJSON(w, http.StatusOK, st)
				return
			}
		}
	})
	return mux
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}
