// Package note is the one reader of a pair's reflection notes (notes/*.md).
// A note's date is its front-matter date, else the date its file name
// starts with; its side is the front-matter side (or as, or author), else
// the word after the date in its name. Every command reads notes this way.
package note

import (
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
)

// Dir is the folder of notes inside a pair folder.
const Dir = "notes"

// FinalReflection is the kind of note `note --final` writes.
const FinalReflection = "final-reflection"

// Note is one reflection note.
type Note struct {
	File string     // file name: 2026-03-01-mentee.md
	Path string     // repo-relative: pairs/<id>/notes/2026-03-01-mentee.md
	Link string     // relative to the pair folder: notes/2026-03-01-mentee.md
	Date dates.Date // zero when neither the front matter nor the name says
	Side string     // mentor or mentee; "" when neither says
	Kind string     // the front matter's kind, such as final-reflection; "" when none

	// Problem is set when the note could not be read; it is still listed,
	// by its name, so that the pair can look.
	Problem *diag.Problem
}

// IsNote reports whether a file in notes/ is a note: a Markdown file whose
// name does not start with a dot.
func IsNote(name string) bool {
	return !strings.HasPrefix(name, ".") && strings.HasSuffix(strings.ToLower(name), ".md")
}

// Parse reads one note; dir is the repo-relative pair folder, name the file
// name, src its bytes (nil with prob set when it could not be read).
func Parse(dir, name string, src []byte, prob *diag.Problem) Note {
	n := Note{File: name, Path: dir + "/" + Dir + "/" + name, Link: Dir + "/" + name, Problem: prob}
	n.Date, n.Side = fromName(name)
	if prob != nil {
		return n
	}
	d, side, kind := fromFrontMatter(src)
	if !d.IsZero() {
		n.Date = d
	}
	if side != "" {
		n.Side = side
	}
	n.Kind = kind
	return n
}

// Sort puts notes oldest first; notes of one day, or without a date, by name.
func Sort(notes []Note) {
	sort.SliceStable(notes, func(i, j int) bool {
		if c := notes[i].Date.Compare(notes[j].Date); c != 0 {
			return c < 0
		}
		return notes[i].File < notes[j].File
	})
}

// Summary is what check reports of a pair's notes.
type Summary struct {
	Count int        `json:"count"`
	Last  dates.Date `json:"last"` // zero (null in JSON) when no note has a date
}

// Summarise counts notes and finds the latest date.
func Summarise(notes []Note) Summary {
	s := Summary{Count: len(notes)}
	for _, n := range notes {
		if n.Date.After(s.Last) {
			s.Last = n.Date
		}
	}
	return s
}

// fromName reads YYYY-MM-DD-side[-N].md; either part may be missing.
func fromName(name string) (dates.Date, string) {
	d, rest, ok, err := dates.Prefix(name)
	if !ok || err != nil {
		d, rest = dates.Date{}, name
	}
	rest = strings.TrimPrefix(rest, "-")
	if i := strings.LastIndexByte(rest, '.'); i >= 0 {
		rest = rest[:i]
	}
	for _, side := range []string{"mentor", "mentee"} {
		if rest == side || strings.HasPrefix(rest, side+"-") {
			return d, side
		}
	}
	return d, ""
}

func fromFrontMatter(src []byte) (d dates.Date, side, kind string) {
	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		return
	}
	fields, ferr := doc.Fields()
	if ferr != nil {
		return
	}
	sides := map[string]string{}
	for _, f := range fields {
		s, ok := f.Scalar()
		if !ok {
			continue
		}
		s = strings.TrimSpace(s)
		switch f.Key {
		case "date":
			if v, err := dates.Parse(s); err == nil {
				d = v
			}
		case "side", "as", "author", "role":
			if l := strings.ToLower(s); l == "mentor" || l == "mentee" {
				sides[f.Key] = l
			}
		case "kind":
			kind = s
		}
	}
	// side wins, then as; author and role are what earlier notes wrote.
	for _, k := range []string{"side", "as", "author", "role"} {
		if s, ok := sides[k]; ok {
			return d, s, kind
		}
	}
	return d, "", kind
}
