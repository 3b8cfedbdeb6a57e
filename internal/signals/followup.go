package signals

import (
	"fmt"
	"path"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
)

// FollowUpDue is the one signal a closed pair can have.
const FollowUpDue = "follow-up-due"

// FollowUp is when a closed pair's next check-in is due, and what that
// follows from.
type FollowUp struct {
	Due     dates.Date    // the day the next check-in is due
	From    dates.Date    // the later of closed and the last check-in
	Last    dates.Date    // the last check-in; zero when there was none
	Cadence dates.Cadence // contact.cadence, as mentor reads it
	Until   dates.Date    // contact.until; zero when contact is open-ended
}

// NextCheckIn is the check-in rule of a closure record: when the
// transition is not end and contact.cadence is a cadence mentor reads, the
// next check-in is due one cadence (in days) after the later of closed and
// the last check-in, as long as that day is not after contact.until. ok is
// false when no check-in is due any more, or none was planned.
//
// It reads only the record, so it answers for a pair that is closing too:
// `mentor close done` prints the first check-in date with it.
func NextCheckIn(rec *closure.Record) (FollowUp, bool) {
	if rec == nil || rec.Closed.IsZero() || rec.Transition == "" || rec.Transition == "end" {
		return FollowUp{}, false
	}
	cad, err := dates.ParseCadence(rec.Contact.Cadence)
	if err != nil {
		return FollowUp{}, false
	}
	f := FollowUp{From: rec.Closed, Last: rec.LastCheckIn(), Cadence: cad, Until: rec.Contact.Until}
	if f.Last.After(f.From) {
		f.From = f.Last
	}
	f.Due = f.From.AddDays(cad.Days)
	if !f.Until.IsZero() && f.Due.After(f.Until) {
		return f, false
	}
	return f, true
}

// followUpDue fires on a closed pair whose next check-in is due today or
// earlier.
func followUpDue(c *judging) []string {
	if c.p.Status != plan.Closed {
		return nil
	}
	f, ok := NextCheckIn(c.rec)
	if !ok || c.today.Before(f.Due) {
		return nil
	}
	since := "after closing on " + f.From.String()
	if !f.Last.IsZero() && f.Last.Equal(f.From) {
		since = "after the last check-in on " + f.From.String()
	}
	when := "today"
	if late := c.today.DaysSince(f.Due); late > 0 {
		when = fmt.Sprintf("since %s (%s ago)", f.Due, plural(late, "day"))
	}
	return one("a check-in is due %s: %s %s (contact cadence %s); once you have talked, log it with mentor close checkin %s",
		when, plural(f.Cadence.Days, "day"), since, f.Cadence.Text, c.id())
}

// id is the pair's id: the name of the folder that holds the plan.
func (c *judging) id() string {
	if c.pairID != "" {
		return c.pairID
	}
	return path.Base(path.Dir(c.p.File))
}
