package main

import (
	"runtime/debug"
	"testing"
	"testing/fstest"
)

// gcSettings returns the current GOGC and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestTuneGCLeavesEnvironmentSettings(t *testing.T) {
	before, beforeLimit := gcSettings()
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		stop := tuneGC(func(v string) (string, bool) { return "200", v == name }, cgroupV2("1073741824"))
		if p, l := gcSettings(); p != before || l != beforeLimit {
			t.Errorf("with %s set: GOGC %d, limit %d; want %d, %d (unchanged)", name, p, l, before, beforeLimit)
		}
		stop()
	}
}

func cgroupV2(max string) fstest.MapFS {
	return fstest.MapFS{
		"proc/self/cgroup":                        {Data: []byte("0::/user.slice/job\n")},
		"sys/fs/cgroup/user.slice/job/memory.max": {Data: []byte(max + "\n")},
	}
}

func TestTuneGC(t *testing.T) {
	before, beforeLimit := gcSettings()
	none := func(string) (string, bool) { return "", false }
	stop := tuneGC(none, fstest.MapFS{})
	if p, l := gcSettings(); p != gcPercent || l != beforeLimit {
		t.Errorf("no cgroup limit: GOGC %d, limit %d; want %d, %d", p, l, gcPercent, beforeLimit)
	}
	stop()
	stop = tuneGC(none, cgroupV2("1073741824"))
	if p, l := gcSettings(); p != gcPercent || l != 1073741824/10*9 {
		t.Errorf("1 GiB cgroup: GOGC %d, limit %d; want %d, %d", p, l, gcPercent, 1073741824/10*9)
	}
	stop()
	if p, l := gcSettings(); p != before || l != beforeLimit {
		t.Errorf("after stop: GOGC %d, limit %d; want %d, %d", p, l, before, beforeLimit)
	}
}

func TestCgroupMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		name string
		fs   fstest.MapFS
		want int64
	}{
		{"v2 limit", cgroupV2("536870912"), 536870912},
		{"v2 max", cgroupV2("max"), 0},
		{"v2 root group", fstest.MapFS{
			"proc/self/cgroup":         {Data: []byte("0::/\n")},
			"sys/fs/cgroup/memory.max": {Data: []byte("268435456\n")},
		}, 268435456},
		{"v1", fstest.MapFS{
			"proc/self/cgroup": {Data: []byte("12:cpu,cpuacct:/x\n5:memory:/docker/abc\n")},
			"sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes": {Data: []byte("2147483648\n")},
		}, 2147483648},
		{"v1 unlimited", fstest.MapFS{
			"proc/self/cgroup":                           {Data: []byte("5:memory:/\n")},
			"sys/fs/cgroup/memory/memory.limit_in_bytes": {Data: []byte("9223372036854771712\n")},
		}, 0},
		{"no cgroup file", fstest.MapFS{}, 0},
		{"garbage", cgroupV2("lots"), 0},
	} {
		if got := cgroupMemoryLimit(tc.fs); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}
