package cli

import (
	"bytes"
	"fmt"
	"net/mail"
	"os"
	"strings"
	"time"

	"github.com/mentor-cli/mentor/internal/calendar"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/markdown"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/spf13/cobra"
	"github.com/yuin/goldmark/ast"
)

// InviteOptions are the inputs of `mentor close invite`.
type InviteOptions struct {
	F         *Factory
	Pair      string
	Date      string
	Time      string
	Duration  time.Duration
	Zone      string
	Attendees []string
	CheckIns  bool
	Force     bool
	DryRun    bool
	Commit    bool

	// Filled by check: what the flags mean.
	day      dates.Date
	hour     int
	minute   int
	loc      *time.Location
	zoneName string // "" writes the instant in UTC
	people   []*mail.Address
}

func newInviteCmd(f *Factory, runF func(*InviteOptions) error) *cobra.Command {
	opts := &InviteOptions{F: f}
	c := &cobra.Command{
		Use:   "invite PAIR --date DATE --time HH:MM",
		Short: "Write a calendar invitation for the debrief, or for the check-ins",
		Long: `Invite writes <pair>/debrief.ics, an iCalendar (RFC 5545) invitation to the
pair's final meeting: a meeting of its own, booked in advance. Its description
lists the headings of the pair's debrief agenda. With --checkins it writes
<pair>/checkins.ics instead: one recurring event at the closure record's
contact.cadence, up to contact.until (--date defaults to the next check-in date).

The event's UID stays the same for the pair and the kind, so importing the file
again updates the event; a re-run needs --force to replace the file, and raises
its SEQUENCE. The time is in --tz (default: $TZ, else the system's zone, else
UTC); a named zone is written with its VTIMEZONE, the system's zone as the
instant in UTC. There are no attendees unless --attendee names them.

--dry-run prints the change as a unified diff and writes nothing; --commit
commits the file, and only it, to git. mentor never uses the network.`,
		Example: `  mentor close invite ada-lovelace--grace-hopper --date 2026-12-01 --time 15:00 --tz Europe/Paris
  mentor close invite ada-lovelace--grace-hopper --date 2026-12-01 --time 15:00 --duration 90m \
      --attendee ada@example.com --attendee "Grace Hopper <grace@example.com>"
  mentor close invite ada-lovelace--grace-hopper --checkins --time 12:30 --tz America/New_York`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return inviteRun(opts)
		},
	}
	fl := c.Flags()
	dateFlag(c, &opts.Date, "date", "the day of the meeting (with --checkins: the first check-in)", "with --checkins, the next one due")
	fl.StringVar(&opts.Time, "time", "", "when it starts, `HH:MM` on a 24-hour clock, in the zone of --tz")
	fl.DurationVar(&opts.Duration, "duration", time.Hour, "how long it lasts, a `DURATION` such as 45m or 1h30m")
	fl.StringVar(&opts.Zone, "tz", "", "the time `ZONE`, such as Europe/Paris or America/New_York (default: $TZ, else the system's zone, else UTC)")
	fl.StringArrayVar(&opts.Attendees, "attendee", nil, "invite `EMAIL` (\"Name <email>\" also works; repeat for more)")
	freeText(c, "time", "attendee")
	_ = c.RegisterFlagCompletionFunc("duration", cobra.FixedCompletions([]string{"30m", "45m", "60m", "90m"}, cobra.ShellCompDirectiveNoFileComp))
	_ = c.RegisterFlagCompletionFunc("tz", completeZones)
	fl.BoolVar(&opts.CheckIns, "checkins", false, "write checkins.ics: the check-ins after closing, at the contact cadence")
	fl.BoolVar(&opts.Force, "force", false, "replace an earlier invitation (its UID stays, its SEQUENCE goes up)")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "print the change as a unified diff and write nothing")
	fl.BoolVar(&opts.Commit, "commit", false, "commit the .ics file to git (only that file)")
	return c
}

// check turns the flags into what they mean; a bad value is a usage error.
func (opts *InviteOptions) check() error {
	if opts.Date != "" {
		d, err := dates.Parse(opts.Date)
		if err != nil {
			return usageErr("--date: %v", err)
		}
		opts.day = d
	} else if !opts.CheckIns {
		return usageErr("--date is required: the day of the debrief meeting, such as --date 2026-12-01")
	}
	if opts.Time == "" {
		return usageErr("--time is required: when the meeting starts, such as --time 15:00")
	}
	t, err := time.Parse("15:04", opts.Time)
	if err != nil || len(opts.Time) != 5 {
		return usageErr("--time %q is not a time of day: write HH:MM on a 24-hour clock, such as 09:30 or 15:00", opts.Time)
	}
	opts.hour, opts.minute = t.Hour(), t.Minute()
	if opts.Duration <= 0 {
		return usageErr("--duration %s is not positive: give how long the meeting lasts, such as 45m or 1h30m", opts.Duration)
	}
	if opts.Duration > 24*time.Hour {
		return usageErr("--duration %s is longer than a day: give how long the meeting lasts, such as 45m or 1h30m", opts.Duration)
	}
	if opts.loc, opts.zoneName, err = zone(opts.F, opts.Zone); err != nil {
		return err
	}
	for _, a := range opts.Attendees {
		addr, err := mail.ParseAddress(a)
		if err != nil || !strings.Contains(addr.Address, "@") {
			return usageErr("--attendee %q is not an email address: write it as ada@example.com or \"Ada Lovelace <ada@example.com>\"", a)
		}
		opts.people = append(opts.people, addr)
	}
	return nil
}

// zone resolves --tz: the named zone, else $TZ, else the system's zone
// (written as UTC instants: its name is not known), else UTC. name is ""
// when the file gives instants in UTC.
func zone(f *Factory, flag string) (loc *time.Location, name string, err error) {
	named := func(from, s string) (*time.Location, string, error) {
		s = strings.TrimPrefix(strings.TrimSpace(s), ":")
		loc, err := time.LoadLocation(s)
		if err != nil || s == "" || s == "Local" {
			return nil, "", usageErr("%s %q is not a time zone mentor knows: give an IANA zone such as Europe/Paris, America/New_York or UTC", from, s)
		}
		if loc == time.UTC || s == "UTC" || s == "Etc/UTC" {
			return time.UTC, "", nil
		}
		return loc, s, nil
	}
	if flag != "" {
		return named("--tz", flag)
	}
	if env := f.Getenv("TZ"); env != "" {
		return named("TZ", env)
	}
	return time.Local, "", nil
}

func inviteRun(opts *InviteOptions) error {
	f := opts.F
	pf, err := loadPair(f, opts.Pair, "")
	if err != nil {
		return err
	}
	r, p := pf.repo, pf.pair
	kind := calendar.Debrief
	if opts.CheckIns {
		kind = calendar.CheckIns
	}
	ev := calendar.Event{
		UID: calendar.UID(kind, p.ID, p.Plan.Start), Stamp: f.Now().UTC(), Zone: opts.zoneName,
		Duration: opts.Duration, Attendees: opts.people,
	}
	who := p.Plan.Mentor + " and " + p.Plan.Mentee
	day := opts.day
	if opts.CheckIns {
		rec := p.Closure
		if rec == nil {
			return usageErr("%s has no closure record: check-ins follow closing; write it with mentor close record %s", p.ID, p.ID)
		}
		if rec.Transition == "" || rec.Transition == "end" {
			return usageErr("%s: transition is %q: no check-ins are planned (they are for a transition other than end)", rec.File, rec.Transition)
		}
		cad, err := dates.ParseCadence(rec.Contact.Cadence)
		if err != nil {
			return usageErr("%s: contact.cadence %q is not a cadence mentor reads (weekly, biweekly, monthly, quarterly, yearly, \"every N days\", \"every N weeks\"): the check-ins cannot repeat at it", rec.File, rec.Contact.Cadence)
		}
		unit, n, _ := cad.Recurrence()
		ev.Recur = &calendar.Recurrence{Unit: unit, N: n, Until: rec.Contact.Until}
		if day.IsZero() {
			next, ok := signals.NextCheckIn(rec)
			if !ok {
				return usageErr("%s: no check-in is due before contact.until %s: nothing to invite to", rec.File, rec.Contact.Until)
			}
			day = next.Due
			if today := pf.data.Today; day.Before(today) {
				day = today // overdue: from today on
			}
		}
		if u := rec.Contact.Until; !u.IsZero() && day.After(u) {
			return usageErr("the first check-in %s is after contact.until %s", day, u)
		}
		ev.Summary = "Check-in: " + who
		ev.Description = checkInDescription(p.ID, p.Plan.Mentor, p.Plan.Mentee, rec.Closed, rec.Contact.Channel, cad.Text, rec.Contact.Until)
	} else {
		pf.data.Date = day
		pf.data.SetSpan()
		agenda, err := render.Execute(r, "agenda.md", pf.data)
		if err != nil {
			return err
		}
		ev.Summary = "Debrief: " + who
		ev.Description = debriefDescription(p.ID, p.Plan.Mentor, p.Plan.Mentee, p.File(pair.AgendaFile), headings(agenda))
	}
	t := day.Time()
	ev.Start = time.Date(t.Year(), t.Month(), t.Day(), opts.hour, opts.minute, 0, 0, opts.loc)
	if ev.Start.Hour() != opts.hour || ev.Start.Minute() != opts.minute {
		return usageErr("%s %s does not exist in %s: the clocks skip it (daylight saving time); pick another --time", day, opts.Time, opts.loc)
	}

	rel := p.File(calendar.File(kind))
	old, prob := r.Read(rel)
	switch {
	case prob == nil && !opts.Force && !opts.DryRun:
		return &ExitError{ExitFindings, fmt.Errorf("%s already exists: pass --force to replace it (the event keeps its UID and its SEQUENCE goes up, so a calendar updates it)", rel)}
	case prob == nil:
		e, err := calendar.ReadEarlier(old)
		if err != nil {
			return &ExitError{ExitFindings, fmt.Errorf("%s cannot be read as an invitation (%v): remove it to write a new one", rel, err)}
		}
		ev.UID, ev.Sequence = e.UID, e.Sequence+1
	case !prob.NotExist():
		return &ExitError{ExitFindings, fmt.Errorf("%s", prob.Problem)}
	default:
		old = nil
	}
	out, err := calendar.Marshal(ev)
	if err != nil {
		return usageErr("%v", err)
	}
	if opts.DryRun {
		_, err := fmt.Fprint(f.IO.Out, edit.Diff(rel, old, out))
		return err
	}
	if opts.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	if err := r.Write(rel, out, opts.Force); err != nil {
		if _, ok := err.(*repo.ExistsError); ok {
			return &ExitError{ExitFindings, fmt.Errorf("%s already exists: pass --force to replace it", rel)}
		}
		return err
	}
	if opts.Commit {
		if err := gitCommit(r, []string{rel}, fmt.Sprintf("mentor: %s invitation for %s", kind, p.ID)); err != nil {
			return err
		}
	}
	fmt.Fprintln(f.IO.Out, rel)
	where := opts.zoneName
	switch {
	case where != "":
	case opts.loc == time.UTC:
		where = "UTC"
	default:
		where = "the system's zone, written in UTC"
	}
	fmt.Fprintf(f.IO.ErrOut, "%s at %s %s (%s), SEQUENCE %d; import it into your calendar\n", ev.Summary, ev.Start.Format("2006-01-02 15:04"), ev.Start.Format("MST"), where, ev.Sequence)
	return nil
}

// headings lists the level-2 and level-3 headings of a rendered agenda, a
// level-3 one indented under its section.
func headings(agenda []byte) []string {
	doc, ferr := frontmatter.Split(agenda)
	body := agenda
	if ferr == nil {
		body = doc.Body
	}
	var out []string
	root := markdown.Blocks(body).Root
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level < 2 || h.Level > 3 {
			continue
		}
		var b []byte
		for i := 0; i < h.Lines().Len(); i++ {
			seg := h.Lines().At(i)
			b = append(b, bytes.TrimSpace(seg.Value(body))...)
		}
		line := "- " + string(b)
		if h.Level == 3 {
			line = "  " + line
		}
		out = append(out, line)
	}
	return out
}

func debriefDescription(id, mentor, mentee, agendaFile string, heads []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The debrief of %s and %s: the final meeting of the mentoring, booked on its own.\n\n", mentor, mentee)
	if len(heads) > 0 {
		b.WriteString("Agenda:\n" + strings.Join(heads, "\n") + "\n\n")
	}
	fmt.Fprintf(&b, "The full agenda: %s (mentor close agenda %s writes it).", agendaFile, id)
	return b.String()
}

func checkInDescription(id, mentor, mentee string, closed dates.Date, channel, cadence string, until dates.Date) string {
	var b strings.Builder
	fmt.Fprintf(&b, "A check-in of %s and %s after the mentoring, which closed on %s: %s", mentor, mentee, closed, cadence)
	if channel != "" {
		b.WriteString(", by " + channel)
	}
	if !until.IsZero() {
		b.WriteString(", until " + until.String())
	}
	fmt.Fprintf(&b, ".\n\nAfterwards, log it: mentor close checkin %s -m NOTES", id)
	return b.String()
}

// completeZones offers the time zones people name most, the local one first.
func completeZones(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	zones := []string{"UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York", "America/Chicago",
		"America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney"}
	if tz := os.Getenv("TZ"); tz != "" {
		zones = append([]string{tz}, zones...)
	}
	return zones, cobra.ShellCompDirectiveNoFileComp
}
