package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/mentor-cli/mentor/internal/iostreams"
)

// runMentor runs mentor in-process and returns what it printed.
func runMentor(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	io, _, out, errOut := iostreams.Test()
	f := &Factory{IO: io, Getenv: func(string) string { return "" }, Getwd: os.Getwd, Now: nil}
	code = Run(f, args)
	return out.String(), errOut.String(), code
}

// golden compares got with testdata/name, or rewrites it when MENTOR_UPDATE is set.
func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if os.Getenv("MENTOR_UPDATE") != "" {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run MENTOR_UPDATE=1 go test ./... to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (if the change is meant, run MENTOR_UPDATE=1 go test ./...)\n--- got:\n%s", file, got)
	}
}

// The agenda and the closure record of a planned ending (all goals met) and
// an unplanned one (stalled), from the example programme, and of an ending
// where the mentee could not be reached (testdata/unreachable).
func TestGoldenAgendaAndRecord(t *testing.T) {
	examples := filepath.Join("..", "..", "examples", "programme")
	unreachable := filepath.Join("testdata", "unreachable")
	for _, tc := range []struct {
		golden string
		repo   string
		args   []string
	}{
		{"agenda-planned.golden", examples, []string{"close", "agenda", "hana-kobayashi--diego-alvarez", "--date", "2026-11-24"}},
		{"agenda-unplanned.golden", examples, []string{"close", "agenda", "olusegun-adeyemi--sofia-rossi"}},
		{"agenda-unreachable.golden", unreachable, []string{"close", "agenda", "noor-haddad--leo-martins", "--unreachable", "mentee", "--date", "2026-11-24"}},
		{"record-planned.golden", examples, []string{"close", "record", "hana-kobayashi--diego-alvarez", "--date", "2026-12-01"}},
		{"record-unplanned.golden", examples, []string{"close", "record", "olusegun-adeyemi--sofia-rossi"}},
		{"record-unreachable.golden", unreachable, []string{"close", "record", "noor-haddad--leo-martins", "--unreachable", "mentee", "--date", "2026-11-24"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			args := append(tc.args, "--stdout", "--repo", tc.repo, "--today", "2026-11-21")
			out, errOut, code := runMentor(t, args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errOut)
			}
			golden(t, filepath.Join("testdata", tc.golden), []byte(out))
		})
	}
}

// The example programme's ready-to-close pair carries the agenda mentor
// generates for it; it must not drift from the template.
func TestExampleAgendaIsCurrent(t *testing.T) {
	out, errOut, code := runMentor(t, "close", "agenda", "hana-kobayashi--diego-alvarez", "--date", "2026-11-24",
		"--stdout", "--repo", filepath.Join("..", "..", "examples", "programme"), "--today", "2026-11-21")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	golden(t, filepath.Join("..", "..", "examples", "programme", "pairs", "hana-kobayashi--diego-alvarez", "agenda.md"), []byte(out))
}
