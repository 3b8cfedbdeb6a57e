package repo

// Hooks for the tests of package repo_test, which drive whole commands:
// they act at the worst moments of a write (another program saving the
// file, a full disk, a signal) and make a lock fail as it does for another
// user.
var (
	BeforeReplaceHook = &beforeReplace
	WriteDataHook     = &writeData
)
