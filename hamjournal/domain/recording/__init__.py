"""Runs recorded by a watch: the plain Recording a file reader produces, and what hamjournal finds in it
(moving time, the kind of run, strides, the sprint finish, whether the journal holds it already).

Pure Python: the readers that turn FIT, GPX and TCX bytes into a Recording live in hamjournal.watch.
"""
