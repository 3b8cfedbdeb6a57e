package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/mentor-cli/mentor/internal/calendar"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/iostreams"
)

// The instant the invitation tests write their files at (DTSTAMP).
var inviteNow = time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)

// inviteRepo is a programme of three pairs: one about to end (the debrief),
// two closed ones that stay in touch (the check-ins).
func inviteRepo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		".mentor.yaml": "pairs_dir: pairs\n",
		"pairs/ada-lovelace--grace-hopper/plan.md": "---\nmentor: Ada Lovelace\nmentee: Grace Hopper\nstart: 2026-05-04\nend: 2026-12-01\ncadence: biweekly\n---\n\n" +
			"# Mentoring plan\n\n## Goals\n\n- [x] Lead a design review end to end\n  - 2026-09-02: reviewed the payments RFC\n- [ ] Give an internal tech talk\n  - 2026-10-10: outline drafted\n\n" +
			"## Meetings\n\n### 2026-11-10 Sync\n",
		"pairs/priya--tomasz/plan.md": "---\nmentor: Priya Raman\nmentee: Tomasz Nowak\nstart: 2026-02-03\nstatus: closed\n---\n\n## Goals\n\n- [x] Ship it\n",
		"pairs/priya--tomasz/closure.md": "---\nmentor: Priya Raman\nmentee: Tomasz Nowak\nstart: 2026-02-03\nclosed: 2026-07-28\nreason: goals-met\n" +
			"final_meeting: 2026-07-28\ntransition: mentor\ncontact: {channel: Slack, cadence: quarterly, until: 2028-07-28}\ngoals: []\n---\n\n## Summary\n\nDone.\n",
		"pairs/kwame--lucia/plan.md": "---\nmentor: Kwame Mensah\nmentee: Lucía Fernández\nstart: 2026-01-10\nstatus: closed\n---\n\n## Goals\n\n- [x] Ship it\n",
		"pairs/kwame--lucia/closure.md": "---\nmentor: Kwame Mensah\nmentee: Lucía Fernández\nstart: 2026-01-10\nclosed: 2026-10-31\nreason: goals-met\n" +
			"final_meeting: none\ntransition: informal\ncontact: {channel: email, cadence: monthly}\ngoals: []\n---\n\n## Summary\n\nDone.\n",
	}
	for rel, text := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func runInvite(t *testing.T, root string, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	io, _, out, errOut := iostreams.Test()
	f := &Factory{IO: io, Getenv: func(k string) string { return env[k] }, Getwd: os.Getwd, Now: func() time.Time { return inviteNow }}
	code := Run(f, append([]string{"close", "invite", "--repo", root, "--today", "2026-11-21"}, args...))
	return out.String(), errOut.String(), code
}

// expectation is what an invitation must say, for the checks of this test and
// for the independent parser CI runs on the same files (.ci/steps/60-calendar.sh).
type expectation struct {
	UID         string   `json:"uid"`
	Sequence    int      `json:"sequence"`
	TZID        *string  `json:"tzid"` // null: DTSTART in UTC
	StartUTC    string   `json:"start_utc"`
	EndUTC      string   `json:"end_utc"`
	Summary     string   `json:"summary"`
	Description string   `json:"description"`
	RRule       *string  `json:"rrule"`
	Occurrences []string `json:"occurrences_utc"` // the starts in the first year
	Attendees   []string `json:"attendees"`
}

func TestInvitations(t *testing.T) {
	root := inviteRepo(t)
	paris, _ := time.LoadLocation("Europe/Paris")
	ny, _ := time.LoadLocation("America/New_York")
	sydney, _ := time.LoadLocation("Australia/Sydney")
	kolkata, _ := time.LoadLocation("Asia/Kolkata")
	debriefDesc := "The debrief of Ada Lovelace and Grace Hopper: the final meeting of the mentoring, booked on its own.\n\nAgenda:\n" +
		"- Before the meeting\n  - Meetings that mattered\n  - Our time together\n  - Reflection notes\n  - Opening the conversation\n" +
		"- Ground rules\n- Celebrate\n- Reflect on the goals\n- Reflect on the relationship\n- How we feel about ending\n" +
		"- Feedback for the mentor\n- Feedback for the mentee\n- The mentor's side\n- After the mentoring\n- Staying in touch\n- Thanks\n\n" +
		"The full agenda: pairs/ada-lovelace--grace-hopper/agenda.md (mentor close agenda ada-lovelace--grace-hopper writes it)."
	str := func(s string) *string { return &s }
	cases := []struct {
		name   string
		golden string // testdata/invite/NAME when the file is a golden file
		env    map[string]string
		args   []string
		file   string
		want   expectation
		start  time.Time
		recur  *calendar.Recurrence
	}{
		{name: "debrief-paris", golden: "debrief.ics",
			args: []string{"ada-lovelace--grace-hopper", "--date", "2026-12-01", "--time", "15:00", "--tz", "Europe/Paris", "--duration", "90m",
				"--attendee", "ada@example.com", "--attendee", "Grace Hopper <grace@example.com>"},
			file:  "pairs/ada-lovelace--grace-hopper/debrief.ics",
			start: time.Date(2026, 12, 1, 15, 0, 0, 0, paris),
			want: expectation{UID: "debrief-ada-lovelace--grace-hopper-20260504@mentor-cli", TZID: str("Europe/Paris"),
				EndUTC: "2026-12-01T15:30:00Z", Summary: "Debrief: Ada Lovelace and Grace Hopper", Description: debriefDesc,
				Attendees: []string{"mailto:ada@example.com", "mailto:grace@example.com"}}},
		{name: "checkins-new-york", golden: "checkins.ics",
			args:  []string{"priya--tomasz", "--checkins", "--time", "12:30", "--tz", "America/New_York"},
			file:  "pairs/priya--tomasz/checkins.ics",
			start: time.Date(2026, 11, 21, 12, 30, 0, 0, ny), // due 2026-10-27: overdue, so from today
			recur: &calendar.Recurrence{Unit: dates.Month, N: 3, Until: dates.MustParse("2028-07-28")},
			want: expectation{UID: "checkins-priya--tomasz-20260203@mentor-cli", TZID: str("America/New_York"), EndUTC: "2026-11-21T18:30:00Z",
				Summary: "Check-in: Priya Raman and Tomasz Nowak", RRule: str("FREQ=MONTHLY;INTERVAL=3;UNTIL=20280729T035959Z"),
				Description: "A check-in of Priya Raman and Tomasz Nowak after the mentoring, which closed on 2026-07-28: quarterly, by Slack, until 2028-07-28.\n\nAfterwards, log it: mentor close checkin priya--tomasz -m NOTES"}},
		{name: "checkins-sydney-day-31",
			args:  []string{"kwame--lucia", "--checkins", "--date", "2027-01-31", "--time", "08:00", "--tz", "Australia/Sydney", "--duration", "30m"},
			file:  "pairs/kwame--lucia/checkins.ics",
			start: time.Date(2027, 1, 31, 8, 0, 0, 0, sydney),
			recur: &calendar.Recurrence{Unit: dates.Month, N: 1},
			want: expectation{UID: "checkins-kwame--lucia-20260110@mentor-cli", TZID: str("Australia/Sydney"), EndUTC: "2027-01-30T21:30:00Z",
				Summary: "Check-in: Kwame Mensah and Lucía Fernández", RRule: str("FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1")}},
		{name: "debrief-utc", env: map[string]string{"TZ": "UTC"},
			args:  []string{"ada-lovelace--grace-hopper", "--date", "2026-12-02", "--time", "09:05", "--force"},
			file:  "pairs/ada-lovelace--grace-hopper/debrief.ics",
			start: time.Date(2026, 12, 2, 9, 5, 0, 0, time.UTC),
			want: expectation{UID: "debrief-ada-lovelace--grace-hopper-20260504@mentor-cli", Sequence: 1, EndUTC: "2026-12-02T10:05:00Z",
				Summary: "Debrief: Ada Lovelace and Grace Hopper", Description: debriefDesc}},
		{name: "debrief-tz-env-kolkata", env: map[string]string{"TZ": ":Asia/Kolkata"},
			args:  []string{"ada-lovelace--grace-hopper", "--date", "2026-12-03", "--time", "17:45", "--force"},
			file:  "pairs/ada-lovelace--grace-hopper/debrief.ics",
			start: time.Date(2026, 12, 3, 17, 45, 0, 0, kolkata),
			want: expectation{UID: "debrief-ada-lovelace--grace-hopper-20260504@mentor-cli", Sequence: 2, TZID: str("Asia/Kolkata"), EndUTC: "2026-12-03T13:15:00Z",
				Summary: "Debrief: Ada Lovelace and Grace Hopper", Description: debriefDesc}},
	}
	exportDir := os.Getenv("MENTOR_ICS_OUT")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := runInvite(t, root, c.env, c.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(c.file)))
			if err != nil {
				t.Fatal(err)
			}
			w := c.want
			w.StartUTC = c.start.UTC().Format(time.RFC3339)
			if c.recur != nil {
				for _, o := range c.recur.Occurrences(c.start, c.start.AddDate(1, 0, 0)) {
					w.Occurrences = append(w.Occurrences, o.UTC().Format(time.RFC3339))
				}
			}
			checkInvitation(t, data, w)
			// A round trip through golang-ical: what it reads, it writes
			// back to a file that says the same.
			cal, err := ics.ParseCalendar(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			again := []byte(cal.Serialize(ics.WithNewLineWindows))
			checkInvitation(t, again, w)
			if exportDir != "" {
				export(t, exportDir, c.name, data, w)
				export(t, exportDir, "roundtrip-"+c.name, again, w)
			}
			if c.golden != "" {
				file := filepath.Join("testdata", "invite", c.golden)
				golden(t, file, data)
				if exportDir != "" {
					g, err := os.ReadFile(file)
					if err != nil {
						t.Fatal(err)
					}
					export(t, exportDir, "golden-"+strings.TrimSuffix(c.golden, ".ics"), g, w)
				}
			}
		})
	}
}

func export(t *testing.T, dir, name string, data []byte, w expectation) {
	t.Helper()
	j, err := json.MarshalIndent(w, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".ics"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".json"), j, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkInvitation reads an invitation back through golang-ical and checks it
// against what it must say, and the RFC 5545 form: CRLF, lines of at most 75
// octets.
func checkInvitation(t *testing.T, data []byte, w expectation) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(line) > 75 || strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d is %d octets or holds a bare line ending: %q", i+1, len(line), line)
		}
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("golang-ical cannot read it back: %v", err)
	}
	evs := cal.Events()
	if len(evs) != 1 {
		t.Fatalf("%d events", len(evs))
	}
	ev := evs[0]
	prop := func(p ics.ComponentProperty) string {
		if x := ev.GetProperty(p); x != nil {
			return x.Value
		}
		return ""
	}
	start, err := ev.GetStartAt()
	if err != nil || start.UTC().Format(time.RFC3339) != w.StartUTC {
		t.Errorf("DTSTART %v (%v), want %s", start.UTC(), err, w.StartUTC)
	}
	end, err := ev.GetEndAt()
	if err != nil || end.UTC().Format(time.RFC3339) != w.EndUTC {
		t.Errorf("DTEND %v (%v), want %s", end.UTC(), err, w.EndUTC)
	}
	tzid := ev.GetProperty(ics.ComponentPropertyDtStart).ICalParameters["TZID"]
	switch {
	case w.TZID == nil && len(tzid) > 0, w.TZID != nil && (len(tzid) != 1 || tzid[0] != *w.TZID):
		t.Errorf("TZID %v, want %v", tzid, w.TZID)
	}
	if w.TZID != nil {
		tzs := cal.Timezones()
		if len(tzs) != 1 || tzs[0].GetProperty(ics.ComponentPropertyTzid).Value != *w.TZID {
			t.Errorf("the calendar lacks the VTIMEZONE of %s", *w.TZID)
		}
	} else if !strings.HasSuffix(prop(ics.ComponentPropertyDtStart), "Z") {
		t.Errorf("DTSTART %q is not in UTC", prop(ics.ComponentPropertyDtStart))
	}
	if ev.Id() != w.UID || prop(ics.ComponentPropertySequence) != strconv.Itoa(w.Sequence) || prop(ics.ComponentPropertyDtstamp) != "20261121T093000Z" {
		t.Errorf("UID %q SEQUENCE %q DTSTAMP %q, want %q %d", ev.Id(), prop(ics.ComponentPropertySequence), prop(ics.ComponentPropertyDtstamp), w.UID, w.Sequence)
	}
	if got := ics.FromText(prop(ics.ComponentPropertySummary)); got != w.Summary {
		t.Errorf("SUMMARY %q, want %q", got, w.Summary)
	}
	if got := ics.FromText(prop(ics.ComponentPropertyDescription)); w.Description != "" && got != w.Description {
		t.Errorf("DESCRIPTION\n%s\nwant\n%s", got, w.Description)
	}
	rule := prop(ics.ComponentPropertyRrule)
	if (w.RRule == nil) != (rule == "") || (w.RRule != nil && rule != *w.RRule) {
		t.Errorf("RRULE %q, want %v", rule, w.RRule)
	}
	var att []string
	for _, a := range ev.Attendees() {
		att = append(att, a.Value)
	}
	if strings.Join(att, " ") != strings.Join(w.Attendees, " ") {
		t.Errorf("attendees %v, want %v", att, w.Attendees)
	}
}
