package render

import (
	"github.com/mentor-cli/mentor/internal/escape"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

// safe makes the text NewData copied from a person's files safe for any
// template, built-in or a repo's own, to write inside a line: names, titles
// and notes become one line each, without control characters or terminal
// escape sequences (written as \x1b, visibly), so that no value can end a
// heading, a list item or a table row, start a block of its own, or reach
// a terminal raw (agenda --stdout, record --stdout). Meeting notes keep
// their lines. Link and Path keep the file's real name, for links through
// mdlink. What would become inline markup is for the template to escape,
// with md, mdheading, mdcell and mdlink.
func safe(d *Data) {
	line := escape.Line
	d.ID, d.Pair = line(d.ID), line(d.Pair)
	d.Mentor, d.Mentee, d.Program, d.Cadence = line(d.Mentor), line(d.Mentee), line(d.Program), line(d.Cadence)
	goals := func(gs []Goal) []Goal {
		if gs == nil {
			return nil
		}
		out := make([]Goal, len(gs))
		for i, g := range gs {
			g.Title, g.Reason, g.DropReason = line(g.Title), line(g.Reason), line(g.DropReason)
			g.Notes, g.Dated = safeNotes(g.Notes), safeNotes(g.Dated)
			out[i] = g
		}
		return out
	}
	// The lists by state hold the same goals as Goals: each is made safe
	// once, and the lists are made again from them.
	d.adoptGoals(goals(d.Goals))
	if d.Meetings != nil {
		ms := make([]Meeting, len(d.Meetings))
		for i, m := range d.Meetings {
			m.Title, m.Notes, m.Summary = line(m.Title), escape.Block(m.Notes), line(m.Summary)
			ms[i] = m
		}
		d.Meetings = ms
	}
	if d.Signals != nil {
		ss := make([]signals.Signal, len(d.Signals))
		copy(ss, d.Signals)
		d.Signals = ss // NewData cleans the messages once the reason is proposed
	}
	for i := range d.Notes {
		d.Notes[i].File = line(d.Notes[i].File)
	}
}

func safeNotes(ns []plan.Note) []plan.Note {
	if ns == nil {
		return nil
	}
	out := make([]plan.Note, len(ns))
	for i, n := range ns {
		n.Text = escape.Line(n.Text)
		out[i] = n
	}
	return out
}
