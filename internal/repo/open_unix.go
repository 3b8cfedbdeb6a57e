//go:build unix

package repo

import "syscall"

// openNonBlock keeps an open from waiting forever on a FIFO someone put
// where a plan should be; regular files ignore it.
const openNonBlock = syscall.O_NONBLOCK
