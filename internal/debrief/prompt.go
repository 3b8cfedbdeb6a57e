package debrief

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Outcome is what the pair chose on the review page.
type Outcome int

const (
	Write Outcome = iota // write the record, and sign it as answered
	Draft                // write what is answered; the rest stays TODO; nobody signs
	Stop                 // write nothing
)

// ErrStopped is a debrief stopped before the end (Ctrl-C, Esc, or "stop"
// on the review page): nothing is written.
var ErrStopped = errors.New("the debrief was stopped")

// EndOfInputError is standard input ending before the last answer.
type EndOfInputError struct {
	N     int    // the number of the question that got no answer; 0 for the review's
	Label string // that question
}

func (e *EndOfInputError) Error() string {
	if e.N == 0 {
		return "the input ended before the last answer (what to do with the record)"
	}
	return fmt.Sprintf("the input ended before the last answer (question %d: %s)", e.N, e.Label)
}

// Preview says what verify would find in the record the answers make, one
// line each; empty when it would pass.
type Preview func() []string

// prompter asks a debrief as plain numbered prompts, one answer a line,
// for screen readers and scripts.
type prompter struct {
	d   *Debrief
	in  *bufio.Reader
	out io.Writer
	AskOptions
	eof bool
}

// AskOptions say how Ask asks.
type AskOptions struct {
	Width   int     // wrap long lines at this width; 0: no wrapping
	Echo    bool    // print each answer read: the input is not a terminal, which would have shown it
	Preview Preview // what verify would find, for the review
}

// Ask asks the debrief's questions as numbered plain prompts on out and
// reads one answer a line from in: Enter keeps the answer shown in
// brackets, "-" clears it. Then it lists every answer for review, where
// any can be changed, and asks what to do with the record. The end of in
// before that last answer is an *EndOfInputError; nothing is to be
// written then.
func Ask(d *Debrief, in io.Reader, out io.Writer, o AskOptions) (Outcome, error) {
	p := &prompter{d: d, in: bufio.NewReader(in), out: out, AskOptions: o}
	p.say(fmt.Sprintf("The debrief of %s: %d steps, then a review of every answer before anything is written. "+
		"Press Enter to keep the answer shown in [brackets]; type - to clear it. The end of input stops the debrief and writes nothing.",
		d.Pair, len(d.Steps)))
	n := 0
	for i, s := range d.Steps {
		fmt.Fprintln(p.out)
		p.say(fmt.Sprintf("Step %d of %d: %s", i+1, len(d.Steps), s.Title))
		for _, l := range s.Lines {
			p.say("  " + l)
		}
		for _, f := range s.Fields {
			if !f.Shown(d.Answers) {
				continue
			}
			n++
			if err := p.ask(n, f); err != nil {
				return Stop, err
			}
		}
	}
	return p.review()
}

func (p *prompter) review() (Outcome, error) {
	for {
		fmt.Fprintln(p.out)
		p.say("Review: every answer")
		shown := p.d.Shown()
		for i, f := range shown {
			p.say(fmt.Sprintf("  %d. %s — %s", i+1, f.Label, strings.ReplaceAll(p.d.Display(f), "\n", " / ")))
		}
		if p.Preview != nil {
			if lines := p.Preview(); len(lines) == 0 {
				p.say("mentor close verify would pass the record.")
			} else {
				p.say("mentor close verify would still find:")
				for _, l := range lines {
					p.say("  - " + l)
				}
			}
		}
		write := "Write the record"
		if who := p.d.signerNames(); who != "" {
			write += " and sign it off (" + who + ")"
		}
		choices := []string{write, "Save it as a draft: what is not answered stays TODO, and nobody signs", "Change an answer", "Stop, and write nothing"}
		p.say("What now?")
		for i, c := range choices {
			p.say(fmt.Sprintf("  %d) %s", i+1, c))
		}
		k, err := p.choose(len(choices), 1)
		if err != nil {
			return Stop, err
		}
		switch k {
		case 1:
			return Write, nil
		case 2:
			return Draft, nil
		case 4:
			return Stop, ErrStopped
		}
		fmt.Fprintf(p.out, "Which answer, 1-%d? ", len(shown))
		for {
			line, err := p.line()
			if err != nil {
				return Stop, &EndOfInputError{}
			}
			i, err := strconv.Atoi(strings.TrimSpace(line))
			if err == nil && i >= 1 && i <= len(shown) {
				if err := p.ask(i, shown[i-1]); err != nil {
					return Stop, err
				}
				break
			}
			fmt.Fprintf(p.out, "Type a number from 1 to %d: ", len(shown))
		}
	}
}

// choose reads a number from 1 to n; Enter gives def.
func (p *prompter) choose(n, def int) (int, error) {
	fmt.Fprintf(p.out, "Choose 1-%d [%d]: ", n, def)
	for {
		line, err := p.line()
		if err != nil {
			return 0, &EndOfInputError{}
		}
		s := strings.TrimSpace(line)
		if s == "" {
			return def, nil
		}
		if k, err := strconv.Atoi(s); err == nil && k >= 1 && k <= n {
			return k, nil
		}
		fmt.Fprintf(p.out, "%q is not one of them: type a number from 1 to %d: ", s, n)
	}
}

func (p *prompter) ask(n int, f *Field) error {
	d := p.d
	head := fmt.Sprintf("%d. %s", n, f.Label)
	if f.Who != "" {
		head += " (" + f.Who + ")"
	}
	p.say(head)
	if f.Help != "" {
		p.say("   " + f.Help)
	}
	end := func() error { return &EndOfInputError{N: n, Label: f.Label} }
	cur := d.Answers[f.ID]
	switch f.Kind {
	case Choice:
		def := 0
		for i, c := range f.Choices {
			p.say(fmt.Sprintf("   %d) %s", i+1, c.Text))
			if c.Value == cur {
				def = i + 1
			}
		}
		if def == 0 {
			def = 1
		}
		fmt.Fprintf(p.out, "Choose 1-%d [%d]: ", len(f.Choices), def)
		for {
			line, err := p.line()
			if err != nil {
				return end()
			}
			s := strings.TrimSpace(line)
			if s == "" {
				d.Answers[f.ID] = f.Choices[def-1].Value
				return nil
			}
			if k, err := strconv.Atoi(s); err == nil && k >= 1 && k <= len(f.Choices) {
				d.Answers[f.ID] = f.Choices[k-1].Value
				return nil
			}
			for _, c := range f.Choices {
				if strings.EqualFold(s, c.Value) {
					d.Answers[f.ID] = c.Value
					return nil
				}
			}
			fmt.Fprintf(p.out, "%q is not one of them: type a number from 1 to %d: ", s, len(f.Choices))
		}
	case List:
		p.say("   One a line; an empty line ends the list.")
		if cur != "" {
			p.say("   [" + strings.ReplaceAll(cur, "\n", "; ") + "] Enter keeps them; - clears them.")
		}
		var items []string
		for i := 1; ; i++ {
			fmt.Fprintf(p.out, "%d> ", i)
			line, err := p.line()
			if err != nil {
				return end()
			}
			s := strings.TrimSpace(line)
			switch {
			case s == "" && i == 1:
				return nil // keeps what there was
			case s == "-" && i == 1:
				d.Answers[f.ID] = ""
				return nil
			case s == "":
				d.Set(f, strings.Join(items, "\n"))
				return nil
			}
			items = append(items, s)
		}
	}
	if cur != "" {
		p.say("   [" + strings.ReplaceAll(cur, "\n", " / ") + "]")
	}
	fmt.Fprint(p.out, "> ")
	for {
		line, err := p.line()
		if err != nil {
			return end()
		}
		s := strings.TrimSpace(line)
		switch {
		case s == "":
			return nil
		case s == "-":
			d.Answers[f.ID] = ""
			return nil
		}
		if f.Check != nil {
			if err := f.Check(s); err != nil {
				fmt.Fprintf(p.out, "%v: ", err)
				continue
			}
		}
		d.Set(f, s)
		return nil
	}
}

// line reads one line; the last line of an input without a final newline
// counts, and then the input has ended.
func (p *prompter) line() (string, error) {
	if p.eof {
		return "", io.EOF
	}
	s, err := p.in.ReadString('\n')
	if err != nil {
		p.eof = true
		if s == "" {
			fmt.Fprintln(p.out)
			return "", io.EOF
		}
	}
	s = strings.TrimRight(s, "\r\n")
	if p.Echo {
		fmt.Fprintln(p.out, s)
	}
	return s, nil
}

// say prints a line, wrapped to the width.
func (p *prompter) say(s string) {
	for _, l := range Wrap(s, p.Width) {
		fmt.Fprintln(p.out, l)
	}
}

// Wrap cuts s into lines of at most width characters at spaces, keeping
// the indentation of s on every line; width 0 does not wrap.
func Wrap(s string, width int) []string {
	if width <= 0 || len([]rune(s)) <= width {
		return []string{s}
	}
	indent := s[:len(s)-len(strings.TrimLeft(s, " "))]
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = indent + w
		case len([]rune(line))+1+len([]rune(w)) > width:
			out = append(out, line)
			line = indent + "  " + w
		default:
			line += " " + w
		}
	}
	return append(out, line)
}

// signerNames says who signs on Write: "Ada Lovelace and Grace Hopper".
func (d *Debrief) signerNames() string {
	names := map[string]string{"mentor": d.data.Mentor, "mentee": d.data.Mentee, "program": "the programme"}
	var out []string
	for _, s := range d.Signers() {
		if d.signed.Signed(s).IsZero() {
			out = append(out, names[s])
		}
	}
	return strings.Join(out, " and ")
}
