// Package enum holds the sets of values mentor's files and flags take —
// closure reasons, transitions, outcomes, output formats — each with a line
// of help, so that one table drives validation, --help, shell completion
// and the reference docs.
package enum

import "strings"

// Value is one value with what it means.
type Value struct {
	Name string
	Help string
}

// Set is the values something may take, in the order they are listed.
type Set []Value

// Names lists the values.
func (s Set) Names() []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = v.Name
	}
	return out
}

// Has reports whether name is one of the values.
func (s Set) Has(name string) bool {
	for _, v := range s {
		if v.Name == name {
			return true
		}
	}
	return false
}

// String lists the values: "a, b, c".
func (s Set) String() string { return strings.Join(s.Names(), ", ") }

// Completions are the values with their help, as cobra completes them
// ("name\thelp").
func (s Set) Completions() []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = v.Name + "\t" + v.Help
	}
	return out
}
