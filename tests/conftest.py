"""Shared test setup: hypothesis profiles, chosen with GONGKAI_HYPOTHESIS_PROFILE."""

import os
import tempfile

from hypothesis import settings

# The tests know the calendar data they were written against: no user overlays.
os.environ.pop("GONGKAI_CALENDAR", None)
os.environ["XDG_CONFIG_HOME"] = os.path.join(tempfile.gettempdir(), "gongkai-tests-no-config")

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("GONGKAI_HYPOTHESIS_PROFILE", "default"))
