package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/diag"
)

func TestDefaultFileIsTheDefault(t *testing.T) {
	c, err := Parse(FileName, []byte(DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	d := Default()
	if c.PairsDir != d.PairsDir || c.Cadence.Days != d.Cadence.Days || c.Thresholds != d.Thresholds ||
		strings.Join(c.RequiredSections, "|") != strings.Join(d.RequiredSections, "|") {
		t.Errorf("DefaultFile reads as %+v, want %+v", c, d)
	}
}

func TestEveryKey(t *testing.T) {
	src := "\ufeffpairs_dir: mentoring/pairs\ncadence: every 3 weeks\nthresholds:\n  remind_days: 7\n  grace_days: 0\n" +
		"  stall_factor: 1.5\n  unproductive_streak: 2\n  missed_window: 4\n  missed_limit: 2\n  no_progress_days: 30\n" +
		"closure:\n  required_sections:\n    - Summary\n    - Thanks\n"
	c, err := Parse(FileName, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := Thresholds{7, 0, 1.5, 2, 4, 2, 30}
	if c.PairsDir != "mentoring/pairs" || c.Cadence.Days != 21 || c.Thresholds != want ||
		strings.Join(c.RequiredSections, "|") != "Summary|Thanks" {
		t.Errorf("got %+v", c)
	}
}

func TestEmptyFile(t *testing.T) {
	for _, src := range []string{"", "\n", "# only a comment\n"} {
		c, err := Parse(FileName, []byte(src))
		if err != nil || c.Thresholds != Default().Thresholds {
			t.Errorf("%q: %v %+v", src, err, c)
		}
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		src, msg string
		line     int
	}{
		{"pairs_dir: pairs\npair_dir: x\n", "unknown key pair_dir (did you mean pairs_dir?)", 2},
		{"colour: red\n", "unknown key colour (known keys", 1},
		{"thresholds:\n  stall_factr: 2\n", "unknown key thresholds.stall_factr (did you mean thresholds.stall_factor?)", 2},
		{"closure:\n  sections: []\n", "unknown key closure.sections", 2},
		{"cadence: sometimes\n", "not a cadence", 1},
		{"pairs_dir: ../elsewhere\n", "inside the repo", 1},
		{"pairs_dir: /abs\n", "inside the repo", 1},
		{"pairs_dir:\n", "single value", 1},
		{"thresholds:\n  remind_days: -1\n", "thresholds.remind_days must be a whole number of at least 0", 2},
		{"thresholds:\n  missed_window: two\n", "thresholds.missed_window must be a whole number", 2},
		{"thresholds:\n  unproductive_streak: 0\n", "at least 1", 2},
		{"thresholds:\n  stall_factor: 0\n", "greater than 0", 2},
		{"thresholds:\n  stall_factor: [1]\n", "greater than 0", 2},
		{"thresholds: 3\n", "thresholds must be a mapping", 1},
		{"thresholds:\n  missed_window: 2\n  missed_limit: 3\n", "cannot be larger", 3},
		{"thresholds:\n  missed_limit: 6\n", "missed_limit (6) cannot be larger than thresholds.missed_window (5): the limit counts meetings within the window; lower missed_limit or raise missed_window", 2},
		{"cadence: weekly\nthresholds:\n  missed_window: 2\n", "missed_limit (3) cannot be larger", 3},
		{"closure:\n  required_sections: Summary\n", "must be a list", 2},
		{"closure:\n  required_sections: [Summary, '']\n", "each entry", 2},
		{"cadence: weekly\ncadence: monthly\n", "given twice", 2},
		{"- a\n- b\n", "must be a mapping", 1},
		{"pairs_dir: [x\n", "not valid YAML", 1},
	}
	for _, c := range cases {
		_, err := Parse(FileName, []byte(c.src))
		var p diag.Problem
		if !errors.As(err, &p) {
			t.Errorf("%q: error %v is not a diag.Problem", c.src, err)
			continue
		}
		if !strings.Contains(p.Message, c.msg) || p.Line != c.line || p.File != FileName {
			t.Errorf("%q: got %v, want line %d saying %q", c.src, p, c.line, c.msg)
		}
	}
}
