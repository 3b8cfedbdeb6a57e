package cli

import (
	"errors"
	"fmt"

	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/load"
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
	today, day, err := f.TodayAnd(date)
	if err != nil {
		return nil, err
	}
	r, ref, err := f.RepoPair(arg)
	if err != nil {
		return nil, err
	}
	p := load.One(r, ref, load.Everything(today))
	if err := planUsable(f, p); err != nil {
		return nil, err
	}
	// A closing pair is judged as if it were active: its signals still
	// propose the reason and frame an unplanned ending.
	j := signals.JudgeAsActive(p, r.Config, today)
	d := render.NewData(p, j, r.Config, today, day)
	return &pairFile{repo: r, pair: p, data: d}, nil
}

// render fills a template for the pair. The result must keep front matter
// any YAML reader takes; it is an error otherwise.
func (pf *pairFile) render(tmpl string) ([]byte, error) {
	out, err := render.Execute(pf.repo, tmpl, pf.data)
	if err != nil {
		return nil, err
	}
	if err := checkFrontMatter(out); err != nil {
		_, file, _ := render.Source(pf.repo, tmpl)
		return nil, &render.TemplateError{File: file, Err: fmt.Errorf("the file it makes has front matter mentor cannot read: %v", err)}
	}
	return out, nil
}

// fileOptions are how agenda and record write their file.
type fileOptions struct {
	Stdout bool
	Force  bool
	Write  writeFlags
}

func (o fileOptions) check() error {
	if o.Stdout && (o.Write.DryRun || o.Write.Commit) {
		return usageErr("--stdout writes nothing: it does not go with --dry-run or --commit")
	}
	return o.Write.check()
}

// write writes out to name in the pair folder (or to standard output):
// never over an existing file without --force, and with --force keeping the
// old file as FILE.bak when it holds a person's writing. It returns the file
// written, "" when none was.
func (pf *pairFile) write(f *Factory, name string, out []byte, opt fileOptions) (string, error) {
	if opt.Stdout {
		_, err := f.IO.Out.Write(out)
		return "", err
	}
	rel := pf.pair.File(name)
	w, err := edit.Write(pf.repo, rel, out, edit.WriteOptions{Force: opt.Force, DryRun: opt.Write.DryRun, Diff: f.IO.Out})
	if err != nil {
		var exists *repo.ExistsError
		if errors.As(err, &exists) {
			return "", &ExitError{ExitFindings, fmt.Errorf("%s already exists: pass --force to replace it (a finished one is kept as %s.bak), or --stdout to see the new one", rel, name)}
		}
		return "", err
	}
	if opt.Write.DryRun {
		return "", nil
	}
	if w.Backup != "" {
		fmt.Fprintf(f.IO.ErrOut, "kept the old %s as %s: it held your writing (no TODO left)\n", w.File, w.Backup)
	}
	fmt.Fprintln(f.IO.Out, w.File)
	return w.File, nil
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
