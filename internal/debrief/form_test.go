package debrief

import (
	"reflect"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// drive sends key messages to the form as Bubble Tea would, running the
// commands they return (but not tea.Quit), and says whether it quit.
func drive(m *Form, keys ...tea.KeyMsg) (quit bool) {
	var run func(cmd tea.Cmd)
	depth := 0
	run = func(cmd tea.Cmd) {
		if cmd == nil || quit || depth > 50 {
			return
		}
		depth++
		defer func() { depth-- }()
		// A command that waits (a cursor's blink) is not run.
		got := make(chan tea.Msg, 1)
		go func() { got <- cmd() }()
		var msg tea.Msg
		select {
		case msg = <-got:
		case <-time.After(20 * time.Millisecond):
			return
		}
		switch msg := msg.(type) {
		case tea.QuitMsg:
			quit = true
			return
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
			return
		case nil:
			return
		}
		if rv := reflect.ValueOf(msg); rv.Kind() == reflect.Slice && rv.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := 0; i < rv.Len(); i++ { // tea.Sequence, whose type is not exported
				run(rv.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		_, next := m.Update(msg)
		run(next)
	}
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 60, Height: 30})
	run(cmd)
	run(m.Init())
	for _, k := range keys {
		if quit {
			break
		}
		_, cmd := m.Update(k)
		run(cmd)
	}
	return quit
}

func press(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func TestFormTypesIntoTheAnswers(t *testing.T) {
	d := New(Input{Data: testData(t), Today: today})
	m := NewForm(d, FormOptions{})
	drive(m, press("enter"), press("The talk."), press("ctrl+s")) // past the ground rules, then the first question
	out, err := m.Outcome()
	if err != nil || out != Draft {
		t.Fatalf("outcome %v, %v; want a draft", out, err)
	}
	first := d.Fields()[0]
	if got := d.Answers[first.ID]; got != "The talk." {
		t.Errorf("%s = %q", first.ID, got)
	}
}

func TestFormStops(t *testing.T) {
	for _, k := range []string{"esc", "ctrl+c"} {
		d := New(Input{Data: testData(t), Today: today})
		m := NewForm(d, FormOptions{})
		if !drive(m, press("Half an answer"), press(k)) {
			t.Fatalf("%s: the form did not end", k)
		}
		if out, err := m.Outcome(); err != ErrStopped || out != Stop {
			t.Errorf("%s: outcome %v, %v; want stopped", k, out, err)
		}
	}
}

// Runes that arrive together are typed one by one: "came up" is not
// "came" and the up arrow.
func TestFormRunesTogether(t *testing.T) {
	d := New(Input{Data: testData(t), Today: today})
	m := NewForm(d, FormOptions{})
	drive(m, press("enter"), press("came up in the team"), press("ctrl+s"))
	if got := d.Answers[d.Fields()[0].ID]; got != "came up in the team" {
		t.Errorf("answer %q", got)
	}
}
