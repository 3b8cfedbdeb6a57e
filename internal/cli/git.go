package cli

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"

	"github.com/mentor-cli/mentor/internal/repo"
)

// gitCheck makes sure --commit can work, before anything is written: git is
// installed and the repo is inside a git work tree.
func gitCheck(r *repo.Repo) error {
	if _, err := exec.LookPath("git"); err != nil {
		return usageErr("--commit needs git, and git is not installed (install it, or leave out --commit); nothing was written")
	}
	out, err := gitRun(r, "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(out) != "true" {
		return usageErr("--commit: the repo is not a git repository (run git init in it, or leave out --commit); nothing was written")
	}
	return nil
}

// gitCommit stages and commits the repo-relative files mentor wrote, and
// only those: other staged changes stay staged and out of the commit.
func gitCommit(r *repo.Repo, files []string, msg string) error {
	names := strings.Join(files, ", ")
	args := append([]string{"add", "--"}, files...)
	if out, err := gitRun(r, args...); err != nil {
		return usageErr("wrote %s, but git add failed: %s (commit it yourself)", names, gitMsg(out, err))
	}
	args = append([]string{"commit", "--quiet", "--only", "-m", msg, "--"}, files...)
	if out, err := gitRun(r, args...); err != nil {
		return usageErr("wrote %s, but git commit failed: %s (commit it yourself)", names, gitMsg(out, err))
	}
	return nil
}

func gitRun(r *repo.Repo, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Root
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	err := cmd.Run()
	return b.String(), err
}

func gitMsg(out string, err error) string {
	if s := strings.TrimSpace(out); s != "" {
		return strings.ReplaceAll(s, "\n", "; ")
	}
	return fmt.Sprint(err)
}
