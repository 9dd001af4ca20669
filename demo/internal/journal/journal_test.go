package journal

import (
	"testing"
	"time"
)

func TestAppendDurableTakesAtLeastTheSyncFloor(t *testing.T) {
	for _, floor := range []time.Duration{0, 5 * time.Millisecond} {
		j, err := Open("")
		if err != nil {
			t.Fatal(err)
		}
		j.SyncFloor = floor
		const n = 4
		start := time.Now()
		for i := 0; i < n; i++ {
			if err := j.AppendDurable([]byte("record\n")); err != nil {
				t.Fatal(err)
			}
		}
		if took := time.Since(start); took < n*floor {
			t.Errorf("floor %v: %d durable appends took %v, want >= %v", floor, n, took, n*floor)
		}
		if err := j.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAppendDoesNotWaitForTheFloor(t *testing.T) {
	j, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	j.SyncFloor = time.Second
	start := time.Now()
	if err := j.Append([]byte("record\n")); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took >= time.Second {
		t.Errorf("a plain append took %v: only durable appends pay the sync floor", took)
	}
}
