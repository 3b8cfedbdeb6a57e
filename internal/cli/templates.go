package cli

import (
	"fmt"
	"io"
	"io/fs"

	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/templates"
	"github.com/spf13/cobra"
)

// TemplatesOptions are the inputs of `mentor close templates`.
type TemplatesOptions struct {
	F     *Factory
	Names []string
	Write writeFlags
}

func newTemplatesCmd(f *Factory, runF func(*TemplatesOptions) error) *cobra.Command {
	opts := &TemplatesOptions{F: f}
	c := &cobra.Command{
		Use:   "templates [NAME]...",
		Short: "Copy the built-in templates into .mentor/templates/ for editing",
		Long: `Templates copies the built-in templates into the repo's .mentor/templates/, where
they replace the built-in ones. It prints each file it writes. A template already
there is kept, never overwritten: delete it first to get the built-in one back.
Keeping one is a refused overwrite, as for every command: templates copies the
others, says which it kept, and exits 1.

` + setList(render.Templates) + `

The templates are Go text/template files; docs/templates.md lists every field and
function they receive.`,
		Example: `  mentor close templates
  mentor close templates agenda.md closure.md --commit`,
		ValidArgs: render.Templates.Completions(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Write.check(); err != nil {
				return err
			}
			for _, a := range args {
				if !render.Templates.Has(a) {
					return usageErr("unknown template %q: the templates are %s", a, render.Templates)
				}
			}
			opts.Names = args
			if runF != nil {
				return runF(opts)
			}
			return templatesRun(opts)
		},
	}
	addWriteFlags(c, f, &opts.Write, "the templates")
	return c
}

func templatesRun(opts *TemplatesOptions) error {
	f := opts.F
	r, _, err := f.Repo()
	if err != nil {
		return err
	}
	names := opts.Names
	if len(names) == 0 {
		names = render.Names
	}
	if opts.Write.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	var written, kept []string
	for _, name := range names {
		data, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			return fmt.Errorf("no built-in template %s", name)
		}
		rel := render.OverrideDir + "/" + name
		if _, err := r.Lstat(rel); err == nil {
			kept = append(kept, rel)
			continue
		}
		if opts.Write.DryRun {
			if _, err := io.WriteString(f.IO.Out, edit.Diff(rel, nil, data)); err != nil {
				return err
			}
			continue
		}
		if err := r.Write(rel, data, false); err != nil {
			if _, ok := err.(*repo.ExistsError); ok {
				kept = append(kept, rel)
				continue
			}
			return err
		}
		written = append(written, rel)
		fmt.Fprintln(f.IO.Out, rel)
	}
	if opts.Write.Commit && len(written) > 0 {
		if err := gitCommit(r, written, "mentor: copy the built-in templates for editing"); err != nil {
			return err
		}
	}
	for _, rel := range kept {
		fmt.Fprintf(f.IO.ErrOut, "kept %s: it is already there (delete it to copy the built-in one)\n", rel)
	}
	if len(kept) > 0 {
		return silentExit(ExitFindings)
	}
	return nil
}
