"""Maintainer scripts that regenerate committed files (data/, environment.yml)."""
