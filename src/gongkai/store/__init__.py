"""Workflows persisted: SQLite by default, PostgreSQL when shared; versioned, with an event log.

```python
from gongkai.store import WorkflowStore

store = WorkflowStore("sqlite:///oa.sqlite3")           # or "postgresql://oa@db/oa"
store.create("YSQ-2026-0007", "request")
read = store.get("YSQ-2026-0007")                        # read.version == 0
fired = store.fire("YSQ-2026-0007", "receive", "2026-03-10T09:30", expected_version=read.version)
store.rebuild("YSQ-2026-0007") == store.snapshot("YSQ-2026-0007")[1]   # the log suffices
```
"""

from gongkai.store.database import SCHEMA, Database, connect
from gongkai.store.log import LogEntry, replay
from gongkai.store.store import Fired, OpenClock, Stored, WorkflowStore

__all__ = [
    "SCHEMA",
    "Database",
    "Fired",
    "LogEntry",
    "OpenClock",
    "Stored",
    "WorkflowStore",
    "connect",
    "replay",
]
