// Package bench generates realistic synthetic mentoring programmes for
// benchmarks: plans with goals and dated progress notes, about a year of
// meetings, complete closure records for the pairs that have closed, and
// reflection notes. The same seed always gives the same programme.
package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
)

// Today is the day the generated programmes are meant to be judged on.
var Today = dates.MustParse("2026-11-21")

// DefaultSeed is the seed scripts/bench.sh and the benchmarks use.
const DefaultSeed = 1

// Stats says what Generate wrote.
type Stats struct {
	Pairs, Files int
	Bytes        int64
}

// Pair is one generated pair: its id and its files, by name relative to
// the pair folder ("plan.md", "closure.md", "notes/2026-03-01-mentee.md").
type Pair struct {
	ID    string
	Files map[string]string
}

// Generator makes pairs from a seed.
type Generator struct {
	rng *rand.Rand
	n   int
}

// New returns a generator for a seed.
func New(seed uint64) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// Generate writes a programme of n pairs under dir: a .mentor.yaml and
// pairs/<id>/… .
func Generate(dir string, n int, seed uint64) (Stats, error) {
	var st Stats
	if err := os.MkdirAll(filepath.Join(dir, "pairs"), 0o755); err != nil {
		return st, err
	}
	if err := os.WriteFile(filepath.Join(dir, ".mentor.yaml"), []byte(config), 0o644); err != nil {
		return st, err
	}
	g := New(seed)
	for i := 0; i < n; i++ {
		p := g.Pair()
		for name, text := range p.Files {
			path := filepath.Join(dir, "pairs", p.ID, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return st, err
			}
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				return st, err
			}
			st.Files++
			st.Bytes += int64(len(text))
		}
		st.Pairs++
	}
	return st, nil
}

const config = `pairs_dir: pairs
cadence: biweekly
`

var firstNames = []string{"Ada", "Grace", "Alan", "Barbara", "Ken", "Margaret", "Dennis", "Frances",
	"Edsger", "Radia", "Donald", "Hedy", "Linus", "Katherine", "Tim", "Annie", "Guido", "Shafi",
	"Yukihiro", "Sophie", "Bjarne", "Lynn", "Niklaus", "Karen", "John", "Mary", "Amara", "Kenji",
	"Priya", "Tomasz", "Fatima", "Diego", "Ingrid", "Arjun", "Kwame", "Lucia", "Mei", "Yusuf"}

var lastNames = []string{"Lovelace", "Hopper", "Turing", "Liskov", "Thompson", "Hamilton", "Ritchie",
	"Allen", "Dijkstra", "Perlman", "Knuth", "Lamarr", "Torvalds", "Johnson", "Berners-Lee", "Easley",
	"van Rossum", "Goldwasser", "Matsumoto", "Wilson", "Stroustrup", "Conway", "Wirth", "Jones",
	"McCarthy", "Keller", "Nwosu", "Watanabe", "Raman", "Nowak", "Al-Sayed", "Alvarez", "Johansson",
	"Patel", "Mensah", "Fernandez", "Chen", "Demir"}

var programs = []string{"Platform mentoring 2026", "New managers 2026", "Staff engineer track",
	"Women in engineering 2026", "Graduate programme"}

var goalTitles = []string{"Lead a design review end to end", "Give an internal tech talk",
	"Own the on-call rotation for a quarter", "Write the team's first runbook",
	"Mentor a new joiner through onboarding", "Ship a feature behind a flag from idea to launch",
	"Run a blameless post-incident review", "Learn enough Rust to review the agent code",
	"Start one-to-ones with every report", "Write a team charter",
	"Get a promotion packet reviewed", "Pair with the security team on a threat model"}

var progress = []string{"first draft shared with the team", "outline agreed", "did a dry run with two peers",
	"reviewed the payments RFC together", "shadowed the incident commander", "wrote the first three sections",
	"asked for feedback from the staff engineers", "presented at the guild meeting"}

var meetingTitles = []string{"Kickoff", "Design review prep", "Career conversation", "Talk rehearsal",
	"On-call debrief", "Feedback session", "Roadmap check-in", "Goal review", "Promotion packet", ""}

var meetingNotes = []string{"Agreed the next steps.", "Went through the draft line by line.",
	"Talked about handling pushback from senior peers.", "Reviewed progress on the goals.",
	"Mostly about the reorganisation.", "", "Short session; both busy with the release."}

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func slug(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

type goal struct {
	title, state string // state: met, open, dropped
}

// Pair generates the next pair.
func (g *Generator) Pair() Pair {
	g.n++
	mentor := g.pick(firstNames) + " " + g.pick(lastNames)
	mentee := g.pick(firstNames) + " " + g.pick(lastNames)
	id := fmt.Sprintf("%s--%s-%05d", slug(mentor), slug(mentee), g.n)

	start := Today.AddDays(-30 - g.rng.IntN(400))
	end := start.AddDate(0, 6+g.rng.IntN(7), 0)
	cadences := []struct {
		name string
		days int
	}{{"biweekly", 14}, {"monthly", 30}, {"biweekly", 14}, {"every 3 weeks", 21}}
	cad := cadences[g.rng.IntN(len(cadences))]

	// What becomes of the pair: closed with a record, ended without one,
	// stalled, or still going.
	fate := g.rng.IntN(10)
	closed := fate < 3
	last := Today
	if end.Before(last) {
		last = end
	}
	if fate == 3 { // stalled: meetings stopped months ago
		last = Today.AddDays(-90 - g.rng.IntN(60))
	}
	status := "active"
	if closed {
		status = "closed"
	} else if fate == 4 {
		status = "closing"
	}

	var b strings.Builder
	fmt.Fprintf(&b, "---\nmentor: %s\nmentee: %s\n", mentor, mentee)
	if g.rng.IntN(3) > 0 {
		fmt.Fprintf(&b, "program: %s\n", g.pick(programs))
	}
	fmt.Fprintf(&b, "start: %s\nend: %s\ncadence: %s\nstatus: %s\n---\n\n", start, end, cad.name, status)
	fmt.Fprintf(&b, "# Mentoring plan: %s and %s\n\n", mentor, mentee)
	b.WriteString("## Agreement\n\nWe meet over video for an hour; whoever cancels rebooks within a week.\nBetween meetings we talk in chat; anything longer than ten minutes waits for the next session.\nThe mentee drives the agenda and sends it the day before.\n\n")

	b.WriteString("## Goals\n\n")
	var goals []goal
	for _, n := range g.rng.Perm(len(goalTitles))[:2+g.rng.IntN(3)] {
		gl := goal{title: goalTitles[n], state: "open"}
		switch r := g.rng.IntN(10); {
		case closed || r < 4:
			gl.state = "met"
		case r == 9:
			gl.state = "dropped"
		}
		goals = append(goals, gl)
		switch gl.state {
		case "met":
			fmt.Fprintf(&b, "- [x] %s\n", gl.title)
		case "dropped":
			fmt.Fprintf(&b, "- [ ] ~~%s~~ (dropped: no longer needed for the role)\n", gl.title)
			continue
		default:
			fmt.Fprintf(&b, "- [ ] %s\n", gl.title)
		}
		d := start
		for j, m := 0, 1+g.rng.IntN(4); j < m; j++ {
			d = d.AddDays(10 + g.rng.IntN(50))
			if d.After(last) {
				break
			}
			fmt.Fprintf(&b, "  - %s: %s\n", d, g.pick(progress))
		}
	}

	b.WriteString("\n## Meetings\n\n")
	var finalMeeting dates.Date
	for d := start.AddDays(g.rng.IntN(7)); !d.After(last); d = d.AddDays(cad.days + g.rng.IntN(5) - 2) {
		h := d.String()
		switch r := g.rng.IntN(20); {
		case r == 0:
			h += " cancelled by " + []string{"mentor", "mentee"}[g.rng.IntN(2)]
		case r == 1:
			h += " no-show " + []string{"mentor", "mentee"}[g.rng.IntN(2)]
		case r == 2:
			h += " unproductive"
		default:
			if t := g.pick(meetingTitles); t != "" {
				h += " " + t
			}
			finalMeeting = d
		}
		fmt.Fprintf(&b, "### %s\n", h)
		if note := g.pick(meetingNotes); note != "" {
			fmt.Fprintf(&b, "%s\n", note)
		}
		b.WriteString("\n")
	}

	p := Pair{ID: id, Files: map[string]string{"plan.md": b.String()}}
	if closed {
		p.Files["closure.md"] = g.closure(mentor, mentee, start, last, finalMeeting, goals)
	}
	if g.rng.IntN(10) < 2 {
		for k, n := 0, 1+g.rng.IntN(2); k < n; k++ {
			side := []string{"mentor", "mentee"}[k%2]
			d := start.AddDays(30 + g.rng.IntN(150))
			name := fmt.Sprintf("notes/%s-%s.md", d, side)
			p.Files[name] = fmt.Sprintf("---\ndate: %s\nauthor: %s\npair: %s\n---\n\n# Reflection: %s (%s)\n\n"+
				"Looking back on the last sessions: the goals still fit, and asking for written status before each "+
				"meeting left the hour for decisions.\n", d, side, id, d, side)
		}
	}
	return p
}

func (g *Generator) closure(mentor, mentee string, start, closed, final dates.Date, goals []goal) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nmentor: %s\nmentee: %s\nstart: %s\nclosed: %s\n", mentor, mentee, start, closed)
	transition := []string{"end", "informal", "rematch", "mentor"}[g.rng.IntN(4)]
	// Completed as people complete what mentor close record writes: the
	// TODOs replaced, the comments left in place.
	fmt.Fprintf(&b, "reason: goals-met  # proposed from the goals-met signal; one of goals-met, end-of-term, stalled, commitment, unproductive, no-progress, mutual, life-change, other\n")
	fmt.Fprintf(&b, "initiated_by: both  # mentor, mentee, both or program\n")
	if final.IsZero() {
		b.WriteString("final_meeting: none  # the date of the final meeting, or none\n")
	} else {
		fmt.Fprintf(&b, "final_meeting: %s  # the date of the final meeting, or none\n", final)
	}
	fmt.Fprintf(&b, "transition: %s  # end, informal, rematch or mentor (the mentee becomes a mentor)\n", transition)
	if transition != "end" {
		b.WriteString("contact:\n  channel: email  # email, LinkedIn, Slack…\n  cadence: quarterly  # monthly, quarterly…\n")
	}
	b.WriteString("goals:\n")
	for _, gl := range goals {
		outcome := "met"
		if gl.state == "dropped" {
			outcome = "dropped"
		}
		fmt.Fprintf(&b, "  - title: %s\n    outcome: %s\n", gl.title, outcome)
	}
	fmt.Fprintf(&b, "---\n\n# Closure record: %s and %s\n\n", mentor, mentee)
	for _, sec := range []struct{ h, text string }{
		{"Summary", "We met regularly and closed the relationship once the goals were met."},
		{"Goals and outcomes", "Every goal we kept was met; see the plan for the dated notes."},
		{"What went well", "Written status before each meeting left the hour for decisions."},
		{"What was challenging", "Release weeks pushed a few sessions."},
		{"Lessons learned", "Say early when the plan no longer fits."},
		{"Next steps", "The mentee drives the next design review alone."},
		{"Future connection", "A check-in by email each quarter."},
		{"Thanks", "Thank you both for the time and the honesty."},
	} {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", sec.h, sec.text)
	}
	return b.String()
}
