package upstream

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/hotpath/hotpath/demo/internal/metrics"
)

func TestClientAgainstServer(t *testing.T) {
	srv := httptest.NewServer(NewServer(0))
	defer srv.Close()
	var slow time.Duration
	c := NewClient(srv.URL, metrics.New(), func() time.Duration { return slow })
	tests := []struct {
		name    string
		slow    time.Duration
		minTook time.Duration
	}{
		{"fast", 0, 0},
		{"slowed by the network bottleneck", 120 * time.Millisecond, 120 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slow = tt.slow
			start := time.Now()
			q, err := c.Quote(context.Background(), "SKU-000001")
			if err != nil || q.SKU != "SKU-000001" || q.Warehouse == "" {
				t.Fatalf("quote %+v %v", q, err)
			}
			if took := time.Since(start); took < tt.minTook {
				t.Fatalf("took %s, want >= %s", took, tt.minTook)
			}
			r, err := c.Reserve(context.Background(), 3)
			if err != nil || r.Items != 3 || r.ID == "" {
				t.Fatalf("reserve %+v %v", r, err)
			}
		})
	}
}

func TestClientReportsUnreachableUpstream(t *testing.T) {
	srv := httptest.NewServer(NewServer(0))
	url := srv.URL
	srv.Close()
	c := NewClient(url, metrics.New(), nil)
	if _, err := c.Quote(context.Background(), "x"); err == nil {
		t.Fatal("want an error from a closed upstream")
	}
}
