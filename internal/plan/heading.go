package plan

import (
	"errors"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
)

// Heading is what a meeting heading says.
type Heading struct {
	Date         dates.Date
	Kind         MeetingKind
	By           string
	Unproductive bool
	Title        string
}

// separators split a heading's words into parts: "Sync — cancelled by mentee".
const separators = "—–:,;()[]|"

// ParseHeading reads a meeting heading: a date, then optionally a title and
// the words that say how it went (cancelled [by mentor|mentee], no-show
// [by] mentor|mentee, unproductive), case-insensitive. A marker is a whole
// part between separators, or the words a part starts or ends with.
func ParseHeading(s string) (Heading, error) {
	var h Heading
	d, rest, ok, err := dates.Prefix(strings.TrimSpace(s))
	if !ok {
		return h, errors.New("does not start with a date (YYYY-MM-DD)")
	}
	if err != nil {
		return h, errors.New("starts with a date that does not exist")
	}
	h.Date, h.Kind = d, Held
	if rest != "" && !isSpaceOrSep(rest[0]) {
		return h, errors.New("does not start with a date followed by a space")
	}
	var title []string
	for _, part := range splitParts(rest) {
		words := strings.Fields(part)
		// Markers at the start of the part.
		for len(words) > 0 {
			n, m := marker(words)
			if n == 0 {
				break
			}
			h.apply(m)
			words = words[n:]
		}
		// Markers at the end of the part.
		for len(words) > 0 {
			found := false
			for k := min(3, len(words)); k >= 1; k-- {
				if n, m := marker(words[len(words)-k:]); n == k {
					h.apply(m)
					words = words[:len(words)-k]
					found = true
					break
				}
			}
			if !found {
				break
			}
		}
		if len(words) > 0 {
			title = append(title, strings.Join(words, " "))
		}
	}
	h.Title = strings.Join(title, " — ")
	if h.Kind != Held {
		h.Unproductive = false
	}
	return h, nil
}

func isSpaceOrSep(b byte) bool {
	return b == ' ' || b == '\t' || strings.IndexByte(separators, b) >= 0 || b >= 0x80
}

// splitParts cuts text at separators and at a " - " surrounded by spaces.
func splitParts(s string) []string {
	s = strings.ReplaceAll(s, " - ", " — ")
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(separators, r) })
}

// mark is what a status phrase says.
type mark struct {
	kind         MeetingKind // "" when the phrase is only "unproductive"
	by           string
	unproductive bool
}

// marker recognises a status phrase at the start of words and returns how
// many words it used (0: none) and what it says.
func marker(words []string) (int, mark) {
	w := func(i int) string {
		if i < len(words) {
			return strings.ToLower(strings.Trim(words[i], ".!"))
		}
		return ""
	}
	side := func(i int) (string, int) {
		switch w(i) {
		case "mentor", "mentee":
			return w(i), 1
		case "by":
			if s := w(i + 1); s == "mentor" || s == "mentee" {
				return s, 2
			}
		}
		return "", 0
	}
	switch w(0) {
	case "cancelled", "canceled":
		by, n := side(1)
		if n == 1 { // "cancelled mentee" is not a phrase people write
			by, n = "", 0
		}
		return 1 + n, mark{kind: Cancelled, by: by}
	case "no-show", "noshow":
		by, n := side(1)
		return 1 + n, mark{kind: NoShow, by: by}
	case "no":
		if w(1) == "show" {
			by, n := side(2)
			return 2 + n, mark{kind: NoShow, by: by}
		}
	case "unproductive":
		return 1, mark{unproductive: true}
	}
	return 0, mark{}
}

func (h *Heading) apply(m mark) {
	if m.unproductive {
		h.Unproductive = true
	}
	if m.kind != "" && h.Kind == Held {
		h.Kind, h.By = m.kind, m.by
	}
}

// Format writes the canonical heading text (without "### ") that ParseHeading
// reads back.
func (h Heading) Format() string {
	var b strings.Builder
	b.WriteString(h.Date.String())
	var marks []string
	switch h.Kind {
	case Cancelled:
		if h.By != "" {
			marks = append(marks, "cancelled by "+h.By)
		} else {
			marks = append(marks, "cancelled")
		}
	case NoShow:
		marks = append(marks, "no-show "+h.By)
	}
	if h.Unproductive && h.Kind == Held {
		marks = append(marks, "unproductive")
	}
	if h.Title != "" {
		b.WriteString(" " + h.Title)
		if len(marks) > 0 {
			b.WriteString(" —")
		}
	}
	if len(marks) > 0 {
		b.WriteString(" " + strings.Join(marks, ", "))
	}
	return b.String()
}
