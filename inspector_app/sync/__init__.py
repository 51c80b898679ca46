"""Synchronisation with the central server over HTTP (httpx)."""
