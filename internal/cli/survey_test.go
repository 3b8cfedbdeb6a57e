package cli

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/survey"
)

const programmeKey = "testdata/age/programme.key"

// surveyRepo makes a programme whose surveys are encrypted to the test key.
func surveyRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		".mentor.yaml":             "survey:\n  recipients:\n    - age1y07gjlsm6nnep6yk8vaw3y0jhpg070g49eth5lctss74ycuzz97qp0fp5v\n",
		"pairs/ada--grace/plan.md": "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The answers in clear never reach the disk: not in the repo, not in the
// temporary folder, not in a file mentor wrote and removed (the folders
// are searched after the run). The survey it wrote opens with the key.
func TestEncryptedSurveyLeavesNoClearText(t *testing.T) {
	repoDir := surveyRepo(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	secrets := []string{"PLAINTEXT-CANARY-7f3a", "the kickoff felt rushed"}
	f, in, out, errOut := testFactory()
	f.Getwd = func() (string, error) { return repoDir, nil }
	in.WriteString("satisfaction: 4\ngoals: 3\nrecommend: 8\nagain: yes\nmentor_better: " + secrets[0] + " " + secrets[1] + "\n")
	if code := Run(f, []string{"close", "survey", "ada--grace", "--as", "mentee", "--today", "2026-11-21"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	file := strings.TrimSpace(out.String())
	for _, root := range []string{repoDir, tmp} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, s := range append(secrets, "satisfaction", "closure-survey") {
				if bytes.Contains(data, []byte(s)) && !strings.HasSuffix(path, ".mentor.yaml") {
					t.Errorf("%s holds %q in clear", path, s)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(repoDir, file))
	if err != nil {
		t.Fatal(err)
	}
	keyData, _ := os.ReadFile(programmeKey)
	keys, err := survey.ParseKeys("key", keyData)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := keys.Decrypt(data)
	if err != nil || !bytes.Contains(plain, []byte(secrets[0])) || !bytes.Contains(plain, []byte("  recommend: 8\n")) {
		t.Errorf("the survey does not open to the answers: %v\n%s", err, plain)
	}
}

// MENTOR_AGE_IDENTITY may hold the identity itself, as a CI secret does.
func TestIdentityFromEnvironment(t *testing.T) {
	keyData, err := os.ReadFile(programmeKey)
	if err != nil {
		t.Fatal(err)
	}
	var secret string
	for _, l := range strings.Split(string(keyData), "\n") {
		if strings.HasPrefix(l, "AGE-SECRET-KEY-") {
			secret = l
		}
	}
	f, _, _, _ := testFactory()
	f.Getenv = func(k string) string {
		if k == IdentityEnv {
			return secret
		}
		return ""
	}
	keys, err := surveyKeys(f, nil, "")
	if err != nil || keys == nil || keys.Source != IdentityEnv {
		t.Fatalf("keys %v, %v", keys, err)
	}
	f.Getenv = func(k string) string {
		if k == IdentityEnv {
			return "AGE-SECRET-KEY-1NOTAKEY"
		}
		return ""
	}
	if _, err := surveyKeys(f, nil, ""); ExitCode(err) != ExitUsage || !strings.Contains(err.Error(), IdentityEnv) {
		t.Errorf("a bad identity: %v", err)
	}
	f.Getenv = func(string) string { return "" }
	if keys, err := surveyKeys(f, nil, ""); keys != nil || err != nil {
		t.Errorf("no identity: %v %v", keys, err)
	}
}

// On a terminal each question is asked with its scale; an answer that does
// not fit is asked again; Enter skips an optional question; the end of
// input before the last answer is exit 1.
func TestAskSurvey(t *testing.T) {
	var out bytes.Buffer
	in := bufio.NewReader(strings.NewReader("6\n4\n\n3\nten\n10\nmaybe\nno\n\n"))
	got, err := askSurvey(in, &out, "ada--grace", "mentee", survey.Default)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := map[string]string{"satisfaction": "4", "goals": "3", "recommend": "10", "again": "no"}
	if len(got) != len(want) {
		t.Errorf("answers %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	for _, s := range []string{
		"[1/5] Overall, how satisfied are you with the mentoring relationship?\n      1 (low) to 5 (high): ",
		`"6" does not fit: the answer is 1 (low) to 5 (high). Try again.`,
		"This question needs an answer",
		`"ten" does not fit`,
		"[3/5] How likely are you to recommend the programme to a colleague?\n      0 (not at all) to 10 (certainly): ",
		"[5/5] What could the mentor do better?\n      free text on one line; optional, Enter skips it: ",
	} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("the prompts lack %q:\n%s", s, out.String())
		}
	}
	_, err = askSurvey(bufio.NewReader(strings.NewReader("4\n3\n")), &out, "ada--grace", "mentee", survey.Default)
	if ExitCode(err) != ExitFindings || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("end of input: %v", err)
	}
}

// Without a terminal and without answers, survey reads standard input: a
// script that pipes nothing gets exit 1 and no file.
func TestSurveyNotOnTerminal(t *testing.T) {
	repoDir := surveyRepo(t)
	f, _, _, errOut := testFactory()
	f.Getwd = func() (string, error) { return repoDir, nil }
	if code := Run(f, []string{"close", "survey", "ada--grace", "--as", "mentor", "--today", "2026-11-21"}); code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(repoDir, "pairs/ada--grace/survey/2026-11-21-mentor.md")); err == nil {
		t.Error("a survey was written")
	}
}
