// Command rsslaunch runs a command with its own standard streams, writes the
// command's peak resident set size in bytes to a file, and exits with the
// command's status:
//
//	rsslaunch RSSFILE COMMAND [ARG...]
//
// It is the launcher of the CLI tests that bound the CLI's memory. Linux
// reports as a child's peak RSS the larger of the child's own and that of
// the process that started it (Go starts children with vfork, and exec
// keeps the high-water mark of the memory it replaces), so a child started
// by the test process itself would report the test's memory: tens of MiB,
// more under the race detector. Started from this small program, which the
// tests build without the race detector, it reports its own. Outside Linux
// it writes 0 (not measured).
package main

import (
	"fmt"
	"os"
	"os/exec"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: rsslaunch RSSFILE COMMAND [ARG...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	rss, _ := maxRSS(cmd.ProcessState)
	if err := os.WriteFile(os.Args[1], []byte(fmt.Sprint(rss)), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}
