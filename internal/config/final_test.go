package config

import (
	"strings"
	"testing"
)

func TestRequireFinalReflection(t *testing.T) {
	if got := Default().RequireFinalReflection; got != "none" {
		t.Errorf("default require_final_reflection = %q, want none", got)
	}
	for _, v := range FinalReflections {
		c, err := Parse(FileName, []byte("closure:\n  require_final_reflection: "+v+"\n"))
		if err != nil || c.RequireFinalReflection != v {
			t.Errorf("%s: %v, got %q", v, err, c.RequireFinalReflection)
		}
		if strings.Join(c.RequiredSections, "|") != strings.Join(DefaultSections, "|") {
			t.Errorf("%s: required sections changed to %v", v, c.RequiredSections)
		}
	}
	for _, src := range []string{"closure:\n  require_final_reflection: mentor\n", "closure:\n  require_final_reflection:\n",
		"closure:\n  require_final_reflection: [both]\n"} {
		_, err := Parse(FileName, []byte(src))
		if err == nil || !strings.Contains(err.Error(), ".mentor.yaml:2:") || !strings.Contains(err.Error(), "closure.require_final_reflection must be one of none, mentee, both") {
			t.Errorf("%q: error %v", src, err)
		}
	}
}
