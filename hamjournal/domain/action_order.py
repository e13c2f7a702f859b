"""The advice actions from the most urgent to the least: what the strip and the coach view list first."""

# A "stop" outranks everything: it is shown first, and leads when there is room for only one call.
ACTION_ORDER: tuple[str, ...] = ("stop", "regress", "deload", "hold", "progress")
