package secuconnect_test

import (
	"github.com/custnorm/custnorm/internal/golden"
	"github.com/custnorm/custnorm/validate"
)

// issueKeys returns the keys of issues without targets, sorted.
func issueKeys(issues validate.Issues) []golden.Issue {
	return golden.SortIssues(golden.IssuesWithoutTargets(issues))
}

// changeKeys returns the keys of changes, sorted.
func changeKeys(changes []validate.Change) []golden.Change {
	return golden.SortChanges(golden.Changes(changes))
}
