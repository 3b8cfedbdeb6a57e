package render

import (
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/note"
)

// Note is a reflection note in the pair's notes/ folder, as templates see it.
type Note struct {
	File string     // file name: 2026-03-01-mentee.md
	Path string     // repo-relative: pairs/<id>/notes/2026-03-01-mentee.md
	Link string     // relative to the pair folder, for links from agenda.md or closure.md: notes/2026-03-01-mentee.md
	Date dates.Date // from the front matter, else the file name; zero when neither says
	Role string     // mentor or mentee, from the front matter or the file name; "" when neither says
	Kind string     // the front matter's kind, such as final-reflection; "" when none
}

// Notes turns the notes the loader read into the templates' notes.
func Notes(ns []note.Note) []Note {
	var out []Note
	for _, n := range ns {
		out = append(out, Note{File: n.File, Path: n.Path, Link: n.Link, Date: n.Date, Role: n.Side, Kind: n.Kind})
	}
	return out
}
