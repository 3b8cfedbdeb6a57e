package output

import (
	"bytes"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/programme"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/signals"
)

// TestCheckJSONStreamMatchesCheckJSON: check streams its JSON pair by pair;
// the bytes must be those of the one-shot encoder.
func TestCheckJSONStreamMatchesCheckJSON(t *testing.T) {
	g := bench.New(5)
	var results []programme.Result
	for i := 0; i < 50; i++ {
		bp := g.Pair()
		p := plan.Parse("pairs/"+bp.ID+"/plan.md", []byte(bp.Files["plan.md"]), plan.Options{Today: bench.Today})
		results = append(results, programme.Result{
			Pair: repo.Pair{ID: bp.ID, Dir: "pairs/" + bp.ID}, Plan: p,
			Judgement: signals.Judge(p, config.Default(), bench.Today), Problems: p.Problems,
		})
	}
	results = append(results, programme.Result{
		Pair:      repo.Pair{ID: "broken", Dir: "pairs/broken"},
		Judgement: signals.Judgement{Verdict: signals.Invalid},
		Problems:  []diag.Problem{{File: "pairs/broken/plan.md", Line: 3, Severity: diag.Error, Message: `a <b> & "c"`}},
		Notes:     &programme.Notes{Count: 2, Last: bench.Today},
	})
	for _, tc := range []struct {
		name    string
		today   dates.Date
		results []programme.Result
	}{
		{"many", bench.Today, results},
		{"one", bench.Today, results[:1]},
		{"none", bench.Today, nil},
		{"no today", dates.Date{}, results[len(results)-1:]},
	} {
		var want, got bytes.Buffer
		if err := CheckJSON(&want, tc.today, tc.results); err != nil {
			t.Fatal(err)
		}
		s := NewCheckJSONStream(&got, tc.today)
		for _, r := range tc.results {
			if err := s.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: stream differs from CheckJSON:\n%s\nwant:\n%s", tc.name, got.Bytes(), want.Bytes())
		}
	}
}
