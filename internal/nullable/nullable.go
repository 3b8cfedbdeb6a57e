// Package nullable holds the values that machine formats write as null when
// they are absent, so that every JSON output says "absent" one way: null,
// never "" in one place and null in another.
package nullable

import "encoding/json"

// String is text that may be absent: "" is written to JSON as null, and
// null is read back as "".
type String string

// MarshalJSON writes null for "".
func (s String) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// UnmarshalJSON reads null as "".
func (s *String) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = String(v)
	return nil
}
