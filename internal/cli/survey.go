package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/survey"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

// SurveyOptions are the inputs of `mentor close survey`.
type SurveyOptions struct {
	F       *Factory
	Pair    string
	As      string
	Date    string
	Answers string // --answers FILE; "-" is standard input
	Commit  bool

	// Terminal reports whether standard input is a terminal to ask on.
	Terminal func() bool
}

func newSurveyCmd(f *Factory, runF func(*SurveyOptions) error) *cobra.Command {
	opts := &SurveyOptions{F: f, Terminal: func() bool { return stdinTerminal(f) }}
	c := &cobra.Command{
		Use:   "survey PAIR --as mentor|mentee",
		Short: "Answer the closure survey for one side of a pair",
		Long: `Survey asks one side of a pair the closure survey and writes the answers to
<pair>/survey/<date>-<side>.md (--date, default today). A survey is never
overwritten.

The questions are survey.questions in .mentor.yaml, else the built-in ones:

` + questionHelp(survey.Default) + `

Scales:

` + setList(survey.Scales) + `

On a terminal the questions are asked one by one, with the scale shown; an
answer that does not fit is asked again. Otherwise the answers come from
--answers FILE.yaml, or from standard input, as a YAML mapping from question id
to answer:

  satisfaction: 4
  goals: 5
  recommend: 9
  again: yes
  mentor_better: More time on the talk, less on the slides.

Privacy: with survey.recipients (age public keys, age1…) in .mentor.yaml the
file holds only the answers encrypted to those keys (age, armored): the other
side of the pair, and anyone else with the repo, cannot read them; the
programme reads them with mentor close report --identity FILE. The answers are
encrypted in memory and never written in clear, not even to a temporary file.
Without recipients the answers are plain text, and survey says so first.

Exit status: 0 when the survey was written; 1 when the input ends before the
last required answer or the survey of that day exists (nothing is written);
2 on an answer outside its scale, an unknown question id, or another usage
error.`,
		Example: `  # on a terminal: one question at a time
  mentor close survey ada-lovelace--grace-hopper --as mentee

  # from a file, or from standard input
  mentor close survey ada-lovelace--grace-hopper --as mentor --answers answers.yaml
  printf 'satisfaction: 5\ngoals: 4\nrecommend: 10\nagain: yes\n' |
      mentor close survey ada-lovelace--grace-hopper --as mentee --date 2026-07-28`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			switch {
			case opts.As == "":
				return usageErr("--as is required: say who answers, --as mentor or --as mentee")
			case !closure.Sides.Has(opts.As):
				return usageErr("--as %q: say who answers, mentor or mentee", opts.As)
			}
			if opts.Date != "" {
				if _, err := dates.Parse(opts.Date); err != nil {
					return usageErr("--date: %v", err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return surveyRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.As, "as", "", "who answers: `SIDE` mentor or mentee")
	dateFlag(c, &opts.Date, "date", "the day of the survey", "today")
	fl.StringVar(&opts.Answers, "answers", "", "read the answers from a YAML `FILE` (- for standard input) instead of asking")
	fl.BoolVar(&opts.Commit, "commit", false, "commit the survey file to git (only that file)")
	_ = c.RegisterFlagCompletionFunc("as", cobra.FixedCompletions(closure.Sides.Completions(), cobra.ShellCompDirectiveNoFileComp))
	_ = c.MarkFlagFilename("answers", "yaml", "yml")
	return c
}

// questionHelp lists questions with their scale.
func questionHelp(qs []survey.Question) string {
	rows := make([][2]string, len(qs))
	for i, q := range qs {
		req := ""
		if !q.Required {
			req = ", optional"
		}
		rows[i] = [2]string{q.ID, q.Text + " (" + string(q.Scale) + req + ")"}
	}
	return defList(rows)
}

func surveyRun(opts *SurveyOptions) error {
	f := opts.F
	_, date, err := f.TodayAnd(opts.Date)
	if err != nil {
		return err
	}
	r, ref, err := f.RepoPair(opts.Pair)
	if err != nil {
		return err
	}
	if opts.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	cfg := r.Config.Survey
	dir := ref.File(survey.Dir)
	file := dir + "/" + survey.FileName(date, opts.As)
	if _, err := r.Lstat(file); err == nil {
		return &ExitError{ExitFindings, fmt.Errorf("%s exists: a survey is never overwritten (answer on another day with --date, or remove the file first); nothing was written", file)}
	}

	// Say what becomes of the answers before asking for them.
	if len(cfg.Recipients) == 0 {
		fmt.Fprintf(f.IO.ErrOut, "mentor: the answers will be written as plain text: anyone with the repo, the other side of the pair too, can read %s.\n"+
			"  To keep them private to the programme, list its age public key under survey.recipients in .mentor.yaml.\n", file)
	} else {
		keys := "key"
		if len(cfg.Recipients) > 1 {
			keys = fmt.Sprintf("%d keys", len(cfg.Recipients))
		}
		fmt.Fprintf(f.IO.ErrOut, "mentor: the answers will be encrypted to the programme's %s (survey.recipients): only the programme can read them.\n", keys)
	}

	var answers map[string]string
	switch {
	case opts.Answers != "" && opts.Answers != "-":
		data, err := readAnswersFile(f, opts.Answers)
		if err != nil {
			return err
		}
		answers, err = parseAnswers(opts.Answers, data, cfg.Questions)
		if err != nil {
			return err
		}
	case opts.Answers == "" && opts.Terminal():
		answers, err = askSurvey(bufio.NewReader(f.IO.In), f.IO.ErrOut, ref.ID, opts.As, cfg.Questions)
		if err != nil {
			return err
		}
	default:
		data, err := io.ReadAll(io.LimitReader(f.IO.In, repo.MaxFileSize+1))
		if err != nil {
			return usageErr("cannot read the answers from standard input: %v", err)
		}
		if len(data) > repo.MaxFileSize {
			return usageErr("the answers on standard input are over 1 MiB; nothing was written")
		}
		answers, err = parseAnswers("standard input", data, cfg.Questions)
		if err != nil {
			return err
		}
	}

	data := survey.Render(opts.As, date, cfg.Questions, answers)
	if p := repo.CheckText(data); p != "" {
		return usageErr("the answers are %s; nothing was written", p)
	}
	if len(cfg.Recipients) > 0 {
		// Encrypted in memory: the clear text goes nowhere but here.
		if data, err = survey.Encrypt(data, cfg.Recipients); err != nil {
			return usageErr("cannot encrypt the answers: %v; nothing was written", err)
		}
	}
	if err := r.MkdirAll(dir); err != nil {
		return err
	}
	if err := r.Write(file, data, false); err != nil {
		return err
	}
	if opts.Commit {
		if err := gitCommit(r, []string{file}, fmt.Sprintf("mentor: add the %s's closure survey for %s", opts.As, ref.ID)); err != nil {
			return err
		}
	}
	fmt.Fprintln(f.IO.Out, file)
	return nil
}

// readAnswersFile reads --answers FILE: the user's own file, named on the
// command line.
func readAnswersFile(f *Factory, name string) ([]byte, error) {
	path := name
	if !filepath.IsAbs(path) {
		cwd, err := f.Getwd()
		if err != nil {
			return nil, usageErr("cannot tell the working folder: %v", err)
		}
		path = filepath.Join(cwd, path)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, usageErr("--answers %s: %v", name, unwrapPath(err))
	}
	if st.Size() > repo.MaxFileSize {
		return nil, usageErr("--answers %s: the file is over 1 MiB; nothing was written", name)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageErr("--answers %s: %v", name, unwrapPath(err))
	}
	return data, nil
}

// parseAnswers reads answers given as YAML: a mapping from question id to
// answer. An unknown id or an answer outside its scale is a usage error
// (exit 2); answers that stop before the last required one are the end of
// input (exit 1). Nothing is written in either case.
func parseAnswers(source string, data []byte, qs []survey.Question) (map[string]string, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, usageErr("%s: the answers are not valid YAML (%s): write one question id and its answer per line, such as satisfaction: 4; nothing was written",
			source, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	answers := map[string]string{}
	if root.Kind != 0 && len(root.Content) == 1 {
		m := root.Content[0]
		if m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
			m = nil
		}
		if m != nil && m.Kind != yaml.MappingNode {
			return nil, usageErr("%s:%d: the answers must be a mapping from question id to answer, such as satisfaction: 4; nothing was written", source, m.Line)
		}
		for i := 0; m != nil && i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			q := survey.Find(qs, k.Value)
			if q == nil {
				return nil, usageErr("%s:%d: unknown question %q: the survey asks %s; nothing was written", source, k.Line, k.Value, questionIDs(qs))
			}
			if _, dup := answers[q.ID]; dup {
				return nil, usageErr("%s:%d: %s is answered twice: keep one; nothing was written", source, k.Line, q.ID)
			}
			if v.Kind != yaml.ScalarNode {
				return nil, usageErr("%s:%d: %s: the answer must be a single value (%s); nothing was written", source, v.Line, q.ID, q.Scale.Hint())
			}
			value := v.Value
			if v.Tag == "!!null" {
				value = ""
			}
			c, err := q.Canonical(value)
			if err != nil {
				return nil, usageErr("%s:%d: %v; nothing was written", source, v.Line, err)
			}
			answers[q.ID] = c
		}
	}
	var missing []string
	for _, q := range qs {
		if q.Required && answers[q.ID] == "" {
			missing = append(missing, q.ID)
		}
	}
	if len(missing) > 0 {
		if len(answers) == 0 {
			return nil, &ExitError{ExitFindings, fmt.Errorf("%s holds no answers: nothing was written (the survey asks %s)", source, questionIDs(qs))}
		}
		return nil, &ExitError{ExitFindings, fmt.Errorf("%s ends before the last required answer: %s %s no answer; nothing was written",
			source, strings.Join(missing, ", "), map[bool]string{true: "has", false: "have"}[len(missing) == 1])}
	}
	return answers, nil
}

func questionIDs(qs []survey.Question) string {
	ids := make([]string, len(qs))
	for i, q := range qs {
		ids[i] = q.ID
	}
	return strings.Join(ids, ", ")
}

// askSurvey asks the questions one by one on a terminal. An answer that
// does not fit its scale is asked again; the end of input (Ctrl-D) before
// the last answer writes nothing.
func askSurvey(in *bufio.Reader, out io.Writer, id, side string, qs []survey.Question) (map[string]string, error) {
	fmt.Fprintf(out, "Closure survey for %s, as the %s: %s. Ctrl-D or Ctrl-C stops without writing anything.\n",
		id, side, plural(len(qs), "question"))
	answers := map[string]string{}
	for i, q := range qs {
		for {
			hint := q.Scale.Hint()
			if !q.Required {
				hint += "; optional, Enter skips it"
			}
			fmt.Fprintf(out, "\n[%d/%d] %s\n      %s: ", i+1, len(qs), q.Text, hint)
			line, err := in.ReadString('\n')
			if err != nil && (err != io.EOF || line == "") {
				fmt.Fprintln(out)
				return nil, &ExitError{ExitFindings, fmt.Errorf("the survey stopped before its last answer: nothing was written")}
			}
			v, verr := q.Canonical(line)
			switch {
			case verr != nil:
				fmt.Fprintf(out, "      %q does not fit: the answer is %s. Try again.\n", strings.TrimSpace(line), q.Scale.Hint())
				continue
			case v == "" && q.Required:
				fmt.Fprintf(out, "      This question needs an answer (%s).\n", q.Scale.Hint())
				continue
			}
			if v != "" {
				answers[q.ID] = v
			}
			break
		}
	}
	fmt.Fprintln(out)
	return answers, nil
}
