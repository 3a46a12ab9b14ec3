//go:build !linux

package main

import "os"

// maxRSS is not measured outside Linux, where rusage units differ.
func maxRSS(*os.ProcessState) (int64, bool) { return 0, false }
