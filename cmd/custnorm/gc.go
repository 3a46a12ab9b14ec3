package main

import (
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// The CLI's garbage collection.
//
// A stream allocates a couple of KiB per record and keeps little: the live
// heap is a few MB (tables, buffers, the records in flight, which the
// library bounds by bytes) and does not grow with the input. Under Go's
// default pacing (GOGC=100) the collector would run every few milliseconds
// on such a heap; gcPercent lets the heap grow to five times the live heap
// between collections, which costs the CPU of the earlier floor governor
// (measured with make bench; see the README) with a simpler mechanism and
// lower peak memory.
//
// The environment wins: with GOGC or GOMEMLIMIT set, the runtime's pacing
// applies as set. Otherwise, in a container whose cgroup limits memory
// (v2 memory.max, or v1 memory.limit_in_bytes), the runtime gets a soft
// memory limit of nine tenths of it, so that the collector works harder
// near the limit instead of letting the heap grow into an OOM kill.
const (
	gcPercent = 400
	// limitShare is the share of the cgroup's limit given to the runtime
	// (numerator over 10): the rest is for what the runtime does not
	// count (thread stacks, the binary, page-cache of the files read).
	limitShare = 9
)

// tuneGC sets the collector for a stream unless the environment (lookup is
// os.LookupEnv) sets GOGC or GOMEMLIMIT; cgroup is the file system the
// cgroup files are read from (os.DirFS("/")). stop restores the settings as
// they were.
func tuneGC(lookup func(string) (string, bool), cgroup fs.FS) (stop func()) {
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		if _, set := lookup(v); set {
			return func() {}
		}
	}
	oldPercent := debug.SetGCPercent(gcPercent)
	oldLimit := debug.SetMemoryLimit(-1)
	if limit := cgroupMemoryLimit(cgroup); limit > 0 {
		debug.SetMemoryLimit(limit / 10 * limitShare)
	}
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// cgroupMemoryLimit returns the memory limit of the process's cgroup in
// bytes, or 0 when there is none (or it cannot be read): cgroup v2's
// memory.max of the process's group, else v1's memory.limit_in_bytes of its
// memory group. A v1 "no limit" is a huge number; anything at or above 1<<60
// counts as none.
func cgroupMemoryLimit(root fs.FS) int64 {
	self, err := fs.ReadFile(root, "proc/self/cgroup")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(self)) {
		// hierarchy-ID:controllers:path
		parts := strings.SplitN(strings.TrimSpace(line), ":", 3)
		if len(parts) != 3 {
			continue
		}
		dir := strings.TrimPrefix(parts[2], "/")
		var file string
		switch {
		case parts[0] == "0" && parts[1] == "":
			file = joinPath("sys/fs/cgroup", dir, "memory.max")
		case hasController(parts[1], "memory"):
			file = joinPath("sys/fs/cgroup/memory", dir, "memory.limit_in_bytes")
		default:
			continue
		}
		if n := readLimit(root, file); n > 0 {
			return n
		}
	}
	return 0
}

func hasController(list, name string) bool {
	for c := range strings.SplitSeq(list, ",") {
		if c == name {
			return true
		}
	}
	return false
}

func joinPath(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "/")
}

// readLimit reads a cgroup limit file: a number of bytes, or "max".
func readLimit(root fs.FS, name string) int64 {
	b, err := fs.ReadFile(root, name)
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n <= 0 || n >= 1<<60 {
		return 0
	}
	return n
}

// rootFS is the file system tuneGC reads the cgroup files from.
func rootFS() fs.FS { return os.DirFS("/") }
