package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the mentor command inside scripts:
// `exec mentor …` runs cli.Main in a child process of this binary.
func TestMain(m *testing.M) {
	testscript.Main(cleanAfter{m}, map[string]func(){
		"mentor": func() { os.Exit(Main()) },
	})
}

// cleanAfter runs the tests, then removes what they kept for the whole run
// (the benchmarks' programmes).
type cleanAfter struct{ m *testing.M }

func (c cleanAfter) Run() int {
	code := c.m.Run()
	removeBenchProgrammes()
	return code
}

// TestScripts runs testdata/script/*.txtar end to end. MENTOR_UPDATE=1
// rewrites the expected output in the scripts from what mentor prints now.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	// The age identities of the survey tests: testdata/age/programme.key
	// opens the example programme's encrypted surveys, other.key none.
	keys, err := filepath.Abs("testdata/age")
	if err != nil {
		t.Fatal(err)
	}
	// The debrief's pair, answers and the record they make; the terminal
	// test in CI types the same answers and compares with the same record.
	debriefData, err := filepath.Abs("testdata/debrief")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("MENTOR_UPDATE") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("AGE_KEYS", keys)
			env.Setenv("DEBRIEF", debriefData)
			env.Setenv("MENTOR_AGE_IDENTITY", "")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("MENTOR_TODAY", "2026-11-21")
			env.Setenv("EDITOR", "")
			env.Setenv("VISUAL", "")
			return nil
		},
		Cmds: scriptCmds,
	})
}

// TestSafetyCommit runs testdata/safety/*.txtar: --commit commits exactly
// the files mentor wrote, never in the middle of a merge, rebase,
// cherry-pick, revert or bisect, and leaves nothing staged when it fails
// (the rest of the safety suite is in internal/repo).
func TestSafetyCommit(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/safety",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			env.Setenv("MENTOR_TODAY", "2026-11-21")
			env.Setenv("EDITOR", "")
			env.Setenv("VISUAL", "")
			return nil
		},
		Cmds: scriptCmds,
	})
}

// scriptCmds are the commands scripts have besides testscript's own.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"lineends":    lineEnds,
	"mentor-exit": mentorExit,
	"holdlock":    holdLock,
	"droplock":    dropLock,
}

// mentorExit runs mentor and asserts its exact exit code, the way CUE's
// scripts do: `mentor-exit 2 close check --format xml`. A script never
// says `! exec mentor`, which would accept any failure (TestNoBareFailures).
func mentorExit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mentor-exit CODE ARGS...")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("mentor-exit: %q is not an exit code", args[0])
	}
	err = ts.Exec("mentor", args[1:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		got = ee.ExitCode()
	default:
		ts.Fatalf("mentor-exit: %v", err)
	}
	if got != want {
		ts.Logf("stdout:\n%s\nstderr:\n%s", ts.ReadFile("stdout"), ts.ReadFile("stderr"))
		ts.Fatalf("mentor %s exited %d, want %d", strings.Join(args[1:], " "), got, want)
	}
}

// TestNoBareFailures: every expected failure in a script names its exit
// code; `! exec mentor` would pass with a usage error where a finding was
// meant, or the other way round.
func TestNoBareFailures(t *testing.T) {
	files, _ := filepath.Glob("testdata/script/*.txtar")
	safety, _ := filepath.Glob("testdata/safety/*.txtar")
	for _, f := range append(files, safety...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "! exec mentor") {
				t.Errorf("%s:%d: say the exit code: mentor-exit CODE ... instead of ! exec mentor", f, i+1)
			}
		}
	}
}

// lineEnds rewrites files in place to test how commands treat the bytes
// people's editors leave: lineends crlf|bom|nofinalnewline FILE...
func lineEnds(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: lineends crlf|bom|lonecr|nofinalnewline FILE...")
	}
	for _, f := range args[1:] {
		data := []byte(ts.ReadFile(f))
		switch args[0] {
		case "crlf":
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		case "bom":
			data = append([]byte("\ufeff"), data...)
		case "lonecr": // each <CR> becomes a carriage return alone
			data = bytes.ReplaceAll(data, []byte("<CR>\n"), []byte("\r"))
		case "nofinalnewline":
			data = bytes.TrimSuffix(bytes.TrimSuffix(data, []byte("\n")), []byte("\r"))
		default:
			ts.Fatalf("lineends: unknown change %q", args[0])
		}
		ts.Check(os.WriteFile(ts.MkAbs(f), data, 0o644))
	}
}
