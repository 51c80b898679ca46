"""The central server the field devices sync with."""
