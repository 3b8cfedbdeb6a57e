//go:build !unix

package main

import (
	"errors"
	"os"
)

func maxRSS(*os.ProcessState) (int64, error) {
	return 0, errors.New("peak memory is measured on unix systems only")
}
