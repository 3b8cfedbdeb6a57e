package cli

import (
	"fmt"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/signals"
)

// pairFile is what agenda and record share: one pair read, judged and turned
// into template data.
type pairFile struct {
	repo *repo.Repo
	pair *pair.Pair
	data render.Data
}

// loadPair resolves PAIR, reads and judges its plan as of today, and fills
// the template data for a file dated date (zero: today). A plan with errors
// stops here: its problems are printed and the command exits 1.
func loadPair(f *Factory, arg string, date string) (*pairFile, error) {
	today, err := f.TodayDate()
	if err != nil {
		return nil, err
	}
	day := today
	if date != "" {
		if day, err = dates.Parse(date); err != nil {
			return nil, usageErr("--date: %v", err)
		}
	}
	r, ref, err := f.RepoPair(arg)
	if err != nil {
		return nil, err
	}
	p := load.One(r, ref, load.Everything(today))
	if !p.PlanValid() {
		file := ref.PlanFile()
		probs := p.PlanProblems()
		if p.Plan == nil && len(probs) == 1 {
			return nil, &ExitError{ExitFindings, fmt.Errorf("%s: %s", file, probs[0].Message)}
		}
		output.Problems(f.IO.ErrOut, probs)
		return nil, &ExitError{ExitFindings, fmt.Errorf("%s has errors: fix them, then run this again", file)}
	}
	j := signals.Judge(p, r.Config, today)
	d := render.NewData(p, j, r.Config, today, day)
	return &pairFile{repo: r, pair: p, data: d}, nil
}

// write renders a template for the pair and writes it to name in the pair
// folder (or to standard output). The result must keep front matter any
// YAML reader takes; nothing is written otherwise.
// next, when set, is printed after a write on a terminal: what to do now.
func (pf *pairFile) write(f *Factory, tmpl, name string, toStdout, force bool, next string) error {
	out, err := render.Execute(pf.repo, tmpl, pf.data)
	if err != nil {
		return err
	}
	if err := checkFrontMatter(out); err != nil {
		_, file, _ := render.Source(pf.repo, tmpl)
		return &render.TemplateError{File: file, Err: fmt.Errorf("the file it makes has front matter mentor cannot read: %v", err)}
	}
	if toStdout {
		_, err := f.IO.Out.Write(out)
		return err
	}
	rel := pf.pair.File(name)
	if err := pf.repo.Write(rel, out, force); err != nil {
		if _, ok := err.(*repo.ExistsError); ok {
			return &ExitError{ExitFindings, fmt.Errorf("%s already exists: pass --force to replace it, or --stdout to see the new one", rel)}
		}
		return err
	}
	fmt.Fprintln(f.IO.Out, rel)
	if next != "" && f.IO.IsStdoutTTY() {
		fmt.Fprintln(f.IO.ErrOut, next)
	}
	return nil
}

func checkFrontMatter(out []byte) error {
	doc, ferr := frontmatter.Split(out)
	if ferr != nil {
		return ferr
	}
	if _, ferr := doc.Fields(); ferr != nil {
		return fmt.Errorf("line %d: %s", ferr.Line, ferr.Msg)
	}
	return nil
}
