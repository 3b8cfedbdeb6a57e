package render

import (
	"errors"
	"fmt"
	"runtime/metrics"
	"strings"
	ttemplate "text/template"
	"text/template/parse"
	"time"
	"unicode/utf8"
)

// Limits bound what one template may do (SPEC: 1 MiB of output, 5 s). A
// template past them is an error that names it, and nothing is written.
type Limits struct {
	Output int           // bytes of output, and of any one string it builds
	Time   time.Duration // from the start of the run
	Memory uint64        // heap the run may grow by
}

// DefaultLimits are the limits of every template run.
var DefaultLimits = Limits{Output: 1 << 20, Time: 5 * time.Second, Memory: 256 << 20}

// limits is what runs use; tests lower it.
var limits = DefaultLimits

// LimitError is a template run stopped at one of its limits.
type LimitError struct{ What string }

func (e *LimitError) Error() string { return e.What }

// run is the state of one template execution that its limits need.
type run struct {
	lim      Limits
	deadline time.Time
	heap0    uint64
	heapAt   time.Time // when the heap was last read
	sample   []metrics.Sample
}

func newRun(lim Limits) *run {
	r := &run{lim: lim, deadline: time.Now().Add(lim.Time),
		sample: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}
	r.heap0, r.heapAt = r.heap(), time.Now()
	return r
}

func (r *run) heap() uint64 {
	metrics.Read(r.sample)
	if r.sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return r.sample[0].Value.Uint64()
}

// tickFunc is the function the run calls at the start of every loop
// iteration and every template it enters, to stop at its limits.
const tickFunc = "mentorLimits"

// tick checks the clock, and the heap once a millisecond has passed since
// it last did (reading it costs more than the clock; in a millisecond a
// template cannot allocate more than a few MiB).
func (r *run) tick() (string, error) {
	now := time.Now()
	if now.After(r.deadline) {
		return "", &LimitError{fmt.Sprintf("it ran for more than %s", r.lim.Time)}
	}
	if now.Sub(r.heapAt) >= time.Millisecond {
		r.heapAt = now
		if h := r.heap(); h > r.heap0 && h-r.heap0 > r.lim.Memory {
			return "", &LimitError{fmt.Sprintf("it used more than %d MiB of memory", r.lim.Memory>>20)}
		}
	}
	return "", nil
}

func (r *run) tooLong(n int) error {
	return &LimitError{fmt.Sprintf("it made a text of %d bytes or more, over the %s limit", n, size(r.lim.Output))}
}

func size(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// funcs are the run's tick and, in place of the functions that build
// strings (text/template's print, printf, println, html, js, urlquery and
// mentor's own), versions that refuse to build one past the output limit
// before they allocate it: a template cannot fill memory by doubling a
// string in a loop.
func (r *run) funcs() ttemplate.FuncMap {
	out := r.lim.Output
	fm := ttemplate.FuncMap{
		tickFunc: r.tick,
		"print": func(args ...any) (string, error) {
			if n := argsLen(args, out); n > out {
				return "", r.tooLong(n)
			}
			return fmt.Sprint(args...), nil
		},
		"println": func(args ...any) (string, error) {
			if n := argsLen(args, out) + len(args); n > out {
				return "", r.tooLong(n)
			}
			return fmt.Sprintln(args...), nil
		},
		"printf": func(format string, args ...any) (string, error) {
			if n := printfBound(format, args, out); n > out {
				return "", r.tooLong(n)
			}
			return fmt.Sprintf(format, args...), nil
		},
		"html":     r.escaper(ttemplate.HTMLEscaper),
		"js":       r.escaper(ttemplate.JSEscaper),
		"urlquery": r.escaper(ttemplate.URLQueryEscaper),
		"join": func(elems []string, sep string) (string, error) {
			n := len(sep) * max(len(elems)-1, 0)
			for _, e := range elems {
				n += len(e)
			}
			if n > out {
				return "", r.tooLong(n)
			}
			return strings.Join(elems, sep), nil
		},
	}
	// Mentor's functions of one string, whose result is at most a few
	// times its argument: check what they made.
	for name, f := range map[string]func(string) string{"lower": strings.ToLower, "upper": strings.ToUpper} {
		fm[name] = func(s string) (string, error) { return r.checked(f(s)) }
	}
	if f, ok := Funcs["title"].(func(string) string); ok {
		fm["title"] = func(s string) (string, error) { return r.checked(f(s)) }
	}
	fm["yaml"] = func(v any) (string, error) {
		if n := argsLen([]any{v}, out); n > out {
			return "", r.tooLong(n)
		}
		return r.checked(YAMLScalar(v))
	}
	return fm
}

func (r *run) checked(s string) (string, error) {
	if len(s) > r.lim.Output {
		return "", r.tooLong(len(s))
	}
	return s, nil
}

// escaper bounds one of text/template's escaping functions, which print
// their arguments as print does and then escape the text (at most six
// bytes for one).
func (r *run) escaper(escape func(...any) string) func(...any) (string, error) {
	return func(args ...any) (string, error) {
		if n := argsLen(args, r.lim.Output); n > r.lim.Output {
			return "", r.tooLong(n)
		}
		return r.checked(escape(args...))
	}
}

// argsLen is how long the arguments print, counted without printing a
// string and given up past stop.
func argsLen(args []any, stop int) int {
	n := 0
	for _, a := range args {
		if n += argLen(a); n > stop {
			break
		}
	}
	return n
}

func argLen(a any) int {
	switch v := a.(type) {
	case string:
		return len(v)
	case []byte:
		return len(v)
	}
	return len(fmt.Sprint(a))
}

// printfBound is more than printf(format, args...) can print, or past
// stop: the format, then for each verb its width and precision (a '*'
// takes its value from the argument, or fmt's largest, 10^6, when that
// cannot be known) and ten times the longest argument (%q, %x and %#v print
// more than %v). The arguments may not print more than ten times stop in
// all.
func printfBound(format string, args []any, stop int) int {
	total := argsLen(args, 10*stop)
	if total > 10*stop {
		return total
	}
	longest := 0
	for _, a := range args {
		longest = max(longest, argLen(a))
	}
	const fmtMax = 1000000 // fmt refuses wider widths and precisions
	n, next, indexed := len(format), 0, false
	skipIndex := func(i int) int { // an explicit argument index: [n]
		if i < len(format) && format[i] == '[' {
			indexed = true
			for i < len(format) && format[i] != ']' {
				i++
			}
			i++
		}
		return i
	}
	number := func(i int) (int, int) { // a width or precision: digits or '*'
		if i < len(format) && format[i] == '*' {
			if !indexed && next < len(args) {
				if w, ok := args[next].(int); ok {
					next++
					return min(max(w, -w), fmtMax), i + 1
				}
			}
			next++
			return fmtMax, i + 1
		}
		w := 0
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			w = min(w*10+int(format[i]-'0'), fmtMax)
			i++
		}
		return w, i
	}
	for i := 0; i < len(format) && n <= stop; i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		var w int
		w, i = number(skipIndex(i))
		n += w
		if i < len(format) && format[i] == '.' {
			w, i = number(skipIndex(i + 1))
			n += w
		}
		i = skipIndex(i)
		n += 10*longest + 64
		next++
		if i < len(format) {
			_, size := utf8.DecodeRuneInString(format[i:])
			i += size - 1
		}
	}
	return n
}

// addTicks makes every template of t call the tick when it starts and at
// every iteration of every range: those are the only ways a template can
// repeat work, so nothing it does between two ticks can take long (what
// runs between them is bounded by the template's own text, and every
// string a function builds by the output limit). A tick before every
// action as well would double the calls a goal costs the agenda.
func addTicks(t *ttemplate.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			tickList(tt.Tree.Root, true)
		}
	}
}

func tickList(l *parse.ListNode, always bool) {
	if l == nil {
		return
	}
	nodes := make([]parse.Node, 0, len(l.Nodes)+1)
	if always {
		nodes = append(nodes, tickNode(l.Position()))
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			nodes = append(nodes, n) // bounded by the output limit
			continue
		case *parse.RangeNode:
			tickList(n.List, true)
			tickList(n.ElseList, false)
		case *parse.IfNode:
			tickList(n.List, false)
			tickList(n.ElseList, false)
		case *parse.WithNode:
			tickList(n.List, false)
			tickList(n.ElseList, false)
		case *parse.ListNode:
			tickList(n, false)
		}
		nodes = append(nodes, n)
	}
	l.Nodes = nodes
}

// tickNode is the action {{mentorLimits}}, which prints nothing.
func tickNode(pos parse.Pos) parse.Node {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Pipe: &parse.PipeNode{
		NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{{
			NodeType: parse.NodeCommand, Pos: pos,
			Args: []parse.Node{&parse.IdentifierNode{NodeType: parse.NodeIdentifier, Pos: pos, Ident: tickFunc}},
		}},
	}}
}

// limitedWriter holds a template's output up to the limit and fails the
// write that would pass it, which stops the template there.
type limitedWriter struct {
	buf []byte
	max int
}

var errOutput = errors.New("output limit")

func (w *limitedWriter) Write(p []byte) (int, error) {
	if len(w.buf)+len(p) > w.max {
		return 0, errOutput
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}
