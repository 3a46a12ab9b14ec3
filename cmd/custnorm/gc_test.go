package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int64
	}{
		{0, minMemory},
		{10 << 20, minMemory},
		{minMemory / heapRatio, minMemory},
		{20 << 20, 100 << 20},
		{1 << 40, 5 << 40},
		{math.MaxUint64, math.MaxInt64},
	} {
		if got := memoryLimit(tc.live); got != tc.want {
			t.Errorf("memoryLimit(%d) = %d, want %d", tc.live, got, tc.want)
		}
	}
}

// gcSettings returns the current GOGC and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestTuneGCLeavesEnvironmentSettings(t *testing.T) {
	before, beforeLimit := gcSettings()
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		stop := tuneGC(func(v string) (string, bool) { return "200", v == name })
		if p, l := gcSettings(); p != before || l != beforeLimit {
			t.Errorf("with %s set: GOGC %d, limit %d; want %d, %d (unchanged)", name, p, l, before, beforeLimit)
		}
		stop()
	}
}

// TestTuneGCFollowsLiveHeap checks the governor: collection off below the
// floor, a limit that follows the live heap after a collection, and the
// runtime's settings back after stop.
func TestTuneGCFollowsLiveHeap(t *testing.T) {
	before, beforeLimit := gcSettings()
	stop := tuneGC(func(string) (string, bool) { return "", false })
	if p, l := gcSettings(); p != -1 || l < minMemory {
		t.Errorf("governed: GOGC %d, limit %d; want -1 (off) and at least %d", p, l, minMemory)
	}

	const live = 40 << 20
	ballast := make([]byte, live)
	for k := range ballast {
		ballast[k] = 1 // resident, so nothing about it is lazy
	}
	runtime.GC()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, l := gcSettings()
		if l >= heapRatio*live {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("limit %d after a collection with %d bytes live, want at least %d", l, live, heapRatio*live)
		}
		time.Sleep(gcPoll)
	}
	runtime.KeepAlive(ballast)

	stop()
	if p, l := gcSettings(); p != before || l != beforeLimit {
		t.Errorf("after stop: GOGC %d, limit %d; want %d, %d", p, l, before, beforeLimit)
	}
}
