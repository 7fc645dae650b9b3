"""Gradio is loaded only when the page is built: importing the app's modules leaves it out."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_the_core_and_the_page_module_import_without_gradio() -> None:
    code = (
        "import sys, assistant.server_services, assistant.api.app, ui.page, ui.messages, "
        "ui.filters, ui.feedback, ui.documents_view; "
        "print(sorted(m for m in sys.modules if m == 'gradio' or m.startswith('gradio.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
