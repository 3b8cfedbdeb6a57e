// Package nesting guards the Markdown parser against pathological nesting.
//
// goldmark's block parser takes time that grows faster than linearly with
// how deep lists and quotes nest: a 200 KB line of "- - - …" takes tens of
// seconds. No plan or closure record nests more than a few levels, so
// readers refuse a body that nests deeper than a limit before parsing it.
package nesting

// Limit is how deep lists and quotes may nest in a file mentor reads.
const Limit = 32

// Exceeds returns the first line (1-based, in body) where lists and quotes
// may nest deeper than limit, or 0 when none does. It bounds the depth from
// above without parsing: a block nested d deep needs, on each of its lines,
// either two columns of indentation per list level it continues or a marker
// ("> ", "- ", "* ", "+ ", "1. ", "1) ") per level it opens or quotes.
func Exceeds(body []byte, limit int) int { return exceeds(body, limit, true) }

// ListsExceed is Exceeds for a reader that tames deep quotes itself: only
// lists count.
func ListsExceed(body []byte, limit int) int { return exceeds(body, limit, false) }

func exceeds(body []byte, limit int, quotes bool) int {
	line := 1
	for i := 0; i < len(body); line++ {
		col := 0
		for ; i < len(body) && (body[i] == ' ' || body[i] == '\t'); i++ {
			if body[i] == '\t' {
				col += 4 - col%4
			} else {
				col++
			}
		}
		depth := col / 2
		for i < len(body) && depth <= limit {
			n := marker(body[i:])
			if n == 0 {
				break
			}
			if quotes || body[i] != '>' {
				depth++
			}
			i += n
			for i < len(body) && (body[i] == ' ' || body[i] == '\t') {
				i++
			}
		}
		if depth > limit {
			return line
		}
		for i < len(body) && body[i] != '\n' {
			i++
		}
		i++ // past '\n'
	}
	return 0
}

// marker returns the length of the container marker at the start of b, or
// 0 when there is none.
func marker(b []byte) int {
	if b[0] == '>' {
		return 1
	}
	end := func(n int) int { // a list marker must be followed by a space or the line's end
		if n == len(b) || b[n] == ' ' || b[n] == '\t' || b[n] == '\n' || b[n] == '\r' {
			return n
		}
		return 0
	}
	switch b[0] {
	case '-', '*', '+':
		return end(1)
	}
	n := 0
	for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	if n > 0 && n < len(b) && (b[n] == '.' || b[n] == ')') {
		return end(n + 1)
	}
	return 0
}
