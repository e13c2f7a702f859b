"""The periodised planner: dated sessions from today on, each with a short reason (plan.py is the way in)."""
