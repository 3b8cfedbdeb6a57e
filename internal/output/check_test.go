package output

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/note"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

// checkReport is the whole of `check --format json`, encoded in one go.
type checkReport struct {
	SchemaVersion int         `json:"schema_version"`
	Today         dates.Date  `json:"today"`
	Pairs         []CheckPair `json:"pairs"`
}

// TestCheckJSONStream: check streams its JSON pair by pair; the bytes must
// be what encoding the whole report at once gives.
func TestCheckJSONStream(t *testing.T) {
	g := bench.New(5)
	var results []Checked
	for i := 0; i < 50; i++ {
		bp := g.Pair()
		p := &pair.Pair{Ref: pair.Ref{ID: bp.ID, Dir: "pairs/" + bp.ID}, PlanRead: pair.Read{Exists: true}}
		p.Plan = plan.Parse(p.PlanFile(), []byte(bp.Files["plan.md"]), plan.Options{Today: bench.Today})
		results = append(results, NewChecked(p, signals.Judge(p, config.Default(), bench.Today)))
	}
	results = append(results, Checked{
		ID: "broken", Plan: "pairs/broken/plan.md",
		Judgement: signals.Judgement{Verdict: signals.Invalid},
		Problems:  []diag.Problem{{File: "pairs/broken/plan.md", Line: 3, Severity: diag.Error, Message: `a <b> & "c"`}},
		Notes:     note.Summary{Count: 2, Last: bench.Today},
	})
	for _, tc := range []struct {
		name    string
		today   dates.Date
		results []Checked
	}{
		{"many", bench.Today, results},
		{"one", bench.Today, results[:1]},
		{"none", bench.Today, nil},
		{"no today", dates.Date{}, results[len(results)-1:]},
	} {
		rep := checkReport{SchemaVersion: SchemaVersion, Today: tc.today, Pairs: []CheckPair{}}
		for _, r := range tc.results {
			rep.Pairs = append(rep.Pairs, newCheckPair(r))
		}
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
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
			t.Errorf("%s: the stream differs from the report encoded at once:\n%s\nwant:\n%s", tc.name, got.Bytes(), want.Bytes())
		}
	}
}
