//go:build !linux

package repo

import "io/fs"

// bareFolder is, where the system offers no bare reads, never open: a
// Scope reads through its os.Root.
type bareFolder struct{ open bool }

func (r *Repo) openBare(string) bareFolder                               { return bareFolder{} }
func (b *bareFolder) close()                                             {}
func (b *bareFolder) absent(string) (gone, ok bool)                      { return false, false }
func (b *bareFolder) read(string) (data []byte, gone, ok bool)           { return nil, false, false }
func (b *bareFolder) list(string) (entries []fs.DirEntry, gone, ok bool) { return nil, false, false }
func (b *bareFolder) readSub(string, string) (data []byte, gone, ok bool) {
	return nil, false, false
}
func (b *bareFolder) holds(string) bool { return false }
