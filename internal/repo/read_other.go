//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package repo

// readDirect is the fast path of Read where the platform has one; here
// every read takes the general path.
func readDirect(abs string) (data []byte, ok bool, notExist error) { return nil, false, nil }
