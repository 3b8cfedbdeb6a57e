package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/mentor-cli/mentor/internal/verify"
)

// The JSON Schemas in schemas/ describe the JSON of check, list, verify and
// report. Their enums are the registries' ids, so that a signal, rule,
// verdict or value added in the code and not in the schema fails here, and
// the commands' JSON is checked against them (a small validator below; CI
// runs ajv on the same outputs).

type schemaDoc map[string]any

func loadSchema(t *testing.T, name string) schemaDoc {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "schemas", name+".schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s schemaDoc
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

func enumOf(t *testing.T, s schemaDoc, def string) []string {
	t.Helper()
	defs, _ := s["$defs"].(map[string]any)
	d, ok := defs[def].(map[string]any)
	if !ok {
		t.Fatalf("no $defs.%s", def)
	}
	var out []string
	for _, v := range d["enum"].([]any) {
		out = append(out, v.(string))
	}
	return out
}

func sameSet(t *testing.T, what string, got, want []string) {
	t.Helper()
	g, w := append([]string(nil), got...), append([]string(nil), want...)
	sort.Strings(g)
	sort.Strings(w)
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s: the schema has %q, the registry %q", what, got, want)
	}
}

func TestSchemaEnumsAreTheRegistries(t *testing.T) {
	var verdicts []string
	for _, v := range signals.Verdicts {
		verdicts = append(verdicts, string(v.Verdict))
	}
	var rules []string
	for _, r := range verify.Rules {
		rules = append(rules, r.ID)
	}
	severities := []string{string(diag.Error), string(diag.Warning)}
	statuses := []string{string(plan.Active), string(plan.Closing), string(plan.Closed)}

	check := loadSchema(t, "check")
	sameSet(t, "check signalId", enumOf(t, check, "signalId"), signals.IDs())
	sameSet(t, "check verdict", enumOf(t, check, "verdict"), verdicts)
	sameSet(t, "check severity", enumOf(t, check, "severity"), severities)

	v := loadSchema(t, "verify")
	sameSet(t, "verify ruleId", enumOf(t, v, "ruleId"), rules)
	sameSet(t, "verify severity", enumOf(t, v, "severity"), severities)

	rep := loadSchema(t, "report")
	sameSet(t, "report signalId", enumOf(t, rep, "signalId"), signals.IDs())
	sameSet(t, "report verdict", enumOf(t, rep, "verdict"), verdicts)
	sameSet(t, "report status", enumOf(t, rep, "status"), statuses)
	sameSet(t, "report reason", enumOf(t, rep, "reason"), closure.Reasons.Names())
	sameSet(t, "report transition", enumOf(t, rep, "transition"), closure.Transitions.Names())

	sameSet(t, "list status", enumOf(t, loadSchema(t, "list"), "status"), statuses)
}

// Each command with a json format has its schema, for the version it
// writes; schemas/ has no schema for a command that does not exist.
func TestSchemaPerJSONFormat(t *testing.T) {
	hasJSON := map[string]bool{}
	for cmd, set := range map[string][]string{
		"check": output.CheckSet().Names(), "verify": output.VerifySet().Names(), "report": output.ReportSet().Names(),
		"list": output.ListSet().Names(),
	} {
		for _, n := range set {
			if n == "json" {
				hasJSON[cmd] = true
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "schemas", "*.schema.json"))
	for _, f := range files {
		cmd := strings.TrimSuffix(filepath.Base(f), ".schema.json")
		s := loadSchema(t, cmd)
		if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" || !strings.HasSuffix(s["$id"].(string), "/schemas/"+cmd+".schema.json") {
			t.Errorf("%s: $schema %v, $id %v", cmd, s["$schema"], s["$id"])
		}
		if want := fmt.Sprintf("mentor close %s --format json", cmd); s["title"] != want {
			t.Errorf("%s: title %q, want %q", cmd, s["title"], want)
		}
		props := s["properties"].(map[string]any)
		if c := props["schema_version"].(map[string]any)["const"]; c != float64(output.SchemaVersion) {
			t.Errorf("%s: schema_version %v, the code writes %d", cmd, c, output.SchemaVersion)
		}
		if !hasJSON[cmd] {
			t.Errorf("schemas/%s.schema.json describes no json format", cmd)
		}
		delete(hasJSON, cmd)
	}
	for cmd := range hasJSON {
		t.Errorf("%s --format json has no schema in schemas/", cmd)
	}
}

// The commands' JSON on the example programme, on a broken one and on the
// escaping corpus is what the schemas say.
func TestJSONMatchesSchemas(t *testing.T) {
	examples, _ := filepath.Abs(filepath.Join("..", "..", "examples", "programme"))
	broken, _ := buildCorpus(t)
	esc := buildEscapingCorpus(t)
	empty := t.TempDir()
	os.MkdirAll(filepath.Join(empty, "pairs"), 0o755)
	for _, dir := range []string{examples, broken, esc, empty} {
		for _, cmd := range []string{"check", "list", "verify", "report"} {
			r := runIn(t, dir, nil, "close", cmd, "--format", "json")
			var doc any
			if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
				t.Fatalf("%s in %s: %v\n%s", cmd, dir, err, r.out)
			}
			s := loadSchema(t, cmd)
			if errs := validate(s, map[string]any(s), doc, "$"); len(errs) > 0 {
				t.Errorf("%s in %s:\n%s", cmd, dir, strings.Join(errs[:min(len(errs), 10)], "\n"))
			}
		}
	}
}

// A document the schema must refuse: the validator below is not blind.
func TestSchemaValidatorRefuses(t *testing.T) {
	s := loadSchema(t, "verify")
	for _, bad := range []string{
		`{"schema_version": 1, "ok": true, "pairs": 0, "findings": []}`,
		`{"schema_version": 2, "ok": true, "pairs": 0, "findings": [{"file": "a", "line": 0, "rule": "plan-invalid", "severity": "error", "message": "m"}]}`,
		`{"schema_version": 2, "ok": true, "pairs": 0, "findings": [{"file": "a", "line": 1, "rule": "no-such-rule", "severity": "error", "message": "m"}]}`,
		`{"schema_version": 2, "ok": true, "pairs": 0, "findings": [], "extra": 1}`,
		`{"schema_version": 2, "ok": true, "findings": []}`,
	} {
		var doc any
		json.Unmarshal([]byte(bad), &doc)
		if errs := validate(s, map[string]any(s), doc, "$"); len(errs) == 0 {
			t.Errorf("the schema accepts %s", bad)
		}
	}
}

// validate checks doc against the part of JSON Schema 2020-12 that
// schemas/ uses: type, const, enum, pattern, minimum, maximum, minLength,
// properties, required, additionalProperties, items, anyOf and $ref into
// $defs.
func validate(root schemaDoc, s map[string]any, doc any, at string) []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		d, ok := root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			return []string{at + ": unknown $ref " + ref}
		}
		errs = append(errs, validate(root, d, doc, at)...)
	}
	if alts, ok := s["anyOf"].([]any); ok {
		matched := false
		for _, alt := range alts {
			if len(validate(root, alt.(map[string]any), doc, at)) == 0 {
				matched = true
			}
		}
		if !matched {
			fail("matches none of anyOf")
		}
	}
	if c, ok := s["const"]; ok && !reflect.DeepEqual(c, doc) {
		fail("%v is not %v", doc, c)
	}
	if e, ok := s["enum"].([]any); ok {
		found := false
		for _, v := range e {
			found = found || reflect.DeepEqual(v, doc)
		}
		if !found {
			fail("%v is not one of %v", doc, e)
		}
	}
	if ty, ok := s["type"]; ok {
		types := []any{ty}
		if l, ok := ty.([]any); ok {
			types = l
		}
		okType := false
		for _, ty := range types {
			switch ty {
			case "object":
				_, o := doc.(map[string]any)
				okType = okType || o
			case "array":
				_, o := doc.([]any)
				okType = okType || o
			case "string":
				_, o := doc.(string)
				okType = okType || o
			case "boolean":
				_, o := doc.(bool)
				okType = okType || o
			case "null":
				okType = okType || doc == nil
			case "number":
				_, o := doc.(float64)
				okType = okType || o
			case "integer":
				f, o := doc.(float64)
				okType = okType || o && f == float64(int64(f))
			}
		}
		if !okType {
			fail("%v is not of type %v", doc, ty)
			return errs
		}
	}
	if str, ok := doc.(string); ok {
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
		if n, ok := s["minLength"].(float64); ok && float64(len([]rune(str))) < n {
			fail("%q is shorter than %v", str, n)
		}
	}
	if f, ok := doc.(float64); ok {
		if n, ok := s["minimum"].(float64); ok && f < n {
			fail("%v is below %v", f, n)
		}
		if n, ok := s["maximum"].(float64); ok && f > n {
			fail("%v is above %v", f, n)
		}
	}
	if obj, ok := doc.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		if req, ok := s["required"].([]any); ok {
			for _, k := range req {
				if _, there := obj[k.(string)]; !there {
					fail("%s is missing", k)
				}
			}
		}
		for k, v := range obj {
			ps, known := props[k].(map[string]any)
			if !known {
				if s["additionalProperties"] == false {
					fail("%s is not in the schema", k)
				}
				continue
			}
			errs = append(errs, validate(root, ps, v, at+"."+k)...)
		}
	}
	if arr, ok := doc.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, v := range arr {
				errs = append(errs, validate(root, items, v, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	}
	return errs
}
