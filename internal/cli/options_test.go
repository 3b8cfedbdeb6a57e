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
		{[]string{"a--b", "--as", "mentor", "-m", "x", "--date", "2026-03-01", "--commit"},
			&NoteOptions{Pair: "a--b", As: "mentor", Text: "x", HasText: true, Date: "2026-03-01", Write: writeFlags{Commit: true}}},
		{[]string{"a--b", "--as", "mentor", "-m", ""}, nil},
		{[]string{"a--b", "--as", "mentor", "--dry-run", "--commit"}, nil},
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
			&AgendaOptions{Pair: "a--b", Date: "2026-12-01", Unplanned: true, File: fileOptions{Stdout: true, Force: true}}},
		{[]string{"a--b", "--dry-run"}, &AgendaOptions{Pair: "a--b", File: fileOptions{Write: writeFlags{DryRun: true}}}},
		{[]string{"a--b", "--stdout", "--commit"}, nil},
		{nil, nil},
		{[]string{"a--b", "c--d"}, nil},
	})
}

func TestRecordOptions(t *testing.T) {
	testOptions(t, newRecordCmd, func(o *RecordOptions) { o.F = nil }, []optionCase[RecordOptions]{
		{[]string{"a--b"}, &RecordOptions{Pair: "a--b"}},
		{[]string{"a--b", "--date", "2026-12-01", "--reason", "mutual", "--transition", "informal", "--stdout", "--force"},
			&RecordOptions{Pair: "a--b", Date: "2026-12-01", Reason: "mutual", Transition: "informal", File: fileOptions{Stdout: true, Force: true}}},
		{[]string{"a--b", "--commit"}, &RecordOptions{Pair: "a--b", File: fileOptions{Write: writeFlags{Commit: true}}}},
		{[]string{"a--b", "--stdout", "--dry-run"}, nil},
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

func TestGoalOptions(t *testing.T) {
	testOptions(t, newGoalCmd, func(o *GoalOptions) { o.F = nil }, []optionCase[GoalOptions]{
		{[]string{"a--b", "2", "--progress", "Outline done"}, &GoalOptions{Pair: "a--b", Goal: "2", Progress: "Outline done"}},
		{[]string{"a--b", "talk", "--met", "--progress", "Gave it", "--date", "2026-05-01", "--commit"},
			&GoalOptions{Pair: "a--b", Goal: "talk", Met: true, Progress: "Gave it", Date: "2026-05-01", Write: writeFlags{Commit: true}}},
		{[]string{"a--b", "3", "--drop", "not needed"}, &GoalOptions{Pair: "a--b", Goal: "3", Drop: "not needed", Dropped: true}},
		{[]string{"a--b", "1", "--open", "--dry-run"}, &GoalOptions{Pair: "a--b", Goal: "1", Open: true, Write: writeFlags{DryRun: true}}},
		{[]string{"a--b", "1"}, nil},                                  // nothing to change
		{[]string{"a--b", "1", "--met", "--open"}, nil},               // two states
		{[]string{"a--b", "1", "--met", "--drop", "x"}, nil},          // two states
		{[]string{"a--b", "1", "--drop", " "}, nil},                   // no reason
		{[]string{"a--b", "1", "--met", "--date", "2026-05-01"}, nil}, // --date without --progress
		{[]string{"a--b", "1", "--progress", "x", "--date", "May 1"}, nil},
		{[]string{"a--b", "1", "--progress", "two\nlines"}, nil},
		{[]string{"a--b"}, nil},
	})
}

func TestExtendOptions(t *testing.T) {
	testOptions(t, newExtendCmd, func(o *ExtendOptions) { o.F = nil }, []optionCase[ExtendOptions]{
		{[]string{"a--b", "--to", "2026-09-15", "--reason", "Talk moved"}, &ExtendOptions{Pair: "a--b", To: "2026-09-15", Reason: "Talk moved"}},
		{[]string{"a--b", "--to", "2026-09-15", "--reason", "R", "--agreed-by", "mentor,program", "--agreed-by", "mentee", "--date", "2026-07-01"},
			&ExtendOptions{Pair: "a--b", To: "2026-09-15", Reason: "R", AgreedBy: []string{"mentor", "program", "mentee"}, Date: "2026-07-01"}},
		{[]string{"a--b", "--reason", "R"}, nil},
		{[]string{"a--b", "--to", "2026-09-15"}, nil},
		{[]string{"a--b", "--to", "soon", "--reason", "R"}, nil},
		{[]string{"a--b", "--to", "2026-09-15", "--reason", "R", "--agreed-by", "boss"}, nil},
	})
}

func TestDoneOptions(t *testing.T) {
	testOptions(t, newDoneCmd, func(o *DoneOptions) { o.F = nil }, []optionCase[DoneOptions]{
		{[]string{"a--b"}, &DoneOptions{Pair: "a--b"}},
		{[]string{"a--b", "--force", "--commit"}, &DoneOptions{Pair: "a--b", Force: true, Write: writeFlags{Commit: true}}},
		{nil, nil},
		{[]string{"a--b", "--dry-run", "--commit"}, nil},
	})
}

func TestListOptions(t *testing.T) {
	testOptions(t, newListCmd, func(o *ListOptions) { o.F = nil }, []optionCase[ListOptions]{
		{nil, &ListOptions{Format: "text", Paths: []string{}}},
		{[]string{"--status", "closing,closed", "--status", "active", "-f", "json"},
			&ListOptions{Format: "json", Status: []string{"closing", "closed", "active"}, Paths: []string{}}},
		{[]string{"--status", "done"}, nil},
		{[]string{"--format", "csv"}, nil},
	})
}

func TestCheckVerdictOption(t *testing.T) {
	testOptions(t, newCheckCmd, func(o *CheckOptions) { o.F = nil }, []optionCase[CheckOptions]{
		{[]string{"--verdict", "closing,ready-to-close"}, &CheckOptions{Format: "text", Paths: []string{}, Verdict: []string{"closing", "ready-to-close"}}},
		{[]string{"--verdict", "finished"}, nil},
	})
}
