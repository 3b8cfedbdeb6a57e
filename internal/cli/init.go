package cli

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
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
}

func newInitCmd(f *Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{F: f}
	c := &cobra.Command{
		Use:   "init --mentor NAME --mentee NAME",
		Short: "Start a pair: write its plan.md from the plan template",
		Long: `Init writes <pairs_dir>/<id>/plan.md for a new mentor/mentee pair and prints its
path. The id is slug(mentor)--slug(mentee) unless --id gives one. A plan that
already exists is never overwritten. When the repo has no .mentor.yaml yet, init
writes one with the default settings.

When standard input is a terminal, init asks for a missing --mentor or --mentee.`,
		Example: `  mentor close init --mentor "Ada Lovelace" --mentee "Grace Hopper"
  mentor close init --mentor "Ada Lovelace" --mentee "Grace Hopper" \
      --start 2026-01-15 --duration "6 months" --cadence weekly \
      --program "Platform mentoring 2026" \
      --goal "Lead a design review end to end" --goal "Give an internal tech talk"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.End != "" && opts.Duration != "" {
				return usageErr("give --end or --duration, not both")
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
	fl.StringVar(&opts.Start, "start", "", "first day, `YYYY-MM-DD` (default: today)")
	fl.StringVar(&opts.End, "end", "", "planned end, `YYYY-MM-DD`")
	fl.StringVar(&opts.Duration, "duration", "", "planned length instead of --end: \"N days|weeks|months|years\"")
	fl.StringVar(&opts.Cadence, "cadence", "", "how often the pair meets: weekly, biweekly, monthly, \"every N days|weeks\" (default: the repo's)")
	fl.StringVar(&opts.Program, "program", "", "the programme or cohort `NAME`")
	fl.StringArrayVar(&opts.Goals, "goal", nil, "a goal (repeat for more)")
	fl.StringVar(&opts.ID, "id", "", "the pair id (default: slug(mentor)--slug(mentee))")
	avoidForceFlag(c, &opts.Force)
	_ = c.RegisterFlagCompletionFunc("cadence", cobra.FixedCompletions(
		[]string{"weekly", "biweekly", "monthly"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func initRun(opts *InitOptions) error {
	f := opts.F
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	if err := opts.ask(); err != nil {
		return err
	}
	for _, v := range []struct{ flag, val string }{{"--mentor", opts.Mentor}, {"--mentee", opts.Mentee}, {"--program", opts.Program}} {
		if strings.ContainsAny(v.val, "\r\n") {
			return usageErr("%s must be on one line", v.flag)
		}
	}
	for _, g := range opts.Goals {
		if strings.TrimSpace(g) == "" || strings.ContainsAny(g, "\r\n") {
			return usageErr("--goal must be one line of text")
		}
	}
	d := render.Defaults()
	d.Mentor, d.Mentee = strings.TrimSpace(opts.Mentor), strings.TrimSpace(opts.Mentee)
	d.Program, d.Start, d.Today = strings.TrimSpace(opts.Program), today, today
	d.Verdict = string(signals.OnTrack)
	if opts.Start != "" {
		if d.Start, err = dates.Parse(opts.Start); err != nil {
			return usageErr("--start: %v", err)
		}
	}
	switch {
	case opts.End != "":
		if d.End, err = dates.Parse(opts.End); err != nil {
			return usageErr("--end: %v", err)
		}
		if d.End.Before(d.Start) {
			return usageErr("--end %s is before the start %s", d.End, d.Start)
		}
	case opts.Duration != "":
		if d.End, err = dates.ParseDuration(d.Start, opts.Duration); err != nil {
			return usageErr("--duration: %v", err)
		}
	}

	r, _, err := f.Repo()
	if err != nil {
		return err
	}
	d.Cadence, d.CadenceDays = r.Config.Cadence.Text, r.Config.Cadence.Days
	if opts.Cadence != "" {
		c, err := dates.ParseCadence(opts.Cadence)
		if err != nil {
			return usageErr("--cadence: %v", err)
		}
		d.Cadence, d.CadenceDays = c.Text, c.Days
	}
	d.Date = d.Start
	d.SetSpan()
	d.Sections = append([]string(nil), r.Config.RequiredSections...)
	for _, g := range opts.Goals {
		d.AddGoal(render.NewGoal(plan.Goal{Title: strings.TrimSpace(g), State: plan.Open}))
	}
	d.ID = opts.ID
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
	if err := r.Write(file, out, false); err != nil {
		if _, ok := err.(*repo.ExistsError); ok {
			return &ExitError{ExitFindings, fmt.Errorf("%s already exists; a plan is never overwritten (pick another --id, or edit the plan)", file)}
		}
		return err
	}
	if !r.HasConfig {
		if err := r.Write(config.FileName, []byte(config.DefaultFile), false); err != nil {
			if _, ok := err.(*repo.ExistsError); !ok {
				return err
			}
		} else {
			fmt.Fprintf(f.IO.ErrOut, "wrote %s with the default settings\n", config.FileName)
		}
	}
	fmt.Fprintln(f.IO.Out, file)
	if f.IO.IsStdoutTTY() {
		fmt.Fprintf(f.IO.ErrOut, "Next: fill in the Agreement and Goals, then log meetings under ## Meetings.\nCheck the pair any time with: mentor close check %s\n", d.ID)
	}
	return nil
}

// ask prompts for a missing mentor or mentee when stdin is a terminal.
func (opts *InitOptions) ask() error {
	io := opts.F.IO
	var in *bufio.Reader
	for _, q := range []struct {
		flag, prompt string
		val          *string
	}{{"--mentor", "Mentor's name: ", &opts.Mentor}, {"--mentee", "Mentee's name: ", &opts.Mentee}} {
		if strings.TrimSpace(*q.val) != "" {
			continue
		}
		if !io.IsStdinTTY() {
			return usageErr("%s is required, such as %s \"Ada Lovelace\"", q.flag, q.flag)
		}
		if in == nil {
			in = bufio.NewReader(io.In)
		}
		for strings.TrimSpace(*q.val) == "" {
			fmt.Fprint(io.ErrOut, q.prompt)
			line, err := in.ReadString('\n')
			*q.val = strings.TrimSpace(line)
			if err != nil && *q.val == "" {
				return usageErr("%s is required", q.flag)
			}
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
