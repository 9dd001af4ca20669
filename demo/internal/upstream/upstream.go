// Package upstream is the demo's HTTP dependency — a small inventory/pricing service — and the client the API
// uses to call it. The server runs as its own process (cmd/upstream) so its latency is real network latency
// from the API's point of view.
package upstream

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hotpath/hotpath/demo/internal/metrics"
)

// DelayHeader asks the upstream to answer slowly (a Go duration, capped at MaxDelay). The network bottleneck
// sets it: it stands in for a dependency that degrades, without needing a second control plane.
const DelayHeader = "X-Upstream-Delay"

// MaxDelay caps DelayHeader so a bad value cannot hang the demo.
const MaxDelay = 5 * time.Second

// Quote is the upstream's answer for one SKU.
type Quote struct {
	SKU        string `json:"sku"`
	Stock      int    `json:"stock"`
	Warehouse  string `json:"warehouse"`
	ShipInDays int    `json:"ship_in_days"`
}

// Reservation is the upstream's answer to a reserve call.
type Reservation struct {
	ID    string `json:"id"`
	Items int    `json:"items"`
}

// NewServer returns the upstream's handler. base is added to every answer (a realistic floor).
func NewServer(base time.Duration) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /v1/quote", func(w http.ResponseWriter, r *http.Request) {
		if !wait(r, base) {
			return
		}
		sku := r.URL.Query().Get("sku")
		h := fnv.New32a()
		_, _ = h.Write([]byte(sku))
		v := int(h.Sum32())
		writeJSON(w, Quote{SKU: sku, Stock: v % 250, Warehouse: []string{"ams", "fra", "lhr", "waw"}[v%4], ShipInDays: 1 + v%5})
	})
	mux.HandleFunc("POST /v1/reserve", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Items int `json:"items"`
		}
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&body); err != nil {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		if !wait(r, base) {
			return
		}
		writeJSON(w, Reservation{ID: fmt.Sprintf("r-%d", time.Now().UnixNano()), Items: body.Items})
	})
	return mux
}

func wait(r *http.Request, base time.Duration) bool {
	d := base
	if v := r.Header.Get(DelayHeader); v != "" {
		if extra, err := time.ParseDuration(v); err == nil && extra > 0 {
			d += min(extra, MaxDelay)
		}
	}
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// Client calls the upstream. Slow is consulted on every call: when it returns a positive duration the call
// asks the upstream for that extra delay (network bottleneck).
type Client struct {
	BaseURL string
	HTTP    *http.Client
	Metrics *metrics.Metrics
	Slow    func() time.Duration
}

// NewClient returns a client with a bounded timeout and a connection pool sized for the demo's load.
func NewClient(baseURL string, m *metrics.Metrics, slow func() time.Duration) *Client {
	return &Client{
		BaseURL: strings.TrimRight(baseURL, "/"),
		HTTP: &http.Client{
			Timeout:   8 * time.Second,
			Transport: &http.Transport{MaxIdleConns: 64, MaxIdleConnsPerHost: 64, IdleConnTimeout: 90 * time.Second},
		},
		Metrics: m,
		Slow:    slow,
	}
}

// Quote fetches stock and shipping for one SKU. Under the network bottleneck this call waits for the slow
// upstream: it is the frame under which GET /api/products/{id} blocks (block profile: runtime.selectgo in
// net/http.(*persistConn).roundTrip, cumulative through upstream.(*Client).Quote; goroutine profile likewise).
func (c *Client) Quote(ctx context.Context, sku string) (Quote, error) {
	var q Quote
	err := c.do(ctx, http.MethodGet, "/v1/quote?sku="+sku, nil, &q)
	return q, err
}

// Reserve holds stock for a checkout.
func (c *Client) Reserve(ctx context.Context, items int) (Reservation, error) {
	var res Reservation
	err := c.do(ctx, http.MethodPost, "/v1/reserve", strings.NewReader(`{"items":`+strconv.Itoa(items)+`}`), &res)
	return res, err
}

func (c *Client) do(ctx context.Context, method, path string, body io.Reader, out any) error {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, body)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Slow != nil {
		if d := c.Slow(); d > 0 {
			req.Header.Set(DelayHeader, d.String())
		}
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		c.Metrics.ObserveUpstream("error", start)
		return fmt.Errorf("upstream %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(out)
	_, _ = io.Copy(io.Discard, resp.Body)
	c.Metrics.ObserveUpstream(strconv.Itoa(resp.StatusCode), start)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("upstream %s %s: status %d", method, path, resp.StatusCode)
	}
	return err
}
