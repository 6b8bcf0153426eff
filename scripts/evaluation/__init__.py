"""Evaluation harness for the news assistant: metrics, baselines, the system under test, the report."""
