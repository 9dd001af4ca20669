package config

import (
	"testing"
	"time"

	"github.com/hotpath/hotpath/demo/internal/bottleneck"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		check   func(t *testing.T, c Config)
		wantErr bool
	}{
		{name: "defaults", env: nil, check: func(t *testing.T, c Config) {
			if c.Addr != ":8080" || c.AdminAddr != ":6060" || c.ServiceName != "hotpath-demo" || c.Pyroscope != "" ||
				len(c.Bottlenecks) != 0 || c.ErrorRate != 0.3 || c.NetDelay != 300*time.Millisecond {
				t.Fatalf("defaults: %+v", c)
			}
		}},
		{name: "overrides", env: map[string]string{"HOTPATH_ADDR": "127.0.0.1:1", "HOTPATH_BOTTLENECKS": "cpu,db",
			"HOTPATH_ERROR_RATE": "1", "HOTPATH_NETWORK_DELAY": "1s", "PYROSCOPE_URL": "http://p:4040", "HOTPATH_SEED_ORDERS": "10"},
			check: func(t *testing.T, c Config) {
				if c.Addr != "127.0.0.1:1" || len(c.Bottlenecks) != 2 || c.Bottlenecks[1] != bottleneck.DB ||
					c.ErrorRate != 1 || c.NetDelay != time.Second || c.Pyroscope != "http://p:4040" || c.Orders != 10 {
					t.Fatalf("overrides: %+v", c)
				}
			}},
		{name: "unknown bottleneck", env: map[string]string{"HOTPATH_BOTTLENECKS": "gpu"}, wantErr: true},
		{name: "bad int", env: map[string]string{"HOTPATH_SEED_ORDERS": "many"}, wantErr: true},
		{name: "bad duration", env: map[string]string{"HOTPATH_NETWORK_DELAY": "slow"}, wantErr: true},
		{name: "error rate out of range", env: map[string]string{"HOTPATH_ERROR_RATE": "1.5"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(func(k string) string { return tt.env[k] })
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.check != nil {
				tt.check(t, c)
			}
		})
	}
}
