// Package metrics defines the demo's Prometheus metrics exactly as written in docs/metrics.md and the HTTP
// middleware that records them. Names and labels are a contract with the dashboards and alert rules: a test in
// this module (internal/api/contract_test.go) compares the /metrics output with docs/metrics.md.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Buckets are the classic histogram buckets of every duration histogram (1 ms – 10 s).
var Buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Metrics owns a private registry so tests can build several independent instances.
type Metrics struct {
	Registry         *prometheus.Registry
	Requests         *prometheus.CounterVec
	Duration         *prometheus.HistogramVec
	InFlight         prometheus.Gauge
	BottleneckOn     *prometheus.GaugeVec
	DBQueryDuration  *prometheus.HistogramVec
	UpstreamDuration *prometheus.HistogramVec
}

// New registers every metric of the contract plus the Go and process collectors.
func New() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		Requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total",
			Help: "HTTP requests served, by mux route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		Duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "http_request_duration_seconds",
			Help:    "Server-side HTTP request latency, by mux route pattern, method and status code.",
			Buckets: Buckets,
			// Native histogram alongside the classic buckets: free for scrapers that ask for it
			// (protobuf exposition), invisible in the text format.
			NativeHistogramBucketFactor:     1.1,
			NativeHistogramMaxBucketNumber:  100,
			NativeHistogramMinResetDuration: time.Hour,
		}, []string{"route", "method", "code"}),
		InFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "http_requests_in_flight",
			Help: "HTTP requests being served now.",
		}),
		BottleneckOn: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "hotpath_demo_bottleneck_enabled",
			Help: "1 while the named demo bottleneck is switched on, else 0.",
		}, []string{"name"}),
		DBQueryDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "hotpath_demo_db_query_duration_seconds",
			Help:    "Time spent in SQLite per named query.",
			Buckets: Buckets,
		}, []string{"query"}),
		UpstreamDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "hotpath_demo_upstream_request_duration_seconds",
			Help:    "Time spent calling the upstream dependency, by status code.",
			Buckets: Buckets,
		}, []string{"code"}),
	}
	m.Registry.MustRegister(
		m.Requests, m.Duration, m.InFlight, m.BottleneckOn, m.DBQueryDuration, m.UpstreamDuration,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// Handler serves /metrics for this registry.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{})
}

// ObserveDB records one SQLite query by name; use as `defer m.ObserveDB("name", time.Now())`.
func (m *Metrics) ObserveDB(query string, start time.Time) {
	m.DBQueryDuration.WithLabelValues(query).Observe(time.Since(start).Seconds())
}

// ObserveUpstream records one upstream call; code is the HTTP status or "error" when no response came back.
func (m *Metrics) ObserveUpstream(code string, start time.Time) {
	m.UpstreamDuration.WithLabelValues(code).Observe(time.Since(start).Seconds())
}

// Instrument wraps the handler of one route. route is the mux pattern without its method (e.g.
// "/api/products/{id}"), so the label never contains a raw path and cardinality stays bounded.
func (m *Metrics) Instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		m.InFlight.Inc()
		defer m.InFlight.Dec()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(sw, r)
		code := strconv.Itoa(sw.code)
		m.Requests.WithLabelValues(route, r.Method, code).Inc()
		m.Duration.WithLabelValues(route, r.Method, code).Observe(time.Since(start).Seconds())
	})
}

type statusWriter struct {
	http.ResponseWriter
	code        int
	wroteHeader bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wroteHeader {
		w.code = code
		w.wroteHeader = true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wroteHeader = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
