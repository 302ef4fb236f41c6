"""Helpers for the admin panel's browser tests (headless Chromium driven by Selenium)."""
