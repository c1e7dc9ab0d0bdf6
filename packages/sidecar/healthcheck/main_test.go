package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestProbeURLUsesTheConfiguredPort(t *testing.T) {
	if got := probeURL(nil, "23133"); got != "http://127.0.0.1:23133/" {
		t.Fatalf("got %q", got)
	}
	if got := probeURL(nil, ""); got != "http://127.0.0.1:13133/" {
		t.Fatalf("default port: got %q", got)
	}
	if got := probeURL([]string{"http://example.test/x"}, "1"); got != "http://example.test/x" {
		t.Fatalf("argument override: got %q", got)
	}
}

func TestProbeAcceptsOnly200(t *testing.T) {
	status := http.StatusOK
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(status)
	}))
	defer server.Close()

	if err := probe(server.URL); err != nil {
		t.Fatalf("200 should be healthy: %v", err)
	}
	status = http.StatusServiceUnavailable
	if err := probe(server.URL); err == nil {
		t.Fatal("503 should be unhealthy")
	}
}

func TestProbeFailsWhenNothingListens(t *testing.T) {
	server := httptest.NewServer(http.NotFoundHandler())
	url := server.URL
	server.Close()

	if err := probe(url); err == nil {
		t.Fatal("a closed port should be unhealthy")
	}
}
