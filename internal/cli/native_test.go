package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/templates"
)

// agenda and record write the built-in agenda.md and closure.md in Go
// (render's native forms). On every pair of the example programme and of a
// generated one, in every ending and with every transition, what they write
// is what text/template writes from the templates in templates/.
func TestNativeTemplatesOnProgrammes(t *testing.T) {
	gen := t.TempDir()
	if _, err := bench.Generate(gen, 150, bench.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	srcs := map[string][]byte{}
	for _, name := range []string{"agenda.md", "closure.md"} {
		src, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		srcs[name] = src
	}
	compared := 0
	for _, dir := range []string{"../../examples/programme", gen} {
		io, _, _, _ := iostreams.Test()
		f := &Factory{IO: io, Getenv: func(string) string { return "" }, RepoDir: dir,
			Getwd: func() (string, error) { return dir, nil }, Now: time.Now, Today: "2026-11-21"}
		ids, err := os.ReadDir(filepath.Join(dir, "pairs"))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ids {
			pf, err := loadPair(f, e.Name(), "")
			if err != nil {
				continue // a pair without a usable plan: agenda and record refuse it
			}
			for _, ending := range []struct {
				unplanned   bool
				unreachable string
			}{{false, ""}, {true, ""}, {true, "mentor"}, {true, "mentee"}} {
				for _, transition := range append([]string{render.TODO}, render.Transitions...) {
					d := pf.data
					d.SetEnding(d.Unplanned || ending.unplanned, ending.unreachable)
					d.Transition = transition
					for name, src := range srcs {
						file := "templates/" + name + " (built-in)"
						want, werr := render.ExecuteText(file, src, d)
						got, gerr := render.Execute(pf.repo, name, d)
						if fmt.Sprint(werr) != fmt.Sprint(gerr) || !bytes.Equal(got, want) {
							t.Fatalf("%s %s (%+v, %s): native and template differ:\n%v\n%s\n---\n%v\n%s",
								e.Name(), name, ending, transition, gerr, got, werr, want)
						}
						compared++
					}
				}
			}
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d renderings compared", compared)
	}
}
