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

// Problem is one thing wrong with a file. Line is 0 when the problem is about
// the file as a whole.
type Problem struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Severity, p.Message)
	}
	return fmt.Sprintf("%s: %s: %s", p.File, p.Severity, p.Message)
}

// Error lets a Problem travel as an error.
func (p Problem) Error() string { return p.String() }

// List collects problems for one file.
type List struct {
	File     string
	Problems []Problem
}

func (l *List) Errorf(line int, format string, args ...any) {
	l.Problems = append(l.Problems, Problem{l.File, line, Error, fmt.Sprintf(format, args...)})
}

func (l *List) Warnf(line int, format string, args ...any) {
	l.Problems = append(l.Problems, Problem{l.File, line, Warning, fmt.Sprintf(format, args...)})
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
