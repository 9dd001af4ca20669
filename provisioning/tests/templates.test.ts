/**
 * The Go templates we ship (alert annotations, notification template) parse and render with Go's text/template —
 * the engine Grafana uses — and produce the Bottleneck link for the alert's service, route and window.
 * Grafana's template functions are stubbed by name (their output format is Grafana's business, not ours).
 * Needs the Go toolchain (the demo needs it anyway).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { describeWithTool, run } from './tools';

const PROV = path.resolve(__dirname, '..');

const GO_RENDERER = `package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/template"
	"time"
)

type Value struct {
	Labels map[string]string
	Value  float64
}

type Alert struct {
	Status       string
	Labels       map[string]string
	Annotations  map[string]string
	StartsAt     time.Time
	EndsAt       time.Time
	Values       map[string]float64
	ValueString  string
	GeneratorURL string
	SilenceURL   string
	DashboardURL string
	PanelURL     string
	Fingerprint  string
}

type Alerts []Alert

func (as Alerts) Firing() []Alert   { return as.with("firing") }
func (as Alerts) Resolved() []Alert { return as.with("resolved") }
func (as Alerts) with(s string) []Alert {
	out := []Alert{}
	for _, a := range as {
		if a.Status == s {
			out = append(out, a)
		}
	}
	return out
}

type Data struct {
	Receiver          string
	Status            string
	Alerts            Alerts
	GroupLabels       map[string]string
	CommonLabels      map[string]string
	CommonAnnotations map[string]string
	ExternalURL       string
}

type Input struct {
	Annotations map[string]string
	Labels      map[string]string
	Values      map[string]Value
	Template    string
	Calls       map[string]string
	Data        Data
}

func main() {
	var in Input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	funcs := template.FuncMap{
		"humanize":           func(v float64) string { return fmt.Sprintf("%g", v) },
		"humanizeDuration":   func(v float64) string { return fmt.Sprintf("%gs", v) },
		"humanizePercentage": func(v float64) string { return fmt.Sprintf("%g%%", v*100) },
		"externalURL":        func() string { return in.Data.ExternalURL },
		"toUpper":            strings.ToUpper,
	}
	out := map[string]string{}
	for name, text := range in.Annotations {
		t, err := template.New(name).Funcs(funcs).Parse("{{ $labels := .Labels }}{{ $values := .Values }}{{ $value := .Value }}" + text)
		if err != nil {
			fmt.Fprintln(os.Stderr, "parse annotation", name, err)
			os.Exit(1)
		}
		var b strings.Builder
		data := struct {
			Labels map[string]string
			Values map[string]Value
			Value  string
		}{in.Labels, in.Values, ""}
		if err := t.Execute(&b, data); err != nil {
			fmt.Fprintln(os.Stderr, "render annotation", name, err)
			os.Exit(1)
		}
		out["annotation:"+name] = b.String()
	}
	root := template.Must(template.New("root").Funcs(funcs).Parse(in.Template))
	for name, call := range in.Calls {
		t := template.Must(template.Must(root.Clone()).New(name).Parse(call))
		var b strings.Builder
		if err := t.Execute(&b, in.Data); err != nil {
			fmt.Fprintln(os.Stderr, "render", name, err)
			os.Exit(1)
		}
		out[name] = b.String()
	}
	_ = json.NewEncoder(os.Stdout).Encode(out)
}
`;

const rules: any[] = (yaml.load(fs.readFileSync(path.join(PROV, 'alerting', 'rules.yaml'), 'utf8')) as any).groups[0]
  .rules;
const template: string = (yaml.load(fs.readFileSync(path.join(PROV, 'alerting', 'templates.yaml'), 'utf8')) as any)
  .templates[0].template;
const receiver = (yaml.load(fs.readFileSync(path.join(PROV, 'alerting', 'contact-points.yaml'), 'utf8')) as any)
  .contactPoints[0].receivers[0];

const START = '2026-12-04T10:00:00Z';
const END = '2026-12-04T10:20:00Z';
const ms = (iso: string, minutes: number) => Date.parse(iso) + minutes * 60_000;

describeWithTool('go', 'install Go (the demo needs it too)', 'Go text/template rendering', () => {
  let dir: string;
  let binary: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-tmpl-'));
    fs.writeFileSync(path.join(dir, 'main.go'), GO_RENDERER);
    fs.writeFileSync(path.join(dir, 'go.mod'), 'module tmplcheck\n\ngo 1.21\n');
    binary = path.join(dir, 'render');
    const r = run('go', ['build', '-o', binary, '.'], { cwd: dir });
    if (r.status !== 0) {
      throw new Error(r.out);
    }
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function render(input: unknown): Record<string, string> {
    const r = run(binary, [], { input: JSON.stringify(input) });
    if (r.status !== 0) {
      throw new Error(r.out);
    }
    return JSON.parse(r.out);
  }

  const alert = (status: string) => ({
    Status: status,
    Labels: {
      alertname: 'Hotpath: latency spike',
      service: 'hotpath-demo',
      route: '/api/products',
      severity: 'warning',
    },
    Annotations: {
      summary: 'Latency spike on hotpath-demo /api/products',
      description: 'p99 is 1s',
      runbook_url: 'https://x/rb.md',
    },
    StartsAt: START,
    EndsAt: status === 'resolved' ? END : '0001-01-01T00:00:00Z',
    Values: { A: 0.99, B: 0.005 },
    PanelURL: 'http://grafana.example/d/hotpath-red?viewPanel=3',
  });
  const data = (status: string) => ({
    Receiver: 'hotpath-webhook',
    Status: status,
    Alerts: [alert(status)],
    CommonLabels: { alertname: 'Hotpath: latency spike', service: 'hotpath-demo' },
    ExternalURL: 'http://grafana.example',
  });

  it.each(rules.map((r) => [r.uid, r]))('%s: annotations parse and render with $labels/$values', (_uid, r) => {
    const out = render({
      Annotations: r.annotations,
      Labels: { service: 'hotpath-demo', route: '/api/products', job: 'hotpath-demo' },
      Values: { A: { Value: 0.9 }, S: { Value: 1.1 }, B: { Value: 0.01 }, C: { Value: 12.5 }, G: { Value: 0.5 } },
      Template: '',
      Calls: {},
      Data: data('firing'),
    });
    expect(out['annotation:summary']).toContain('hotpath-demo');
    expect(out['annotation:summary']).not.toContain('{{');
    expect(out['annotation:description']).not.toMatch(/\{\{|<no value>/);
    const route = r.uid === 'hotpath-goroutine-growth' ? '$__all' : '%2Fapi%2Fproducts';
    expect(out['annotation:bottleneck_url']).toBe(
      `http://grafana.example/d/hotpath-bottleneck/bottleneck?var-service=hotpath-demo&var-route=${route}&from=now-1h&to=now`
    );
  });

  it('notification (firing): title, summary, values and the Bottleneck link from 30 min before the start to now', () => {
    const out = render({
      Annotations: {},
      Labels: {},
      Values: {},
      Template: template,
      Calls: { title: receiver.settings.title, message: receiver.settings.message },
      Data: data('firing'),
    });
    expect(out.title).toBe('[FIRING:1] Hotpath: latency spike — hotpath-demo');
    expect(out.message).toContain('FIRING: Latency spike on hotpath-demo /api/products');
    expect(out.message).toContain('Values: A=0.99 B=0.005');
    expect(out.message).toContain(
      `http://grafana.example/d/hotpath-bottleneck/bottleneck?var-service=hotpath-demo&var-route=%2Fapi%2Fproducts&from=${ms(START, -30)}&to=now`
    );
    expect(out.message).toContain('Runbook: https://x/rb.md');
  });

  it('notification (resolved): the link ends 10 min after the end', () => {
    const out = render({
      Annotations: {},
      Labels: {},
      Values: {},
      Template: template,
      Calls: { message: receiver.settings.message },
      Data: data('resolved'),
    });
    expect(out.message).toContain(`&from=${ms(START, -30)}&to=${ms(END, 10)}`);
  });
});
