package iostreams

import "testing"

func TestColorWanted(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	cases := []struct {
		tty  bool
		env  map[string]string
		want bool
	}{
		{true, nil, true},
		{false, nil, false},
		{true, map[string]string{"NO_COLOR": "1"}, false},
		{true, map[string]string{"TERM": "dumb"}, false},
		{true, map[string]string{"NO_COLOR": ""}, true},
	}
	for _, c := range cases {
		if got := ColorWanted(c.tty, env(c.env)); got != c.want {
			t.Errorf("tty=%v env=%v: %v", c.tty, c.env, got)
		}
	}
	if (Palette{false}).Green("x") != "x" || (Palette{true}).Green("x") != "\x1b[32mx\x1b[0m" {
		t.Error("palette")
	}
}
