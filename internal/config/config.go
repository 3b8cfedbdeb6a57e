// Package config reads .mentor.yaml: where the pairs live, the default cadence,
// the thresholds behind every signal and the sections a closure record needs.
package config

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// FileName is the config file; its folder is the repo root.
const FileName = ".mentor.yaml"

// Thresholds tune when each signal fires.
type Thresholds struct {
	RemindDays         int     `json:"remind_days"`
	GraceDays          int     `json:"grace_days"`
	StallFactor        float64 `json:"stall_factor"`
	UnproductiveStreak int     `json:"unproductive_streak"`
	MissedWindow       int     `json:"missed_window"`
	MissedLimit        int     `json:"missed_limit"`
	NoProgressDays     int     `json:"no_progress_days"`
	// RematchAfterDays is how long after closing a rematch is worth a
	// warning: the waiting period the programme asks for.
	RematchAfterDays int `json:"rematch_after_days"`
}

// Config is a programme's settings.
type Config struct {
	File             string // repo-relative path of the file read, "" for the defaults
	PairsDir         string
	PairsDirLine     int // line of pairs_dir in the file, 0 when not set there
	Cadence          dates.Cadence
	Thresholds       Thresholds
	RequiredSections []string
	// RequireSignoff is whose signatures a complete closure record needs:
	// both, one or none (closure.require_signoff).
	RequireSignoff string
	// RequireFinalReflection is whose final reflection note (note --final)
	// a pair with a closure record must have: mentee, both or none.
	RequireFinalReflection string
	Survey                 Survey
}

// FinalReflections are the values closure.require_final_reflection takes.
var FinalReflections = []string{"none", "mentee", "both"}

// DefaultSections are the level-2 headings a closure record must have.
var DefaultSections = []string{"Summary", "Goals and outcomes", "What went well", "What was challenging",
	"Lessons learned", "Next steps", "Future connection", "Thanks"}

// Default returns the settings used when there is no .mentor.yaml.
func Default() Config {
	return Config{
		PairsDir: "pairs",
		Cadence:  dates.Cadence{Text: "biweekly", Days: 14},
		Thresholds: Thresholds{
			RemindDays:         14,
			GraceDays:          14,
			StallFactor:        2,
			UnproductiveStreak: 3,
			MissedWindow:       5,
			MissedLimit:        3,
			NoProgressDays:     60,
			RematchAfterDays:   14,
		},
		RequiredSections:       append([]string(nil), DefaultSections...),
		RequireSignoff:         "both",
		RequireFinalReflection: "none",
		Survey:                 DefaultSurvey(),
	}
}

// DefaultFile is what `mentor close init` writes when a repo has no config.
const DefaultFile = `# mentor programme settings: https://github.com/mentor-cli/mentor/blob/main/docs/config.md
pairs_dir: pairs
cadence: biweekly
thresholds:
  remind_days: 14         # end-near: days before the planned end to book the wrap-up
  grace_days: 14          # verify: days after the planned end before a closure record is due
  stall_factor: 2         # stalled: no meeting held for this many cadences
  unproductive_streak: 3  # unproductive: this many unproductive meetings in a row
  missed_window: 5        # commitment: look at this many recent meetings ...
  missed_limit: 3         # ... and fire when one side cancelled or missed this many
  no_progress_days: 60    # no-progress: no dated progress note for this many days
  rematch_after_days: 14  # rematch: days to wait after closing before a new pairing
closure:
  required_sections: [Summary, Goals and outcomes, What went well, What was challenging,
                      Lessons learned, Next steps, Future connection, Thanks]
`

var topKeys = []string{"pairs_dir", "cadence", "thresholds", "closure", "survey"}
var thresholdKeys = []string{"remind_days", "grace_days", "stall_factor", "unproductive_streak",
	"missed_window", "missed_limit", "no_progress_days", "rematch_after_days"}
var closureKeys = []string{"required_sections", "require_signoff", "require_final_reflection"}

// Parse reads a config file's bytes. file is the name used in errors. The
// error, if any, is a diag.Problem naming the file, line and key.
func Parse(file string, data []byte) (Config, error) {
	c := Default()
	c.File = file
	data = bytes.TrimPrefix(data, frontmatter.BOM)
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		doc := frontmatter.Doc{YAML: data, YAMLLine: 1}
		_, ferr := doc.Fields()
		if ferr != nil {
			return c, problem(file, ferr.Line, "%s", strings.Replace(ferr.Msg, "front matter", "config", 1))
		}
		return c, problem(file, 1, "config is not valid YAML: %v", err)
	}
	if root.Kind == 0 {
		return c, nil
	}
	m := root.Content[0]
	if m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
		return c, nil
	}
	if m.Kind != yaml.MappingNode {
		return c, problem(file, m.Line, "config must be a mapping of keys (%s)", strings.Join(topKeys, ", "))
	}
	lines := map[string]int{} // of the thresholds given
	err := eachKey(file, m, "", topKeys, func(key string, v *yaml.Node) error {
		switch key {
		case "pairs_dir":
			s, err := str(file, key, v)
			if err != nil {
				return err
			}
			clean := path.Clean(strings.ReplaceAll(s, `\`, "/"))
			if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
				return problem(file, v.Line, "pairs_dir %q must be a folder inside the repo, such as pairs", s)
			}
			c.PairsDir, c.PairsDirLine = clean, v.Line
		case "cadence":
			s, err := str(file, key, v)
			if err != nil {
				return err
			}
			cad, cerr := dates.ParseCadence(s)
			if cerr != nil {
				return problem(file, v.Line, "cadence: %v", cerr)
			}
			c.Cadence = cad
		case "survey":
			return c.parseSurvey(file, v)
		case "thresholds":
			return eachKey(file, v, "thresholds.", thresholdKeys, func(k string, v *yaml.Node) error {
				lines[k] = v.Line
				return c.setThreshold(file, k, v)
			})
		case "closure":
			return eachKey(file, v, "closure.", closureKeys, func(k string, v *yaml.Node) error {
				if k == "require_signoff" {
					return c.setRequireSignoff(file, v)
				}
				if k == "require_final_reflection" {
					s, _ := str(file, "closure."+k, v)
					if !contains(FinalReflections, s) {
						return problem(file, v.Line, "closure.require_final_reflection must be one of %s (got %q)", strings.Join(FinalReflections, ", "), v.Value)
					}
					c.RequireFinalReflection = s
					return nil
				}
				if v.Kind != yaml.SequenceNode {
					return problem(file, v.Line, "closure.required_sections must be a list of section headings, such as [Summary, Thanks]")
				}
				var secs []string
				for _, s := range v.Content {
					if s.Kind != yaml.ScalarNode || strings.TrimSpace(s.Value) == "" {
						return problem(file, s.Line, "closure.required_sections: each entry must be a section heading")
					}
					secs = append(secs, strings.TrimSpace(s.Value))
				}
				c.RequiredSections = secs
				return nil
			})
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	if c.Thresholds.MissedLimit > c.Thresholds.MissedWindow {
		line := lines["missed_limit"]
		if line == 0 {
			line = lines["missed_window"]
		}
		return c, problem(file, line, "thresholds.missed_limit (%d) cannot be larger than thresholds.missed_window (%d): the limit counts meetings within the window; lower missed_limit or raise missed_window",
			c.Thresholds.MissedLimit, c.Thresholds.MissedWindow)
	}
	return c, nil
}

func (c *Config) setThreshold(file, key string, v *yaml.Node) error {
	name := "thresholds." + key
	if key == "stall_factor" {
		f, err := strconv.ParseFloat(v.Value, 64)
		if v.Kind != yaml.ScalarNode || err != nil || f <= 0 || f > 1000 || math.IsNaN(f) {
			return problem(file, v.Line, "%s must be a number greater than 0, such as 2 (got %q)", name, v.Value)
		}
		c.Thresholds.StallFactor = f
		return nil
	}
	n, err := strconv.Atoi(v.Value)
	minimum := 1
	if key == "remind_days" || key == "grace_days" || key == "rematch_after_days" {
		minimum = 0
	}
	if v.Kind != yaml.ScalarNode || err != nil || n < minimum || n > 100000 {
		return problem(file, v.Line, "%s must be a whole number of at least %d (got %q)", name, minimum, v.Value)
	}
	t := &c.Thresholds
	switch key {
	case "remind_days":
		t.RemindDays = n
	case "grace_days":
		t.GraceDays = n
	case "unproductive_streak":
		t.UnproductiveStreak = n
	case "missed_window":
		t.MissedWindow = n
	case "missed_limit":
		t.MissedLimit = n
	case "no_progress_days":
		t.NoProgressDays = n
	case "rematch_after_days":
		t.RematchAfterDays = n
	}
	return nil
}

func eachKey(file string, m *yaml.Node, prefix string, known []string, f func(string, *yaml.Node) error) error {
	if m.Kind != yaml.MappingNode {
		return problem(file, m.Line, "%s must be a mapping of keys (%s)", strings.TrimSuffix(prefix, "."), strings.Join(known, ", "))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if seen[k.Value] {
			return problem(file, k.Line, "key %s%s is given twice: keep one", prefix, k.Value)
		}
		seen[k.Value] = true
		if !contains(known, k.Value) {
			hint := "known keys: " + strings.Join(known, ", ")
			if near, ok := frontmatter.Closest(k.Value, known); ok {
				hint = "did you mean " + prefix + near + "?"
			}
			return problem(file, k.Line, "unknown key %s%s (%s)", prefix, k.Value, hint)
		}
		if err := f(k.Value, v); err != nil {
			return err
		}
	}
	return nil
}

func str(file, key string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
		return "", problem(file, v.Line, "%s must be a single value", key)
	}
	return strings.TrimSpace(v.Value), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func problem(file string, line int, format string, args ...any) error {
	return diag.Problem{File: file, Line: line, Severity: diag.Error,
		Message: fmt.Sprintf(format, args...)}
}
