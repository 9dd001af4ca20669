package app

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// contractRow is one metric row of a docs/metrics.md table.
type contractRow struct {
	typ    string
	labels []string
}

var backticked = regexp.MustCompile("`([^`]+)`")

// readContract parses the tables of docs/metrics.md whose header is "| metric | type | labels | meaning |",
// and the backticked go_*/process_* names of its "Go runtime and process" section.
func readContract(t *testing.T) (map[string]contractRow, []string) {
	t.Helper()
	dir, _ := os.Getwd()
	var path string
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if p := filepath.Join(dir, "docs", "metrics.md"); fileExists(p) {
			path = p
			break
		}
	}
	if path == "" {
		t.Fatal("docs/metrics.md not found above the test directory")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]contractRow{}
	var runtime []string
	inTable, inRuntime := false, false
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "## ") {
			inRuntime = strings.Contains(line, "Go runtime")
		}
		if inRuntime {
			for _, m := range backticked.FindAllStringSubmatch(line, -1) {
				if strings.HasPrefix(m[1], "go_") || strings.HasPrefix(m[1], "process_") {
					runtime = append(runtime, m[1])
				}
			}
		}
		if !strings.HasPrefix(line, "|") {
			inTable = false
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) >= 3 && cells[0] == "metric" && cells[1] == "type" && cells[2] == "labels" {
			inTable = true
			continue
		}
		if !inTable || strings.HasPrefix(cells[0], "---") {
			continue
		}
		name := strings.Trim(cells[0], "`")
		var labels []string
		for _, m := range backticked.FindAllStringSubmatch(cells[2], -1) {
			labels = append(labels, m[1])
		}
		sort.Strings(labels)
		rows[name] = contractRow{typ: cells[1], labels: labels}
	}
	if len(rows) < 6 || len(runtime) < 5 {
		t.Fatalf("docs/metrics.md parsed to %d metrics and %d runtime names; format changed?", len(rows), len(runtime))
	}
	return rows, runtime
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestMetricsContract: after traffic on every route (and both outcomes of the upstream), /metrics on the public
// port exports exactly the families of docs/metrics.md with exactly their labels, plus go_* and process_*.
func TestMetricsContract(t *testing.T) {
	contract, runtimeNames := readContract(t)
	a := newTestApp(t, nil)
	for _, r := range []struct{ method, path, body string }{
		{"GET", "/api/products", ""}, {"GET", "/api/products/3", ""}, {"GET", "/api/search?q=lamp", ""},
		{"GET", "/api/customers/2/orders", ""},
		{"POST", "/api/checkout", `{"customer_id":3,"items":[{"product_id":4,"quantity":1}]}`},
		{"GET", "/api/products/999999", ""},
	} {
		do(t, r.method, a.api.URL+r.path, r.body)
	}
	code, body := do(t, "GET", a.api.URL+"/metrics", "")
	if code != 200 {
		t.Fatalf("/metrics: %d", code)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	types := map[dto.MetricType]string{dto.MetricType_COUNTER: "counter", dto.MetricType_GAUGE: "gauge",
		dto.MetricType_HISTOGRAM: "histogram", dto.MetricType_SUMMARY: "summary", dto.MetricType_UNTYPED: "untyped"}

	for name, fam := range families {
		if strings.HasPrefix(name, "go_") || strings.HasPrefix(name, "process_") {
			continue
		}
		row, ok := contract[name]
		if !ok {
			t.Errorf("exported %s is not in docs/metrics.md", name)
			continue
		}
		if got := types[fam.GetType()]; got != row.typ {
			t.Errorf("%s: type %s, contract says %s", name, got, row.typ)
		}
		for _, m := range fam.GetMetric() {
			var got []string
			for _, lp := range m.GetLabel() {
				got = append(got, lp.GetName())
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(row.labels, ",") {
				t.Errorf("%s: labels %v, contract says %v", name, got, row.labels)
				break
			}
		}
	}
	for name := range contract {
		if _, ok := families[name]; !ok {
			t.Errorf("docs/metrics.md lists %s but /metrics does not export it", name)
		}
	}
	for _, name := range runtimeNames {
		if _, ok := families[name]; !ok {
			t.Errorf("docs/metrics.md says dashboards use %s but it is not exported", name)
		}
	}
	// Label values the dashboards rely on.
	for _, want := range []string{
		`http_requests_total{code="200",method="GET",route="/api/products/{id}"}`,
		`http_requests_total{code="404",method="GET",route="/api/products/{id}"}`,
		`http_requests_total{code="201",method="POST",route="/api/checkout"}`,
		`http_request_duration_seconds_bucket{code="200",method="GET",route="/api/search",le="0.001"}`,
		`http_request_duration_seconds_bucket{code="200",method="GET",route="/api/search",le="10"}`,
		`hotpath_demo_db_query_duration_seconds_bucket{query="orders_by_customer",le="0.0025"}`,
		`hotpath_demo_upstream_request_duration_seconds_bucket{code="200",le="0.05"}`,
		`hotpath_demo_bottleneck_enabled{name="errors"} 0`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
