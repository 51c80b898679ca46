"""Declarative forms (fields, types, choices, required, relevance, constraints) and the
validation engine. No Qt: the UI renders these, tests fill them without a window, and the
server validates with the same code."""
