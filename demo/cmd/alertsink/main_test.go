package main

import (
	"bytes"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandlerLogsEveryNotification(t *testing.T) {
	var logs bytes.Buffer
	h := Handler(slog.New(slog.NewJSONHandler(&logs, nil)))
	tests := []struct {
		name, method, path, body string
		wantCode                 int
		wantLog                  string
	}{
		{"json body", "POST", "/alerts", `{"status":"firing","alerts":[{"labels":{"alertname":"HighP99"}}]}`, 200, `"alertname":"HighP99"`},
		{"text body", "POST", "/alerts", `plain text`, 200, `"body":"plain text"`},
		{"health", "GET", "/healthz", "", 200, ""},
		{"wrong method", "GET", "/alerts", "", 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs.Reset()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body)))
			if rec.Code != tt.wantCode {
				t.Fatalf("code %d, want %d", rec.Code, tt.wantCode)
			}
			if tt.wantLog != "" && !strings.Contains(logs.String(), tt.wantLog) {
				t.Fatalf("log %q lacks %q", logs.String(), tt.wantLog)
			}
		})
	}
}
