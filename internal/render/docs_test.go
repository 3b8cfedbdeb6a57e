package render

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/questions"
	"github.com/mentor-cli/mentor/internal/signals"
)

// documented are the types docs/templates.md documents, by the heading of
// the table that lists their fields.
var documented = map[string]reflect.Type{
	"Data":        reflect.TypeOf(Data{}),
	"Goal":        reflect.TypeOf(Goal{}),
	"Meeting":     reflect.TypeOf(Meeting{}),
	"PlanSection": reflect.TypeOf(PlanSection{}),
	"Period":      reflect.TypeOf(Period{}),
	"Event":       reflect.TypeOf(Event{}),
	"Signal":      reflect.TypeOf(signals.Signal{}),
	"Side":        reflect.TypeOf(Side{}),
	"Section":     reflect.TypeOf(questions.Section{}),
	"Question":    reflect.TypeOf(questions.Question{}),
	"Note":        reflect.TypeOf(Note{}),
}

var fieldName = regexp.MustCompile("`\\.([A-Z][A-Za-z]*)`")

// docTables reads docs/templates.md: for each "### Type" heading under
// "## The data", the names in the first column of its table.
func docTables(t *testing.T) map[string][]string {
	t.Helper()
	src, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	i := strings.Index(text, "\n## The data\n")
	if i < 0 {
		t.Fatal(`docs/templates.md has no "## The data" section`)
	}
	text = text[i+1:]
	if j := strings.Index(text[3:], "\n## "); j >= 0 {
		text = text[:j+3]
	}
	out := map[string][]string{}
	cur := ""
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "### "):
			cur = strings.TrimSpace(line[4:])
			out[cur] = nil
		case cur != "" && strings.HasPrefix(line, "| `"):
			first := strings.SplitN(line[1:], "|", 2)[0]
			for _, m := range fieldName.FindAllStringSubmatch(first, -1) {
				out[cur] = append(out[cur], m[1])
			}
		}
	}
	return out
}

// exported lists a type's exported fields and the methods a template can
// call on a value of it.
func exported(typ reflect.Type) []string {
	var names []string
	for k := 0; k < typ.NumField(); k++ {
		if typ.Field(k).IsExported() {
			names = append(names, typ.Field(k).Name)
		}
	}
	for k := 0; k < typ.NumMethod(); k++ {
		names = append(names, typ.Method(k).Name)
	}
	sort.Strings(names)
	return names
}

// docs/templates.md documents every field and method the templates
// receive, under the type's own heading, and nothing that is not there.
func TestDocsListEveryField(t *testing.T) {
	tables := docTables(t)
	for heading, typ := range documented {
		names, ok := tables[heading]
		if !ok {
			t.Errorf(`docs/templates.md has no "### %s" table`, heading)
			continue
		}
		doc := map[string]bool{}
		for _, n := range names {
			doc[n] = true
		}
		for _, name := range exported(typ) {
			if name == "String" || name == "MarshalJSON" {
				continue
			}
			if !doc[name] {
				t.Errorf("docs/templates.md does not document %s.%s", heading, name)
			}
			delete(doc, name)
		}
		for name := range doc {
			t.Errorf("docs/templates.md documents %s.%s, which templates do not receive", heading, name)
		}
	}
	for heading := range tables {
		if documented[heading] == nil {
			t.Errorf(`docs/templates.md has a "### %s" table the test does not know`, heading)
		}
	}
}

// A template written from the documented field list runs: every field of
// every documented type, reached the way a template reaches it, on the
// data of a real pair.
func TestDocumentedFieldsWork(t *testing.T) {
	tables := docTables(t)
	var b strings.Builder
	var walk func(typ reflect.Type, depth int)
	walk = func(typ reflect.Type, depth int) {
		var heading string
		for h, t := range documented {
			if t == typ {
				heading = h
			}
		}
		for _, name := range tables[heading] {
			f, isField := typ.FieldByName(name)
			if !isField {
				continue // methods take arguments; the built-in templates call them
			}
			elem := f.Type
			if elem.Kind() == reflect.Slice {
				elem = elem.Elem()
			}
			if _, ok := documentedType(elem); ok && depth < 3 {
				if f.Type.Kind() == reflect.Slice {
					b.WriteString("{{range ." + name + "}}[")
					walk(elem, depth+1)
					b.WriteString("]{{end}}")
				} else {
					b.WriteString("{{with ." + name + "}}(")
					walk(elem, depth+1)
					b.WriteString("){{end}}")
				}
				continue
			}
			b.WriteString(name + "={{." + name + "}};")
		}
	}
	walk(reflect.TypeOf(Data{}), 0)
	d := examplePair(t, "hana-kobayashi--diego-alvarez")
	out, err := ExecuteText("documented.md", []byte(b.String()), d)
	if err != nil {
		t.Fatalf("a template of the documented fields fails: %v", err)
	}
	for _, want := range []string{"Mentor=Hana Kobayashi;", "Title=Define and publish SLOs for the checkout API;", "Label=May 2026;", "ID=relationship.good;", "Name=Diego Alvarez;"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the documented fields give no %q", want)
		}
	}
}

func documentedType(typ reflect.Type) (string, bool) {
	for h, t := range documented {
		if t == typ {
			return h, true
		}
	}
	return "", false
}

// The override template docs/templates.md shows works on a real pair.
func TestDocsExampleTemplate(t *testing.T) {
	src, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	i := strings.Index(text, "\n## Writing your own template\n")
	j := strings.Index(text[i:], "```markdown\n")
	if i < 0 || j < 0 {
		t.Fatal("docs/templates.md has no example template")
	}
	body := text[i+j+len("```markdown\n"):]
	body = body[:strings.Index(body, "\n```")+1]
	out, err := ExecuteText("agenda.md", []byte(body), examplePair(t, "hana-kobayashi--diego-alvarez"))
	if err != nil {
		t.Fatalf("the example template fails: %v", err)
	}
	for _, want := range []string{
		"# Diego Alvarez and Hana Kobayashi: our last meeting",
		"## Celebrate\n\n- Run incident command for a SEV-2 on my own (3 notes)",
		"- What are we proudest of?",
		"## Goal 4: Contribute a patch to the OpenTelemetry Collector\n\n- Was dropping it the right call? (Diego Alvarez first)",
		"## Staying in touch\n\nHow do we go on?\n\n- [ ] End formally",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the example template's output lacks %q:\n%s", want, out)
		}
	}
}

// examplePair is the template data of a pair of the example programme.
func examplePair(t *testing.T, id string) Data {
	t.Helper()
	src, err := os.ReadFile("../../examples/programme/pairs/" + id + "/plan.md")
	if err != nil {
		t.Fatal(err)
	}
	return dataFor(t, id, string(src), "2026-11-21")
}
