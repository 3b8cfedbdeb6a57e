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
		"  rematch_after_days: 0\n" +
		"closure:\n  required_sections:\n    - Summary\n    - Thanks\n"
	c, err := Parse(FileName, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := Thresholds{7, 0, 1.5, 2, 4, 2, 30, 0}
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
		{"thresholds:\n  rematch_after_days: -1\n", "thresholds.rematch_after_days must be a whole number of at least 0", 2},
		{"thresholds:\n  rematch_after_day: 3\n", "did you mean thresholds.rematch_after_days?", 2},
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

func TestSurvey(t *testing.T) {
	d := Default()
	if d.RequireSignoff != "both" || d.Survey.MinGroup != 3 || len(d.Survey.Questions) != 5 || len(d.Survey.Recipients) != 0 {
		t.Errorf("defaults: %+v", d.Survey)
	}
	src := "closure:\n  require_signoff: one\nsurvey:\n  min_group: 5\n  recipients:\n    - age1lggyhqrw2nlhcxprm67z43rta597azn8gknawjehu9d9dl0jq3yqqvfafg\n" +
		"  questions:\n    - id: fit\n      text: How well did the match fit?\n      scale: 1-5\n      required: true\n" +
		"    - {id: words, text: In a few words, scale: text}\n"
	c, err := Parse(FileName, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	qs := c.Survey.Questions
	if c.RequireSignoff != "one" || c.Survey.MinGroup != 5 || len(c.Survey.Recipients) != 1 || len(qs) != 2 ||
		qs[0].ID != "fit" || !qs[0].Required || qs[0].Scale != "1-5" || qs[0].Line != 8 || qs[1].Required || qs[1].Scale != "text" {
		t.Errorf("got %+v", c.Survey)
	}
}

func TestSurveyErrors(t *testing.T) {
	q := "survey:\n  questions:\n    - id: fit\n      text: Fit?\n      scale: 1-5\n"
	cases := []struct {
		src, msg string
		line     int
	}{
		{"survey:\n  question: []\n", "unknown key survey.question (did you mean survey.questions?)", 2},
		{q + "      scael: 1-5\n", "unknown key survey.questions[0].scael (did you mean survey.questions[0].scale?)", 6},
		{"survey:\n  questions:\n    - id: fit\n      text: Fit?\n      scale: 1-7\n", `survey.questions[0].scale "1-7" is not one of 1-5, 0-10, yes-no, text (did you mean 1-5?)`, 5},
		{q + "    - id: fit\n      text: Again?\n      scale: yes-no\n", "the id fit is used twice (first on line 3)", 6},
		{"survey:\n  questions:\n    - id: Fit Now\n      text: Fit?\n      scale: 1-5\n", `id "Fit Now"`, 3},
		{"survey:\n  questions:\n    - id: fit\n      scale: 1-5\n", "survey.questions[0].text is missing", 3},
		{q + "      required: maybe\n", "required must be true or false", 6},
		{"survey:\n  questions: []\n", "must be a list of questions", 2},
		{"survey:\n  recipients: [age1nope]\n", "survey.recipients:", 2},
		{"survey:\n  recipients:\n    - AGE-SECRET-KEY-1QQQ\n", "not a public key", 3},
		{"survey:\n  min_group: 0\n", "survey.min_group must be a whole number of at least 1", 2},
		{"closure:\n  require_signoff: all\n", "closure.require_signoff must be one of both, one, none", 2},
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
