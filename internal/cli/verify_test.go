package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
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

func TestBasePrefix(t *testing.T) {
	for _, tt := range []struct{ root, base, want string }{
		{"/w/prog", "/w", "prog/"},
		{"/w/a/b", "/w/", "a/b/"},
		{"/w", "/w", ""},
		{"/elsewhere", "/w", ""},
		{"/w/prog", "", ""},
	} {
		if got := basePrefix(tt.root, tt.base); got != tt.want {
			t.Errorf("basePrefix(%s, %s) = %q, want %q", tt.root, tt.base, got, tt.want)
		}
	}
}

// A folder name can hold a line break as well as commas, colons and percent
// signs; the annotation escapes each, in the file property and the message,
// and the text line stays one line.
func TestVerifyGitHubEscapesLineBreaks(t *testing.T) {
	dir := t.TempDir()
	orphan := filepath.Join(dir, "pairs", "a\nb,c:d%e")
	if err := os.MkdirAll(orphan, 0o755); err != nil {
		t.Skip("file system refuses the name:", err)
	}
	if err := os.WriteFile(filepath.Join(orphan, "closure.md"), []byte("---\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, _, out, errOut := testFactory()
	f.Getwd = func() (string, error) { return dir, nil }
	code := Run(f, []string{"close", "verify", "--format", "github", "--today", "2026-11-21"})
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := `"pairs/a\nb,c:d%e/closure.md":1: error: closure record without a plan: pairs/a\nb,c:d%e has no plan.md; move closure.md to its pair's folder or restore the plan [closure-orphan]` + "\n" +
		"::error title=closure-orphan,file=pairs/a%0Ab%2Cc%3Ad%25e/closure.md,line=1::closure record without a plan: pairs/a%0Ab,c:d%25e has no plan.md; move closure.md to its pair's folder or restore the plan\n" +
		"1 pair checked: 1 error, 0 warnings\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
