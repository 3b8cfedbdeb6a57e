package config

import (
	"os"
	"strings"
	"testing"
)

// docs/config.md shows the file init writes, and a row for every key the
// parser knows: a new key that is not documented fails here.
func TestDocsDescribeEveryKey(t *testing.T) {
	b, err := os.ReadFile("../../docs/config.md")
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if !strings.Contains(page, "```yaml\n"+DefaultFile+"```\n") {
		t.Error("docs/config.md does not show DefaultFile as it is")
	}
	keys := append([]string(nil), "pairs_dir", "cadence")
	for prefix, list := range map[string][]string{"thresholds.": thresholdKeys, "closure.": closureKeys, "survey.": surveyKeys} {
		for _, k := range list {
			keys = append(keys, prefix+k)
		}
	}
	for _, k := range keys {
		if !strings.Contains(page, "\n| `"+k+"` |") {
			t.Errorf("docs/config.md has no row for %s", k)
		}
	}
	for _, k := range topKeys {
		if k != "pairs_dir" && k != "cadence" && !strings.Contains(page, "`"+k+".") {
			t.Errorf("docs/config.md never names the %s keys", k)
		}
	}
}
