package app

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hotpath/hotpath/demo/internal/bottleneck"
	"github.com/hotpath/hotpath/demo/internal/config"
	"github.com/hotpath/hotpath/demo/internal/profiling"
	"github.com/hotpath/hotpath/demo/internal/store"
	"github.com/hotpath/hotpath/demo/internal/upstream"
)

// testApp builds the real app on a small database with a real upstream on loopback.
type testApp struct {
	*App
	api, admin, up *httptest.Server
	upstreamHits   chan http.Header
}

func newTestApp(t *testing.T, env map[string]string) *testApp {
	t.Helper()
	hits := make(chan http.Header, 1024)
	upSrv := upstream.NewServer(0)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case hits <- r.Header.Clone():
		default:
		}
		upSrv.ServeHTTP(w, r)
	}))
	t.Cleanup(up.Close)
	base := map[string]string{"HOTPATH_SEED_PRODUCTS": "300", "HOTPATH_SEED_CUSTOMERS": "50", "HOTPATH_SEED_ORDERS": "3000",
		"HOTPATH_UPSTREAM_URL": up.URL, "HOTPATH_NETWORK_DELAY": "150ms", "HOTPATH_IO_SYNCS": "4"}
	for k, v := range env {
		base[k] = v
	}
	cfg, err := config.Load(func(k string) string { return base[k] })
	if err != nil {
		t.Fatal(err)
	}
	a, err := Build(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ta := &testApp{App: a, api: httptest.NewServer(a.Public), admin: httptest.NewServer(a.Admin), up: up, upstreamHits: hits}
	t.Cleanup(func() {
		ta.api.Close()
		ta.admin.Close()
		if err := a.Close(); err != nil {
			t.Error(err)
		}
	})
	return ta
}

func do(t *testing.T, method, url, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestHandlers(t *testing.T) {
	a := newTestApp(t, nil)
	tests := []struct {
		name, method, path, body string
		wantCode                 int
		wantKeys                 []string
	}{
		{"list", "GET", "/api/products", "", 200, []string{"items", "page"}},
		{"list category page 2", "GET", "/api/products?category=toys&page=2", "", 200, []string{"items"}},
		{"product", "GET", "/api/products/7", "", 200, []string{"product", "inventory", "related"}},
		{"product missing", "GET", "/api/products/999999", "", 404, []string{"error"}},
		{"product bad id", "GET", "/api/products/abc", "", 400, []string{"error"}},
		{"search", "GET", "/api/search?q=lamp", "", 200, []string{"q", "hits", "candidates"}},
		{"search empty", "GET", "/api/search?q=", "", 400, []string{"error"}},
		{"orders", "GET", "/api/customers/3/orders", "", 200, []string{"customer_id", "orders"}},
		{"checkout", "POST", "/api/checkout", `{"customer_id":3,"items":[{"product_id":4,"quantity":2},{"product_id":9,"quantity":1}]}`, 201, []string{"order_id", "total_cents", "reservation"}},
		{"checkout bad json", "POST", "/api/checkout", `{`, 400, []string{"error"}},
		{"checkout unknown customer", "POST", "/api/checkout", `{"customer_id":999,"items":[{"product_id":4,"quantity":1}]}`, 400, []string{"error"}},
		{"checkout unknown product", "POST", "/api/checkout", `{"customer_id":3,"items":[{"product_id":99999,"quantity":1}]}`, 422, []string{"error"}},
		{"method not allowed", "DELETE", "/api/products", "", 405, nil},
		{"pprof is not public", "GET", "/debug/pprof/", "", 404, nil},
		{"admin is not public", "GET", "/admin/bottlenecks", "", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := do(t, tt.method, a.api.URL+tt.path, tt.body)
			if code != tt.wantCode {
				t.Fatalf("code = %d, want %d; body %s", code, tt.wantCode, body)
			}
			if len(tt.wantKeys) == 0 {
				return
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(body), &m); err != nil {
				t.Fatalf("body is not a JSON object: %v: %s", err, body)
			}
			for _, k := range tt.wantKeys {
				if _, ok := m[k]; !ok {
					t.Errorf("missing key %q in %s", k, body)
				}
			}
		})
	}
	// A created order shows up in the customer's history.
	code, body := do(t, "GET", a.api.URL+"/api/customers/3/orders", "")
	if code != 200 || !strings.Contains(body, `"total_cents"`) {
		t.Fatalf("orders after checkout: %d %s", code, body)
	}
}

func TestAdminToggles(t *testing.T) {
	a := newTestApp(t, map[string]string{"HOTPATH_BOTTLENECKS": "alloc"})
	tests := []struct {
		name, method, path string
		wantCode           int
		wantOn             map[bottleneck.Name]bool
	}{
		{"env switched alloc on", "GET", "/admin/bottlenecks", 200, map[bottleneck.Name]bool{bottleneck.Alloc: true, bottleneck.CPU: false}},
		{"switch cpu on", "POST", "/admin/bottlenecks/cpu?on=1", 200, map[bottleneck.Name]bool{bottleneck.CPU: true}},
		{"on defaults to true", "POST", "/admin/bottlenecks/lock", 200, map[bottleneck.Name]bool{bottleneck.Lock: true}},
		{"switch cpu off", "POST", "/admin/bottlenecks/cpu?on=0", 200, map[bottleneck.Name]bool{bottleneck.CPU: false}},
		{"unknown name", "POST", "/admin/bottlenecks/gpu?on=1", 404, nil},
		{"bad on", "POST", "/admin/bottlenecks/cpu?on=maybe", 400, nil},
		{"bad for", "POST", "/admin/bottlenecks/cpu?on=1&for=forever", 400, nil},
		{"too long for", "POST", "/admin/bottlenecks/cpu?on=1&for=2h", 400, nil},
		{"GET cannot switch", "GET", "/admin/bottlenecks/cpu?on=1", 405, nil},
		{"all off", "POST", "/admin/bottlenecks/off", 200, map[bottleneck.Name]bool{bottleneck.Alloc: false, bottleneck.Lock: false}},
		{"pprof index on admin", "GET", "/debug/pprof/", 200, nil},
		{"heap profile on admin", "GET", "/debug/pprof/heap", 200, nil},
		{"mutex profile on admin", "GET", "/debug/pprof/mutex", 200, nil},
		{"block profile on admin", "GET", "/debug/pprof/block", 200, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := do(t, tt.method, a.admin.URL+tt.path, "")
			if code != tt.wantCode {
				t.Fatalf("code = %d, want %d: %s", code, tt.wantCode, body)
			}
			for n, want := range tt.wantOn {
				if got := a.Bottlenecks.Enabled(n); got != want {
					t.Errorf("%s enabled = %v, want %v", n, got, want)
				}
				if got := gauge(t, a.api.URL, string(n)); got != want {
					t.Errorf("hotpath_demo_bottleneck_enabled{name=%q} = %v, want %v", n, got, want)
				}
			}
		})
	}
	t.Run("spike switches itself off", func(t *testing.T) {
		code, body := do(t, "POST", a.admin.URL+"/admin/bottlenecks/errors?on=1&for=200ms", "")
		if code != 200 || !strings.Contains(body, `"until"`) {
			t.Fatalf("spike: %d %s", code, body)
		}
		if !a.Bottlenecks.Enabled(bottleneck.Errors) {
			t.Fatal("errors not on during the spike")
		}
		deadline := time.Now().Add(5 * time.Second)
		for a.Bottlenecks.Enabled(bottleneck.Errors) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if a.Bottlenecks.Enabled(bottleneck.Errors) || gauge(t, a.api.URL, "errors") {
			t.Fatal("spike did not end")
		}
	})
}

// gauge reads hotpath_demo_bottleneck_enabled{name} from /metrics.
func gauge(t *testing.T, api, name string) bool {
	t.Helper()
	_, body := do(t, "GET", api+"/metrics", "")
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, `hotpath_demo_bottleneck_enabled{name="`+name+`"} `) {
			return strings.HasSuffix(line, " 1")
		}
	}
	t.Fatalf("no gauge for %s", name)
	return false
}

// Each bottleneck, switched on, changes what it claims to change — and the answer stays correct.
func TestBottleneckEffects(t *testing.T) {
	a := newTestApp(t, map[string]string{"HOTPATH_ERROR_RATE": "1"})
	checkout := `{"customer_id":3,"items":[{"product_id":4,"quantity":1},{"product_id":5,"quantity":1}]}`
	tests := []struct {
		name  bottleneck.Name
		check func(t *testing.T)
	}{
		{bottleneck.CPU, func(t *testing.T) {
			if code, body := do(t, "GET", a.api.URL+"/api/search?q=lamp", ""); code != 200 || !strings.Contains(body, `"hits"`) {
				t.Fatalf("%d %s", code, body)
			}
		}},
		{bottleneck.DB, func(t *testing.T) {
			plan, err := a.Store.QueryPlan(context.Background())
			if err != nil || !strings.Contains(plan, "SCAN orders") || strings.Contains(plan, store.OrdersIndex) {
				t.Fatalf("plan with db bottleneck: %q %v", plan, err)
			}
			if code, _ := do(t, "GET", a.api.URL+"/api/customers/3/orders", ""); code != 200 {
				t.Fatalf("code %d", code)
			}
		}},
		{bottleneck.Lock, func(t *testing.T) {
			_, slow := do(t, "GET", a.api.URL+"/api/products", "")
			a.Bottlenecks.Set(bottleneck.Lock, false, 0)
			_, fast := do(t, "GET", a.api.URL+"/api/products", "")
			if slow != fast {
				t.Fatalf("prices differ under the lock:\n%s\n%s", slow, fast)
			}
		}},
		{bottleneck.Network, func(t *testing.T) {
			drain(a.upstreamHits)
			start := time.Now()
			if code, _ := do(t, "GET", a.api.URL+"/api/products/7", ""); code != 200 {
				t.Fatalf("code %d", code)
			}
			if took := time.Since(start); took < 150*time.Millisecond {
				t.Fatalf("took %s, want >= the 150ms upstream delay", took)
			}
			if h := <-a.upstreamHits; h.Get(upstream.DelayHeader) != "150ms" {
				t.Fatalf("delay header = %q", h.Get(upstream.DelayHeader))
			}
		}},
		{bottleneck.IO, func(t *testing.T) {
			if code, body := do(t, "POST", a.api.URL+"/api/checkout", checkout); code != 201 {
				t.Fatalf("%d %s", code, body)
			}
		}},
		{bottleneck.Alloc, func(t *testing.T) {
			_, slow := do(t, "GET", a.api.URL+"/api/products/7", "")
			a.Bottlenecks.Set(bottleneck.Alloc, false, 0)
			_, fast := do(t, "GET", a.api.URL+"/api/products/7", "")
			if related(t, slow) != related(t, fast) {
				t.Fatalf("related differ: %s vs %s", slow, fast)
			}
		}},
		{bottleneck.Errors, func(t *testing.T) {
			for _, p := range []string{"/api/products", "/api/search?q=lamp", "/api/customers/1/orders"} {
				if code, _ := do(t, "GET", a.api.URL+p, ""); code != 500 {
					t.Fatalf("%s: code %d with error rate 1", p, code)
				}
			}
			if code, _ := do(t, "GET", a.api.URL+"/healthz", ""); code != 200 {
				t.Fatal("healthz must not fail")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.name), func(t *testing.T) {
			a.Bottlenecks.Set(tt.name, true, 0)
			defer a.Bottlenecks.Set(tt.name, false, 0)
			tt.check(t)
		})
	}
	plan, _ := a.Store.QueryPlan(context.Background())
	if !strings.Contains(plan, store.OrdersIndex) {
		t.Fatalf("index not restored after db off: %q", plan)
	}
}

func related(t *testing.T, body string) string {
	var m struct {
		Related json.RawMessage `json:"related"`
	}
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	return string(m.Related)
}

func drain(c chan http.Header) {
	for {
		select {
		case <-c:
		default:
			return
		}
	}
}

// Samples taken while serving a route carry the pprof label route=<mux pattern>, the same value as the metric.
func TestPprofRouteLabel(t *testing.T) {
	profiling.Rates(10, 10000)
	a := newTestApp(t, map[string]string{"HOTPATH_NETWORK_DELAY": "1s"})
	a.Bottlenecks.Set(bottleneck.Network, true, 0)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); do(t, "GET", a.api.URL+"/api/products/7", "") }()
	defer wg.Wait()
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		_, body := do(t, "GET", a.admin.URL+"/debug/pprof/goroutine?debug=1", "")
		if strings.Contains(body, `labels: {"route":"/api/products/{id}"}`) && strings.Contains(body, "upstream.(*Client).Quote") {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal(`no goroutine labelled route="/api/products/{id}" waiting in upstream.(*Client).Quote`)
}
