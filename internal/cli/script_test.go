package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the mentor command inside scripts:
// `exec mentor …` runs cli.Main in a child process of this binary.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"mentor": func() {
			// Scripts that hold a lock on purpose need not wait the full time.
			if d, err := time.ParseDuration(os.Getenv("MENTOR_TEST_LOCK_TIMEOUT")); err == nil {
				repo.LockTimeout = d
			}
			os.Exit(Main())
		},
	})
}

// TestScripts runs testdata/script/*.txtar end to end. MENTOR_UPDATE=1
// rewrites the expected output in the scripts from what mentor prints now.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("MENTOR_UPDATE") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("NO_COLOR", "1")
			env.Setenv("MENTOR_TODAY", "2026-11-21")
			env.Setenv("EDITOR", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"lineends": lineEnds,
		},
	})
}

// lineEnds rewrites files in place to test how commands treat the bytes
// people's editors leave: lineends crlf|bom|nofinalnewline FILE...
func lineEnds(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: lineends crlf|bom|nofinalnewline FILE...")
	}
	for _, f := range args[1:] {
		data := []byte(ts.ReadFile(f))
		switch args[0] {
		case "crlf":
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		case "bom":
			data = append([]byte("\ufeff"), data...)
		case "nofinalnewline":
			data = bytes.TrimSuffix(bytes.TrimSuffix(data, []byte("\n")), []byte("\r"))
		default:
			ts.Fatalf("lineends: unknown change %q", args[0])
		}
		ts.Check(os.WriteFile(ts.MkAbs(f), data, 0o644))
	}
}
