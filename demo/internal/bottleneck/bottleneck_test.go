package bottleneck

import (
	"sync"
	"testing"
	"time"
)

func TestParseList(t *testing.T) {
	tests := []struct {
		in      string
		want    []Name
		wantErr bool
	}{
		{in: "", want: nil},
		{in: "cpu", want: []Name{CPU}},
		{in: " cpu, DB ,,errors", want: []Name{CPU, DB, Errors}},
		{in: "network,io,alloc,lock", want: []Name{Network, IO, Alloc, Lock}},
		{in: "cpu,gpu", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseList(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestSetAndSpike(t *testing.T) {
	s := New()
	defer s.Close()
	var mu sync.Mutex
	changes := map[Name][]bool{}
	s.OnChange(func(n Name, on bool) {
		mu.Lock()
		defer mu.Unlock()
		changes[n] = append(changes[n], on)
	})
	for _, n := range Names {
		if s.Enabled(n) {
			t.Fatalf("%s on by default", n)
		}
	}
	s.Set(CPU, true, 0)
	s.Set(CPU, true, 0) // no change, no callback
	if !s.Enabled(CPU) {
		t.Fatal("cpu not on")
	}
	s.Set(DB, true, 50*time.Millisecond)
	snap := s.Snapshot()
	if len(snap) != len(Names) || snap[1].Name != DB || !snap[1].Enabled || snap[1].Until == nil {
		t.Fatalf("snapshot during spike: %+v", snap)
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.Enabled(DB) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if s.Enabled(DB) {
		t.Fatal("spike did not switch db off")
	}
	if s.Snapshot()[1].Until != nil {
		t.Fatal("until still set after the spike")
	}
	// A new Set cancels a pending spike.
	s.Set(Lock, true, 30*time.Millisecond)
	s.Set(Lock, true, 0)
	time.Sleep(80 * time.Millisecond)
	if !s.Enabled(Lock) {
		t.Fatal("cancelled spike still switched lock off")
	}
	mu.Lock()
	defer mu.Unlock()
	if got := changes[CPU]; len(got) != 2 || got[0] || !got[1] {
		t.Fatalf("cpu callbacks = %v, want [false true]", got)
	}
	if got := changes[DB]; len(got) != 3 || got[0] || !got[1] || got[2] {
		t.Fatalf("db callbacks = %v, want [false true false]", got)
	}
}
