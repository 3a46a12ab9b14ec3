package main

import (
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// The CLI's garbage collection.
//
// A stream allocates a couple of KiB per record and keeps little: the live
// heap is a few MB (phone metadata, buffers, the records in flight) and
// does not grow with the input. Under the runtime's proportional pacing
// (GOGC) the collector would run every few milliseconds, and the heap goal
// would follow the swings of the records in flight, so that the runtime
// returns memory to the system after one cycle and faults it in again in
// the next: on the project machine that cost ~2.5 % of the CPU on 2 cores
// (page faults, TLB shootdowns), and was a good part of why 2 cores did not
// do twice the work of one.
//
// So the heap gets a floor: the collector runs when the process's memory
// reaches max(minMemory, heapRatio × the live heap), that is as GOGC=400
// would with a minimum of 64 MiB. It is done with GOGC=off and a memory
// limit that a governor resets to that value after each collection. A
// burst of large records raises the limit at the next poll; until then the
// runtime's memory-limit pacing (which caps the collector at half the CPU)
// applies, so nothing is lost, it only runs slower for a moment.
//
// Setting GOGC or GOMEMLIMIT in the environment turns this off: the
// runtime's own pacing applies, as set.
const (
	// minMemory is the memory below which the collector does not run.
	minMemory = 64 << 20
	// heapRatio is the memory allowed per byte of live heap above the
	// floor (GOGC=400).
	heapRatio = 5
	// gcPoll is how often the governor looks for a finished collection.
	gcPoll = 20 * time.Millisecond
)

// memoryLimit is the memory limit for a live heap of live bytes.
func memoryLimit(live uint64) int64 {
	if live > uint64(1<<62)/heapRatio {
		return 1<<63 - 1
	}
	return max(minMemory, heapRatio*int64(live))
}

// tuneGC installs the governor unless the environment (lookup is
// os.LookupEnv) sets GOGC or GOMEMLIMIT. stop ends the governor and
// restores the runtime's settings as they were.
func tuneGC(lookup func(string) (string, bool)) (stop func()) {
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		if _, set := lookup(v); set {
			return func() {}
		}
	}
	g := &governor{samples: []metrics.Sample{
		{Name: "/gc/cycles/total:gc-cycles"},
		{Name: "/gc/heap/live:bytes"},
	}}
	oldLimit := debug.SetMemoryLimit(memoryLimit(0))
	oldPercent := debug.SetGCPercent(-1)
	g.poll()
	done, exited := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(exited)
		t := time.NewTicker(gcPoll)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				g.poll()
			}
		}
	}()
	return func() {
		close(done)
		<-exited
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// A governor resets the memory limit after each collection.
type governor struct {
	samples []metrics.Sample
	cycles  uint64 // the collections seen
}

// poll sets the memory limit from the live heap when a collection has
// finished since the last poll.
func (g *governor) poll() {
	metrics.Read(g.samples)
	cycles, live := g.samples[0].Value, g.samples[1].Value
	if cycles.Kind() != metrics.KindUint64 || live.Kind() != metrics.KindUint64 {
		return // not in this runtime: the floor stays
	}
	if cycles.Uint64() == g.cycles {
		return
	}
	g.cycles = cycles.Uint64()
	debug.SetMemoryLimit(memoryLimit(live.Uint64()))
}
