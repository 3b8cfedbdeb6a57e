// Package diag holds the problems mentor reports about a user's files: what is
// wrong, in which file, on which line.
package diag

import "fmt"

// Severity says whether a problem stops a file from being used.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Problem is one thing wrong with a file. A problem about the file as a
// whole is on its line 1, in every output.
type Problem struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", p.File, max(p.Line, 1), p.Severity, p.Message)
}

// Error lets a Problem travel as an error.
func (p Problem) Error() string { return p.String() }

// List collects problems for one file.
type List struct {
	File     string
	Problems []Problem
}

func (l *List) Errorf(line int, format string, args ...any) {
	l.Problems = append(l.Problems, Problem{l.File, max(line, 1), Error, fmt.Sprintf(format, args...)})
}

func (l *List) Warnf(line int, format string, args ...any) {
	l.Problems = append(l.Problems, Problem{l.File, max(line, 1), Warning, fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any problem is an error.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Errors are the problems that are errors, in their order.
func Errors(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}
