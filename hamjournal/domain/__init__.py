"""Pure domain: plain data in, plain data out. No textual, no sqlalchemy, `today` always passed in."""
