// Package profiling sets the runtime's mutex/block sampling and, when a Pyroscope URL is configured, starts the
// pyroscope-go agent (push mode, delta profiles via godeltaprof).
package profiling

import (
	"runtime"
	"time"

	"github.com/grafana/pyroscope-go"
)

// Rates enables mutex and block profiling. fraction: on average 1/fraction contention events are reported;
// rateNs: one blocking event per rateNs nanoseconds spent blocked is sampled (events longer than that always).
// The defaults (10, 10µs) cost little and still catch every wait a human would care about.
func Rates(fraction, rateNs int) {
	runtime.SetMutexProfileFraction(fraction)
	runtime.SetBlockProfileRate(rateNs)
}

// uploadRate is how often the agent pushes (pyroscope-go's default); tests shorten it.
var uploadRate = 15 * time.Second

// StartPyroscope pushes CPU, alloc/inuse objects and space, goroutines, mutex and block profiles to serverURL
// as application name (the service_name label in Pyroscope). Returns nil, nil when serverURL is empty.
func StartPyroscope(serverURL, name string, tags map[string]string) (*pyroscope.Profiler, error) {
	if serverURL == "" {
		return nil, nil
	}
	return pyroscope.Start(pyroscope.Config{
		ApplicationName: name,
		ServerAddress:   serverURL,
		Tags:            tags,
		UploadRate:      uploadRate,
		ProfileTypes: []pyroscope.ProfileType{
			pyroscope.ProfileCPU,
			pyroscope.ProfileAllocObjects, pyroscope.ProfileAllocSpace,
			pyroscope.ProfileInuseObjects, pyroscope.ProfileInuseSpace,
			pyroscope.ProfileGoroutines,
			pyroscope.ProfileMutexCount, pyroscope.ProfileMutexDuration,
			pyroscope.ProfileBlockCount, pyroscope.ProfileBlockDuration,
		},
	})
}
