package cli

import (
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/spf13/cobra"
)

// enumFlag adds a flag that takes one value of a set: its help lists the
// values and shell completion offers them with their help. what says what
// the value is ("output FORMAT", "why the pair closes, a REASON"); the
// capitalised word in backquotes names the value in --help.
func enumFlag(c *cobra.Command, p *string, name, short, def, what string, set enum.Set) {
	help := what + ": " + set.String()
	if short != "" {
		c.Flags().StringVarP(p, name, short, def, help)
	} else {
		c.Flags().StringVar(p, name, def, help)
	}
	_ = c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(set.Completions(), cobra.ShellCompDirectiveNoFileComp))
}

// checkEnum checks a flag's value against its set ("" is unset).
func checkEnum(flag, got string, set enum.Set) error {
	if got == "" || set.Has(got) {
		return nil
	}
	return usageErr("%s %q is not one of %s", flag, got, set.String())
}
