"""Read mentor's invitations with Debian's python3-icalendar and dateutil.

Usage: check_ics.py DIR

DIR holds NAME.ics files, each with NAME.json beside it saying what the
invitation must say (the Go tests in internal/cli write both; see
invite_test.go). An .ics without a .json (the golden files) is checked for
form only. Every file must parse; every expectation must hold:

- exactly one VEVENT, with the UID, SEQUENCE, SUMMARY and DESCRIPTION (the
  folded lines unfolded) expected;
- the instant of DTSTART and DTEND, whether written with a TZID or in UTC;
- a TZID that names the expected zone, and a VTIMEZONE for it whose offsets
  (icalendar's to_tz, built from the file alone) agree with the zone
  database at every occurrence;
- the RRULE expanded with dateutil.rrule over a year gives the expected
  occurrences;
- no line longer than 75 octets, CRLF line endings.

Exits 1 on the first file that fails, naming it and why.
"""

import datetime
import json
import pathlib
import sys
from zoneinfo import ZoneInfo

import icalendar
from dateutil import rrule

UTC = datetime.timezone.utc


def fail(path, why):
    print(f"{path}: {why}")
    sys.exit(1)


def iso(dt):
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check(path):
    raw = path.read_bytes()
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        fail(path, "the file does not end with CRLF")
    for n, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            fail(path, f"line {n} has a bare line ending")
        if len(line) > 75:
            fail(path, f"line {n} is {len(line)} octets, more than 75")
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # icalendar raises ValueError and others
        fail(path, f"icalendar cannot parse it: {e}")
    for c in cal.walk():
        if getattr(c, "errors", None):
            fail(path, f"icalendar could not read {c.name}: {c.errors}")
    if cal.name != "VCALENDAR" or str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        fail(path, "not a VCALENDAR 2.0 with a PRODID")
    events = cal.walk("VEVENT")
    if len(events) != 1:
        fail(path, f"{len(events)} events, want 1")
    ev = events[0]
    for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        if ev.get(key) is None:
            fail(path, f"the event has no {key}")
    start, end = ev["DTSTART"].dt, ev["DTEND"].dt
    if not isinstance(start, datetime.datetime) or start.tzinfo is None:
        fail(path, f"DTSTART {start!r} is not an instant (a zone or UTC)")
    if end <= start:
        fail(path, "DTEND is not after DTSTART")
    zones = {str(z["TZID"]): z for z in cal.walk("VTIMEZONE")}
    tzid = ev["DTSTART"].params.get("TZID")
    if tzid is not None and tzid not in zones:
        fail(path, f"DTSTART names TZID {tzid} but the file has no VTIMEZONE for it")

    want_path = path.with_suffix(".json")
    if not want_path.exists():
        print(f"ok {path.name}: {ev['UID']} at {iso(start)} (form only)")
        return
    want = json.loads(want_path.read_text())
    got = {
        "uid": str(ev["UID"]),
        "sequence": int(ev.get("SEQUENCE", 0)),
        "start_utc": iso(start),
        "end_utc": iso(end),
        "summary": str(ev["SUMMARY"]),
        "tzid": tzid,
    }
    for key, value in got.items():
        if want[key] != value:
            fail(path, f"{key} is {value!r}, want {want[key]!r}")
    if want["description"] and str(ev["DESCRIPTION"]) != want["description"]:
        fail(path, f"DESCRIPTION is {str(ev['DESCRIPTION'])!r}, want {want['description']!r}")
    attendees = ev.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    if [str(a) for a in attendees] != (want["attendees"] or []):
        fail(path, f"attendees {[str(a) for a in attendees]}, want {want['attendees']}")

    # The occurrences: the start alone, or the RRULE expanded for a year in
    # the zone's wall-clock time (a recurrence keeps the local time across
    # daylight saving changes).
    rule = ev.get("RRULE")
    if (rule is None) != (want["rrule"] is None):
        fail(path, f"RRULE is {rule!r}, want {want['rrule']!r}")
    if rule is None:
        occurrences = [start]
    else:
        text = rule.to_ical().decode()
        if sorted(text.split(";")) != sorted(want["rrule"].split(";")):
            fail(path, f"RRULE is {text}, want {want['rrule']}")
        zone = ZoneInfo(tzid) if tzid else UTC
        first = start.astimezone(zone).replace(tzinfo=None).replace(tzinfo=zone)
        expanded = rrule.rrulestr(text, dtstart=first)
        occurrences = expanded.between(first, first + datetime.timedelta(days=366), inc=True)
        occurrences = [o for o in occurrences if o <= first.replace(year=first.year + 1) or o == first]
        if [iso(o) for o in occurrences] != want["occurrences_utc"]:
            fail(path, f"RRULE expands to {[iso(o) for o in occurrences]}, want {want['occurrences_utc']}")

    # The VTIMEZONE alone gives each occurrence the zone database's offset.
    if tzid is not None:
        tz = zones[tzid].to_tz()
        real = ZoneInfo(tzid)
        for o in occurrences:
            wall = o.astimezone(real).replace(tzinfo=None)
            if tz.localize(wall).utcoffset() != real.utcoffset(wall):
                fail(path, f"the VTIMEZONE gives {wall} the offset {tz.localize(wall).utcoffset()}, the zone database {real.utcoffset(wall)}")
    print(f"ok {path.name}: {got['uid']} at {got['start_utc']}, {len(occurrences)} occurrence(s)")


def main():
    folder = pathlib.Path(sys.argv[1])
    files = sorted(folder.glob("*.ics"))
    if not files:
        fail(folder, "no .ics file to check")
    for f in files:
        check(f)
    print(f"{len(files)} passed, 0 failed")


main()
