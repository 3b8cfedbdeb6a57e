package rematch

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
)

func TestCarried(t *testing.T) {
	p := plan.Parse("plan.md", []byte("---\nmentor: A\nmentee: B\nstart: 2026-01-01\n---\n## Goals\n- [x] Met\n- [ ] Open\n- [ ] ~~Dropped~~ (no)\n- [X] Met too\n"), plan.Options{})
	var got []string
	for _, g := range Carried(p) {
		got = append(got, g.Title)
	}
	if strings.Join(got, "|") != "Open|Dropped" {
		t.Errorf("carried %q", got)
	}
}

func TestAvoided(t *testing.T) {
	rec := func(mentor, mentee string, avoid bool) *closure.Record {
		return &closure.Record{Mentor: mentor, Mentee: mentee, RematchAvoid: avoid}
	}
	recs := []*closure.Record{rec("Ada Lovelace", "Grace Hopper", false), nil, rec("Bob  Ross", "Grace Hopper", true)}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Bob Ross", "Grace Hopper", true},
		{"grace hopper", "BOB ROSS", true}, // whichever way round
		{"Ada Lovelace", "Grace Hopper", false},
		{"Bob Ross", "Ada Lovelace", false},
		{"Bob", "Grace Hopper", false},
	} {
		if got := Avoided(recs, c.a, c.b) != nil; got != c.want {
			t.Errorf("%s + %s: %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if SamePerson("", "") {
		t.Error("two empty names are nobody")
	}
}

func TestTooSoon(t *testing.T) {
	closed := dates.MustParse("2026-11-01")
	for _, c := range []struct {
		start string
		soon  bool
		gap   int
	}{{"2026-11-14", true, 13}, {"2026-11-15", false, 14}, {"2026-11-16", false, 15}} {
		soon, gap := TooSoon(closed, dates.MustParse(c.start), 14)
		if soon != c.soon || gap != c.gap {
			t.Errorf("%s: %v %d, want %v %d", c.start, soon, gap, c.soon, c.gap)
		}
	}
	if soon, _ := TooSoon(dates.Date{}, closed, 14); soon {
		t.Error("no closed date, no waiting period")
	}
}

func TestChain(t *testing.T) {
	links := map[string]string{"d": "c", "c": "b", "b": "a", "a": "", "x": "y", "loop1": "loop2", "loop2": "loop1", "self": "self"}
	prev := func(id string) (string, bool) {
		p, ok := links[id]
		return p, ok
	}
	for _, c := range []struct {
		id, want, broken string
		loop             bool
	}{
		{"d", "a b c", "", false},
		{"a", "", "", false},
		{"x", "", "y", false},
		{"loop1", "loop2", "", true},
		{"self", "", "", true},
	} {
		chain, broken, loop := Chain(c.id, prev)
		if strings.Join(chain, " ") != c.want || broken != c.broken || loop != c.loop {
			t.Errorf("%s: %v %q %v, want %q %q %v", c.id, chain, broken, loop, c.want, c.broken, c.loop)
		}
	}
}
