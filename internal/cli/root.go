// Package cli is mentor's command line: one file per command, each an options
// struct filled from flags and a run function that works on the options.
package cli

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/interrupt"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/spf13/cobra"
)

// Exit codes, as in the SPEC.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
)

// version is set at build time with -ldflags "-X …/internal/cli.version=v1.2.3";
// otherwise it comes from the module version `go install` records.
var version = ""

// Version returns mentor's version.
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Factory is what every command needs from the outside world.
type Factory struct {
	IO     *iostreams.IOStreams
	Getenv func(string) string
	Getwd  func() (string, error)
	Now    func() time.Time

	// Global flags.
	RepoDir string
	Today   string
	Color   string
	Quiet   bool

	// Flags of the commands that write.
	LockTimeout time.Duration
	BreakLock   bool
}

// NewFactory returns a Factory for the real process.
func NewFactory() *Factory {
	return &Factory{IO: iostreams.System(), Getenv: os.Getenv, Getwd: os.Getwd, Now: time.Now}
}

// TodayDate resolves today: --today, else MENTOR_TODAY, else the system date.
// TodayAnd gives today and the day a --date flag names, today when it is
// empty.
func (f *Factory) TodayAnd(date string) (today, day dates.Date, err error) {
	if today, err = f.TodayDate(); err != nil {
		return today, today, err
	}
	if date == "" {
		return today, today, nil
	}
	if day, err = dates.Parse(date); err != nil {
		return today, day, usageErr("--date: %v", err)
	}
	return today, day, nil
}

func (f *Factory) TodayDate() (dates.Date, error) {
	if f.Today != "" {
		d, err := dates.Parse(f.Today)
		if err != nil {
			return d, usageErr("--today: %v", err)
		}
		return d, nil
	}
	if env := f.Getenv("MENTOR_TODAY"); env != "" {
		d, err := dates.Parse(env)
		if err != nil {
			return d, usageErr("MENTOR_TODAY: %v", err)
		}
		return d, nil
	}
	return dates.Of(f.Now()), nil
}

// Repo opens the programme repository.
func (f *Factory) Repo() (*repo.Repo, string, error) {
	cwd, err := f.Getwd()
	if err != nil {
		return nil, "", fmt.Errorf("cannot tell the working folder: %v", err)
	}
	r, err := repo.Open(f.RepoDir, cwd)
	if err != nil {
		return nil, cwd, err
	}
	r.LockTimeout, r.BreakLock = f.LockTimeout, f.BreakLock
	return r, cwd, nil
}

// lockFlags adds the flags of a command that edits a file under a lock.
func lockFlags(c *cobra.Command, f *Factory) {
	c.Flags().DurationVar(&f.LockTimeout, "lock-timeout", repo.DefaultLockTimeout, "wait at most `DURATION` for another mentor command writing the same file")
	c.Flags().BoolVar(&f.BreakLock, "break-lock", false, "take over a lock another mentor command holds (only when none is running)")
	_ = c.RegisterFlagCompletionFunc("lock-timeout", cobra.FixedCompletions([]string{"5s", "30s", "2m"}, cobra.ShellCompDirectiveNoFileComp))
}

// RepoPair opens the repo and resolves one PAIR argument: an id, a pair
// folder or its plan.md.
func (f *Factory) RepoPair(arg string) (*repo.Repo, pair.Ref, error) {
	r, cwd, err := f.Repo()
	if err != nil {
		return nil, pair.Ref{}, err
	}
	ref, err := r.ResolvePair(arg, cwd)
	return r, ref, unknownPair(r, err)
}

// RepoPairs opens the repo and resolves PAIR|PATH arguments; none means
// every pair in pairs_dir.
func (f *Factory) RepoPairs(args []string) (*repo.Repo, []pair.Ref, error) {
	r, cwd, err := f.Repo()
	if err != nil {
		return nil, nil, err
	}
	pairs, err := r.Resolve(args, cwd)
	return r, pairs, unknownPair(r, err)
}

// ExitError carries an exit code. A nil Err means the command already said
// what went wrong.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

func usageErr(format string, args ...any) error {
	return &ExitError{ExitUsage, fmt.Errorf(format, args...)}
}

// silentExit ends a command with a code after it has printed its findings.
func silentExit(code int) error { return &ExitError{Code: code} }

// NewRootCmd builds the command tree.
func NewRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "mentor",
		Short: "Tell when a mentoring relationship should end, and close it well",
		Long: `mentor reads a mentoring programme kept as plain Markdown in git: one folder per
mentor/mentee pair, each with a plan.md. It tells each pair whether it is time to
close, writes the debrief agenda and the closure record, and gives CI a gate.`,
		Example: `  mentor close init --mentor "Ada Lovelace" --mentee "Grace Hopper" --goal "Give a tech talk"
  mentor close check
  mentor close check --format json --today 2026-11-21`,
		Version:       Version(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate("mentor {{.Version}}\n")
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &ExitError{ExitUsage, fmt.Errorf("%v\nRun '%s --help' for usage.", err, c.CommandPath())}
	})
	pf := root.PersistentFlags()
	pf.StringVar(&f.RepoDir, "repo", "", "programme repo `DIR` (default: nearest folder with .mentor.yaml, else the git top-level, else the working folder)")
	pf.StringVar(&f.Today, "today", "", "judge as of `DATE` (YYYY-MM-DD; default: $MENTOR_TODAY, else the system date)")
	pf.StringVar(&f.Color, "color", "auto", "colour the output, a `WHEN`: auto (on a terminal, unless NO_COLOR is set), always (for less -R), never")
	pf.BoolVarP(&f.Quiet, "quiet", "q", false, "print only results, warnings and errors: no hints, no notices")
	_ = root.MarkPersistentFlagDirname("repo")
	_ = root.RegisterFlagCompletionFunc("today", cobra.NoFileCompletions)
	_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{
		"auto\ton a terminal, unless NO_COLOR is set", "always\teven into a pipe", "never\tno colour"}, cobra.ShellCompDirectiveNoFileComp))
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if f.IO == nil {
			return nil
		}
		if err := f.IO.SetColor(f.Color); err != nil {
			return usageErr("%v", err)
		}
		f.IO.SetQuiet(f.Quiet)
		return nil
	}

	root.AddCommand(newCloseCmd(f))
	addCompletionExamples(root)
	endHelpWithDocs(root)
	return root
}

// helpCmd is "mentor close help CMD": the help of a close subcommand.
func helpCmd(parent *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		Long:  "Help prints the help of a command: mentor close help check is mentor close check --help.",
		Example: `  mentor close help check
  mentor close help record`,
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, c := range parent.Commands() {
				if !c.Hidden && c.Name() != "help" && strings.HasPrefix(c.Name(), toComplete) {
					out = append(out, c.Name()+"\t"+c.Short)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return parent.Help()
			}
			c, rest, err := parent.Find(args)
			if err != nil || c == parent || len(rest) > 0 {
				msg := fmt.Sprintf("no command %q under %q", strings.Join(args, " "), parent.CommandPath())
				if s := parent.SuggestionsFor(args[0]); len(s) > 0 {
					msg += "\n\nDid you mean this?\n\t" + strings.Join(s, "\n\t")
				}
				return usageErr("%s\nRun '%s --help' for usage.", msg, parent.CommandPath())
			}
			return c.Help()
		},
	}
}

// group makes a command that only holds subcommands print its help when
// called alone, and reject an unknown subcommand as a usage error (cobra
// would print the help and exit 0).
func group(c *cobra.Command) {
	c.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
			if cmd.SuggestionsMinimumDistance <= 0 {
				cmd.SuggestionsMinimumDistance = 2
			}
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += "\n\nDid you mean this?\n\t" + strings.Join(s, "\n\t")
			}
			return usageErr("%s\nRun '%s --help' for usage.", msg, cmd.CommandPath())
		}
		return nil
	}
	c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
}

func newCloseCmd(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "close",
		Short: "Check, debrief and record the end of mentoring relationships",
		Example: `  mentor close check
  mentor close init --mentor "Ada Lovelace" --mentee "Grace Hopper" --duration "6 months"`,
	}
	group(c)
	c.AddCommand(newInitCmd(f, nil), newCheckCmd(f, nil), newListCmd(f, nil), newReportCmd(f, nil), newLogCmd(f, nil),
		newGoalCmd(f, nil), newNoteCmd(f, nil), newExtendCmd(f, nil), newVerifyCmd(f, nil),
		newAgendaCmd(f, nil), newRecordCmd(f, nil), newDebriefCmd(f, nil), newDoneCmd(f, nil), newTemplatesCmd(f, nil),
		newSurveyCmd(f, nil), newSignCmd(f, nil), newCheckInCmd(f, nil), newRematchCmd(f, nil), newInviteCmd(f, nil))
	c.AddCommand(helpCmd(c))
	return c
}

// Main runs mentor with the process's arguments and returns the exit code.
// Ctrl-C and SIGTERM release what the command holds before it exits.
func Main() int {
	f := NewFactory()
	interrupt.Start(f.IO.ErrOut)
	return Run(f, os.Args[1:])
}

// Run runs mentor with args and returns the exit code. Errors are printed
// once, here.
func Run(f *Factory, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(f.IO.ErrOut, "mentor: internal error: %v\nThis is a bug in mentor; please report it with the command you ran.\n", r)
			code = ExitUsage
		}
	}()
	root := NewRootCmd(f)
	root.SetArgs(args)
	err := suggestClose(root, args)
	if err == nil {
		err = root.Execute()
	}
	if err == nil {
		return ExitOK
	}
	code = ExitCode(err)
	var ee *ExitError
	if errors.As(err, &ee) && ee.Err == nil {
		return code
	}
	msg := withFormatPage(err.Error())
	if strings.HasPrefix(msg, "unknown command") && !strings.Contains(msg, "--help' for usage") {
		msg += "\nRun 'mentor --help' for usage."
	}
	fmt.Fprintf(f.IO.ErrOut, "mentor: %s\n", strings.TrimSpace(msg))
	return code
}

// ExitCode maps an error to mentor's exit code: 1 for an outcome a person
// acts on (a refused overwrite, a file that changed under mentor, an edit
// refused), 2 for a usage or environment error; an error that says nothing
// of its kind is a usage or environment error too.
func ExitCode(err error) int {
	var ee *ExitError
	var exists *repo.ExistsError
	var changed *repo.ChangedError
	var large *repo.TooLargeError
	var rerr *edit.ReadError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.Code
	case errors.As(err, &exists), errors.As(err, &changed), errors.As(err, &large):
		return ExitFindings
	case errors.As(err, &rerr):
		if rerr.NotExist() {
			return ExitUsage
		}
		return ExitFindings
	}
	return ExitUsage
}

// addCompletionExamples gives cobra's completion commands an example each,
// like every other command.
func addCompletionExamples(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		group(c)
		c.Example = `  mentor completion bash > /etc/bash_completion.d/mentor
  mentor completion zsh > "${fpath[1]}/_mentor"
  mentor completion fish > ~/.config/fish/completions/mentor.fish`
		for _, sub := range c.Commands() {
			switch sub.Name() {
			case "bash":
				sub.Example = "  source <(mentor completion bash)"
			case "zsh":
				sub.Example = "  mentor completion zsh > \"${fpath[1]}/_mentor\""
			case "fish":
				sub.Example = "  mentor completion fish | source"
			case "powershell":
				sub.Example = "  mentor completion powershell | Out-String | Invoke-Expression"
			}
		}
	}
}
