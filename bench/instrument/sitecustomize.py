"""Server-side timing for the benchmark, loaded only by servers the benchmark starts.

`bench/browser.py` puts this directory on PYTHONPATH and names a log file in BENCH_RUN_LOG when it starts
a Streamlit server; Python imports `sitecustomize` at start-up, and this wraps Streamlit's
`ScriptRunner._run_script` to append one JSON line per script run: session, page hash, start and end on
the system's monotonic clock (the same clock the benchmark reads). The app's code is not touched.
"""

import os

_LOG = os.environ.get("BENCH_RUN_LOG")

if _LOG:
    try:
        import json
        import threading
        import time

        from streamlit.runtime.scriptrunner import script_runner as _sr

        _orig = _sr.ScriptRunner._run_script
        _lock = threading.Lock()

        def _run_script(self, rerun_data):  # type: ignore[no-untyped-def]
            t0 = time.monotonic()
            try:
                return _orig(self, rerun_data)
            finally:
                t1 = time.monotonic()
                try:
                    page = self._pages_manager.current_page_script_hash
                except Exception:
                    page = ""
                line = json.dumps({"session": self._session_id, "page": page, "start": t0, "end": t1})
                with _lock, open(_LOG, "a", encoding="utf-8") as f:
                    f.write(line + "\n")

        _sr.ScriptRunner._run_script = _run_script
    except Exception:  # never stop the server over its instrumentation
        pass
