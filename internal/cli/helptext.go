package cli

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/mentor-cli/mentor/internal/verify"
)

// Help texts that list things are built from the registries, so that a new
// signal, rule, reason or format shows in --help without editing it here.

// defList lays out name/text pairs in two columns, indented, the text
// wrapped to fit 80 columns.
func defList(rows [][2]string) string {
	width := 0
	for _, r := range rows {
		width = max(width, len(r[0]))
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString("  " + r[0] + strings.Repeat(" ", width-len(r[0])+2))
		col := 4 + width
		words := strings.Fields(r[1])
		at := col
		for i, w := range words {
			if i > 0 && at+1+len(w) > 80 {
				b.WriteString("\n" + strings.Repeat(" ", col))
				at = col
			} else if i > 0 {
				b.WriteByte(' ')
				at++
			}
			b.WriteString(w)
			at += len(w)
		}
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}

func setList(s enum.Set) string {
	rows := make([][2]string, len(s))
	for i, v := range s {
		rows[i] = [2]string{v.Name, v.Help}
	}
	return defList(rows)
}

// signalHelp lists the ending signals and when each fires.
func signalHelp() string {
	rows := make([][2]string, len(signals.Catalog))
	for i, d := range signals.Catalog {
		rows[i] = [2]string{d.ID, d.Fires}
	}
	return defList(rows)
}

// verdictHelp lists the verdicts, the first that applies winning.
func verdictHelp() string {
	rows := make([][2]string, len(signals.Verdicts))
	for i, v := range signals.Verdicts {
		rows[i] = [2]string{string(v.Verdict), v.Help}
	}
	return defList(rows)
}

// ruleHelp lists verify's rules with their severity.
func ruleHelp() string {
	rows := make([][2]string, len(verify.Rules))
	for i, r := range verify.Rules {
		rows[i] = [2]string{r.ID, fmt.Sprintf("%-8s %s", r.Severity, lowerFirst(r.Summary))}
	}
	return defList(rows)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func reasonHelp() string       { return setList(closure.Reasons) }
func transitionHelp() string   { return setList(closure.Transitions) }
func checkFormatHelp() string  { return setList(output.CheckSet()) }
func verifyFormatHelp() string { return setList(output.VerifySet()) }
func reportFormatHelp() string { return setList(output.ReportSet()) }
