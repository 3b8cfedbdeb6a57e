package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/survey"
)

// IdentityEnv names the variable that gives report and verify the
// programme's age identity when --identity is not given: a file, or the
// identity itself (AGE-SECRET-KEY-1…), as a CI secret holds it.
const IdentityEnv = "MENTOR_AGE_IDENTITY"

// surveyKeys reads the age identity that opens encrypted surveys: --identity
// FILE, else $MENTOR_AGE_IDENTITY; nil when neither is given. The file is
// the user's own, named on the command line, and usually lives outside the
// repo: that is where an identity belongs.
func surveyKeys(f *Factory, r *repo.Repo, flag string) (*survey.Keys, error) {
	path, from := flag, "--identity"
	if path == "" {
		env := strings.TrimSpace(f.Getenv(IdentityEnv))
		if env == "" {
			return nil, nil
		}
		if strings.HasPrefix(env, "AGE-SECRET-KEY-") {
			keys, err := survey.ParseKeys(IdentityEnv, []byte(env+"\n"))
			if err != nil {
				return nil, usageErr("%v", err)
			}
			return keys, nil
		}
		path, from = env, IdentityEnv
	}
	if !filepath.IsAbs(path) {
		cwd, err := f.Getwd()
		if err != nil {
			return nil, usageErr("cannot tell the working folder: %v", err)
		}
		path = filepath.Join(cwd, path)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, usageErr("%s %s: cannot read the identity file: %v", from, path, unwrapPath(err))
	}
	if st.Size() > repo.MaxFileSize {
		return nil, usageErr("%s %s: the file is over 1 MiB; an age identity file is a few lines", from, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageErr("%s %s: cannot read the identity file: %v", from, path, unwrapPath(err))
	}
	keys, err := survey.ParseKeys(path, data)
	if err != nil {
		return nil, usageErr("%s: %v", from, err)
	}
	if r != nil && r.Inside(path) {
		fmt.Fprintf(f.IO.ErrOut, "mentor: warning: the identity %s is inside the repo: anyone with the repo can read the encrypted surveys; keep it outside and remove it from git history\n", r.Rel(path))
	}
	return keys, nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// stdinTerminal reports whether standard input is a real terminal (not
// /dev/null, a pipe or a file).
func stdinTerminal(f *Factory) bool { return f.IO.IsStdinTTY() }

// keyTally counts the encrypted surveys an identity was tried on, and those
// it did not open, so that a wrong key is named once as such.
type keyTally struct{ encrypted, notForKey atomic.Int64 }

func (t *keyTally) add(p *pair.Pair) {
	for _, s := range p.Surveys {
		if s.Encrypted {
			t.encrypted.Add(1)
			if s.NotForKey {
				t.notForKey.Add(1)
			}
		}
	}
}

// warn says when the identity opened none of the encrypted surveys.
func (t *keyTally) warn(f *Factory, keys *survey.Keys) {
	n := t.encrypted.Load()
	if keys == nil || n == 0 || t.notForKey.Load() != n {
		return
	}
	fmt.Fprintf(f.IO.ErrOut, "mentor: warning: the identity in %s opens none of the %d encrypted surveys: it is probably the wrong key "+
		"(age-keygen -y FILE prints its public key; the surveys are encrypted to survey.recipients in .mentor.yaml)\n", keys.Source, n)
}
