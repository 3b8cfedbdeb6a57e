// Package templates holds the built-in templates, embedded in the binary.
// A file of the same name in a repo's .mentor/templates/ replaces one.
package templates

import "embed"

// FS holds plan.md, agenda.md, closure.md and note.md.
//
//go:embed *.md
var FS embed.FS
