"""`twitchguide serve` as a person runs it: a real process, the address printed, Ctrl-C stops it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.web.conftest import free_port


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], list[str]]:
    env = {
        **os.environ,
        "TWITCHGUIDE_DATABASE_URL": f"sqlite:///{tmp_path / 'diary.db'}",
        "TZ": "Europe/London",
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "twitchguide", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    lines: list[str] = []
    assert process.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if "Press Ctrl-C to stop" in line:
            return process, lines
    process.kill()
    raise AssertionError("serve did not start:\n" + "\n".join(lines))


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    rest, _ = process.communicate(timeout=20)
    return rest


def _get(url: str) -> tuple[int, str]:
    for _ in range(50):
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return answer.status, answer.read().decode()
        except (ConnectionError, urllib.error.URLError):
            time.sleep(0.1)
    raise AssertionError(f"nothing answered at {url}")


def test_serve_prints_the_address_serves_and_stops_cleanly(tmp_path: Path) -> None:
    port = free_port()
    process, lines = _start(tmp_path, "--port", str(port))
    assert lines[0] == f"Twitchguide is running at http://127.0.0.1:{port}/"
    status, body = _get(f"http://127.0.0.1:{port}/api/v1/ping")
    assert status == 200 and json.loads(body) == {"ok": True}
    status, page = _get(f"http://127.0.0.1:{port}/")
    assert status == 200 and "Log a twitch" in page
    rest = _stop(process)
    assert process.returncode == 0
    assert rest.strip().endswith("Stopped.") and "Traceback" not in rest


def test_serve_lan_shows_an_access_link_and_a_qr_code(tmp_path: Path) -> None:
    port = free_port()
    # Bound to loopback here: tests never reach beyond this machine. The code is still made,
    # shown and required of other devices; this machine itself needs none.
    process, lines = _start(tmp_path, "--lan", "--host", "127.0.0.1", "--port", str(port))
    text = "\n".join(lines)
    link = next(line.strip() for line in lines if "?access=" in line)
    assert link.startswith(f"http://127.0.0.1:{port}/?access=") and len(link.split("=")[1]) >= 20
    assert "█" in text or "▀" in text or "▄" in text, "a QR code drawn in the terminal"
    assert "share it with no one" in text
    status, _page = _get(f"http://127.0.0.1:{port}/")
    assert status == 200
    _stop(process)
    assert process.returncode == 0


def test_the_cli_loads_no_web_stack_until_serve_runs() -> None:
    code = (
        "import sys, twitchguide.cli, twitchguide.cli.serve_commands;"
        "heavy = [m for m in ('fastapi', 'uvicorn', 'jinja2', 'pydantic', 'starlette', 'segno')"
        " if m in sys.modules]; print(heavy)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


def test_a_page_that_renames_this_machine_is_refused(tmp_path: Path) -> None:
    """DNS rebinding: another site's name pointed at 127.0.0.1 gets nothing."""
    port = free_port()
    process, _lines = _start(tmp_path, "--port", str(port))
    try:
        status, _page = _get(f"http://localhost:{port}/api/v1/ping")
        assert status == 200
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/export", headers={"Host": f"evil.example:{port}"}
        )
        try:
            urllib.request.urlopen(request, timeout=5)
            refused = False
        except urllib.error.HTTPError as error:
            refused = error.code == 421
        assert refused
    finally:
        _stop(process)
