package debrief

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// FormOptions say where the full-screen form runs.
type FormOptions struct {
	In      io.Reader
	Out     io.Writer
	Color   bool // false: no colour at all (NO_COLOR, a dumb terminal)
	Preview Preview
}

// The values of the review page's last question.
const (
	writeValue = "write"
	draftValue = "draft"
	stopValue  = "stop"
)

// Form is the full-screen form of a debrief, built with huh: a page (a
// huh group) for each step, with the step's number and title and what
// mentor knows at the top, a field for each question bound to the
// debrief's answers, and a review page that shows every answer and what
// verify would still find. Ctrl-C and Esc stop it; Ctrl-S saves a draft
// from any page.
type Form struct {
	d      *Debrief
	form   *huh.Form
	vals   map[string]*string
	choice string
	draft  bool
}

// NewForm builds the form of a debrief.
func NewForm(d *Debrief, o FormOptions) *Form {
	m := &Form{d: d, vals: map[string]*string{}, choice: writeValue}
	for _, f := range d.Fields() {
		v := d.Answers[f.ID]
		m.vals[f.ID] = &v
	}
	theme := huh.ThemeCharm()
	if !o.Color {
		theme = huh.ThemeBase()
	}
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("ctrl+c", "esc"), key.WithHelp("esc", "stop"))
	km.Select.Filter = key.NewBinding() // no filter: Esc stops, it does not clear one

	var groups []*huh.Group
	total := len(d.Steps)
	for i, s := range d.Steps {
		var fields []huh.Field
		for _, f := range s.Fields {
			fields = append(fields, m.field(f))
		}
		if len(fields) == 0 {
			fields = append(fields, huh.NewNote().Title("Nothing to answer here.").Description("Press Enter to go on."))
		}
		g := huh.NewGroup(fields...).Title(fmt.Sprintf("Step %d of %d · %s", i+1, total, s.Title))
		if len(s.Lines) > 0 {
			g = g.Description(noteText(strings.Join(s.Lines, "\n")))
		}
		step := s
		g = g.WithHideFunc(func() bool {
			m.sync()
			if len(step.Fields) == 0 {
				return false
			}
			for _, f := range step.Fields {
				if f.Shown(m.d.Answers) {
					return false
				}
			}
			return true
		})
		groups = append(groups, g)
	}
	review := &reviewField{text: func() string { m.sync(); return m.reviewText(o.Preview) }}
	what := huh.NewSelect[string]().Title("What now?").
		DescriptionFunc(func() string {
			m.sync()
			if who := m.d.signerNames(); who != "" {
				return "Writing it signs it off for " + who + ". Shift+Tab goes back to change an answer."
			}
			return "Shift+Tab goes back to change an answer."
		}, m.vals).
		Options(
			huh.NewOption("Write the record", writeValue),
			huh.NewOption("Save it as a draft: what is not answered stays TODO, and nobody signs", draftValue),
			huh.NewOption("Stop, and write nothing", stopValue),
		).Value(&m.choice)
	groups = append(groups, huh.NewGroup(review, what))
	m.form = huh.NewForm(groups...).WithTheme(theme).WithKeyMap(km).WithShowHelp(true)
	m.form.SubmitCmd, m.form.CancelCmd = tea.Quit, tea.Quit
	return m
}

func (m *Form) field(f *Field) huh.Field {
	desc := f.Who
	if f.Help != "" {
		if desc != "" {
			desc += ". "
		}
		desc += f.Help
	}
	switch f.Kind {
	case Choice:
		var opts []huh.Option[string]
		for _, c := range f.Choices {
			opts = append(opts, huh.NewOption(c.Text, c.Value))
		}
		return huh.NewSelect[string]().Key(f.ID).Title(f.Label).Description(desc).Options(opts...).Value(m.vals[f.ID])
	case Line:
		in := huh.NewInput().Key(f.ID).Title(f.Label).Description(desc).Value(m.vals[f.ID])
		if f.Check != nil {
			in = in.Validate(f.Check)
		}
		return in
	case List:
		return huh.NewText().Key(f.ID).Title(f.Label).Description(desc + " Alt+Enter or Ctrl+J starts the next line.").
			Value(m.vals[f.ID]).Lines(3).CharLimit(4000).ExternalEditor(false)
	}
	return huh.NewText().Key(f.ID).Title(f.Label).Description(desc).Value(m.vals[f.ID]).Lines(3).CharLimit(4000).ExternalEditor(false)
}

// sync copies the form's values into the debrief's answers.
func (m *Form) sync() {
	for _, f := range m.d.Fields() {
		m.d.Answers[f.ID] = Normalize(f, *m.vals[f.ID])
	}
}

// reviewText is every answer, step by step, and what verify would find.
func (m *Form) reviewText(preview Preview) string {
	var b strings.Builder
	n := 0
	for _, s := range m.d.Steps {
		var lines []string
		for _, f := range s.Fields {
			if !f.Shown(m.d.Answers) {
				continue
			}
			n++
			lines = append(lines, fmt.Sprintf("%d. %s\n   %s", n, f.Label, strings.ReplaceAll(m.d.Display(f), "\n", "\n   ")))
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s\n%s\n\n", strings.ToUpper(s.Title[:1])+s.Title[1:], strings.Join(lines, "\n"))
	}
	if preview != nil {
		if lines := preview(); len(lines) == 0 {
			b.WriteString("mentor close verify would pass the record.\n")
		} else {
			b.WriteString("mentor close verify would still find:\n")
			for _, l := range lines {
				b.WriteString("- " + l + "\n")
			}
		}
	}
	return b.String()
}

// Init, Update and View make the form a Bubble Tea model: huh's form,
// with Ctrl-S to save a draft from any page.
func (m *Form) Init() tea.Cmd { return m.form.Init() }

func (m *Form) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "ctrl+s" {
		m.draft = true
		return m, tea.Quit
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste {
		// Runes that arrive in one read (fast typing, a paste without
		// bracketed paste) come as one message, and huh would read
		// "up", "down", "left" or "right" typed in an answer as that key.
		var cmds []tea.Cmd
		for _, r := range k.Runes {
			_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: k.Alt})
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)
	}
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		// Room for the line of keys below the form, and for the blank
		// line huh puts above its help that its height leaves out.
		ws.Height = max(ws.Height-3, 8)
		msg = ws
	}
	f, cmd := m.form.Update(msg)
	m.form = f.(*huh.Form)
	m.sync()
	return m, cmd
}

func (m *Form) View() string {
	if m.draft || m.form.State != huh.StateNormal {
		return ""
	}
	return m.form.View() + "\n" + lipgloss.NewStyle().Faint(true).Render("ctrl+s save a draft · esc stop, writing nothing")
}

// Outcome is what the pair chose, once the form has run.
func (m *Form) Outcome() (Outcome, error) {
	m.sync()
	switch {
	case m.draft:
		return Draft, nil
	case m.form.State == huh.StateAborted:
		return Stop, ErrStopped
	case m.form.State != huh.StateCompleted:
		return Stop, ErrStopped
	case m.choice == draftValue:
		return Draft, nil
	case m.choice == stopValue:
		return Stop, ErrStopped
	}
	return Write, nil
}

// RunForm runs the debrief's form on a terminal (the alternate screen,
// restored after) and returns what the pair chose.
func RunForm(d *Debrief, o FormOptions) (Outcome, error) {
	if !o.Color {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	m := NewForm(d, o)
	_, err := tea.NewProgram(m, tea.WithInput(o.In), tea.WithOutput(o.Out), tea.WithAltScreen()).Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return Stop, fmt.Errorf("the terminal form failed: %v", err)
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return Stop, ErrStopped
	}
	return m.Outcome()
}

// noteText keeps huh from reading a person's words as emphasis.
func noteText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "_", `\_`, "*", `\*`, "`", "\\`").Replace(s)
}

// reviewField is the review page: every answer in a pager that takes the
// page while it has the focus, then the last question below it.
type reviewField struct {
	text    func() string
	raw     string // the text as it was when the page got the focus
	vp      viewport.Model
	focused bool
	width   int
	height  int
}

var (
	reviewScroll = key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"), key.WithHelp("↑/↓/pgup/pgdn/home/end", "scroll"))
	reviewTop    = key.NewBinding(key.WithKeys("home", "g"))
	reviewBottom = key.NewBinding(key.WithKeys("end", "G"))
	reviewNext   = key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "next"))
	reviewBack   = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back"))
)

func (r *reviewField) refresh() {
	w := max(r.width, 20)
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(r.raw, "\n"), "\n") {
		indent := l[:len(l)-len(strings.TrimLeft(l, " "))]
		for _, x := range Wrap(l, w) {
			if !strings.HasPrefix(x, indent) {
				x = indent + x
			}
			lines = append(lines, x)
		}
	}
	r.vp.Width = w
	r.vp.Height = max(r.height-3, 3)
	r.vp.SetContent(strings.Join(lines, "\n"))
}

func (r *reviewField) Init() tea.Cmd { return nil }

func (r *reviewField) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !r.focused {
		return r, nil
	}
	switch {
	case key.Matches(k, reviewBack):
		return r, huh.PrevField
	case key.Matches(k, reviewNext):
		return r, huh.NextField
	case key.Matches(k, reviewTop):
		r.vp.GotoTop()
		return r, nil
	case key.Matches(k, reviewBottom):
		r.vp.GotoBottom()
		return r, nil
	}
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return r, cmd
}

func (r *reviewField) View() string {
	if !r.focused {
		return "Review: every answer (Shift+Tab to read it again)"
	}
	return lipgloss.NewStyle().Bold(true).Render("Review · every answer, before anything is written") +
		fmt.Sprintf(" (%d%%)\n", int(r.vp.ScrollPercent()*100)) + r.vp.View()
}

func (r *reviewField) Focus() tea.Cmd {
	r.focused = true
	r.raw = r.text()
	r.refresh()
	r.vp.GotoTop()
	return nil
}

func (r *reviewField) Blur() tea.Cmd                            { r.focused = false; return nil }
func (r *reviewField) Error() error                             { return nil }
func (r *reviewField) Run() error                               { return errors.New("the review runs in a form") }
func (r *reviewField) RunAccessible(io.Writer, io.Reader) error { return nil }
func (r *reviewField) Skip() bool                               { return false }
func (r *reviewField) Zoom() bool                               { return r.focused }
func (r *reviewField) KeyBinds() []key.Binding {
	return []key.Binding{reviewScroll, reviewNext, reviewBack}
}
func (r *reviewField) WithTheme(*huh.Theme) huh.Field           { return r }
func (r *reviewField) WithAccessible(bool) huh.Field            { return r }
func (r *reviewField) WithKeyMap(*huh.KeyMap) huh.Field         { return r }
func (r *reviewField) WithPosition(huh.FieldPosition) huh.Field { return r }
func (r *reviewField) GetKey() string                           { return "review" }
func (r *reviewField) GetValue() any                            { return nil }

func (r *reviewField) WithWidth(w int) huh.Field {
	r.width = w
	r.refresh()
	return r
}

func (r *reviewField) WithHeight(h int) huh.Field {
	r.height = h
	r.refresh()
	return r
}
