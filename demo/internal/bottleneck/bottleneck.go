// Package bottleneck holds the demo's switchable performance problems: which are on, spikes that switch
// themselves off, and a callback so the Prometheus gauge hotpath_demo_bottleneck_enabled follows every change.
package bottleneck

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Name identifies one bottleneck. The set is closed: see Names.
type Name string

const (
	CPU     Name = "cpu"     // quadratic ranking in GET /api/search
	DB      Name = "db"      // orders-by-customer index dropped: full table scan in GET /api/customers/{id}/orders
	Lock    Name = "lock"    // global price-book mutex held across work in GET /api/products
	Network Name = "network" // slow upstream quote in GET /api/products/{id}
	IO      Name = "io"      // fsync per line item in POST /api/checkout
	Alloc   Name = "alloc"   // allocation churn in GET /api/products/{id}
	Errors  Name = "errors"  // a share of all /api/* requests answer 5xx
)

// Names lists every bottleneck in a stable order (the order of the README and of GET /admin/bottlenecks).
var Names = []Name{CPU, DB, Lock, Network, IO, Alloc, Errors}

// Parse accepts a known bottleneck name.
func Parse(s string) (Name, error) {
	for _, n := range Names {
		if string(n) == strings.TrimSpace(strings.ToLower(s)) {
			return n, nil
		}
	}
	return "", fmt.Errorf("unknown bottleneck %q (known: %s)", s, strings.Join(names(), ", "))
}

func names() []string {
	out := make([]string, len(Names))
	for i, n := range Names {
		out[i] = string(n)
	}
	return out
}

// ParseList parses a comma-separated list such as HOTPATH_BOTTLENECKS="cpu,db". Empty entries are ignored.
func ParseList(s string) ([]Name, error) {
	var out []Name
	for _, part := range strings.Split(s, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		n, err := Parse(part)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// Status is one row of GET /admin/bottlenecks.
type Status struct {
	Name    Name       `json:"name"`
	Enabled bool       `json:"enabled"`
	Until   *time.Time `json:"until,omitempty"` // set while a spike is running
}

// Set is the run-time state of all bottlenecks. The zero value is not usable; call New.
type Set struct {
	mu       sync.Mutex
	enabled  map[Name]bool
	until    map[Name]time.Time
	timers   map[Name]*time.Timer
	onChange []func(Name, bool)
	// fast path for the hot request path: read without taking mu.
	flags map[Name]*atomic.Bool
}

// New returns a Set with every bottleneck off.
func New() *Set {
	s := &Set{
		enabled: map[Name]bool{},
		until:   map[Name]time.Time{},
		timers:  map[Name]*time.Timer{},
		flags:   map[Name]*atomic.Bool{},
	}
	for _, n := range Names {
		s.enabled[n] = false
		s.flags[n] = &atomic.Bool{}
	}
	return s
}

// OnChange registers f, called (synchronously, under no lock of the caller) after every state change and once
// right away for every bottleneck with its current state.
func (s *Set) OnChange(f func(Name, bool)) {
	s.mu.Lock()
	s.onChange = append(s.onChange, f)
	current := make(map[Name]bool, len(s.enabled))
	for k, v := range s.enabled {
		current[k] = v
	}
	s.mu.Unlock()
	for _, n := range Names {
		f(n, current[n])
	}
}

// Enabled reports whether n is on. Cheap: called on every request.
func (s *Set) Enabled(n Name) bool {
	f := s.flags[n]
	if f == nil {
		return false
	}
	return f.Load()
}

// Set switches n on or off. A positive d makes it a spike: n is switched back to !on after d.
// Any pending spike timer of n is cancelled first.
func (s *Set) Set(n Name, on bool, d time.Duration) {
	s.mu.Lock()
	if t := s.timers[n]; t != nil {
		t.Stop()
		delete(s.timers, n)
	}
	delete(s.until, n)
	if d > 0 {
		s.until[n] = time.Now().Add(d)
		s.timers[n] = time.AfterFunc(d, func() { s.expire(n, !on) })
	}
	s.applyAndUnlock(n, on)
}

func (s *Set) expire(n Name, on bool) {
	s.mu.Lock()
	delete(s.timers, n)
	delete(s.until, n)
	s.applyAndUnlock(n, on)
}

// apply must be called with s.mu held.
func (s *Set) apply(n Name, on bool) bool {
	if s.enabled[n] == on {
		return false
	}
	s.enabled[n] = on
	s.flags[n].Store(on)
	return true
}

// Snapshot returns the state of every bottleneck in Names order.
func (s *Set) Snapshot() []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Status, 0, len(Names))
	for _, n := range Names {
		st := Status{Name: n, Enabled: s.enabled[n]}
		if u, ok := s.until[n]; ok {
			u := u
			st.Until = &u
		}
		out = append(out, st)
	}
	return out
}

// Close stops pending spike timers.
func (s *Set) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for n, t := range s.timers {
		t.Stop()
		delete(s.timers, n)
	}
}

// applyAndUnlock switches n, releases s.mu (which the caller holds) and, if the state changed, tells the OnChange
// callbacks outside the lock, so a callback may call back into the Set.
func (s *Set) applyAndUnlock(n Name, on bool) {
	changed := s.apply(n, on)
	cbs := append([]func(Name, bool){}, s.onChange...)
	s.mu.Unlock()
	if changed {
		for _, f := range cbs {
			f(n, on)
		}
	}
}
