//go:build nofastbody

package closure

const fastBodyOn = false
