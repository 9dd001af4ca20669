// Package journal is the checkout audit log: an append-only file shared by all requests.
package journal

import (
	"os"
	"path/filepath"
	"sync"
	"time"
)

// maxSize bounds the file: it is truncated when it grows past this (the demo keeps no history).
const maxSize = 64 << 20

// Journal appends records to one file under one mutex.
type Journal struct {
	// SyncFloor is the least time one durable append's fsync takes, as on network-attached volumes (about 1 ms per
	// flush on typical cloud block storage). A local disk with a write-back cache flushes a few hundred bytes in
	// ~0.2 ms one run and tens of ms the next, which made the io bottleneck's effect depend on the machine; the
	// floor makes it the same everywhere. Set it before use; 0 = the raw disk.
	SyncFloor time.Duration

	mu   sync.Mutex
	f    *os.File
	size int64
	dir  string
}

// Open creates the journal file in dir ("" = a fresh temp dir, removed on Close).
func Open(dir string) (*Journal, error) {
	j := &Journal{}
	if dir == "" {
		d, err := os.MkdirTemp("", "hotpath-demo-journal-")
		if err != nil {
			return nil, err
		}
		dir, j.dir = d, d
	}
	f, err := os.OpenFile(filepath.Join(dir, "checkout.journal"), os.O_CREATE|os.O_RDWR|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	j.f = f
	return j, nil
}

// Append writes a record without forcing it to disk (the normal path: the page cache absorbs it).
func (j *Journal) Append(rec []byte) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.write(rec)
}

// AppendDurable is the io bottleneck: it writes the record and fsyncs the file before returning, holding the
// journal mutex across the fsync, so concurrent checkouts queue behind the disk. Goroutine profile: goroutines
// in syscall under os.(*File).Sync under journal.(*Journal).AppendDurable; block profile: sync.(*Mutex).Lock
// under journal.(*Journal).AppendDurable.
func (j *Journal) AppendDurable(rec []byte) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := j.write(rec); err != nil {
		return err
	}
	start := time.Now()
	err := j.f.Sync()
	if rest := j.SyncFloor - time.Since(start); rest > 0 {
		time.Sleep(rest)
	}
	return err
}

func (j *Journal) write(rec []byte) error {
	if j.size+int64(len(rec)) > maxSize {
		if err := j.f.Truncate(0); err != nil {
			return err
		}
		if _, err := j.f.Seek(0, 0); err != nil {
			return err
		}
		j.size = 0
	}
	n, err := j.f.Write(rec)
	j.size += int64(n)
	return err
}

// Close closes the file and removes the temp dir Open created.
func (j *Journal) Close() error {
	err := j.f.Close()
	if j.dir != "" {
		_ = os.RemoveAll(j.dir)
	}
	return err
}
