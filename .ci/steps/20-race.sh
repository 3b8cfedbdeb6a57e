#!/usr/bin/env bash
# The race detector on the packages where goroutines share state: the
# streaming loader (load.Each reads pairs on every core), the repo's locks,
# writes and in-process lock table, the interrupt handler, edit.Apply under
# concurrent writers, and the commands that run them concurrently (check and
# verify over a programme, log from many processes at once, the bad-input
# corpus). The rest of internal/cli is single-goroutine and takes minutes
# under -race, so only those tests run. About a minute on two cores.
set -euo pipefail
echo "go test -race: load, repo, interrupt, edit"
go test -race -count=1 ./internal/load/... ./internal/repo/... ./internal/interrupt/... ./internal/edit/...
echo "go test -race: the concurrent commands of internal/cli"
go test -race -count=1 -run 'TestLogConcurrent|TestCorpus|TestSafetyCommit|TestScripts/(log_concurrent|check_examples|verify_examples|report_formats)' ./internal/cli/
