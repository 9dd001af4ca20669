package profiling

import (
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// The agent pushes every configured profile type to PYROSCOPE_URL as application hotpath-demo. A fake ingest
// endpoint on loopback stands in for the Pyroscope server (AGPL, not available here); it records the application
// name and the sample types of each upload (from the multipart sample_type_config, CPU uploads have none).
func TestStartPyroscopePushesAllProfileTypes(t *testing.T) {
	var mu sync.Mutex
	names := map[string]bool{}
	types := map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() { _, _ = io.Copy(io.Discard, r.Body) }()
		if r.URL.Path != "/ingest" {
			return
		}
		name := r.URL.Query().Get("name")
		_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil {
			t.Errorf("content type: %v", err)
			return
		}
		mr := multipart.NewReader(r.Body, params["boundary"])
		found := false
		for {
			part, err := mr.NextPart()
			if err != nil {
				break
			}
			if part.FormName() == "sample_type_config" {
				var cfg map[string]any
				_ = json.NewDecoder(part).Decode(&cfg)
				mu.Lock()
				for k := range cfg {
					types[k] = true
				}
				mu.Unlock()
				found = true
			}
		}
		mu.Lock()
		defer mu.Unlock()
		names[name[:strings.IndexByte(name+"{", '{')]] = true
		if !found {
			types["cpu"] = true
		}
	}))
	defer srv.Close()

	if p, err := StartPyroscope("", "hotpath-demo", nil); p != nil || err != nil {
		t.Fatalf("empty URL must not start an agent: %v %v", p, err)
	}
	uploadRate = 300 * time.Millisecond
	defer func() { uploadRate = 15 * time.Second }()
	p, err := StartPyroscope(srv.URL, "hotpath-demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"cpu", "alloc_objects", "alloc_space", "inuse_objects", "inuse_space", "goroutine", "contentions", "delay"}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		_ = make([]byte, 1<<16) // some allocation and CPU for the profiles
		mu.Lock()
		missing := 0
		for _, w := range want {
			if !types[w] {
				missing++
			}
		}
		mu.Unlock()
		if missing == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := p.Stop(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	var got []string
	for k := range types {
		got = append(got, k)
	}
	sort.Strings(got)
	for _, w := range want {
		if !types[w] {
			t.Errorf("no upload with sample type %s; got %v", w, got)
		}
	}
	if len(names) != 1 || !names["hotpath-demo"] {
		t.Errorf("application names %v, want only hotpath-demo", names)
	}
}
