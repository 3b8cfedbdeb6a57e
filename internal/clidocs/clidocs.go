// Package clidocs writes mentor's command reference from the cobra command
// tree: one Markdown page per command in docs/cli and one man page per
// command in docs/man. The pages are made with cobra's own doc generator, so
// every command, flag and help text in them is the one --help prints; the
// output carries no date or build detail, so the same tree gives the same
// bytes and CI can check the committed pages are current.
package clidocs

//go:generate go run ./gen ../../docs

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// Folders of the reference, under the docs folder.
const (
	MarkdownDir = "cli"
	ManDir      = "man"
)

// manDate is the date in every man page's header. It is fixed, not the day
// the pages were made, so that regenerating them changes nothing.
var manDate = time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)

// Guides are the pages of the docs that explain each command at length,
// relative to the docs folder, by command path. Every command's reference
// page links its guide; a command without one is an error, so that a new
// command comes with its place in the docs.
var Guides = map[string]string{
	"mentor":                       "../README.md",
	"mentor close":                 "lifecycle.md",
	"mentor close init":            "lifecycle.md",
	"mentor close check":           "reference.md#ending-signals",
	"mentor close list":            "lifecycle.md#listing-mentor-close-list",
	"mentor close report":          "report.md",
	"mentor close log":             "plan.md#writing-meetings-mentor-close-log",
	"mentor close goal":            "lifecycle.md#goals-mentor-close-goal-pair-goal",
	"mentor close note":            "notes.md",
	"mentor close extend":          "lifecycle.md#extending-mentor-close-extend-pair---to-date---reason-text",
	"mentor close verify":          "ci.md#the-gate",
	"mentor close agenda":          "closure.md#writing-it-agenda-then-record",
	"mentor close record":          "closure.md",
	"mentor close debrief":         "debrief.md",
	"mentor close done":            "lifecycle.md#closing-record-then-done",
	"mentor close templates":       "templates.md",
	"mentor close survey":          "survey.md",
	"mentor close sign":            "survey.md#signing-off",
	"mentor close checkin":         "checkins.md",
	"mentor close rematch":         "after-closure.md#rematch",
	"mentor close invite":          "after-closure.md#calendar-invitations",
	"mentor close help":            "lifecycle.md#flags-and-help",
	"mentor completion":            "lifecycle.md#flags-and-help",
	"mentor completion bash":       "lifecycle.md#flags-and-help",
	"mentor completion fish":       "lifecycle.md#flags-and-help",
	"mentor completion powershell": "lifecycle.md#flags-and-help",
	"mentor completion zsh":        "lifecycle.md#flags-and-help",
}

// webDocs is where the docs folder is read on the web, for the man pages.
const webDocs = "https://github.com/mentor-cli/mentor/blob/main/docs/"

// MarkdownName is the file name of a command's Markdown page:
// "mentor close check" → "mentor_close_check.md".
func MarkdownName(c *cobra.Command) string {
	return strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md"
}

// ManName is the file name of a command's man page:
// "mentor close check" → "mentor-close-check.1".
func ManName(c *cobra.Command) string {
	return strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
}

// Pages renders the reference of root's tree: file name (relative to the
// docs folder, slash-separated) → content.
func Pages(root *cobra.Command) (map[string][]byte, error) {
	root.DisableAutoGenTag = true
	root.InitDefaultHelpCmd()
	root.InitDefaultHelpFlag()
	pages := map[string][]byte{}
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		c.DisableAutoGenTag = true
		c.InitDefaultHelpFlag()
		guide, ok := Guides[c.CommandPath()]
		if !ok {
			return fmt.Errorf("%s has no guide: add the page that explains it to clidocs.Guides", c.CommandPath())
		}
		// The help texts are written for a terminal; the pages read them
		// as Markdown.
		long := Markdown(c.Long)
		c.Long = long
		var md bytes.Buffer
		if err := doc.GenMarkdownCustom(c, &md, func(s string) string { return s }); err != nil {
			return fmt.Errorf("%s: %w", c.CommandPath(), err)
		}
		pages[MarkdownDir+"/"+MarkdownName(c)] = tidyMarkdown(md.Bytes(), "../"+guide)
		web := webDocs + guide
		if strings.HasPrefix(guide, "../") {
			web = strings.TrimSuffix(webDocs, "docs/") + strings.TrimPrefix(guide, "../")
		}
		c.Long = strings.TrimSpace(long + "\n\nThe guide to this command:\n\n```text\n" + web + "\n```")
		var man bytes.Buffer
		date := manDate
		header := &doc.GenManHeader{Section: "1", Date: &date, Source: "mentor", Manual: "mentor manual"}
		if err := doc.GenMan(c, header, &man); err != nil {
			return fmt.Errorf("%s: %w", c.CommandPath(), err)
		}
		pages[ManDir+"/"+ManName(c)] = tidyMan(man.Bytes())
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
				continue
			}
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root); err != nil {
		return nil, err
	}
	return pages, nil
}

// Write renders the reference into docsDir, replacing the pages there:
// a page of a command that no longer exists is removed.
func Write(root *cobra.Command, docsDir string) error {
	pages, err := Pages(root)
	if err != nil {
		return err
	}
	for _, sub := range []struct{ dir, ext string }{{MarkdownDir, ".md"}, {ManDir, ".1"}} {
		dir := filepath.Join(docsDir, sub.dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		old, err := filepath.Glob(filepath.Join(dir, "*"+sub.ext))
		if err != nil {
			return err
		}
		for _, f := range old {
			if _, ok := pages[sub.dir+"/"+filepath.Base(f)]; !ok {
				if err := os.Remove(f); err != nil {
					return err
				}
			}
		}
	}
	names := make([]string, 0, len(pages))
	for name := range pages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(docsDir, filepath.FromSlash(name)), pages[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Markdown turns a help text written for a terminal into Markdown that
// reads the same: paragraphs stay paragraphs (with the characters Markdown
// would take for markup escaped), and an indented block — the lists of
// signals, rules, reasons and formats — becomes a code block, so that its
// columns stay where they are.
func Markdown(help string) string {
	if help == "" {
		return ""
	}
	var out []string
	for _, block := range strings.Split(strings.TrimSpace(help), "\n\n") {
		lines := strings.Split(block, "\n")
		indented := true
		for _, l := range lines {
			if !strings.HasPrefix(l, "  ") {
				indented = false
			}
		}
		if indented {
			for i, l := range lines {
				lines[i] = strings.TrimPrefix(l, "  ")
			}
			out = append(out, "```text\n"+strings.Join(lines, "\n")+"\n```")
			continue
		}
		for i, l := range lines {
			lines[i] = escapeLine(strings.TrimSpace(l))
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	return strings.Join(out, "\n\n")
}

// escapeLine escapes what Markdown would read as markup in a line of prose:
// emphasis, code, links, HTML, and a line that would start a heading, a
// quote or a list.
func escapeLine(l string) string {
	var b strings.Builder
	for _, r := range l {
		switch r {
		case '\\', '`', '*', '_', '<', '>', '[', ']', '|', '~':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	s := b.String()
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '+', '=':
		return `\` + s
	case '-':
		if len(s) == 1 || s[1] == ' ' || strings.Trim(s, "-") == "" {
			return `\` + s
		}
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// tidyMarkdown adjusts cobra's Markdown page to the rules every page of the
// docs follows (markdownlint's defaults): the command is the page's one
// level-1 heading, every code block names its language, and no line holds
// a tab. The command's guide is linked after its one-line summary.
func tidyMarkdown(page []byte, guide string) []byte {
	lines := strings.Split(strings.TrimRight(string(page), "\n"), "\n")
	inCode, section := false, ""
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "```"):
			if !inCode && l == "```" {
				lang := "text"
				if section == "Examples" {
					lang = "sh"
				}
				lines[i] = "```" + lang
			}
			inCode = !inCode
		case inCode:
		case strings.HasPrefix(l, "#"):
			lines[i] = l[1:]
			section = strings.TrimSpace(strings.TrimLeft(l, "#"))
		default:
			lines[i] = strings.ReplaceAll(l, "\t - ", " — ")
		}
	}
	if len(lines) > 2 {
		name, _, _ := strings.Cut(strings.TrimPrefix(guide, "../"), "#")
		if !strings.HasPrefix(name, "../") {
			name = "docs/" + name
		}
		name = strings.TrimPrefix(name, "../")
		lines[2] += "\n\nGuide: [" + name + "](" + guide + ")"
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

// tidyMan lays out the options of cobra's man page as man pages do: each
// flag a tagged paragraph (.TP), its text indented below it, where cobra
// leaves a tab that roff runs into the flag's line.
func tidyMan(page []byte) []byte {
	lines := strings.Split(string(page), "\n")
	for i := 1; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "\t") || !strings.HasPrefix(lines[i-1], `\fB-`) {
			continue
		}
		lines[i] = strings.TrimPrefix(lines[i], "\t")
		if i >= 2 && lines[i-2] == ".PP" {
			lines[i-2] = ".TP"
		} else {
			lines[i-1] = ".TP\n" + lines[i-1]
		}
	}
	return []byte(strings.Join(lines, "\n"))
}
