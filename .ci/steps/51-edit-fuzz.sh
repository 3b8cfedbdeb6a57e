#!/usr/bin/env bash
# The lifecycle edits (goal, extend, done, record) on arbitrary plans and
# front matter: they never panic, and what they return keeps the front
# matter and the goals. Counts, not durations (see .ci/run).
set -euo pipefail
go test -run '^$' -fuzz '^FuzzGoalEdits$' -fuzztime 40000x -fuzzminimizetime 100x ./internal/edit
go test -run '^$' -fuzz '^FuzzFrontMatterEdits$' -fuzztime 40000x -fuzzminimizetime 100x ./internal/edit
