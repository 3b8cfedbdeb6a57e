// Package repo is mentor's edge to the file system: it finds the programme
// repository, lists its pairs, reads files safely and writes them
// atomically. Every path it reads or writes goes through an os.Root opened
// at the repo root, so that no symbolic link anywhere along a path — the
// pairs folder, a pair folder, notes/, .mentor/ — can lead a read or a
// write outside the repo.
package repo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/pair"
)

// How the repo root was found, as messages name it.
const (
	FoundByFlag   = "--repo"
	FoundByConfig = ".mentor.yaml"
	FoundByGit    = "git top-level"
	FoundByCwd    = "working folder"
)

// Repo is a programme repository.
type Repo struct {
	Root      string // absolute, symlinks resolved
	FoundBy   string // how Root was found: one of the FoundBy constants
	Config    config.Config
	HasConfig bool

	// LockTimeout is how long Lock waits for a held lock (0: the default);
	// BreakLock takes a held lock over.
	LockTimeout time.Duration
	BreakLock   bool

	fs      *os.Root
	folders *folderRoots // the folders pair folders are opened from
}

// UsageError is a problem with what the user asked for (exit code 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// FindRoot returns the repo root and how it was found: dir if given; else
// the nearest ancestor of cwd holding .mentor.yaml; else the git top-level;
// else cwd.
func FindRoot(dir, cwd string) (root, how string, err error) {
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", "", usagef("--repo %s: %v", dir, err)
		}
		st, err := os.Stat(abs)
		if err != nil || !st.IsDir() {
			return "", "", usagef("--repo %s: no such folder; give the folder that holds .mentor.yaml or the pairs", dir)
		}
		return canonical(abs), FoundByFlag, nil
	}
	cwd = canonical(cwd)
	if d, ok := up(cwd, config.FileName); ok {
		return d, FoundByConfig, nil
	}
	if d, ok := up(cwd, ".git"); ok {
		return d, FoundByGit, nil
	}
	return cwd, FoundByCwd, nil
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
	root, how, err := FindRoot(dir, cwd)
	if err != nil {
		return nil, err
	}
	return OpenAt(root, how)
}

// OpenAt opens the repo at an absolute root and reads its config.
func OpenAt(root, how string) (*Repo, error) {
	fsys, err := os.OpenRoot(root)
	if err != nil {
		return nil, usagef("cannot open the repo %s: %v", root, unwrap(err))
	}
	r := &Repo{Root: root, FoundBy: how, Config: config.Default(), fs: fsys, folders: &folderRoots{}}
	data, prob := r.Read(config.FileName)
	if prob != nil {
		if prob.NotExist() {
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

// Where names the repo root and how it was found, for messages.
func (r *Repo) Where() string {
	return fmt.Sprintf("%s (found by %s)", r.Root, r.FoundBy)
}

// Abs turns a repo-relative slash path into an absolute one, for messages
// and for programs mentor runs (git, an editor).
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

// NoPairsDirError is a pairs_dir that does not exist (exit code 2).
type NoPairsDirError struct{ UsageError }

// Pairs lists the pairs under pairs_dir, in id order. A pairs_dir that does
// not exist is an error that names the root and how it was found.
func (r *Repo) Pairs() ([]pair.Ref, error) {
	refs, err := r.pairsIn(r.Config.PairsDir)
	if err != nil && errors.Is(err, fs.ErrNotExist) {
		where := "the default pairs_dir"
		if r.HasConfig {
			where = "pairs_dir in " + config.FileName
		}
		return nil, &NoPairsDirError{UsageError{fmt.Sprintf(
			"no pairs folder %s/ in the repo %s: %s names it; start a pair with mentor close init, or pass --repo the programme's folder",
			r.Config.PairsDir, r.Where(), where)}}
	}
	return refs, err
}

// PairIDs lists the ids under pairs_dir, for completion; errors give none.
func (r *Repo) PairIDs() []string {
	refs, _ := r.pairsIn(r.Config.PairsDir)
	ids := make([]string, len(refs))
	for i, p := range refs {
		ids[i] = p.ID
	}
	return ids
}

// pairsIn lists the folders directly under dir (repo-relative) as pairs:
// every folder, and every symbolic link to a folder, whose name does not
// start with a dot. A link that leads outside the repo is listed with its
// problem; the loader decides which folders hold a pair.
func (r *Repo) pairsIn(dir string) ([]pair.Ref, error) {
	// The entries are read a few hundred at a time and only the refs are
	// kept, each id a part of its folder's path: the ids are all a
	// programme-wide command holds, because the order needs them.
	var refs []pair.Ref
	err := r.EachDirEntry(dir, func(e fs.DirEntry) {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			return
		}
		rel := join(dir, name)
		p := pair.Ref{ID: rel[len(rel)-len(name):], Dir: rel}
		switch {
		case e.IsDir():
		case e.Type()&fs.ModeSymlink != 0:
			st, err := r.fs.Stat(filepath.FromSlash(rel))
			if err != nil {
				if !escapes(err) {
					return // a dangling link is not a pair
				}
				p.Problem = &diag.Problem{File: rel, Line: 1, Severity: diag.Error,
					Message: "pair folder is a symbolic link to a place outside the repo; it is not followed (move the pair into the repo)"}
			} else if !st.IsDir() {
				return
			}
		default:
			return
		}
		refs = append(refs, p)
	})
	if err != nil {
		return nil, err
	}
	if refs == nil {
		refs = []pair.Ref{}
	}
	slices.SortFunc(refs, func(a, b pair.Ref) int { return strings.Compare(a.ID, b.ID) })
	return refs, nil
}

func join(dir, name string) string {
	if dir == "." || dir == "" {
		return name
	}
	return dir + "/" + name
}

// Resolve turns PAIR or PATH arguments into pairs: a pair id, a pair folder,
// a plan.md path, or a folder of pairs. cwd resolves relative paths. No
// arguments means every pair in pairs_dir.
func (r *Repo) Resolve(args []string, cwd string) ([]pair.Ref, error) {
	if len(args) == 0 {
		return r.Pairs()
	}
	var out []pair.Ref
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
func (r *Repo) ResolvePair(arg, cwd string) (pair.Ref, error) {
	ps, err := r.resolveOne(arg, cwd, false)
	if err != nil {
		return pair.Ref{}, err
	}
	return ps[0], nil
}

// UnknownPairError is a PAIR argument that names no pair.
type UnknownPairError struct {
	UsageError
	Arg string
}

func (r *Repo) resolveOne(arg, cwd string, folders bool) ([]pair.Ref, error) {
	abs := arg
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(cwd, arg)
	}
	st, err := os.Stat(abs)
	if errors.Is(err, syscall.ELOOP) {
		return nil, usagef("%s: %s", arg, r.pathProblem(r.Rel(filepath.Join(canonical(filepath.Dir(abs)), filepath.Base(abs))), err))
	}
	if err != nil {
		// Not a path: a pair id under pairs_dir.
		if CheckID(arg) == nil {
			dir := r.Config.PairsDir + "/" + arg
			if st, err := r.fs.Stat(filepath.FromSlash(dir)); err == nil && st.IsDir() {
				return []pair.Ref{{ID: arg, Dir: dir}}, nil
			} else if err != nil && escapes(err) {
				return nil, usagef("%s is a symbolic link to a place outside the repo; it is not followed (move the pair into the repo)", dir)
			} else if errors.Is(err, syscall.ELOOP) {
				return nil, usagef("%s: %s", dir, r.pathProblem(dir, err))
			}
		}
		return nil, &UnknownPairError{UsageError{fmt.Sprintf("unknown pair %q: no pair folder %s/%s and no such path", arg, r.Config.PairsDir, arg)}, arg}
	}
	abs = canonical(abs)
	if !r.Inside(abs) {
		return nil, usagef("%s is outside the repo %s; pass --repo to choose another repo", arg, r.Where())
	}
	if !st.IsDir() {
		if filepath.Base(abs) != pair.PlanFile {
			return nil, usagef("%s is not a pair: give a pair id, a pair folder or its plan.md", arg)
		}
		abs = filepath.Dir(abs)
	}
	rel := r.Rel(abs)
	if r.exists(path.Join(rel, pair.PlanFile)) {
		return []pair.Ref{{ID: filepath.Base(abs), Dir: rel}}, nil
	}
	// A folder with a closure record but no plan is a pair that lost its
	// plan, not a folder of pairs: readers report the missing plan.
	if abs != r.Root && r.exists(path.Join(rel, pair.ClosureFile)) {
		return []pair.Ref{{ID: filepath.Base(abs), Dir: rel}}, nil
	}
	if !folders {
		return nil, usagef("%s has no plan.md: give a pair id, a pair folder or its plan.md", arg)
	}
	return r.pairsIn(rel)
}

// exists reports whether a repo-relative name is there (a link counts,
// wherever it leads).
func (r *Repo) exists(rel string) bool {
	_, err := r.fs.Lstat(filepath.FromSlash(rel))
	return err == nil
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
