// Command healthcheck probes the sidecar's health_check endpoint for a container HEALTHCHECK.
//
// The sidecar image has no shell, curl or wget, so Docker's exec-form HEALTHCHECK runs this
// static binary instead. It exits 0 when the endpoint answers 200 within the timeout, else 1,
// which is the contract HEALTHCHECK expects.
//
// The port comes from LOOKOUT_HEALTH_PORT, the same variable the sidecar config reads, so
// moving the port moves the probe with it. A URL argument overrides it.
package main

import (
	"fmt"
	"net/http"
	"os"
	"time"
)

const defaultPort = "13133"

// Shorter than any sensible HEALTHCHECK --timeout, so the probe reports its own error
// instead of being killed by Docker without a message.
const timeout = 2 * time.Second

func main() {
	url := probeURL(os.Args[1:], os.Getenv("LOOKOUT_HEALTH_PORT"))
	if err := probe(url); err != nil {
		fmt.Fprintf(os.Stderr, "unhealthy: %v\n", err)
		os.Exit(1)
	}
}

// probeURL picks the URL to probe: the first argument when given, else the local health port.
func probeURL(args []string, port string) string {
	if len(args) > 0 {
		return args[0]
	}
	if port == "" {
		port = defaultPort
	}
	return "http://127.0.0.1:" + port + "/"
}

// probe returns nil when url answers 200.
func probe(url string) error {
	client := http.Client{Timeout: timeout}
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", url, resp.Status)
	}
	return nil
}
