// Command floor reads every Markdown file of a programme the cheapest way Go
// can, as the measure mentor's reading commands are compared with
// (scripts/bench.sh):
//
//	go run ./internal/bench/floor DIR
//
// It lists DIR/pairs a few hundred entries at a time (its memory does not
// grow with the programme), hands the pair folders to GOMAXPROCS workers,
// and each worker walks its folders and reads every .md file in them whole
// into one buffer it keeps. It parses nothing and prints only what it read,
// "FILES BYTES", so that no read can be left out.
package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor DIR (a programme: DIR/pairs holds the pair folders)")
		os.Exit(2)
	}
	files, bytes, err := read(os.Args[1], runtime.GOMAXPROCS(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Println(files, bytes)
}

// read reads every .md file under dir/pairs with the given number of
// workers and says how many files and bytes it read. The first error
// stops it.
func read(dir string, workers int) (files int, bytes int64, err error) {
	pairs := filepath.Join(dir, "pairs")
	list, err := os.Open(pairs)
	if err != nil {
		return 0, 0, fmt.Errorf("%w: give the folder that holds pairs/", err)
	}
	defer list.Close()
	if workers < 1 {
		workers = 1
	}
	work := make(chan string, 4*workers)
	type total struct {
		files int
		bytes int64
		err   error
	}
	totals := make([]total, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := &totals[w]
			buf := make([]byte, 64<<10)
			for folder := range work {
				if t.err != nil {
					continue // drain, so the lister never blocks
				}
				t.err = filepath.WalkDir(folder, func(path string, d fs.DirEntry, err error) error {
					if err != nil {
						return err
					}
					if d.IsDir() || !strings.HasSuffix(d.Name(), ".md") {
						return nil
					}
					n, err := readAll(path, &buf)
					t.files++
					t.bytes += n
					return err
				})
			}
		}()
	}
	var listErr error
	for {
		entries, err := list.ReadDir(256)
		for _, e := range entries {
			if e.IsDir() {
				work <- filepath.Join(pairs, e.Name())
			}
		}
		if err != nil {
			if err != io.EOF {
				listErr = fmt.Errorf("%s: %w", pairs, err)
			}
			break
		}
	}
	close(work)
	wg.Wait()
	err = listErr
	for _, t := range totals {
		files += t.files
		bytes += t.bytes
		if err == nil {
			err = t.err
		}
	}
	return files, bytes, err
}

// readAll reads the file at path into *buf, growing it when the file is
// larger, and returns its size.
func readAll(path string, buf *[]byte) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var n int64
	for {
		if int(n) == len(*buf) {
			*buf = append(*buf, make([]byte, len(*buf))...)
		}
		m, err := f.Read((*buf)[n:])
		n += int64(m)
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("%s: %w", path, err)
		}
	}
}
