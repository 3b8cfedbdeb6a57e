package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/interrupt"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/note"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/spf13/cobra"
)

// NoteOptions are the inputs of `mentor close note`.
type NoteOptions struct {
	F       *Factory
	Pair    string
	As      string
	Date    string
	Text    string
	HasText bool // -m was given
	Write   writeFlags
	// Final makes the note the side's final reflection before the debrief
	// (kind: final-reflection).
	Final bool

	// Edit lets the user write the text in an editor, in the file at path.
	Edit func(editor, path string) error
}

func newNoteCmd(f *Factory, runF func(*NoteOptions) error) *cobra.Command {
	opts := &NoteOptions{F: f, Edit: runEditor(f)}
	c := &cobra.Command{
		Use:   "note PAIR --as mentor|mentee",
		Short: "Write a dated reflection note for a pair",
		Long: `Note writes a reflection note, <pair>/notes/YYYY-MM-DD-<role>.md, with front
matter (date, author, pair) and the text: from -m, else from standard input when it
is not a terminal (a pipe, a file, /dev/null), else written in an editor: $VISUAL,
else $EDITOR, else vi. The editor opens a file inside the pair folder, hidden, that
starts with a comment of prompts; the comment is left out of the note, and the
file is removed when the editor closes (or mentor is interrupted).

An empty note is not written: quitting the editor without writing, or with an
error, and empty standard input exit 1; an empty -m is a usage error (exit 2).
A second note by the same side on the same day is written as
YYYY-MM-DD-<role>-2.md, and so on: a note is never overwritten.

With --final the note is the side's final reflection before the debrief
(kind: final-reflection in its front matter): the agenda links it, and with
closure.require_final_reflection set, verify requires one before a closure
record passes.

The note is laid out by the note.md template (.mentor/templates/note.md replaces
the built-in one). With --commit the note, and only the note, is committed to git.`,
		Example: `  mentor close note ada-lovelace--grace-hopper --as mentee -m "The design review went better than I feared."
  echo "We should meet weekly until the talk." | mentor close note ada-lovelace--grace-hopper --as mentor
  mentor close note ada-lovelace--grace-hopper --as mentee --commit   # opens $EDITOR
  mentor close note ada-lovelace--grace-hopper --as mentor --final -m "Time to stop: Grace leads reviews alone now."`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			opts.HasText = cmd.Flags().Changed("message")
			if err := opts.Write.check(); err != nil {
				return err
			}
			if opts.HasText && strings.TrimSpace(opts.Text) == "" {
				return usageErr("-m is empty: give the note's text, or leave out -m to write it in an editor")
			}
			if opts.As != "mentor" && opts.As != "mentee" {
				if opts.As == "" {
					return usageErr("--as is required: say who writes the note, --as mentor or --as mentee")
				}
				return usageErr("--as %q: say who writes the note, mentor or mentee", opts.As)
			}
			if opts.Date != "" {
				if _, err := dates.Parse(opts.Date); err != nil {
					return usageErr("--date: %v", err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return noteRun(opts)
		},
	}
	fl := c.Flags()
	enumFlag(c, &opts.As, "as", "", "", "who writes the note, a `SIDE`", sides)
	dateFlag(c, &opts.Date, "date", "the note's day", "today")
	fl.StringVarP(&opts.Text, "message", "m", "", "the note's `TEXT` (Markdown)")
	fl.BoolVar(&opts.Final, "final", false, "write the final reflection before the debrief (kind: final-reflection)")
	freeText(c, "message")
	addWriteFlags(c, f, &opts.Write, "the note")
	return c
}

func noteRun(opts *NoteOptions) error {
	f := opts.F
	today, date, err := f.TodayAnd(opts.Date)
	if err != nil {
		return err
	}
	r, ref, err := f.RepoPair(opts.Pair)
	if err != nil {
		return err
	}
	if opts.Write.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	d := render.Defaults()
	if p := load.One(r, ref, load.Everything(today)); p.Plan != nil {
		// The note is the writer's own text: a plan with problems still
		// gets it, with what could be read of the plan.
		d = render.NewData(p, signals.Judge(p, r.Config, today), r.Config, today, date)
	}
	d.ID, d.Pair, d.Dir, d.Today, d.Date = ref.ID, ref.ID, ref.Dir, today, date
	d.Role, d.Author = opts.As, opts.As
	if opts.Final {
		d.NoteKind = note.FinalReflection
	}
	// Try the template before asking for the text, so that nothing the
	// writer typed is lost to a broken template.
	d.Text = "TEXT"
	if _, err := renderNote(r, d); err != nil {
		return err
	}
	text, err := opts.text(r, ref, date)
	if err != nil {
		return err
	}
	d.Text = text
	out, err := renderNote(r, d)
	if err != nil {
		return err
	}

	base := fmt.Sprintf("%s/notes/%s-%s", ref.Dir, date, opts.As)
	if opts.Write.DryRun {
		file := base + ".md"
		for n := 2; n <= 1000; n++ {
			if _, err := r.Lstat(file); err != nil {
				break
			}
			file = fmt.Sprintf("%s-%d.md", base, n)
		}
		_, err := io.WriteString(f.IO.Out, edit.Diff(file, nil, out))
		return err
	}
	if err := r.MkdirAll(ref.File("notes")); err != nil {
		return err
	}
	unlock, err := r.Lock(base + ".md")
	if err != nil {
		return err
	}
	defer unlock()
	file, err := writeNew(r, base, out)
	if err != nil {
		return err
	}
	if opts.Write.Commit {
		if err := gitCommit(r, []string{file}, fmt.Sprintf("mentor: add %s %s note for %s", date, opts.As, ref.ID)); err != nil {
			return err
		}
	}
	fmt.Fprintln(f.IO.Out, file)
	return nil
}

// writeNew writes base.md, or base-2.md, base-3.md… when it exists; it never
// replaces a file.
func writeNew(r *repo.Repo, base string, data []byte) (string, error) {
	for n := 1; n <= 1000; n++ {
		file := base + ".md"
		if n > 1 {
			file = fmt.Sprintf("%s-%d.md", base, n)
		}
		err := r.Write(file, data, false)
		var exists *repo.ExistsError
		if errors.As(err, &exists) {
			continue
		}
		return file, err
	}
	return "", &ExitError{ExitFindings, fmt.Errorf("%s.md and a thousand more notes of that day exist already; nothing was written", base)}
}

// renderNote fills the note template and checks that the note it makes has
// the front matter check and the agenda read: date, author and pair, and
// for a final reflection the kind that verify looks for.
func renderNote(r *repo.Repo, d render.Data) ([]byte, error) {
	src, file, err := render.Source(r, "note.md")
	if err != nil {
		return nil, err
	}
	out, err := render.ExecuteText(file, src, d)
	if err != nil {
		return nil, err
	}
	doc, ferr := frontmatter.Split(out)
	if ferr != nil {
		return nil, &render.TemplateError{File: file, Err: fmt.Errorf("the note it makes has no front matter: %s", ferr.Msg)}
	}
	fields, ferr := doc.Fields()
	if ferr != nil {
		return nil, &render.TemplateError{File: file, Err: fmt.Errorf("the note's front matter cannot be read: %s", ferr.Msg)}
	}
	want := map[string]string{"date": d.Date.String(), "author": d.Author, "pair": d.ID}
	keys := []string{"date", "author", "pair"}
	if d.NoteKind != "" {
		want["kind"] = d.NoteKind
		keys = append(keys, "kind")
	}
	for _, fl := range fields {
		if w, ok := want[fl.Key]; ok {
			if s, _ := fl.Scalar(); strings.TrimSpace(s) == w {
				delete(want, fl.Key)
			}
		}
	}
	for _, k := range keys {
		if w, ok := want[k]; ok {
			return nil, &render.TemplateError{File: file, Err: fmt.Errorf("the note's front matter must say %s: %s", k, w)}
		}
	}
	return out, nil
}

// text gets the note's text: -m, else standard input when it is not a
// terminal, else an editor on a terminal.
func (opts *NoteOptions) text(r *repo.Repo, ref pair.Ref, date dates.Date) (string, error) {
	ios := opts.F.IO
	var text string
	switch {
	case opts.HasText:
		text = opts.Text
	case !ios.IsStdinTTY():
		b, err := io.ReadAll(io.LimitReader(ios.In, repo.MaxFileSize+1))
		if err != nil {
			return "", usageErr("cannot read the note from standard input: %v", err)
		}
		if len(b) > repo.MaxFileSize {
			return "", usageErr("the note on standard input is over 1 MiB; nothing was written")
		}
		if strings.TrimSpace(string(b)) == "" {
			return "", &ExitError{ExitFindings, fmt.Errorf("standard input held no text: the note is empty; nothing was written (pass -m TEXT, or run on a terminal to write it in an editor)")}
		}
		text = string(b)
	default:
		var err error
		if text, err = opts.edit(r, ref, date); err != nil {
			return "", err
		}
	}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if text == "" {
		return "", &ExitError{ExitFindings, fmt.Errorf("the note is empty; nothing was written")}
	}
	if p := repo.CheckText([]byte(text)); p != "" {
		return "", usageErr("the note is %s; nothing was written", p)
	}
	return text, nil
}

// editor is the editor to write in: $VISUAL, else $EDITOR, else vi.
func editor(getenv func(string) string) string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(getenv(v)); e != "" {
			return e
		}
	}
	return "vi"
}

// promptMark opens the comment of prompts in the editor's buffer; the
// whole comment is left out of the note.
const promptMark = "<!-- mentor:"

// notePrompts is what the buffer starts with.
func notePrompts(side, id string, date dates.Date) string {
	return promptMark + ` write the ` + side + `'s reflection on ` + id + ` for ` + date.String() + `.
  This comment is left out of the note. Save and quit to write the note;
  quit without saving (or save it empty) to write nothing.

  - What went well since the last note?
  - What was hard, and what helped?
  - What do you want from the next meetings?
-->

`
}

// stripPrompts removes the comments of prompts mentor put in the buffer,
// wherever the writer left them.
func stripPrompts(s string) string {
	for {
		i := strings.Index(s, promptMark)
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], "-->")
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+j+3:]
	}
}

// edit has the writer write the note in an editor. The buffer is a hidden
// file in the pair folder — nothing outside the repo is written — removed
// when the editor closes, and on an interrupt.
func (opts *NoteOptions) edit(r *repo.Repo, ref pair.Ref, date dates.Date) (string, error) {
	ed := editor(opts.F.Getenv)
	prompts := notePrompts(opts.As, ref.ID, date)
	var buf string
	for n := 0; ; n++ {
		buf = fmt.Sprintf("%s/.note-%s-%s.%d.md", ref.Dir, date, opts.As, os.Getpid()+n)
		err := r.Write(buf, []byte(prompts), false)
		if err == nil {
			break
		}
		var exists *repo.ExistsError
		if !errors.As(err, &exists) || n > 100 {
			return "", err
		}
	}
	remove := func() { _ = r.Remove(buf) }
	unregister := interrupt.Register(remove)
	defer func() { unregister(); remove() }()

	restore := interrupt.IgnoreInterrupts()
	err := opts.Edit(ed, r.Abs(buf))
	restore()
	var notFound *exec.Error
	switch {
	case errors.As(err, &notFound):
		return "", usageErr("cannot start the editor %q (%v): set $VISUAL or $EDITOR to one that is installed, or pass -m TEXT", ed, notFound.Err)
	case err != nil:
		return "", &ExitError{ExitFindings, fmt.Errorf("the editor %q ended with %v: the edit was aborted; nothing was written", ed, err)}
	}
	b, prob := r.Read(buf)
	if prob != nil {
		return "", &ExitError{ExitFindings, fmt.Errorf("cannot read the note back from the editor: %s; nothing was written", prob.Problem.Message)}
	}
	text := stripPrompts(string(b))
	if strings.TrimSpace(text) == "" {
		return "", &ExitError{ExitFindings, fmt.Errorf("the note was left empty in the editor: the edit was aborted; nothing was written")}
	}
	return text, nil
}

// runEditor runs the editor (which may hold arguments, such as "code
// --wait") on a file, attached to the terminal.
func runEditor(f *Factory) func(editor, path string) error {
	return func(editor, path string) error {
		args := strings.Fields(editor)
		cmd := exec.Command(args[0], append(args[1:], path)...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = f.IO.In, f.IO.Out, f.IO.ErrOut
		return cmd.Run()
	}
}
