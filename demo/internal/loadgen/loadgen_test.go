package loadgen

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseMix(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]int
		wantErr bool
	}{
		{in: "products=3,search=1", want: map[string]int{"products": 3, "search": 1}},
		{in: DefaultMix, want: map[string]int{"products": 3, "product": 4, "search": 3, "orders": 2, "checkout": 2}},
		{in: "search=1,checkout=0", want: map[string]int{"search": 1, "checkout": 0}},
		{in: "cart=1", wantErr: true},
		{in: "search", wantErr: true},
		{in: "search=-1", wantErr: true},
		{in: "search=0", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseMix(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestRunIsSteadyBoundedAndCoversTheMix(t *testing.T) {
	var mu sync.Mutex
	paths := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Method + " " + strings.SplitN(r.URL.Path, "/", 4)[2]
		if strings.HasPrefix(r.URL.Path, "/api/customers/") {
			key = "GET orders"
		}
		mu.Lock()
		paths[key]++
		mu.Unlock()
	}))
	defer srv.Close()
	mix, _ := ParseMix(DefaultMix)
	start := time.Now()
	st := Run(context.Background(), Config{Target: srv.URL, Rate: 200, Duration: time.Second, Mix: mix, MaxInFlight: 8,
		Products: 10, Customers: 10, Seed: 1}, srv.Client())
	took := time.Since(start)
	if took > 3*time.Second {
		t.Fatalf("run took %s for a 1s duration", took)
	}
	if st.Sent < 120 || st.Sent > 280 {
		t.Fatalf("sent %d at 200 rps for 1s", st.Sent)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, k := range []string{"GET products", "GET search", "GET orders", "POST checkout"} {
		if paths[k] == 0 {
			t.Errorf("no %s requests: %v", k, paths)
		}
	}
}

func TestRunSkipsWhenInFlightCapIsReached(t *testing.T) {
	var inflight, maxSeen atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inflight.Add(1)
		defer inflight.Add(-1)
		for m := maxSeen.Load(); n > m && !maxSeen.CompareAndSwap(m, n); m = maxSeen.Load() {
		}
		time.Sleep(100 * time.Millisecond)
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	st := Run(ctx, Config{Target: srv.URL, Rate: 300, Mix: map[string]int{"search": 1}, MaxInFlight: 3, Arrival: "uniform"}, srv.Client())
	if maxSeen.Load() > 3 {
		t.Fatalf("%d requests in flight, cap 3", maxSeen.Load())
	}
	if st.Skipped == 0 {
		t.Fatal("no skipped ticks although the server was saturated")
	}
}
