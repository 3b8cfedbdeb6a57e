#!/usr/bin/env bash
# Invitations against a real iCalendar parser nobody here wrote: Debian's
# python3-icalendar, run with Debian's own python3 (another python3 on the
# PATH may not see Debian's packages), expands and checks every .ics the
# invitation tests produce, the golden files and the round trips through
# golang-ical; and control files that must fail show that the checks bite.
set -euo pipefail
. .ci/lib.sh
apt_install python3-icalendar python3-dateutil tzdata
py=/usr/bin/python3
dir="${CI_TMP:-$(mktemp -d)}/ics"
rm -rf "$dir" && mkdir -p "$dir"

echo "-- the invitation tests, keeping what they write"
MENTOR_ICS_OUT="$dir" go test -count=1 -run 'TestInvitations' ./internal/cli

echo "-- python3-icalendar $($py -c 'import icalendar; print(icalendar.__version__)') reads them"
$py .ci/steps/calendar/check_ics.py "$dir"

echo "-- the controls must fail"
for control in .ci/steps/calendar/controls/*/; do
  if out=$($py .ci/steps/calendar/check_ics.py "$control" 2>&1); then
    echo "$control passed the checks, but it is broken on purpose:"; echo "$out"; exit 1
  fi
  echo "fails as it must: $(echo "$out" | tail -1)"
done
