//go:build nofastbody || noclosurefast

package closure

const fastBodyOn = false
