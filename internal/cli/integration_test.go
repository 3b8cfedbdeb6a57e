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

// The action builds mentor from its own checkout with the module's Go
// version (cache keyed on go.sum), and its steps run scripts/action.sh, the
// script CI runs against the examples.
func TestActionYAML(t *testing.T) {
	var action struct {
		Name   string
		Inputs map[string]struct {
			Default  string
			Required bool
		}
		Outputs map[string]struct{ Value string }
		Runs    struct {
			Using string
			Steps []struct {
				Uses string
				With map[string]string
				Run  string
				Env  map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(readRoot(t, "action.yml"), &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	for in, def := range map[string]string{"command": "verify", "path": ".", "format": "github", "output": "", "args": ""} {
		got, ok := action.Inputs[in]
		if !ok || got.Default != def || got.Required {
			t.Errorf("input %q: %+v, want default %q", in, got, def)
		}
	}
	if _, ok := action.Inputs["version"]; ok {
		t.Error("the action builds its own checkout: no version input")
	}
	for _, out := range []string{"file", "exit-code"} {
		if !strings.Contains(action.Outputs[out].Value, "steps.mentor.outputs."+out) {
			t.Errorf("output %q: %+v", out, action.Outputs[out])
		}
	}
	if action.Runs.Using != "composite" || len(action.Runs.Steps) != 3 {
		t.Fatalf("runs: %+v", action.Runs)
	}
	s := action.Runs.Steps
	if !strings.HasPrefix(s[0].Uses, "actions/setup-go@") || s[0].With["go-version-file"] != "${{ github.action_path }}/go.mod" ||
		s[0].With["cache-dependency-path"] != "${{ github.action_path }}/go.sum" {
		t.Errorf("step 1 does not set up the module's Go with a cache keyed on go.sum: %+v", s[0])
	}
	if s[1].Run != `bash "$GITHUB_ACTION_PATH/scripts/action.sh" build` {
		t.Errorf("step 2 does not build from the action's checkout: %+v", s[1])
	}
	if s[2].Run != `bash "$GITHUB_ACTION_PATH/scripts/action.sh" run` {
		t.Errorf("step 3 does not run the script: %+v", s[2])
	}
	for env, in := range map[string]string{"MENTOR_COMMAND": "command", "MENTOR_PATH": "path", "MENTOR_FORMAT": "format", "MENTOR_OUTPUT": "output", "MENTOR_ARGS": "args"} {
		if s[2].Env[env] != "${{ inputs."+in+" }}" {
			t.Errorf("step 3: %s is %q, want the %s input", env, s[2].Env[env], in)
		}
	}
	// No input is pasted into a script, where it could inject commands.
	for _, st := range s {
		if strings.Contains(st.Run, "${{") {
			t.Errorf("a step's script expands an expression: %s", st.Run)
		}
	}
	script := string(readRoot(t, "scripts/action.sh"))
	for _, want := range []string{`cd "$GITHUB_ACTION_PATH"`, "go build", "./cmd/mentor", `close "$command" --repo`, "sarif) output=mentor.sarif", "gitlab) output=gl-code-quality-report.json"} {
		if !strings.Contains(script, want) {
			t.Errorf("scripts/action.sh lacks %q", want)
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

// yamlBlocks returns the YAML code blocks of a Markdown file.
func yamlBlocks(t *testing.T, name string) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(readRoot(t, name)), -1) {
		var v any
		if err := yaml.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Errorf("%s: a YAML block does not parse: %v\n%s", name, err, m[1])
		}
		out = append(out, m[1])
	}
	return out
}

// The YAML of the README and of the CI pages parses, the README's step uses the
// action, and the GitLab job publishes the Code Quality report verify writes.
func TestCISnippets(t *testing.T) {
	readme := string(readRoot(t, "README.md"))
	i := strings.Index(readme, "\n## Use in CI\n")
	if i < 0 || !strings.Contains(readme[i:], "(docs/ci.md)") {
		t.Fatal("README's Use in CI section does not point to docs/ci.md")
	}
	if !strings.Contains(readme, "go install ./cmd/mentor") {
		t.Error("README's install does not work from a clone")
	}
	if !strings.Contains(readme, "- [mentor in CI](docs/ci.md)") {
		t.Error("README's Documentation list does not link docs/ci.md")
	}
	var steps []struct{ Uses string }
	for _, b := range yamlBlocks(t, "README.md") {
		if strings.Contains(b, "uses: mentor-cli/mentor@") {
			yaml.Unmarshal([]byte(b), &steps)
		}
	}
	if len(steps) != 2 || !strings.HasPrefix(steps[1].Uses, "mentor-cli/mentor@") {
		t.Errorf("README's steps do not use the action: %+v", steps)
	}
	var blocks []string
	for _, page := range []string{"docs/ci.md", "docs/github-action.md", "docs/sarif.md", "docs/gitlab-ci.md", "docs/pre-commit.md"} {
		blocks = append(blocks, yamlBlocks(t, page)...)
	}
	var gitlab map[string]struct {
		Script    []string
		Artifacts struct {
			When    string
			Reports struct{ Codequality string }
		}
	}
	var precommit struct {
		Repos []struct {
			Hooks []struct {
				ID   string
				Args []string
			}
		}
	}
	for _, b := range blocks {
		if strings.Contains(b, "codequality") {
			if err := yaml.Unmarshal([]byte(b), &gitlab); err != nil {
				t.Fatal(err)
			}
		}
		if strings.Contains(b, "mentor-verify") {
			if err := yaml.Unmarshal([]byte(b), &precommit); err != nil {
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
	if h := precommit.Repos; len(h) != 1 || len(h[0].Hooks) != 1 || h[0].Hooks[0].ID != "mentor-verify" ||
		strings.Join(h[0].Hooks[0].Args, " ") != "--repo mentoring" {
		t.Errorf("pre-commit: %+v", precommit)
	}
}

// The example workflows use the action: the gate on pull requests (and a
// SARIF upload), and check --format github every week.
func TestExampleWorkflows(t *testing.T) {
	type step struct {
		Uses string
		ID   string
		With map[string]string
	}
	var wf struct {
		On   map[string]any
		Jobs map[string]struct{ Steps []step }
	}
	if err := yaml.Unmarshal(readRoot(t, "examples/workflows/mentor-weekly.yml"), &wf); err != nil {
		t.Fatal(err)
	}
	sched, _ := wf.On["schedule"].([]any)
	if len(sched) != 1 || !strings.HasSuffix(sched[0].(map[string]any)["cron"].(string), " 1") {
		t.Errorf("weekly: not on a weekly schedule: %+v", wf.On)
	}
	st := wf.Jobs["check"].Steps
	if len(st) != 2 || !strings.HasPrefix(st[1].Uses, "mentor-cli/mentor@") || st[1].With["command"] != "check" || st[1].With["format"] != "github" {
		t.Errorf("weekly: %+v", wf.Jobs)
	}
	wf.Jobs = nil
	if err := yaml.Unmarshal(readRoot(t, "examples/workflows/mentor-verify.yml"), &wf); err != nil {
		t.Fatal(err)
	}
	if st := wf.Jobs["verify"].Steps; len(st) != 2 || !strings.HasPrefix(st[1].Uses, "mentor-cli/mentor@") {
		t.Errorf("verify: %+v", wf.Jobs["verify"])
	}
	scan := wf.Jobs["code-scanning"].Steps
	if len(scan) != 3 || scan[1].With["format"] != "sarif" || !strings.HasPrefix(scan[2].Uses, "github/codeql-action/upload-sarif@") ||
		scan[2].With["sarif_file"] != "${{ steps."+scan[1].ID+".outputs.file }}" {
		t.Errorf("code scanning: %+v", scan)
	}
}
