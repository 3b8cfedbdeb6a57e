//go:build unix

package repo

// OpenLockHook makes a lock fail as it does for another user.
var OpenLockHook = &openLock
