"""Shared test setup: hypothesis profiles, chosen with GONGKAI_HYPOTHESIS_PROFILE."""

import os

from hypothesis import settings

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("GONGKAI_HYPOTHESIS_PROFILE", "default"))
