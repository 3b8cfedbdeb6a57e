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
	if t, ok := plainTitle(rest); ok {
		h.Title = t
		return h, nil
	}
	if h, ok := plainMarked(h, rest); ok {
		return h, nil
	}
	return readRest(h, rest), nil
}

// plainMarked reads the common heading of a few plain ASCII words with a
// status phrase among them ("no-show mentee", "Sync cancelled by mentor"):
// no separator, no word of only dashes, at most 16 words. It gives what
// readRest gives for such a heading, from words kept on the stack; ok is
// false for anything else.
func plainMarked(h Heading, rest string) (Heading, bool) {
	var buf [16]string
	n := 0
	for i := 0; i < len(rest); {
		if rest[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(rest) && rest[j] != ' ' {
			c := rest[j]
			if c < 0x21 || c >= 0x7f || strings.IndexByte(separators, c) >= 0 {
				return h, false
			}
			j++
		}
		if n == len(buf) || dashes(rest[i:j]) {
			return h, false
		}
		buf[n] = rest[i:j]
		n++
		i = j
	}
	title := readPart(&h, buf[:n])
	h.Title = strings.Join(title, " ")
	if h.Kind != Held {
		h.Unproductive = false
	}
	return h, true
}

// readRest reads the words after a heading's date.
func readRest(h Heading, rest string) Heading {
	var title []string
	var parts [][]string
	for _, part := range splitParts(rest) {
		// A lone "-" between words separates parts, whatever the spaces
		// around it (splitParts only sees " - ").
		words := strings.Fields(part)
		for i := 0; i < len(words); i++ {
			if words[i] == "-" {
				parts = append(parts, words[:i])
				words, i = words[i+1:], -1
			}
		}
		parts = append(parts, words)
	}
	for _, words := range parts {
		if t := readPart(&h, words); len(t) > 0 {
			title = append(title, strings.Join(t, " "))
		}
	}
	h.Title = strings.Join(title, " — ")
	if h.Kind != Held {
		h.Unproductive = false
	}
	return h
}

// readPart applies the status phrases at the start and at the end of one
// part's words to h, and returns the words left, the part's title.
func readPart(h *Heading, words []string) []string {
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
	// A dash left at either end of a part is punctuation between the
	// title and a marker ("Sync - cancelled", "cancelled -"), not title.
	for len(words) > 0 && dashes(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && dashes(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return words
}

// plainTitle reads the common heading that is only a title: ASCII words
// separated by spaces, none of them a separator or a marker word. It gives
// what the general reading below gives for such a heading, without
// splitting it into parts; ok is false for anything else.
func plainTitle(rest string) (string, bool) {
	spaced := false // words apart by more than one space
	for i := 0; i < len(rest); {
		if rest[i] == ' ' {
			if i > 0 && rest[i-1] == ' ' {
				spaced = true
			}
			i++
			continue
		}
		j := i
		for j < len(rest) && rest[j] != ' ' {
			c := rest[j]
			if c < 0x21 || c >= 0x7f || strings.IndexByte(separators, c) >= 0 {
				return "", false
			}
			j++
		}
		if word := rest[i:j]; dashes(word) || markerWord(word) {
			return "", false
		}
		i = j
	}
	t := strings.Trim(rest, " ")
	if spaced {
		t = strings.Join(strings.Fields(t), " ")
	}
	return t, true
}

// dashes reports whether a word is only hyphens.
func dashes(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] != '-' {
			return false
		}
	}
	return true
}

// markerWord reports whether a word could begin a status phrase.
func markerWord(w string) bool {
	// Every marker word starts with c, n or u, after any "." or "!": most
	// words of a title are turned away by their first letter.
	i := 0
	for i < len(w) && (w[i] == '.' || w[i] == '!') {
		i++
	}
	if i < len(w) {
		switch w[i] | 0x20 {
		case 'c', 'n', 'u':
		default:
			if w[i] < 0x80 {
				return false
			}
		}
	}
	w = strings.Trim(w, ".!")
	for _, m := range [...]string{"cancelled", "canceled", "no-show", "noshow", "no", "unproductive"} {
		if strings.EqualFold(w, m) {
			return true
		}
	}
	return false
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
