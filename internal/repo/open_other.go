//go:build !unix

package repo

const openNonBlock = 0
