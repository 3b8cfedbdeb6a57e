package verify

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/survey"
)

// surveys finds the survey files that cannot be read and the answers that
// do not fit the questions. An encrypted survey that was not opened has
// only its envelope checked, by the loader.
func surveys(p *pair.Pair, opt Options) []Finding {
	var out []Finding
	for _, s := range p.Surveys {
		probs := append([]diag.Problem(nil), s.Problems...)
		if s.Valid() {
			probs = append(probs, survey.Check(s, opt.Config.Survey.Questions)...)
		}
		for _, pr := range probs {
			if pr.Severity == diag.Error {
				out = append(out, find(SurveyInvalid, pr.File, orOne(pr.Line), "%s", pr.Message))
			}
		}
	}
	return out
}

// Needed lists who must sign a record under closure.require_signoff, and
// whether one of them is enough: with one side unreachable, the other side
// and the programme sign.
func Needed(rec *closure.Record, require string) (signers []string, anyOne bool) {
	sides := []string{"mentor", "mentee"}
	if rec.Unreachable != "" {
		other := "mentor"
		if rec.Unreachable == "mentor" {
			other = "mentee"
		}
		sides = []string{other}
	}
	switch require {
	case "none":
		return nil, false
	case "one":
		return sides, true
	}
	if rec.Unreachable != "" {
		return append(sides, "program"), false
	}
	return sides, false
}

// SignerName is how messages name a signer: the programme for program.
func SignerName(s string) string {
	if s == "program" {
		return "programme"
	}
	return s
}

func signoffs(p *pair.Pair, rec *closure.Record, opt Options) []Finding {
	require := opt.Config.RequireSignoff
	need, anyOne := Needed(rec, require)
	if len(need) == 0 {
		return nil
	}
	var missing []string
	for _, side := range need {
		if rec.SignedOff.Signed(side).IsZero() {
			missing = append(missing, side)
		}
	}
	if len(missing) == 0 || (anyOne && len(missing) < len(need)) {
		return nil
	}
	line := orOne(rec.Lines.SignedOff)
	why := ""
	if rec.Unreachable != "" {
		why = fmt.Sprintf("; the %s could not be reached (unreachable: %s)", rec.Unreachable, rec.Unreachable)
	}
	var cmds, names []string
	for _, side := range missing {
		names = append(names, SignerName(side))
		cmds = append(cmds, fmt.Sprintf("mentor close sign %s --as %s", p.ID, side))
	}
	if anyOne {
		return []Finding{find(SignoffMissing, p.ClosureFile(), line,
			"the record is complete but neither the mentor nor the mentee has signed it (closure.require_signoff: one%s): sign with %s",
			why, strings.Join(cmds, ", or "))}
	}
	return []Finding{find(SignoffMissing, p.ClosureFile(), line,
		"the record is complete but not signed off by the %s (closure.require_signoff: %s%s): sign with %s",
		strings.Join(names, " and the "), require, why, strings.Join(cmds, " and "))}
}
