//go:build !linux

package repo

// bareFolder is, where the system offers no bare reads, never open: a
// Scope reads through its os.Root.
type bareFolder struct{ open bool }

func (r *Repo) openBare(string) bareFolder                    { return bareFolder{} }
func (b *bareFolder) close()                                  {}
func (b bareFolder) absent(string) (gone, ok bool)            { return false, false }
func (b bareFolder) read(string) (data []byte, gone, ok bool) { return nil, false, false }
