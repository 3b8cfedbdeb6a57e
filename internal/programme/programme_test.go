package programme

import (
	"errors"
	"reflect"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/repo"
)

// TestEachMatchesJudge: Each hands out the results Judge returns, in the
// same order, and stops at the first error from emit.
func TestEachMatchesJudge(t *testing.T) {
	dir := t.TempDir()
	if _, err := bench.Generate(dir, 300, 9); err != nil {
		t.Fatal(err)
	}
	r, err := repo.Open(dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := r.Pairs()
	if err != nil {
		t.Fatal(err)
	}
	want := Judge(r, pairs, bench.Today)
	var got []Result
	if err := Each(r, pairs, bench.Today, func(res Result) error {
		got = append(got, res)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("Each and Judge differ")
	}

	stop := errors.New("stop")
	n := 0
	err = Each(r, pairs, bench.Today, func(res Result) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	})
	if err != stop || n != 10 {
		t.Fatalf("Each went on after an error: err %v after %d results", err, n)
	}
}
