package debrief

import (
	"os"
	"testing"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/mentor-cli/mentor/templates"
)

var today = dates.MustParse("2026-11-21")

// testData is the template data of testdata/plan.md.
func testData(t *testing.T) render.Data {
	t.Helper()
	src, err := os.ReadFile("testdata/plan.md")
	if err != nil {
		t.Fatal(err)
	}
	ref := pair.Ref{ID: "ada--grace", Dir: "pairs/ada--grace"}
	p := &pair.Pair{Ref: ref, Plan: plan.Parse(ref.PlanFile(), src, plan.Options{Today: today})}
	cfg := config.Default()
	return render.NewData(p, signals.Judge(p, cfg, today), cfg, today, today)
}

func renderRecord(t *testing.T, d *Debrief) []byte {
	t.Helper()
	src, err := templates.FS.ReadFile("closure.md")
	if err != nil {
		t.Fatal(err)
	}
	out, err := render.ExecuteText("closure.md", src, d.RecordData())
	if err != nil {
		t.Fatal(err)
	}
	return out
}
