package nullable

import (
	"encoding/json"
	"testing"
)

func TestString(t *testing.T) {
	type row struct {
		A String `json:"a"`
		B String `json:"b"`
	}
	b, err := json.Marshal(row{A: "x \"y\""})
	if err != nil || string(b) != `{"a":"x \"y\"","b":null}` {
		t.Fatalf("%s %v", b, err)
	}
	var back row
	if err := json.Unmarshal(b, &back); err != nil || back.A != `x "y"` || back.B != "" {
		t.Errorf("%+v %v", back, err)
	}
}
