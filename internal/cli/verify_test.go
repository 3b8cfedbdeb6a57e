package cli

import (
	"reflect"
	"testing"

	"github.com/mentor-cli/mentor/internal/verify"
)

// Flags become options; the run function is not called on a usage error.
func TestVerifyFlags(t *testing.T) {
	tests := []struct {
		args []string
		want *VerifyOptions
	}{
		{nil, &VerifyOptions{Format: "text", Paths: []string{}}},
		{[]string{"--all", "-f", "sarif", "pairs/a", "b"}, &VerifyOptions{Format: "sarif", All: true, Paths: []string{"pairs/a", "b"}}},
		{[]string{"--format", "gitlab"}, &VerifyOptions{Format: "gitlab", Paths: []string{}}},
		{[]string{"--format", "junit"}, nil},
	}
	for _, tt := range tests {
		f, _, _, _ := testFactory()
		var got *VerifyOptions
		cmd := newVerifyCmd(f, func(o *VerifyOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		err := cmd.Execute()
		if tt.want == nil {
			if err == nil || ExitCode(err) != ExitUsage || got != nil {
				t.Errorf("%v: err %v, ran %v", tt.args, err, got != nil)
			}
			continue
		}
		if err != nil || got == nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		got.F = nil
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%v: got %+v, want %+v", tt.args, got, tt.want)
		}
	}
}

func TestUnderBase(t *testing.T) {
	fs := []verify.Finding{{File: "pairs/a/plan.md"}}
	for _, tt := range []struct{ root, base, want string }{
		{"/w/prog", "/w", "prog/pairs/a/plan.md"},
		{"/w/a/b", "/w/", "a/b/pairs/a/plan.md"},
		{"/w", "/w", "pairs/a/plan.md"},
		{"/elsewhere", "/w", "pairs/a/plan.md"},
		{"/w/prog", "", "pairs/a/plan.md"},
	} {
		if got := underBase(fs, tt.root, tt.base)[0].File; got != tt.want {
			t.Errorf("underBase(%s, %s) = %s, want %s", tt.root, tt.base, got, tt.want)
		}
	}
	if fs[0].File != "pairs/a/plan.md" {
		t.Error("underBase changed its input")
	}
}
