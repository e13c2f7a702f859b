"""Reading watch files (FIT, GPX, TCX, optionally gzipped; Strava bulk exports) into plain Recordings.

Bytes in, hamjournal.domain.recording.Recording out; nothing here knows the journal. What the runs mean
(moving time, kind, strides, finish) is worked out in the domain; hamjournal.run_import puts it together.
"""
