"""Entities, catalogs, rules and validators. Standard library only."""
