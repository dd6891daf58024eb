//go:build tools

// Package lokibuild pins Loki's command so `go build` can build it from this module.
package lokibuild

import _ "github.com/grafana/loki/v3/cmd/loki"
