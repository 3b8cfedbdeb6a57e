package verify

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/note"
)

func finalNote(side, kind string) note.Note {
	src := "---\ndate: 2026-07-19\nauthor: " + side + "\n"
	if kind != "" {
		src += "kind: " + kind + "\n"
	}
	return note.Parse("pairs/ada--grace", "2026-07-19-"+side+".md", []byte(src+"---\nText.\n"), nil)
}

// closure.require_final_reflection asks for the final reflection of the
// mentee, or of both sides, on a pair with a closure record; a side the
// record marks unreachable is not asked, and an ordinary note does not count.
func TestFinalReflectionMissing(t *testing.T) {
	unreachable := strings.Replace(recordSrc, "transition: informal", "unreachable: mentor\ntransition: informal", 1)
	for _, tc := range []struct {
		name    string
		require string
		record  string
		notes   []note.Note
		want    []string // the sides named by findings
	}{
		{"none required", "none", recordSrc, nil, nil},
		{"mentee required, none written", "mentee", recordSrc, nil, []string{"mentee"}},
		{"mentee required, an ordinary note", "mentee", recordSrc, []note.Note{finalNote("mentee", "")}, []string{"mentee"}},
		{"mentee required, the mentor's written", "mentee", recordSrc, []note.Note{finalNote("mentor", note.FinalReflection)}, []string{"mentee"}},
		{"mentee required and written", "mentee", recordSrc, []note.Note{finalNote("mentee", note.FinalReflection)}, nil},
		{"both required, the mentee's written", "both", recordSrc, []note.Note{finalNote("mentee", note.FinalReflection)}, []string{"mentor"}},
		{"both required, both written", "both", recordSrc, []note.Note{finalNote("mentor", note.FinalReflection), finalNote("mentee", note.FinalReflection)}, nil},
		{"both required, the mentor unreachable", "both", unreachable, []note.Note{finalNote("mentee", note.FinalReflection)}, nil},
		{"no record yet", "both", "", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := mkpair("closed", tc.record)
			p.Notes = tc.notes
			opt := opts("2026-07-21")
			opt.Config.RequireFinalReflection = tc.require
			opt.Config.RequireSignoff = "none"
			var got []string
			for _, f := range Check(p, opt) {
				if f.Rule != FinalReflectionMissing {
					if tc.record != "" {
						t.Errorf("unexpected finding %+v", f)
					}
					continue
				}
				if f.File != "pairs/ada--grace/closure.md" || f.Line != 1 || f.Severity != "error" {
					t.Errorf("finding %+v", f)
				}
				side := strings.Fields(f.Message)[5] // "no final reflection by the SIDE (…"
				if !strings.Contains(f.Message, "mentor close note ada--grace --as "+side+" --final") {
					t.Errorf("message does not say how to fix it: %s", f.Message)
				}
				got = append(got, side)
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("sides %v, want %v", got, tc.want)
			}
		})
	}
}
