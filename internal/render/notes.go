package render

import (
	"os"
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/repo"
)

// LoadNotes lists the reflection notes in a pair's notes/ folder (dir is the
// repo-relative pair folder), oldest first. The date and the role come from
// the note's front matter (date, author) and else from its file name
// (2026-03-01-mentee.md). A note that cannot be read is still listed, by its
// file name: the agenda links to it, the pair can look.
func LoadNotes(r *repo.Repo, dir string) []Note {
	entries, err := os.ReadDir(r.Abs(dir + "/notes"))
	if err != nil {
		return nil
	}
	var notes []Note
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(strings.ToLower(name), ".md") || e.IsDir() {
			continue
		}
		n := Note{File: name, Path: dir + "/notes/" + name, Link: "notes/" + name}
		n.Date, n.Role = fromFileName(name)
		if data, prob := r.Read(n.Path); prob == nil {
			d, role := fromFrontMatter(data)
			if !d.IsZero() {
				n.Date = d
			}
			if role != "" {
				n.Role = role
			}
		}
		notes = append(notes, n)
	}
	sort.SliceStable(notes, func(i, j int) bool {
		if c := notes[i].Date.Compare(notes[j].Date); c != 0 {
			return c < 0
		}
		return notes[i].File < notes[j].File
	})
	return notes
}

// fromFileName reads YYYY-MM-DD-role[-N].md.
func fromFileName(name string) (dates.Date, string) {
	d, rest, ok, err := dates.Prefix(name)
	if !ok || err != nil {
		d = dates.Date{}
	}
	rest = strings.TrimPrefix(strings.TrimSuffix(rest, ".md"), "-")
	for _, role := range []string{"mentor", "mentee"} {
		if rest == role || strings.HasPrefix(rest, role+"-") {
			return d, role
		}
	}
	return d, ""
}

func fromFrontMatter(src []byte) (dates.Date, string) {
	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		return dates.Date{}, ""
	}
	fields, ferr := doc.Fields()
	if ferr != nil {
		return dates.Date{}, ""
	}
	var d dates.Date
	role := ""
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
		case "author", "role":
			if s == "mentor" || s == "mentee" {
				role = s
			}
		}
	}
	return d, role
}
