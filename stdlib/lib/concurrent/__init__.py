"""Packages of concurrent execution tools (minipy: concurrent.futures)."""
