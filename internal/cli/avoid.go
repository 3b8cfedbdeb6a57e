package cli

import (
	"errors"
	"fmt"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/rematch"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/spf13/cobra"
)

// avoidForceFlag adds --force to a command that starts a pair: it pairs two
// people whom an earlier closure record asks not to pair again.
func avoidForceFlag(c *cobra.Command, force *bool) {
	c.Flags().BoolVar(force, "force", false, "pair two people even though an earlier closure record says rematch_avoid: true for them")
}

// avoidPairing applies the avoid rule of init and rematch: a closure record
// with rematch_avoid: true for the same two people (whichever was the
// mentor) refuses the pairing, exit 1. With force it goes ahead and says so.
func avoidPairing(f *Factory, r *repo.Repo, mentor, mentee string, force bool) error {
	refs, err := r.Pairs()
	var nodir *repo.NoPairsDirError
	if errors.As(err, &nodir) {
		return nil // no pairs yet, so no record to avoid
	}
	if err != nil {
		return err
	}
	var records []*closure.Record
	_ = load.Each(r, refs, load.Options{FrontMatterOnly: true, Closure: true}, func(p *pair.Pair) *closure.Record {
		if p.Closure != nil && p.Closure.RematchAvoid {
			return p.Closure
		}
		return nil
	}, func(rec *closure.Record) error {
		if rec != nil {
			records = append(records, rec)
		}
		return nil
	})
	rec := rematch.Avoided(records, mentor, mentee)
	if rec == nil {
		return nil
	}
	where := fmt.Sprintf("%s:%d", rec.File, rec.Lines.RematchAvoid)
	if !force {
		return &ExitError{ExitFindings, fmt.Errorf("%s: rematch_avoid: true — this closure record asks that %s and %s are not paired again; nothing was written (pass --force to pair them anyway)",
			where, rec.Mentor, rec.Mentee)}
	}
	fmt.Fprintf(f.IO.ErrOut, "%s: warning: --force: pairing %s and %s although this closure record says rematch_avoid: true\n", where, mentor, mentee)
	return nil
}
