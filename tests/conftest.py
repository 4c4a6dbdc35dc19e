"""Hypothesis profiles for the whole test suite.

- ``dev`` (the default on a workstation): a quick run, with Hypothesis's example database so
  that a failure found once is tried first the next time.
- ``ci`` (the default when the ``CI`` environment variable is set): many more examples,
  derandomized and without a database, so that every CI run tries the same examples.

``HYPOTHESIS_PROFILE=ci pytest`` chooses a profile explicitly. Neither profile has a deadline:
a test's outcome must not depend on how fast the machine is.
"""

import os

from hypothesis import HealthCheck, settings

CI_EXAMPLES = 200
"""Examples per property test in the ``ci`` profile."""

DEV_EXAMPLES = 30
"""Examples per property test in the ``dev`` profile."""

# Generating whole mechanisms is slower than Hypothesis expects of a strategy; that is a
# property of the data, not a failure, so the health check that times generation is off.
_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.large_base_example]

settings.register_profile(
    "ci",
    max_examples=CI_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=_SLOW_DATA,
)
settings.register_profile("dev", max_examples=DEV_EXAMPLES, deadline=None, suppress_health_check=_SLOW_DATA)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
