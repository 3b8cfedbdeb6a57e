package cli

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/spf13/cobra"
)

// Shell completion of PAIR arguments, and "did you mean …?" for pairs and
// commands that do not exist.

// completePairs completes PAIR arguments to pair ids; multi lets a command
// take several (check, verify, report), else only the first argument is a
// PAIR. A word that looks like a path (a / or a leading .) completes as
// files, and so does one that no pair id starts with.
func completePairs(f *Factory, multi bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if !multi && len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		if strings.ContainsRune(toComplete, '/') || strings.HasPrefix(toComplete, ".") {
			return nil, cobra.ShellCompDirectiveDefault
		}
		r, _, err := f.Repo()
		if err != nil {
			return nil, cobra.ShellCompDirectiveDefault
		}
		given := map[string]bool{}
		for _, a := range args {
			given[a] = true
		}
		var out []cobra.Completion
		for _, id := range r.PairIDs() {
			if strings.HasPrefix(id, toComplete) && !given[id] {
				out = append(out, id)
			}
		}
		if len(out) == 0 {
			return nil, cobra.ShellCompDirectiveDefault
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// unknownPair adds "did you mean …?" to an unknown PAIR argument: the ids
// within a few edits of it, else the one pair whose mentor's or mentee's
// name it matches.
func unknownPair(r *repo.Repo, err error) error {
	var up *repo.UnknownPairError
	if !errors.As(err, &up) {
		return err
	}
	s := suggestPairs(r, up.Arg)
	if len(s) == 0 {
		return err
	}
	return usageErr("%s\n\nDid you mean this?\n\t%s", up.Error(), strings.Join(s, "\n\t"))
}

func suggestPairs(r *repo.Repo, arg string) []string {
	ids := r.PairIDs()
	type near struct {
		id string
		d  int
	}
	var nearby []near
	limit := max(2, len(arg)/5)
	for _, id := range ids {
		if d := distance(strings.ToLower(arg), id); d <= limit {
			nearby = append(nearby, near{id, d})
		}
	}
	sort.SliceStable(nearby, func(i, j int) bool { return nearby[i].d < nearby[j].d })
	if len(nearby) > 0 {
		out := make([]string, 0, 3)
		for _, n := range nearby[:min(3, len(nearby))] {
			out = append(out, n.id)
		}
		return out
	}
	// A name: "grace", "Grace Hopper", "hopper" finds the one pair whose
	// mentor or mentee it names.
	want := Slug(arg)
	if want == "" {
		return nil
	}
	refs := make([]pair.Ref, 0, len(ids))
	for _, id := range ids {
		refs = append(refs, pair.Ref{ID: id, Dir: r.Config.PairsDir + "/" + id})
	}
	type match struct{ id, who, name string }
	found := load.All(r, refs, load.Options{FrontMatterOnly: true}, func(p *pair.Pair) []match {
		if p.Plan == nil {
			return nil
		}
		var m []match
		for _, w := range [][2]string{{"mentor", p.Plan.Mentor}, {"mentee", p.Plan.Mentee}} {
			if namesMatch(want, Slug(w[1])) {
				m = append(m, match{p.ID, w[0], w[1]})
			}
		}
		return m
	})
	var all []match
	for _, m := range found {
		if len(m) > 0 {
			all = append(all, m[0])
		}
	}
	if len(all) != 1 {
		return nil
	}
	return []string{fmt.Sprintf("%s  (%s: %s)", all[0].id, all[0].who, all[0].name)}
}

// namesMatch reports whether a slugged query names a slugged name: the
// whole name, or one of its words.
func namesMatch(query, name string) bool {
	if name == "" {
		return false
	}
	if query == name {
		return true
	}
	for _, w := range strings.Split(name, "-") {
		if w == query {
			return true
		}
	}
	return false
}

// distance is the Levenshtein distance between two strings.
func distance(a, b string) int {
	if len(a) > 200 || len(b) > 200 {
		return 1 << 20
	}
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// suggestClose turns "mentor check" (a close subcommand typed without
// close) into a usage error that names "mentor close check". It looks at
// the first word of args that is not a flag; "" when that word is a
// command of the root, or no close subcommand is near it.
func suggestClose(root *cobra.Command, args []string) error {
	word := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if strings.HasPrefix(a, "-") {
			if !strings.Contains(a, "=") {
				if fl := root.PersistentFlags().Lookup(strings.TrimLeft(a, "-")); fl != nil && fl.Value.Type() != "bool" {
					i++ // the flag's value
				}
			}
			continue
		}
		word = a
		break
	}
	if word == "" {
		return nil
	}
	for _, c := range root.Commands() {
		if c.Name() == word || c.HasAlias(word) {
			return nil
		}
	}
	if strings.HasPrefix(word, "__") {
		return nil
	}
	var closeCmd *cobra.Command
	for _, c := range root.Commands() {
		if c.Name() == "close" {
			closeCmd = c
		}
	}
	if closeCmd == nil {
		return nil
	}
	var hits []string
	for _, c := range closeCmd.Commands() {
		if c.Hidden || c.Name() == "help" {
			continue
		}
		if c.Name() == word || distance(word, c.Name()) <= 2 {
			hits = append(hits, "mentor close "+c.Name())
		}
	}
	if len(hits) == 0 {
		return nil
	}
	return usageErr("unknown command %q for \"mentor\": the commands about pairs are under close\n\nDid you mean this?\n\t%s\nRun 'mentor close --help' for usage.", word, strings.Join(hits, "\n\t"))
}
