package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/mentor-cli/mentor/internal/interrupt"
	"github.com/mentor-cli/mentor/internal/repo"
)

// gitCheck makes sure --commit can work, before anything is written: git is
// installed, the repo is inside a git work tree, and that work tree is not
// in the middle of a merge, rebase, cherry-pick, revert or bisect (a commit
// then would land in it, or on a detached HEAD the rebase throws away).
func gitCheck(r *repo.Repo) error {
	if _, err := exec.LookPath("git"); err != nil {
		return usageErr("--commit needs git, and git is not installed (install it, or leave out --commit); nothing was written")
	}
	out, err := gitRun(r, "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(out) != "true" {
		return usageErr("--commit: the repo is not a git repository (run git init in it, or leave out --commit); nothing was written")
	}
	if busy, err := gitBusy(r); err != nil {
		return usageErr("--commit: %v; nothing was written", err)
	} else if busy != "" {
		return usageErr("--commit: the git repository is in the middle of %s; finish it or abort it first, or leave out --commit; nothing was written", busy)
	}
	return nil
}

// gitStates are the files git keeps while an operation is under way, and
// what to call the operation.
var gitStates = []struct{ path, what string }{
	{"MERGE_HEAD", "a merge (git merge --continue or --abort)"},
	{"rebase-merge", "a rebase (git rebase --continue or --abort)"},
	{"rebase-apply", "a rebase or git am (--continue or --abort)"},
	{"CHERRY_PICK_HEAD", "a cherry-pick (git cherry-pick --continue or --abort)"},
	{"REVERT_HEAD", "a revert (git revert --continue or --abort)"},
	{"BISECT_LOG", "a bisect (git bisect reset)"},
}

// gitBusy names the operation the work tree is in the middle of, or "".
func gitBusy(r *repo.Repo) (string, error) {
	args := []string{"rev-parse"}
	for _, s := range gitStates {
		args = append(args, "--git-path", s.path)
	}
	out, err := gitRun(r, args...)
	if err != nil {
		return "", fmt.Errorf("git rev-parse failed: %s", gitMsg(out, err))
	}
	paths := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(paths) != len(gitStates) {
		return "", fmt.Errorf("git rev-parse --git-path gave %d paths for %d", len(paths), len(gitStates))
	}
	for i, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(r.Root, p)
		}
		if _, err := os.Lstat(p); err == nil {
			return gitStates[i].what, nil
		}
	}
	return "", nil
}

// literal makes a path a pathspec that matches that path only: a pair
// folder named a* must not stage every pair starting with a.
func literal(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = ":(literal)" + p
	}
	return out
}

// gitCommit commits the repo-relative files mentor wrote, and only those
// (literal pathspecs): other staged changes stay staged and out of the
// commit, and when the commit fails (a pre-commit hook refuses it) nothing
// is left staged. The files' locks are held while git runs (taken here
// unless the command holds them), so that no other mentor command edits
// them while a hook looks at them; an interrupt ends git too.
func gitCommit(r *repo.Repo, files []string, msg string) error {
	names := strings.Join(files, ", ")
	failed := func(format string, args ...any) error {
		return usageErr("wrote %s, but %s (commit it yourself)", names, fmt.Sprintf(format, args...))
	}
	if busy, err := gitBusy(r); err != nil {
		return failed("did not commit it: %v", err)
	} else if busy != "" {
		return failed("did not commit it: the git repository is in the middle of %s", busy)
	}
	for _, file := range files {
		if r.Holds(file) {
			continue // the command holds it already
		}
		unlock, err := r.Lock(file)
		if err != nil {
			return failed("did not commit it: %v", err)
		}
		defer unlock()
	}

	// A new file is added with --intent-to-add only: git commit --only
	// then takes it from the work tree, and on failure git leaves the
	// index as it was, bar that entry, which is taken out again.
	tracked, err := gitRun(r, append([]string{"ls-files", "-z", "--"}, literal(files)...)...)
	if err != nil {
		return failed("git ls-files failed: %s", gitMsg(tracked, err))
	}
	known := map[string]bool{}
	for _, f := range strings.Split(tracked, "\x00") {
		known[f] = true
	}
	var added []string
	for _, f := range files {
		if !known[f] {
			added = append(added, f)
		}
	}
	if len(added) > 0 {
		if out, err := gitRun(r, append([]string{"add", "--intent-to-add", "--"}, literal(added)...)...); err != nil {
			return failed("git add failed: %s", gitMsg(out, err))
		}
	}
	args := append([]string{"commit", "--quiet", "--only", "-m", msg, "--"}, literal(files)...)
	if out, err := gitRun(r, args...); err != nil {
		if len(added) > 0 {
			gitRun(r, append([]string{"rm", "--cached", "--quiet", "--force", "--"}, literal(added)...)...)
		}
		return failed("git commit failed: %s", gitMsg(out, err))
	}
	return nil
}

// gitRun runs git in the repo root. If mentor is interrupted meanwhile, git
// is asked to stop too (it removes its own lock files when it does), and
// mentor waits a moment for it.
func gitRun(r *repo.Repo, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Root
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	// A hook may leave a process behind that holds git's output open:
	// once git has exited, its output is not waited for long.
	cmd.WaitDelay = 250 * time.Millisecond
	if err := cmd.Start(); err != nil {
		return "", err
	}
	done := make(chan error, 1)
	unregister := interrupt.Register(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
	})
	err := cmd.Wait()
	done <- err
	unregister()
	if errors.Is(err, exec.ErrWaitDelay) {
		err = nil // git succeeded; only a process it left behind lingers
	}
	return b.String(), err
}

func gitMsg(out string, err error) string {
	if s := strings.TrimSpace(out); s != "" {
		return strings.ReplaceAll(s, "\n", "; ")
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.String()
	}
	return fmt.Sprint(err)
}
