package cli

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The ready-made CI integration at the repo root stays valid and wired to
// verify: the composite action, the pre-commit hook and the README's
// workflow snippets.

func readRoot(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestActionYAML(t *testing.T) {
	var action struct {
		Name   string
		Inputs map[string]struct {
			Default  string
			Required bool
		}
		Runs struct {
			Using string
			Steps []struct {
				Uses string
				Run  string
				Env  map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(readRoot(t, "action.yml"), &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	for _, in := range []string{"version", "path", "format", "args"} {
		if _, ok := action.Inputs[in]; !ok {
			t.Errorf("action.yml has no input %q", in)
		}
	}
	if action.Inputs["format"].Default != "github" || action.Inputs["version"].Default == "" {
		t.Errorf("defaults: %+v", action.Inputs)
	}
	if action.Runs.Using != "composite" || len(action.Runs.Steps) != 3 {
		t.Fatalf("runs: %+v", action.Runs)
	}
	s := action.Runs.Steps
	if !strings.HasPrefix(s[0].Uses, "actions/setup-go@") {
		t.Errorf("step 1 does not set up Go: %+v", s[0])
	}
	if !strings.Contains(s[1].Run, "go install \"github.com/mentor-cli/mentor/cmd/mentor@${MENTOR_VERSION}\"") ||
		s[1].Env["MENTOR_VERSION"] != "${{ inputs.version }}" {
		t.Errorf("step 2 does not install the chosen version: %+v", s[1])
	}
	if !strings.Contains(s[2].Run, "close verify --repo \"$MENTOR_PATH\" --format \"$MENTOR_FORMAT\" $MENTOR_ARGS") ||
		s[2].Env["MENTOR_FORMAT"] != "${{ inputs.format }}" || s[2].Env["MENTOR_PATH"] != "${{ inputs.path }}" ||
		s[2].Env["MENTOR_ARGS"] != "${{ inputs.args }}" {
		t.Errorf("step 3 does not run verify with the inputs: %+v", s[2])
	}
	// No input is pasted into a script, where it could inject commands.
	for _, st := range s {
		if strings.Contains(st.Run, "${{") {
			t.Errorf("a step's script expands an expression: %s", st.Run)
		}
	}
}

func TestPreCommitHook(t *testing.T) {
	var hooks []struct {
		ID, Entry, Language, Files string
		PassFilenames              *bool `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(readRoot(t, ".pre-commit-hooks.yaml"), &hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	if len(hooks) != 1 {
		t.Fatalf("hooks: %+v", hooks)
	}
	h := hooks[0]
	if h.ID != "mentor-verify" || h.Entry != "mentor close verify" || h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames {
		t.Errorf("hook: %+v", h)
	}
	re, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"pairs/a--b/plan.md": true, "pairs/a--b/closure.md": true, ".mentor.yaml": true,
		"main.go": false, "pairs/a--b/notes.txt": false, "x.mentor.yaml.bak": false,
	} {
		if re.MatchString(name) != want {
			t.Errorf("files %q matches %q: %v", h.Files, name, !want)
		}
	}
}

// Every YAML block of the README's "Use in CI" section parses, and the
// GitLab job publishes the Code Quality report verify writes.
func TestReadmeCISnippets(t *testing.T) {
	readme := string(readRoot(t, "README.md"))
	i := strings.Index(readme, "\n## Use in CI\n")
	if i < 0 {
		t.Fatal("README has no section Use in CI")
	}
	sec := readme[i+1:]
	if j := strings.Index(sec[3:], "\n## "); j >= 0 {
		sec = sec[:j+3]
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(sec, -1)
	if len(blocks) < 4 {
		t.Fatalf("%d YAML blocks", len(blocks))
	}
	for _, b := range blocks {
		var v any
		if err := yaml.Unmarshal([]byte(b[1]), &v); err != nil {
			t.Errorf("README YAML does not parse: %v\n%s", err, b[1])
		}
	}
	var workflow struct {
		Jobs map[string]struct {
			Steps []struct{ Uses string }
		}
	}
	yaml.Unmarshal([]byte(blocks[0][1]), &workflow)
	if st := workflow.Jobs["verify"].Steps; len(st) != 2 || !strings.HasPrefix(st[1].Uses, "mentor-cli/mentor@") {
		t.Errorf("the workflow does not use the action: %+v", workflow)
	}
	var gitlab map[string]struct {
		Script    []string
		Artifacts struct {
			When    string
			Reports struct{ Codequality string }
		}
	}
	for _, b := range blocks {
		if strings.Contains(b[1], "codequality") {
			if err := yaml.Unmarshal([]byte(b[1]), &gitlab); err != nil {
				t.Fatal(err)
			}
		}
	}
	job := gitlab["mentoring"]
	script := strings.Join(job.Script, "\n")
	if job.Artifacts.Reports.Codequality == "" || job.Artifacts.When != "always" ||
		!strings.Contains(script, "--format gitlab > "+job.Artifacts.Reports.Codequality) {
		t.Errorf("GitLab job: %+v", job)
	}
}
