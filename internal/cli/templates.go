package cli

import (
	"fmt"
	"io/fs"

	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/templates"
	"github.com/spf13/cobra"
)

// TemplatesOptions are the inputs of `mentor close templates`.
type TemplatesOptions struct {
	F     *Factory
	Names []string
}

func newTemplatesCmd(f *Factory, runF func(*TemplatesOptions) error) *cobra.Command {
	opts := &TemplatesOptions{F: f}
	c := &cobra.Command{
		Use:   "templates [NAME]...",
		Short: "Copy the built-in templates into .mentor/templates/ for editing",
		Long: `Templates copies the built-in templates into the repo's .mentor/templates/, where
they replace the built-in ones. It prints each file it writes. A template already
there is kept, never overwritten: delete it first to get the built-in one back.

` + setList(render.Templates) + `

The templates are Go text/template files; the README lists every field they receive.`,
		Example: `  mentor close templates
  mentor close templates agenda.md closure.md`,
		ValidArgs: render.Templates.Completions(),
		RunE: func(cmd *cobra.Command, args []string) error {
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
	for _, name := range names {
		data, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			return fmt.Errorf("no built-in template %s", name)
		}
		rel := render.OverrideDir + "/" + name
		if err := r.Write(rel, data, false); err != nil {
			if _, ok := err.(*repo.ExistsError); ok {
				fmt.Fprintf(f.IO.ErrOut, "kept %s: it is already there (delete it to copy the built-in one)\n", rel)
				continue
			}
			return err
		}
		fmt.Fprintln(f.IO.Out, rel)
	}
	return nil
}
