// Package repo is mentor's edge to the file system: it finds the programme
// repository, lists its pairs, reads files safely and writes them atomically.
package repo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/diag"
)

// Repo is a programme repository.
type Repo struct {
	Root      string // absolute, symlinks resolved
	Config    config.Config
	HasConfig bool
}

// UsageError is a problem with what the user asked for (exit code 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// FindRoot returns the repo root: dir if given; else the nearest ancestor of
// cwd holding .mentor.yaml; else the git top-level; else cwd.
func FindRoot(dir, cwd string) (string, error) {
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", usagef("--repo %s: %v", dir, err)
		}
		st, err := os.Stat(abs)
		if err != nil || !st.IsDir() {
			return "", usagef("--repo %s: no such folder; give the folder that holds .mentor.yaml or the pairs", dir)
		}
		return canonical(abs), nil
	}
	cwd = canonical(cwd)
	if d, ok := up(cwd, config.FileName); ok {
		return d, nil
	}
	if d, ok := up(cwd, ".git"); ok {
		return d, nil
	}
	return cwd, nil
}

func canonical(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

func up(dir, name string) (string, bool) {
	for {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Open finds the repo and reads its config.
func Open(dir, cwd string) (*Repo, error) {
	root, err := FindRoot(dir, cwd)
	if err != nil {
		return nil, err
	}
	r := &Repo{Root: root, Config: config.Default()}
	data, prob := r.Read(config.FileName)
	if prob != nil {
		if errors.Is(prob.err, fs.ErrNotExist) {
			return r, nil
		}
		return nil, prob.Problem
	}
	cfg, err := config.Parse(config.FileName, data)
	if err != nil {
		return nil, err
	}
	r.Config, r.HasConfig = cfg, true
	return r, nil
}

// Abs turns a repo-relative slash path into an absolute one.
func (r *Repo) Abs(rel string) string { return filepath.Join(r.Root, filepath.FromSlash(rel)) }

// Rel turns an absolute path into a repo-relative slash path.
func (r *Repo) Rel(abs string) string {
	rel, err := filepath.Rel(r.Root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// Inside reports whether abs is the root or below it.
func (r *Repo) Inside(abs string) bool {
	rel, err := filepath.Rel(r.Root, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Pair is one pair folder.
type Pair struct {
	ID      string
	Dir     string        // repo-relative folder
	Problem *diag.Problem // set when the folder itself cannot be used
}

// PlanFile is the pair's plan.md, repo-relative.
func (p Pair) PlanFile() string { return p.Dir + "/plan.md" }

// File is a file in the pair folder, repo-relative.
func (p Pair) File(name string) string { return p.Dir + "/" + name }

var idRe = regexp.MustCompile(`^[a-z0-9._-]+$`)

// CheckID rejects ids that could escape pairs_dir or are not plain names.
func CheckID(id string) error {
	switch {
	case id == "":
		return usagef("the pair id is empty")
	case strings.ContainsAny(id, `/\`):
		return usagef("pair id %q must not contain / or \\", id)
	case strings.Contains(id, ".."):
		return usagef("pair id %q must not contain ..", id)
	case id[0] == '.' || id[0] == '-':
		return usagef("pair id %q must not start with . or -", id)
	case !idRe.MatchString(id):
		return usagef("pair id %q may only hold lower-case letters, digits, '.', '_' and '-'", id)
	}
	return nil
}

// Pairs lists the pairs under pairs_dir, in id order. A missing pairs_dir
// holds no pairs.
func (r *Repo) Pairs() ([]Pair, error) {
	return r.pairsIn(r.Config.PairsDir, true)
}

// pairsIn lists the pair folders directly under dir (repo-relative).
func (r *Repo) pairsIn(dir string, missingOK bool) ([]Pair, error) {
	entries, err := os.ReadDir(r.Abs(dir))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && missingOK {
			return nil, nil
		}
		return nil, usagef("cannot list pairs in %s: %v", dir, unwrap(err))
	}
	pairs := make([]Pair, 0, len(entries))
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		rel := name
		if dir != "." && dir != "" {
			rel = dir + "/" + name
		}
		p := Pair{ID: name, Dir: rel}
		switch {
		case e.IsDir():
		case e.Type()&fs.ModeSymlink != 0:
			target, err := filepath.EvalSymlinks(r.Abs(rel))
			if err != nil {
				continue // a dangling link is not a pair
			}
			st, err := os.Stat(target)
			if err != nil || !st.IsDir() {
				continue
			}
			if !r.Inside(target) {
				p.Problem = &diag.Problem{File: rel, Severity: diag.Error,
					Message: "pair folder is a symbolic link to a place outside the repo; it is not followed (move the pair into the repo)"}
			}
		default:
			continue
		}
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].ID < pairs[j].ID })
	return pairs, nil
}

// Resolve turns PAIR or PATH arguments into pairs: a pair id, a pair folder,
// a plan.md path, or a folder of pairs. cwd resolves relative paths.
func (r *Repo) Resolve(args []string, cwd string) ([]Pair, error) {
	if len(args) == 0 {
		return r.Pairs()
	}
	var out []Pair
	seen := map[string]bool{}
	for _, a := range args {
		ps, err := r.resolveOne(a, cwd, true)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if !seen[p.Dir] {
				seen[p.Dir] = true
				out = append(out, p)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// ResolvePair resolves one PAIR argument that must name a single pair.
func (r *Repo) ResolvePair(arg, cwd string) (Pair, error) {
	ps, err := r.resolveOne(arg, cwd, false)
	if err != nil {
		return Pair{}, err
	}
	return ps[0], nil
}

func (r *Repo) resolveOne(arg, cwd string, folders bool) ([]Pair, error) {
	abs := arg
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(cwd, arg)
	}
	st, err := os.Stat(abs)
	if err != nil {
		// Not a path: a pair id under pairs_dir.
		if CheckID(arg) == nil {
			dir := r.Config.PairsDir + "/" + arg
			if st, err := os.Stat(r.Abs(dir)); err == nil && st.IsDir() {
				return []Pair{{ID: arg, Dir: dir}}, nil
			}
		}
		return nil, usagef("unknown pair %q: no pair folder %s/%s and no such path (list the pairs with: mentor close check)",
			arg, r.Config.PairsDir, arg)
	}
	abs = canonical(abs)
	if !r.Inside(abs) {
		return nil, usagef("%s is outside the repo %s; pass --repo to choose another repo", arg, r.Root)
	}
	if !st.IsDir() {
		if filepath.Base(abs) != "plan.md" {
			return nil, usagef("%s is not a pair: give a pair id, a pair folder or its plan.md", arg)
		}
		abs = filepath.Dir(abs)
	}
	rel := r.Rel(abs)
	if _, err := os.Stat(filepath.Join(abs, "plan.md")); err == nil {
		return []Pair{{ID: filepath.Base(abs), Dir: rel}}, nil
	}
	// A folder with a closure record but no plan is a pair that lost its
	// plan, not a folder of pairs: readers report the missing plan.
	if st, err := os.Lstat(filepath.Join(abs, "closure.md")); err == nil && !st.IsDir() && abs != r.Root {
		return []Pair{{ID: filepath.Base(abs), Dir: rel}}, nil
	}
	if !folders {
		return nil, usagef("%s has no plan.md: give a pair id, a pair folder or its plan.md", arg)
	}
	return r.pairsIn(rel, false)
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
