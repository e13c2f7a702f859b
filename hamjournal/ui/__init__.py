"""The Textual app: the week screen, logging dialogs and help. Imports services lazily, in workers."""
