package markdown

import "testing"

// NoControls takes line feeds and text, and refuses every other control.
func TestNoControls(t *testing.T) {
	if !NoControls([]byte("## Goals\n\n- [ ] Ünïcode goal\n")) || !NoControls(nil) {
		t.Error("plain text refused")
	}
	for _, c := range []byte{'\t', '\r', 0, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f} {
		if NoControls([]byte("a" + string(rune(c)) + "b\n")) {
			t.Errorf("%q taken", c)
		}
	}
}

// noControls is NoControls a byte at a time, as it reads the tail.
func noControls(body []byte) bool {
	for _, c := range body {
		if c < 0x20 && c != '\n' || c == 0x7f {
			return false
		}
	}
	return true
}

// Every byte value, at every place in a word of eight, answers as the byte
// loop does.
func TestNoControlsEveryByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		for at := 0; at < 19; at++ {
			b := []byte("plain text\nand more text")
			b[at] = byte(c)
			if got, want := NoControls(b), noControls(b); got != want {
				t.Fatalf("byte %#x at %d: %v, want %v", c, at, got, want)
			}
		}
	}
}

func FuzzNoControls(f *testing.F) {
	f.Add([]byte("## Goals\n\n- [ ] Ünïcode goal\n"))
	f.Add([]byte("a\tb\r\n\x7f\x80\xff\x1f\x20\n\n\n\n\n\n\n\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := NoControls(b), noControls(b); got != want {
			t.Fatalf("%q: %v, want %v", b, got, want)
		}
	})
}
