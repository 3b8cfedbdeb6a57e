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
