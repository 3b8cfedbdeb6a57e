package cli

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/questions"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/mentor-cli/mentor/internal/verify"
)

// The tables in the docs that list signals, verdicts, rules, reasons,
// formats and templates are built from the registries: each sits between
// <!-- generated: NAME --> and <!-- end generated --> and this test fails
// when one differs from what the registry gives. MENTOR_UPDATE=1 rewrites
// them.
var docsWithTables = []string{"../../README.md", "../../docs/reference.md", "../../docs/templates.md"}

// rulePages are the pages of docs/ that describe the file each rule of
// verify checks, for the rules table; a rule without one fails the test.
var rulePages = map[string]string{
	"plan-invalid":             "plan.md#front-matter",
	"closure-missing":          "closure.md",
	"closure-invalid":          "closure.md#the-format",
	"closure-incomplete":       "closure.md#the-format",
	"closure-mismatch":         "closure.md#the-format",
	"contact-missing":          "closure.md#the-format",
	"status-stale":             "plan.md#front-matter",
	"closure-orphan":           "closure.md",
	"plan-warning":             "plan.md#checks-on-a-plan",
	"no-pairs":                 "config.md",
	"signoff-missing":          "survey.md#signing-off",
	"survey-invalid":           "survey.md",
	"final-reflection-missing": "notes.md",
	"checkin-invalid":          "checkins.md#the-format",
	"closure-warning":          "closure.md#the-format",
}

func referenceTables() map[string]string {
	md := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	set := func(head string, s enum.Set) string {
		var b strings.Builder
		fmt.Fprintf(&b, "| %s | meaning |\n| --- | --- |\n", head)
		for _, v := range s {
			fmt.Fprintf(&b, "| `%s` | %s |\n", v.Name, md(v.Help))
		}
		return b.String()
	}
	defaults := thresholdDefaults()
	t := map[string]string{}

	var b strings.Builder
	b.WriteString("| signal | fires when | leads to | proposes `reason` | threshold (`.mentor.yaml`: default) |\n| --- | --- | --- | --- | --- |\n")
	for _, d := range signals.Catalog {
		leads, reason, th := "— (a reminder)", "—", "—"
		if d.Leads != "" {
			leads = "`" + string(d.Leads) + "`"
		}
		if d.Reason != "" {
			reason = "`" + d.Reason + "`"
		}
		if d.Threshold != "" {
			var parts []string
			for _, k := range strings.Split(d.Threshold, ", ") {
				parts = append(parts, fmt.Sprintf("`%s: %s`", k, defaults[k]))
			}
			th = strings.Join(parts, ", ")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", d.ID, md(d.Fires), leads, reason, th)
	}
	t["signals"] = b.String()

	b.Reset()
	b.WriteString("| verdict | when (the first that applies) |\n| --- | --- |\n")
	for _, v := range signals.Verdicts {
		fmt.Fprintf(&b, "| `%s` | %s |\n", v.Verdict, md(v.Help))
	}
	t["verdicts"] = b.String()

	b.Reset()
	b.WriteString("| rule | severity | finding | what to do | the file |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range verify.Rules {
		page := rulePages[r.ID]
		if page == "" {
			page = "(no page: add the rule to rulePages in reference_test.go)"
		} else {
			name, _, _ := strings.Cut(page, "#")
			page = fmt.Sprintf("[%s](%s)", name, page)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.Severity, md(r.Summary), md(r.Help), page)
	}
	t["rules"] = b.String()

	t["reasons"] = set("`reason`", closure.Reasons)
	t["transitions"] = set("`transition`", closure.Transitions)
	t["outcomes"] = set("goal `outcome`", closure.Outcomes)
	t["initiators"] = set("`initiated_by`", closure.Initiators)
	t["formats-check"] = set("`check --format`", output.CheckSet())
	t["formats-verify"] = set("`verify --format`", output.VerifySet())
	t["formats-report"] = set("`report --format`", output.ReportSet())
	t["formats-list"] = set("`list --format`", output.ListSet())
	t["templates"] = set("template", render.Templates)
	t["questions"] = questionTable()
	// A blank line around each table, as Markdown wants it.
	for k, v := range t {
		t[k] = "\n" + v + "\n"
	}
	return t
}

// questionTable lists the final meeting's sections and questions, as the
// agenda and the guided debrief ask them.
func questionTable() string {
	md := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	endings := func(e questions.Ending) string {
		if e == questions.Every {
			return "every ending"
		}
		return e.String()
	}
	who := map[questions.Turn]string{questions.Nobody: "read out", questions.MenteeFirst: "mentee, then mentor",
		questions.Mentee: "mentee", questions.Mentor: "mentor"}
	var b strings.Builder
	for _, s := range questions.Table {
		fmt.Fprintf(&b, "\n**%s** (`%s`, %s%s)\n\n", s.Heading, s.ID, endings(s.Endings), map[bool]string{true: ", before the meeting"}[s.Prepare])
		b.WriteString("| id | text | at | who answers | goes to |\n| --- | --- | --- | --- | --- |\n")
		for _, q := range s.Questions {
			to := "—"
			switch {
			case q.NextGoals:
				to = "the Next goals list (under " + q.Section + ")"
			case q.Key != "":
				to = "`" + q.Key + "`"
			case q.Section != "":
				to = q.Section
			}
			text := md(q.Text)
			if q.Goals != questions.Once {
				text += " (about each " + map[bool]string{true: string(q.Goals) + " "}[q.Goals != questions.AllGoal] + "goal)"
			}
			if len(q.Choices) > 0 {
				var cs []string
				for _, c := range q.Choices {
					cs = append(cs, "`"+c.Value+"`")
				}
				text += " — " + strings.Join(cs, ", ")
			}
			answers := who[q.Turn]
			if q.Endings == questions.Unreachable && q.Turn != questions.Nobody {
				answers = "the side that meets"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", q.ID, text, endings(q.Endings), answers, to)
		}
	}
	return strings.TrimPrefix(b.String(), "\n")
}

// thresholdDefaults are the default thresholds by their config key.
func thresholdDefaults() map[string]string {
	out := map[string]string{}
	v := reflect.ValueOf(config.Default().Thresholds)
	for i := 0; i < v.NumField(); i++ {
		out[v.Type().Field(i).Tag.Get("json")] = fmt.Sprint(v.Field(i).Interface())
	}
	return out
}

var generated = regexp.MustCompile(`(?s)(<!-- generated: ([a-z-]+) -->\n)(.*?)(<!-- end generated -->)`)

func TestReferenceTables(t *testing.T) {
	tables := referenceTables()
	used := map[string]bool{}
	for _, file := range docsWithTables {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		out := generated.ReplaceAllStringFunc(text, func(m string) string {
			g := generated.FindStringSubmatch(m)
			want, ok := tables[g[2]]
			if !ok {
				t.Errorf("%s: no registry gives the table %q", file, g[2])
				return m
			}
			used[g[2]] = true
			if g[3] != want {
				t.Errorf("%s: the %s table differs from the registry (MENTOR_UPDATE=1 go test ./internal/cli rewrites it):\n%s\nwant:\n%s", file, g[2], g[3], want)
			}
			return g[1] + want + g[4]
		})
		if os.Getenv("MENTOR_UPDATE") != "" && out != text {
			if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, r := range verify.Rules {
		if rulePages[r.ID] == "" {
			t.Errorf("rule %s has no page in rulePages: name the page of docs/ that describes what it checks", r.ID)
		}
	}
	for name := range tables {
		if !used[name] {
			t.Errorf("no page shows the %s table", name)
		}
	}
}

// The format tables of docs/ci.md, which say what each format is for, list
// the formats the registry has, no more and no fewer.
func TestCIFormatTables(t *testing.T) {
	b, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for intro, set := range map[string]enum.Set{
		"`mentor close verify --format`:": output.VerifySet(),
		"`mentor close check --format`:":  output.CheckSet(),
	} {
		_, rest, ok := strings.Cut(page, "\n"+intro+"\n")
		if !ok {
			t.Errorf("docs/ci.md has no table after %s", intro)
			continue
		}
		var got []string
		for _, line := range strings.Split(strings.TrimLeft(rest, "\n"), "\n") {
			if !strings.HasPrefix(line, "|") {
				break
			}
			if name, ok := strings.CutPrefix(line, "| `"); ok {
				got = append(got, name[:strings.Index(name, "`")])
			}
		}
		var want []string
		for _, v := range set {
			want = append(want, v.Name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("docs/ci.md, the table after %s lists %v; the registry has %v", intro, got, want)
		}
	}
}
