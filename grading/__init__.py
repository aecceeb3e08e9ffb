"""Instructor-side tooling: grading copies of the course, demo, grading-quality report, benchmark.

Holds reference answers, mutants and alternatives, so it is never imported by notebooks and
never shipped to students (unlike the student-safe `mlcourse` package).
"""
