//go:build nofastbody

package plan

const fastBodyOn = false
