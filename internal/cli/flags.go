package cli

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// One vocabulary of flags across the commands: a value is named in --help
// by the capitalised word in backquotes (DATE, PAIR, TEXT…, never a pflag
// type such as "string"), every date flag says DATE and its form, every
// flag that takes one of a set of values lists them and completes them,
// and every command says the same thing when it gets too few or too many
// arguments.

// enumFlag adds a flag that takes one value of a set: its help lists the
// values and shell completion offers them with their help. what says what
// the value is ("output FORMAT", "why the pair closes, a REASON"); the
// capitalised word in backquotes names the value in --help.
func enumFlag(c *cobra.Command, p *string, name, short, def, what string, set enum.Set) {
	help := what + ": " + set.String()
	if short != "" {
		c.Flags().StringVarP(p, name, short, def, help)
	} else {
		c.Flags().StringVar(p, name, def, help)
	}
	_ = c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(set.Completions(), cobra.ShellCompDirectiveNoFileComp))
}

// checkEnum checks a flag's value against its set ("" is unset).
func checkEnum(flag, got string, set enum.Set) error {
	if got == "" || set.Has(got) {
		return nil
	}
	return usageErr("%s %q is not one of %s", flag, got, set.String())
}

// enumList is a flag that takes values of a set, repeated (--status closing
// --status closed) or comma-separated (--status closing,closed).
type enumList struct {
	vals *[]string
	set  enum.Set
}

func (e *enumList) String() string { return strings.Join(*e.vals, ",") }
func (e *enumList) Type() string   { return "values" }
func (e *enumList) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		v = strings.TrimSpace(v)
		if !e.set.Has(v) {
			return fmt.Errorf("%q is not one of %s", v, e.set)
		}
		*e.vals = append(*e.vals, v)
	}
	return nil
}

// enumListFlag adds a repeatable flag of values of a set.
func enumListFlag(c *cobra.Command, p *[]string, name, what string, set enum.Set) {
	c.Flags().Var(&enumList{vals: p, set: set}, name, what+" (repeat, or separate with commas): "+set.String())
	_ = c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(set.Completions(), cobra.ShellCompDirectiveNoFileComp))
}

// dateFlag adds a flag that takes a date. what says what the date is;
// def, when set, what it is when the flag is not given.
func dateFlag(c *cobra.Command, p *string, name, what, def string) {
	help := what + ", a `DATE` (YYYY-MM-DD"
	if def != "" {
		help += "; default: " + def
	}
	c.Flags().StringVar(p, name, "", help+")")
	_ = c.RegisterFlagCompletionFunc(name, cobra.NoFileCompletions)
}

// Sides are the two people of a pair, for --as, --cancelled-by, --no-show.
var sides = enum.Set{{Name: "mentor", Help: "the mentor"}, {Name: "mentee", Help: "the mentee"}}

// Cadences are the cadences completion offers (any "every N days|weeks" works too).
var cadences = enum.Set{
	{Name: "weekly", Help: "every 7 days"},
	{Name: "biweekly", Help: "every 14 days"},
	{Name: "monthly", Help: "every 30 days"},
	{Name: "quarterly", Help: "every 91 days"},
	{Name: "yearly", Help: "every 365 days"},
}

// writeFlags are the flags of every command that writes a file.
type writeFlags struct {
	DryRun bool
	Commit bool
}

// addWriteFlags adds --dry-run and --commit, and the lock flags. what names
// the files the command writes, for --commit's help ("the plan").
func addWriteFlags(c *cobra.Command, f *Factory, w *writeFlags, what string) {
	c.Flags().BoolVar(&w.DryRun, "dry-run", false, "print the change as a unified diff and write nothing")
	c.Flags().BoolVar(&w.Commit, "commit", false, "commit "+what+" to git: only the files written")
	lockFlags(c, f)
}

func (w writeFlags) check() error {
	if w.DryRun && w.Commit {
		return usageErr("--dry-run writes nothing, so there is nothing to --commit: give one or the other")
	}
	return nil
}

// freeText marks flags whose value is text the user types: completion
// offers nothing rather than file names.
func freeText(c *cobra.Command, names ...string) {
	for _, n := range names {
		_ = c.RegisterFlagCompletionFunc(n, cobra.NoFileCompletions)
	}
}

// aliasFlags lets a flag be spelt another way: --canceled-by is
// --cancelled-by, as headings accept both spellings.
func aliasFlags(c *cobra.Command, aliases map[string]string) {
	c.Flags().SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if to, ok := aliases[name]; ok {
			name = to
		}
		return pflag.NormalizedName(name)
	})
}

// Arity: the same words in every command.

// noArgs is for a command that takes no argument.
func noArgs(hint string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := fmt.Sprintf("%s takes no arguments, got %d (%q)", cmd.Name(), len(args), args[0])
		if hint != "" {
			msg += ": " + hint
		}
		return usageErr("%s\nRun '%s --help' for usage.", msg, cmd.CommandPath())
	}
}

// pairArgs is for a command that takes one PAIR, then the words in more.
func pairArgs(more ...string) cobra.PositionalArgs {
	want := "one PAIR (a pair id, a pair folder or its plan.md)"
	if len(more) > 0 {
		want = "a PAIR (a pair id, a pair folder or its plan.md) and " + strings.Join(more, " and ")
	}
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 1+len(more) {
			return nil
		}
		return usageErr("%s takes %s, got %s\nRun '%s --help' for usage.", cmd.Name(), want, nArgs(args), cmd.CommandPath())
	}
}

func nArgs(args []string) string {
	switch len(args) {
	case 0:
		return "none"
	case 1:
		return fmt.Sprintf("1 argument (%q)", args[0])
	}
	return fmt.Sprintf("%d arguments (%s)", len(args), quoteAll(args))
}

func quoteAll(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = fmt.Sprintf("%q", a)
	}
	return strings.Join(q, " ")
}
