package cli

import (
	"reflect"
	"testing"

	"github.com/spf13/cobra"
)

// flagsToOptions runs a command's flag parsing with a run function that
// only keeps the options, as cli/cli tests its commands: flags → options is
// tested apart from options → output.
func flagsToOptions[T any](t *testing.T, mk func(*Factory, func(*T) error) *cobra.Command, args []string) (*T, error) {
	t.Helper()
	f, _, _, _ := testFactory()
	var got *T
	cmd := mk(f, func(o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	return got, err
}

// optionCase is one command line and the options it must give; want nil
// means a usage error before the command runs.
type optionCase[T any] struct {
	args []string
	want *T
}

func testOptions[T any](t *testing.T, mk func(*Factory, func(*T) error) *cobra.Command, clear func(*T), cases []optionCase[T]) {
	t.Helper()
	for _, tt := range cases {
		got, err := flagsToOptions(t, mk, tt.args)
		if tt.want == nil {
			if err == nil || ExitCode(err) != ExitUsage || got != nil {
				t.Errorf("%q: err %v (exit %d), ran %v; want a usage error", tt.args, err, ExitCode(err), got != nil)
			}
			continue
		}
		if err != nil || got == nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		clear(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.args, got, tt.want)
		}
	}
}

func TestCheckOptions(t *testing.T) {
	testOptions(t, newCheckCmd, func(o *CheckOptions) { o.F = nil }, []optionCase[CheckOptions]{
		{nil, &CheckOptions{Format: "text", Paths: []string{}}},
		{[]string{"-f", "json", "a--b", "pairs/"}, &CheckOptions{Format: "json", Paths: []string{"a--b", "pairs/"}}},
		{[]string{"--format", "xml"}, nil},
		{[]string{"--colour"}, nil},
	})
}

func TestInitOptions(t *testing.T) {
	testOptions(t, newInitCmd, func(o *InitOptions) { o.F = nil }, []optionCase[InitOptions]{
		{[]string{"--mentor", "Ada", "--mentee", "Grace"}, &InitOptions{Mentor: "Ada", Mentee: "Grace"}},
		{[]string{"--mentor", "Ada", "--mentee", "Grace", "--start", "2026-01-15", "--duration", "6 months",
			"--cadence", "weekly", "--program", "P", "--goal", "One", "--goal", "Two, with a comma", "--id", "a--g"},
			&InitOptions{Mentor: "Ada", Mentee: "Grace", Start: "2026-01-15", Duration: "6 months", Cadence: "weekly",
				Program: "P", Goals: []string{"One", "Two, with a comma"}, ID: "a--g"}},
		{[]string{"--mentor", "Ada", "--mentee", "Grace", "--end", "2026-07-01"}, &InitOptions{Mentor: "Ada", Mentee: "Grace", End: "2026-07-01"}},
		{[]string{"--mentor", "Ada", "--end", "2026-07-01", "--duration", "6 months"}, nil},
		{[]string{"--mentor", "Ada", "extra"}, nil},
	})
}

func TestNoteOptions(t *testing.T) {
	clear := func(o *NoteOptions) { o.F, o.Edit = nil, nil }
	testOptions(t, newNoteCmd, clear, []optionCase[NoteOptions]{
		{[]string{"a--b", "--as", "mentee"}, &NoteOptions{Pair: "a--b", As: "mentee"}},
		{[]string{"a--b", "--as", "mentor", "-m", "", "--date", "2026-03-01", "--commit"},
			&NoteOptions{Pair: "a--b", As: "mentor", HasText: true, Date: "2026-03-01", Commit: true}},
		{[]string{"a--b", "--as", "mentor", "--message", "Went well."}, &NoteOptions{Pair: "a--b", As: "mentor", Text: "Went well.", HasText: true}},
		{[]string{"a--b"}, nil},
		{[]string{"a--b", "--as", "programme"}, nil},
		{[]string{"a--b", "--as", "mentor", "--date", "2026-02-30"}, nil},
		{[]string{"--as", "mentor"}, nil},
	})
}

func TestAgendaOptions(t *testing.T) {
	testOptions(t, newAgendaCmd, func(o *AgendaOptions) { o.F = nil }, []optionCase[AgendaOptions]{
		{[]string{"a--b"}, &AgendaOptions{Pair: "a--b"}},
		{[]string{"a--b", "--date", "2026-12-01", "--unplanned", "--stdout", "--force"},
			&AgendaOptions{Pair: "a--b", Date: "2026-12-01", Unplanned: true, Stdout: true, Force: true}},
		{nil, nil},
		{[]string{"a--b", "c--d"}, nil},
	})
}

func TestRecordOptions(t *testing.T) {
	testOptions(t, newRecordCmd, func(o *RecordOptions) { o.F = nil }, []optionCase[RecordOptions]{
		{[]string{"a--b"}, &RecordOptions{Pair: "a--b"}},
		{[]string{"a--b", "--date", "2026-12-01", "--reason", "mutual", "--transition", "informal", "--stdout", "--force"},
			&RecordOptions{Pair: "a--b", Date: "2026-12-01", Reason: "mutual", Transition: "informal", Stdout: true, Force: true}},
		{[]string{"a--b", "--reason", "bored"}, nil},
		{[]string{"a--b", "--transition", "later"}, nil},
		{nil, nil},
	})
}

func TestTemplatesOptions(t *testing.T) {
	testOptions(t, newTemplatesCmd, func(o *TemplatesOptions) { o.F = nil }, []optionCase[TemplatesOptions]{
		{nil, &TemplatesOptions{Names: []string{}}},
		{[]string{"agenda.md", "closure.md"}, &TemplatesOptions{Names: []string{"agenda.md", "closure.md"}}},
		{[]string{"report.md"}, nil},
	})
}
