package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/pair"
)

// verify keeps each pair's findings aside as they come, in the order of the
// pairs' folders with the "/" after them, and sorts them only when they
// come out of order. Pair ids where one is the start of another (ab--cd,
// ab--cd-2, ab--cd.x) and folder problems (a link out of the repo, which
// is about the folder, not a file in it: pairs/ab comes before
// pairs/ab--cd/plan.md, though ab/ comes after ab--cd/) are where the
// orders differ.
// The goldens were written by the verify that held every finding.
func TestVerifyFolderOrderGolden(t *testing.T) {
	dir := t.TempDir()
	gen := t.TempDir()
	if _, err := bench.Generate(gen, 60, bench.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	// Three generated pairs that have findings, under ids that sort
	// differently with and without the "/".
	out, errOut, code := runMentor(t, "close", "verify", "--repo", gen, "--today", "2026-11-21")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFindings, errOut)
	}
	var withFindings []string
	seen := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "pairs/"); ok {
			id, _, _ := strings.Cut(rest, "/")
			if !seen[id] {
				seen[id] = true
				withFindings = append(withFindings, filepath.Join(gen, "pairs", id))
			}
		}
	}
	if len(withFindings) < 3 {
		t.Fatalf("%d pairs of the generated programme have findings, want 3", len(withFindings))
	}
	for i, id := range []string{"ab--cd", "ab--cd-2", "ab--cd.x"} {
		if err := os.CopyFS(filepath.Join(dir, "pairs", id), os.DirFS(withFindings[i])); err != nil {
			t.Fatal(err)
		}
	}
	check := func(t *testing.T, name string) {
		for _, format := range []string{"text", "json", "github", "sarif", "gitlab"} {
			t.Run(format, func(t *testing.T) {
				out, errOut, code := runMentor(t, "close", "verify", "--repo", dir, "--today", "2026-11-21", "--format", format)
				if code != ExitFindings {
					t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFindings, errOut)
				}
				golden(t, filepath.Join("testdata", "report", name+"."+format), []byte(out))
			})
		}
	}
	t.Run("ids", func(t *testing.T) { check(t, "verify-order") })
	t.Run("links", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("symbolic links need privileges on Windows")
		}
		outside := t.TempDir()
		for _, id := range []string{"ab", "ab--cd-1"} {
			if err := os.Symlink(outside, filepath.Join(dir, "pairs", id)); err != nil {
				t.Fatal(err)
			}
		}
		check(t, "verify-order-links")
	})
}

// The pairs are read in the order of their files, so that their findings
// need no sorting: ab--cd/ comes after ab--cd-2/ and ab--cd.x/.
func TestFolderOrder(t *testing.T) {
	var refs []pair.Ref
	for _, id := range []string{"ab", "ab--cd", "ab--cd-2", "ab--cd.x", "ab-z"} {
		refs = append(refs, pair.Ref{ID: id, Dir: "pairs/" + id})
	}
	var got []string
	for _, r := range folderOrder(refs) {
		got = append(got, r.ID)
	}
	if want := "ab--cd-2 ab--cd.x ab--cd ab-z ab"; strings.Join(got, " ") != want {
		t.Errorf("folderOrder = %s, want %s", strings.Join(got, " "), want)
	}
	if refs[0].ID != "ab" {
		t.Error("folderOrder changed its argument")
	}
}
