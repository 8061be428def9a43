"""Standing: where a customer stands, in the second they need it."""

import sys

# sqlite-utils imports numpy, when it is installed, only to map numpy's types in rows it is
# given to write; Standing never gives it any, and numpy (there for the potential-value fit)
# would add some 60 ms to every start. It is kept out while sqlite-utils loads, and loads
# when a fit needs it.
if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]
