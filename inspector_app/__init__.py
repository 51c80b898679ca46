"""Offline-first field application for Jinan city-management squads."""

__version__ = "0.1.0"
