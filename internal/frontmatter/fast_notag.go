//go:build nofastyaml

package frontmatter

const fastOn = false
