package main

import (
	"fmt"

	"github.com/custnorm/custnorm/validate"
	"runtime/debug"
	"strings"
)

const usageVersion = `usage: custnorm --version

Print custnorm's version: the module version and, for a build from a
checkout, the VCS revision and its time; the phone metadata version
(phonenumbers and libphonenumber) the phone tables come from; the Go version.

Example:

	custnorm --version
`

func (c *cli) version(args []string) int {
	return c.print("version", usageVersion, args, versionText)
}

// versionText is what --version prints, from the build information the Go
// toolchain embeds: "custnorm v1.2.3" (or "(devel)" for a build of a
// checkout), the VCS revision and time when known, the version of the
// phone metadata the phone tables were generated from, and the Go version.
func versionText() string {
	var b strings.Builder
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "custnorm (unknown version: built without module information)\n"
	}
	fmt.Fprintf(&b, "custnorm %s\n", bi.Main.Version)
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		dirty := ""
		if settings["vcs.modified"] == "true" {
			dirty = " (modified)"
		}
		fmt.Fprintf(&b, "revision %s%s %s\n", rev, dirty, settings["vcs.time"])
	}
	fmt.Fprintf(&b, "phone metadata %s\n", validate.PhoneMetadataVersion)
	fmt.Fprintf(&b, "go %s\n", bi.GoVersion)
	return b.String()
}
