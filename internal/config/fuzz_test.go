package config

import (
	"errors"
	"reflect"
	"testing"

	"github.com/mentor-cli/mentor/internal/diag"
)

// FuzzParse: Parse never panics; an error is a diag.Problem that names the
// file and a line ≥ 0; parsing is deterministic; and what it accepts is a
// config the signals can use.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		DefaultFile, "", "pairs_dir: pairs\n", "pairs_dir: ../outside\n", "pairs_dir: /abs\n",
		"cadence: every 3 weeks\n", "cadence: sometimes\n", "thresholds:\n  stall_factor: 1.5\n",
		"thresholds:\n  stall_factor: .nan\n", "thresholds:\n  missed_limit: 9\n", "thresholds: 3\n",
		"closure:\n  required_sections: [Summary, Thanks]\n", "closure:\n  required_sections: Summary\n",
		"pairs_dr: pairs\n", "pairs_dir: a\npairs_dir: b\n", "- a\n", "a: &a [*a]\n", "\ufeffpairs_dir: p\n",
		"thresholds:\n  remind_days: 0\n  grace_days: -1\n", "cadence: [weekly]\n", "closure: {required_sections: []}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = ".mentor.yaml"
		c, err := Parse(file, data)
		c2, err2 := Parse(file, data)
		if !reflect.DeepEqual(c, c2) || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("two parses differ: %v / %v", err, err2)
		}
		if err != nil {
			var p diag.Problem
			if !errors.As(err, &p) || p.File != file || p.Line < 0 || p.Message == "" || p.Severity != diag.Error {
				t.Fatalf("error is not a problem naming the file: %#v", err)
			}
			return
		}
		th := c.Thresholds
		if c.PairsDir == "" || c.Cadence.Days <= 0 || th.StallFactor <= 0 || th.MissedLimit > th.MissedWindow ||
			th.UnproductiveStreak < 1 || th.NoProgressDays < 1 || th.RemindDays < 0 || th.GraceDays < 0 {
			t.Fatalf("accepted a config the signals cannot use: %+v", c)
		}
	})
}
