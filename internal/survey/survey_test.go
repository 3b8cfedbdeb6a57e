package survey

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/mentor-cli/mentor/internal/dates"
)

func TestNPSBoundaries(t *testing.T) {
	// 6 detracts, 7 and 8 are passive, 9 promotes.
	cases := []struct {
		vals []int
		want float64
	}{
		{[]int{6}, -100},
		{[]int{7}, 0},
		{[]int{8}, 0},
		{[]int{9}, 100},
		{[]int{10}, 100},
		{[]int{0}, -100},
		{[]int{6, 7, 8, 9}, 0},
		{[]int{9, 9, 7}, 66.7},
		{[]int{6, 6, 9}, -33.3},
		{[]int{9, 10, 8, 6}, 25},
		{nil, 0},
	}
	for _, c := range cases {
		if got := NPS(c.vals); got != c.want {
			t.Errorf("NPS(%v) = %v, want %v", c.vals, got, c.want)
		}
	}
	for v := 0; v <= 10; v++ {
		if Promoter(v) != (v >= 9) || Detractor(v) != (v <= 6) {
			t.Errorf("%d: promoter %v detractor %v", v, Promoter(v), Detractor(v))
		}
	}
}

func TestMeanAndDistribution(t *testing.T) {
	if got := Mean([]int{4, 5, 5}); got != 4.67 {
		t.Errorf("mean %v", got)
	}
	d := Distribution(Five, []string{"4", "5", "5", "1"})
	if len(d) != 5 || d[0] != 1 || d[3] != 1 || d[4] != 2 {
		t.Errorf("distribution %v", d)
	}
	if d := Distribution(YesNo, []string{"yes", "no", "yes"}); d[0] != 2 || d[1] != 1 {
		t.Errorf("yes-no %v", d)
	}
	if len(Ten.Values()) != 11 || Ten.Values()[0] != "0" {
		t.Errorf("0-10 values %v", Ten.Values())
	}
}

func TestCanonical(t *testing.T) {
	five := Question{ID: "s", Scale: Five}
	ten := Question{ID: "r", Scale: Ten}
	yn := Question{ID: "a", Scale: YesNo}
	ok := []struct {
		q       Question
		in, out string
	}{
		{five, "1", "1"}, {five, " 5 ", "5"}, {ten, "0", "0"}, {ten, "10", "10"},
		{yn, "Yes", "yes"}, {yn, "n", "no"}, {yn, "false", "no"},
		{Question{Scale: Text}, " more time \r\nfor talks ", "more time \nfor talks"}, {five, "", ""},
	}
	for _, c := range ok {
		got, err := c.q.Canonical(c.in)
		if err != nil || got != c.out {
			t.Errorf("%s %q: %q %v, want %q", c.q.Scale, c.in, got, err, c.out)
		}
	}
	bad := []struct {
		q  Question
		in string
	}{{five, "0"}, {five, "6"}, {five, "4.5"}, {five, "four"}, {ten, "11"}, {ten, "-1"}, {yn, "maybe"}}
	for _, c := range bad {
		_, err := c.q.Canonical(c.in)
		var se *ScaleError
		if !errors.As(err, &se) {
			t.Errorf("%s %q: %v, want a scale error", c.q.Scale, c.in, err)
		}
	}
}

func answersFor() map[string]string {
	return map[string]string{"satisfaction": "4", "goals": "5", "recommend": "9", "again": "yes",
		"mentor_better": "More time on the talk.\n# not a heading\n<!-- question: x -->"}
}

func TestRenderParseRoundTrip(t *testing.T) {
	d, _ := dates.Parse("2026-11-21")
	src := Render("mentee", d, Default, answersFor())
	s := Parse("pairs/a--b/survey/2026-11-21-mentee.md", src)
	if len(s.Problems) > 0 {
		t.Fatalf("problems: %v\n%s", s.Problems, src)
	}
	if probs := Check(s, Default); len(probs) > 0 {
		t.Fatalf("check: %v\n%s", probs, src)
	}
	if s.Side != "mentee" || s.Date != d {
		t.Errorf("side %q date %v", s.Side, s.Date)
	}
	for _, q := range Default {
		if got, want := s.Value(q), answersFor()[q.ID]; got != want {
			t.Errorf("%s: %q, want %q", q.ID, got, want)
		}
	}
	if !bytes.Contains(src, []byte("\n  recommend: 9\n")) || !bytes.Contains(src, []byte("\n\\# not a heading\n")) {
		t.Errorf("layout:\n%s", src)
	}
}

func TestCheck(t *testing.T) {
	src := "---\nkind: closure-survey\nside: mentor\ndate: 2026-11-21\nanswers:\n  satisfaction: 7\n  recommend: 9\n  colour: blue\n---\n"
	s := Parse("s.md", []byte(src))
	if len(s.Problems) > 0 {
		t.Fatal(s.Problems)
	}
	got := Check(s, Default)
	var msgs []string
	for _, p := range got {
		msgs = append(msgs, p.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`s.md:6: error: satisfaction: "7" is not a whole number from 1 to 5`,
		`s.md:8: error: unknown question "colour"`,
		`s.md:1: error: required question goals`,
		`s.md:1: error: required question again`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if strings.Contains(all, "required question mentor_better") {
		t.Errorf("an optional question was required:\n%s", all)
	}
}

func TestParseProblems(t *testing.T) {
	for src, want := range map[string]string{
		"no front matter": "no front matter",
		"---\nkind: note\nside: mentor\ndate: 2026-11-21\n---\n":                         `kind "note"`,
		"---\nkind: closure-survey\nside: coach\ndate: 2026-11-21\n---\n":                `side "coach"`,
		"---\nkind: closure-survey\nside: mentor\ndate: 2026-13-01\n---\n":               "date:",
		"---\nkind: closure-survey\nside: mentor\ndate: 2026-11-21\nanswers: [1]\n---\n": "answers must be a mapping",
	} {
		s := Parse("pairs/x/survey/odd.md", []byte(src))
		if len(s.Problems) == 0 || !strings.Contains(s.Problems[0].Message, want) {
			t.Errorf("%q: %v, want %q", src, s.Problems, want)
		}
	}
	s := Parse("pairs/x/survey/2026-11-21-mentee.md", []byte("---\nkind: closure-survey\nside: mentor\ndate: 2026-11-21\n---\n"))
	if len(s.Problems) == 0 || !strings.Contains(s.Problems[0].Message, "differs from the file name") {
		t.Errorf("side against name: %v", s.Problems)
	}
}

func TestEncryption(t *testing.T) {
	id, _ := age.GenerateX25519Identity()
	other, _ := age.GenerateX25519Identity()
	d, _ := dates.Parse("2026-11-21")
	plain := Render("mentee", d, Default, answersFor())
	rcp, err := ParseRecipient(id.Recipient().String())
	if err != nil {
		t.Fatal(err)
	}
	data, err := Encrypt(plain, []age.Recipient{rcp})
	if err != nil {
		t.Fatal(err)
	}
	if !IsEncrypted(data) || bytes.Contains(data, []byte("More time")) || bytes.Contains(data, []byte("recommend")) {
		t.Fatalf("not armored ciphertext:\n%s", data)
	}
	file := "pairs/a--b/survey/2026-11-21-mentee.md"

	locked := Read(file, data, nil)
	if !locked.Locked || !locked.Encrypted || locked.Side != "mentee" || locked.Date != d || len(locked.Problems) > 0 || len(locked.Answers) > 0 {
		t.Errorf("without a key: %+v", locked)
	}
	keys, err := ParseKeys("id.txt", []byte("# created: now\n"+id.String()+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	open := Read(file, data, keys)
	if open.Locked || !open.Encrypted || len(open.Problems) > 0 || open.Value(Default[2]) != "9" {
		t.Errorf("with the key: %+v", open)
	}

	wrong, _ := ParseKeys("other.txt", []byte(other.String()+"\n"))
	s := Read(file, data, wrong)
	var nf *NotForKeyError
	if len(s.Problems) != 1 || !strings.Contains(s.Problems[0].Message, "encrypted to someone else") ||
		!strings.Contains(s.Problems[0].Message, "other.txt") {
		t.Errorf("wrong key: %v", s.Problems)
	}
	if _, err := wrong.Decrypt(data); !errors.As(err, &nf) {
		t.Errorf("wrong key error %T", err)
	}

	// A damaged file: the envelope check and the decryption both say so.
	corrupt := bytes.Replace(data, []byte("\n"), []byte("\n!!"), 2)
	for _, k := range []*Keys{nil, keys} {
		s := Read(file, corrupt, k)
		if len(s.Problems) != 1 || !strings.Contains(s.Problems[0].Message, "not a readable age file") {
			t.Errorf("corrupt (keys %v): %v", k != nil, s.Problems)
		}
	}
	// A body changed after the header: the header is fine, the payload not.
	lines := strings.Split(string(data), "\n")
	last := len(lines) - 3
	lines[last] = strings.Repeat("A", len(lines[last]))
	tampered := []byte(strings.Join(lines, "\n"))
	if s := Read(file, tampered, keys); len(s.Problems) != 1 {
		t.Errorf("tampered: %v", s.Problems)
	}
}

func TestKeysAndRecipients(t *testing.T) {
	id, _ := age.GenerateX25519Identity()
	if _, err := ParseRecipient(id.String()); err == nil || !strings.Contains(err.Error(), "not a public key") {
		t.Errorf("identity as recipient: %v", err)
	}
	if _, err := ParseRecipient("ssh-ed25519 AAAA"); err == nil {
		t.Error("ssh key accepted")
	}
	if _, err := ParseKeys("pub.txt", []byte(id.Recipient().String()+"\n")); err == nil || !strings.Contains(err.Error(), "public key") {
		t.Errorf("public key as identity: %v", err)
	}
	if _, err := ParseKeys("empty.txt", nil); err == nil || !strings.Contains(err.Error(), "empty.txt") {
		t.Errorf("empty: %v", err)
	}
}
