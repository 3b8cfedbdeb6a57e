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

// gitCommit stages and commits one repo-relative file, and only that file:
// other staged changes stay staged and out of the commit.
func gitCommit(r *repo.Repo, file, msg string) error {
	if out, err := gitRun(r, "add", "--", file); err != nil {
		return usageErr("wrote %s, but git add failed: %s (commit it yourself)", file, gitMsg(out, err))
	}
	if out, err := gitRun(r, "commit", "--quiet", "--only", "-m", msg, "--", file); err != nil {
		return usageErr("wrote %s, but git commit failed: %s (commit it yourself)", file, gitMsg(out, err))
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
