package cli

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/interrupt"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/spf13/cobra"
)

// InitOptions are the inputs of `mentor close init`.
type InitOptions struct {
	F        *Factory
	Mentor   string
	Mentee   string
	Start    string
	End      string
	Duration string
	Cadence  string
	Program  string
	Goals    []string
	ID       string
	Force    bool
	Write    writeFlags
}

func newInitCmd(f *Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{F: f}
	c := &cobra.Command{
		Use:   "init --mentor NAME --mentee NAME",
		Short: "Start a pair: write its plan.md from the plan template",
		Long: `Init writes <pairs_dir>/<id>/plan.md for a new mentor/mentee pair and prints its
path. The id is slug(mentor)--slug(mentee) unless --id gives one. A plan that
already exists is never overwritten. When the repo has no .mentor.yaml yet, init
writes one with the default settings. An init that fails or is interrupted leaves
no half-made pair folder.

When standard input is a terminal and --mentor or --mentee is missing, init asks
for what it was not given: the names, the goals (one a line; an empty line ends
them), the planned length and the cadence. Ending the input (Ctrl-D) before the
last answer writes nothing and exits 1. Without a terminal (a pipe, a file,
/dev/null) a missing name is a usage error.`,
		Example: `  mentor close init --mentor "Ada Lovelace" --mentee "Grace Hopper"
  mentor close init --mentor "Ada Lovelace" --mentee "Grace Hopper" \
      --start 2026-01-15 --duration "6 months" --cadence weekly \
      --program "Platform mentoring 2026" \
      --goal "Lead a design review end to end" --goal "Give an internal tech talk"
  mentor close init        # on a terminal: asks for the names, goals, length and cadence`,
		Args: noArgs("give the names with --mentor and --mentee"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.End != "" && opts.Duration != "" {
				return usageErr("give --end or --duration, not both")
			}
			if err := opts.Write.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Mentor, "mentor", "", "the mentor's `NAME`")
	fl.StringVar(&opts.Mentee, "mentee", "", "the mentee's `NAME`")
	dateFlag(c, &opts.Start, "start", "the first day", "today")
	dateFlag(c, &opts.End, "end", "the planned end", "")
	fl.StringVar(&opts.Duration, "duration", "", "the planned `LENGTH` instead of --end: \"N days|weeks|months|years\"")
	fl.StringVar(&opts.Cadence, "cadence", "", "how often the pair meets, a `CADENCE`: weekly, biweekly, monthly, \"every N days|weeks\" (default: the repo's)")
	fl.StringVar(&opts.Program, "program", "", "the programme or cohort `NAME`")
	fl.StringArrayVar(&opts.Goals, "goal", nil, "a goal, `TEXT` on one line (repeat for more)")
	fl.StringVar(&opts.ID, "id", "", "the pair `ID` (default: slug(mentor)--slug(mentee))")
	addWriteFlags(c, f, &opts.Write, "the plan (and .mentor.yaml when init writes it)")
	avoidForceFlag(c, &opts.Force)
	_ = c.RegisterFlagCompletionFunc("cadence", cobra.FixedCompletions(cadences.Completions(), cobra.ShellCompDirectiveNoFileComp))
	for _, name := range []string{"mentor", "mentee", "program", "goal", "id", "duration"} {
		_ = c.RegisterFlagCompletionFunc(name, cobra.NoFileCompletions)
	}
	return c
}

func initRun(opts *InitOptions) error {
	f := opts.F
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	r, _, err := f.Repo()
	if err != nil {
		return err
	}
	if err := opts.ask(r.Config.Cadence.Text, today); err != nil {
		return err
	}
	if err := oneLineFlags(opts.Mentor, opts.Mentee, opts.Program, opts.Goals); err != nil {
		return err
	}
	d := render.Defaults()
	d.Mentor, d.Mentee = strings.TrimSpace(opts.Mentor), strings.TrimSpace(opts.Mentee)
	d.Program, d.Start, d.Today = strings.TrimSpace(opts.Program), today, today
	d.Verdict = string(signals.OnTrack)
	d.Cadence, d.CadenceDays = r.Config.Cadence.Text, r.Config.Cadence.Days
	if err := fillPlan(r, &d, planSpec{opts.Start, opts.End, opts.Duration, opts.Cadence, opts.ID, opts.Goals}); err != nil {
		return err
	}

	if err := avoidPairing(f, r, d.Mentor, d.Mentee, opts.Force); err != nil {
		return err
	}
	file := r.Config.PairsDir + "/" + d.ID + "/plan.md"
	out, err := render.Execute(r, "plan.md", d)
	if err != nil {
		return err
	}
	p := plan.Parse(file, out, plan.Options{})
	if !p.Valid() {
		return &ExitError{ExitUsage, fmt.Errorf("the plan template makes a plan mentor cannot read: %v (fix %s)", p.Problems[0], render.OverrideDir+"/plan.md")}
	}
	if _, err := r.Lstat(file); err == nil {
		return &ExitError{ExitFindings, fmt.Errorf("%s already exists; a plan is never overwritten (pick another --id, or edit the plan)", file)}
	}
	if opts.Write.DryRun {
		diff := edit.Diff(file, nil, out)
		if !r.HasConfig {
			diff += edit.Diff(config.FileName, nil, []byte(config.DefaultFile))
		}
		_, err := io.WriteString(f.IO.Out, diff)
		return err
	}
	if opts.Write.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	if err := writeNewPair(r, d.Dir, file, out); err != nil {
		if _, ok := err.(*repo.ExistsError); ok {
			return &ExitError{ExitFindings, fmt.Errorf("%s already exists; a plan is never overwritten (pick another --id, or edit the plan)", file)}
		}
		return err
	}
	written := []string{file}
	if !r.HasConfig {
		if err := r.Write(config.FileName, []byte(config.DefaultFile), false); err != nil {
			if _, ok := err.(*repo.ExistsError); !ok {
				return err
			}
		} else {
			written = append(written, config.FileName)
			f.IO.Notice("wrote %s with the default settings", config.FileName)
		}
	}
	if opts.Write.Commit {
		if err := gitCommit(r, written, fmt.Sprintf("mentor: start %s", d.ID)); err != nil {
			return err
		}
	}
	fmt.Fprintln(f.IO.Out, file)
	goal := "note progress on goal 1 with: mentor close goal " + d.ID + " 1 --progress TEXT"
	if len(opts.Goals) == 0 {
		goal = "write the goals under ## Goals in " + file + ", one \"- [ ] goal\" a line"
	}
	f.IO.Hint("Next: log each meeting with: mentor close log %s --title TEXT -m NOTES\n      %s\n      see how the pair stands with: mentor close check %s", d.ID, goal, d.ID)
	return nil
}

// writeNewPair writes a new pair's plan. The folders it has to create
// (the pair's, and pairs_dir) go again if the write fails or is
// interrupted: an init that does not finish leaves no half-made pair.
func writeNewPair(r *repo.Repo, dir, file string, data []byte) error {
	var made []string
	for _, d := range []string{path.Dir(dir), dir} {
		if _, err := r.Lstat(d); err == nil {
			continue
		}
		if err := r.MkdirAll(d); err != nil {
			return err
		}
		made = append(made, d)
	}
	undo := func() {
		for i := len(made) - 1; i >= 0; i-- {
			// Only what this init put there: its plan, or the temporary
			// file of a write that was cut short.
			if entries, err := r.ReadDir(made[i]); err == nil {
				for _, e := range entries {
					if name := e.Name(); name == "plan.md" || strings.HasPrefix(name, ".plan.md.") {
						_ = r.Remove(made[i] + "/" + name)
					}
				}
			}
			_ = r.Remove(made[i])
		}
	}
	unregister := interrupt.Register(undo)
	defer unregister()
	if err := r.Write(file, data, false); err != nil {
		undo()
		return err
	}
	return nil
}

// ask prompts, on a terminal, for what init was not given: the names, the
// goals, the planned length and the cadence. Without a terminal a missing
// name is a usage error. End of input before the last answer writes
// nothing (exit 1).
func (opts *InitOptions) ask(defaultCadence string, today dates.Date) error {
	ios := opts.F.IO
	if strings.TrimSpace(opts.Mentor) != "" && strings.TrimSpace(opts.Mentee) != "" {
		return nil
	}
	if !ios.IsStdinTTY() {
		for _, q := range []struct{ flag, val string }{{"--mentor", opts.Mentor}, {"--mentee", opts.Mentee}} {
			if strings.TrimSpace(q.val) == "" {
				return usageErr("%s is required, such as %s \"Ada Lovelace\" (init asks for it only on a terminal)", q.flag, q.flag)
			}
		}
	}
	in := bufio.NewReader(ios.In)
	eof := func() error {
		// The prompt is still on the line: the error starts on its own.
		fmt.Fprintln(ios.ErrOut)
		return &ExitError{ExitFindings, fmt.Errorf("init: the input ended before the last answer; nothing was written")}
	}
	// line asks once; ok is false at the end of input.
	line := func(prompt string) (string, bool) {
		fmt.Fprint(ios.ErrOut, prompt)
		s, err := in.ReadString('\n')
		if err != nil && s == "" {
			return "", false
		}
		return strings.TrimSpace(s), true
	}
	for _, q := range []struct {
		prompt string
		val    *string
	}{{"Mentor's name: ", &opts.Mentor}, {"Mentee's name: ", &opts.Mentee}} {
		for strings.TrimSpace(*q.val) == "" {
			s, ok := line(q.prompt)
			if !ok {
				return eof()
			}
			*q.val = s
		}
	}
	if len(opts.Goals) == 0 {
		fmt.Fprintln(ios.ErrOut, "Goals, one a line (an empty line ends them):")
		for n := 1; ; n++ {
			s, ok := line(fmt.Sprintf("  Goal %d: ", n))
			if !ok {
				return eof()
			}
			if s == "" {
				break
			}
			opts.Goals = append(opts.Goals, s)
		}
	}
	if opts.End == "" && opts.Duration == "" {
		for {
			s, ok := line("Planned length, such as 6 months (empty: no planned end): ")
			if !ok {
				return eof()
			}
			if s == "" {
				break
			}
			if _, err := dates.ParseDuration(today, s); err != nil {
				fmt.Fprintf(ios.ErrOut, "  %v\n", err)
				continue
			}
			opts.Duration = s
			break
		}
	}
	if opts.Cadence == "" {
		for {
			s, ok := line(fmt.Sprintf("Cadence: weekly, biweekly, monthly or every N days|weeks [%s]: ", defaultCadence))
			if !ok {
				return eof()
			}
			if s == "" {
				break
			}
			if _, err := dates.ParseCadence(s); err != nil {
				fmt.Fprintf(ios.ErrOut, "  %v\n", err)
				continue
			}
			opts.Cadence = s
			break
		}
	}
	return nil
}

// Slug turns a name into lower-case ASCII letters, digits and single dashes.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		s := fold(r)
		for _, c := range s {
			if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				dash = false
				b.WriteRune(c)
			} else {
				dash = true
			}
		}
	}
	return b.String()
}

// fold spells common Latin letters with marks in plain ASCII.
func fold(r rune) string {
	if r < 0x80 {
		return string(r)
	}
	for _, p := range foldTable {
		if strings.ContainsRune(p[0], r) {
			return p[1]
		}
	}
	return " "
}

var foldTable = [][2]string{
	{"àáâãäåāăą", "a"}, {"æ", "ae"}, {"çćĉċč", "c"}, {"ďđð", "d"}, {"èéêëēĕėęě", "e"},
	{"ĝğġģ", "g"}, {"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"}, {"ĳ", "ij"}, {"ĵ", "j"}, {"ķ", "k"},
	{"ĺļľŀł", "l"}, {"ñńņňŉ", "n"}, {"òóôõöøōŏő", "o"}, {"œ", "oe"}, {"ŕŗř", "r"},
	{"śŝşšș", "s"}, {"ß", "ss"}, {"ţťŧț", "t"}, {"þ", "th"}, {"ùúûüũūŭůűų", "u"},
	{"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"},
}

// oneLineFlags refuses names, a programme or goals that are not one line
// (init and rematch take the same flags for a new plan).
func oneLineFlags(mentor, mentee, program string, goals []string) error {
	for _, v := range []struct{ flag, val string }{{"--mentor", mentor}, {"--mentee", mentee}, {"--program", program}} {
		if strings.ContainsAny(v.val, "\r\n") {
			return usageErr("%s must be on one line", v.flag)
		}
	}
	for _, g := range goals {
		if strings.TrimSpace(g) == "" || strings.ContainsAny(g, "\r\n") {
			return usageErr("--goal must be one line of text")
		}
	}
	return nil
}

// planSpec is what init's and rematch's flags say of a new plan's span,
// cadence, goals and id.
type planSpec struct {
	Start, End, Duration, Cadence, ID string
	Goals                             []string
}

// fillPlan completes the data of a new plan from s: d holds the names, the
// programme, today as the start and the default cadence already.
func fillPlan(r *repo.Repo, d *render.Data, s planSpec) (err error) {
	if s.Start != "" {
		if d.Start, err = dates.Parse(s.Start); err != nil {
			return usageErr("--start: %v", err)
		}
	}
	switch {
	case s.End != "":
		if d.End, err = dates.Parse(s.End); err != nil {
			return usageErr("--end: %v", err)
		}
		if d.End.Before(d.Start) {
			return usageErr("--end %s is before the start %s", d.End, d.Start)
		}
	case s.Duration != "":
		if d.End, err = dates.ParseDuration(d.Start, s.Duration); err != nil {
			return usageErr("--duration: %v", err)
		}
	}
	if s.Cadence != "" {
		c, err := dates.ParseCadence(s.Cadence)
		if err != nil {
			return usageErr("--cadence: %v", err)
		}
		d.Cadence, d.CadenceDays = c.Text, c.Days
	}
	d.Date = d.Start
	d.SetSpan()
	d.Sections = append([]string(nil), r.Config.RequiredSections...)
	for _, g := range s.Goals {
		d.AddGoal(render.NewGoal(plan.Goal{Title: strings.TrimSpace(g), State: plan.Open}))
	}
	d.ID = s.ID
	if d.ID == "" {
		m, e := Slug(d.Mentor), Slug(d.Mentee)
		if m == "" || e == "" {
			return usageErr("cannot make a pair id from %q and %q: pass --id, such as --id ada--grace", d.Mentor, d.Mentee)
		}
		d.ID = m + "--" + e
	}
	d.Pair, d.Dir = d.ID, r.Config.PairsDir+"/"+d.ID
	if err := repo.CheckID(d.ID); err != nil {
		return &ExitError{ExitUsage, fmt.Errorf("--id: %w", err)}
	}
	return nil
}
