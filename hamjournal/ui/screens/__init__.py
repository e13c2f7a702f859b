"""The app's screens and dialogs, each with its stylesheet beside it."""
