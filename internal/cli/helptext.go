package cli

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/mentor-cli/mentor/internal/verify"
	"github.com/spf13/cobra"
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

// ruleHelp lists verify's rules with their severity. (defList wraps the
// text by its words, so the severity leads it rather than padding a column.)
func ruleHelp() string {
	rows := make([][2]string, len(verify.Rules))
	for i, r := range verify.Rules {
		rows[i] = [2]string{r.ID, fmt.Sprintf("%s: %s", r.Severity, lowerFirst(r.Summary))}
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

// docsBase is where the docs of this version are read on the web.
const docsBase = "https://github.com/mentor-cli/mentor/blob/main/"

// docsPage is the path, from the repository root, of a command's reference
// page in docs/cli (go generate ./internal/clidocs writes it). A command
// with no page of its own (cobra's help command) points to its parent's.
func docsPage(c *cobra.Command) string {
	for c.HasParent() && !c.IsAvailableCommand() {
		c = c.Parent()
	}
	return "docs/cli/" + strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md"
}

// endHelpWithDocs makes every --help (and mentor close help CMD) end with
// the command's page in the docs, where its files and flags are described
// at length.
func endHelpWithDocs(root *cobra.Command) {
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		help(c, args)
		fmt.Fprintf(c.OutOrStdout(), "\nDocs: %s%s\n", docsBase, docsPage(c))
	})
}

// formatPage is the page of the docs that describes the file format of a
// repo-relative path, or "" when none does.
func formatPage(file string) string {
	file = filepath.ToSlash(file)
	base := path.Base(file)
	switch {
	case base == config.FileName:
		return "docs/config.md"
	case strings.Contains(file, ".mentor/templates/"):
		return "docs/templates.md"
	case strings.Contains("/"+file, "/notes/"):
		return "docs/notes.md"
	case strings.Contains("/"+file, "/survey/"):
		return "docs/survey.md"
	case base == "plan.md":
		return "docs/plan.md"
	case base == "closure.md":
		return "docs/closure.md"
	}
	return ""
}

// withFormatPage adds to an error about what a file says — one that starts
// "FILE:LINE: …" or "FILE has errors" — the page that describes the file's
// format. An error about the file as a whole (it exists already, it cannot
// be read) gets none: its format is not the problem.
func withFormatPage(msg string) string {
	i := strings.IndexAny(msg, ": \n")
	if i < 0 {
		return msg
	}
	file, rest := msg[:i], msg[i:]
	content := strings.HasPrefix(rest, " has errors") ||
		len(rest) > 1 && rest[0] == ':' && rest[1] >= '0' && rest[1] <= '9'
	if page := formatPage(file); content && page != "" {
		msg += "\nThe format of " + path.Base(filepath.ToSlash(file)) + ": " + docsBase + page
	}
	return msg
}
