"""`policy-assistant`: index, search, ask, evaluate and serve from the command line.

Library errors become one-line messages and a non-zero exit here, and only here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from assistant import commands
from assistant.evaluation import eval_data_dir
from assistant.settings import Settings, get_settings

EXIT_USAGE = 2


class CLIError(Exception):
    """A user-facing error: printed as one line, exit status 1."""


def _common(parser: argparse.ArgumentParser, documents: bool = True) -> None:
    if documents:
        parser.add_argument("--documents", type=Path, help="documents folder (PA_DOCUMENTS_DIR)")
    parser.add_argument("--data-dir", type=Path, help="runtime data folder (PA_DATA_DIR)")


def _filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--locality", help="province or district")
    group.add_argument("--kind", help="document kind: chỉ thị, nghị quyết, báo cáo, tin bài...")
    group.add_argument("--year-from", type=int)
    group.add_argument("--year-to", type=int)
    group.add_argument("--directive", help="a directive number the document cites")
    group.add_argument("--document", help="one document's file name")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-assistant",
        description="Vietnamese policy-document assistant: cited answers from your documents.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    index = sub.add_parser("index", help="index new or changed documents")
    _common(index)
    index.add_argument("--full", action="store_true", help="rebuild aside and switch")
    index.add_argument("--quiet", action="store_true", help="no progress bar")

    search = sub.add_parser("search", help="find passages for a query")
    search.add_argument("query")
    _common(search)
    search.add_argument("--top-k", type=int, default=None)
    search.add_argument("--json", action="store_true", help="machine-readable output")
    _filters(search)

    ask = sub.add_parser("ask", help="answer a question with citations")
    ask.add_argument("question")
    _common(ask)
    ask.add_argument("--json", action="store_true", help="machine-readable output")
    ask.add_argument("--history", type=Path, help="JSON file of earlier turns [{role, content}]")
    _filters(ask)

    evaluate = sub.add_parser("eval", help="score retrieval and answers on a question set")
    evaluate.add_argument("--documents", type=Path, required=True)
    evaluate.add_argument("--questions", type=Path, required=True)
    evaluate.add_argument("--data-dir", type=Path, help="index folder (default: per documents)")
    evaluate.add_argument("--json", action="store_true", help="one JSON object")
    evaluate.add_argument("--retrieval-only", action="store_true", help="skip answering")
    evaluate.add_argument("--details", type=Path, help="write per-question results (JSONL)")

    serve = sub.add_parser("serve", help="run the HTTP API and the chat page")
    _common(serve)
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--watch", action="store_true", help="index files dropped in the folder")
    serve.add_argument(
        "--ask-workers", type=int, metavar="N", help="processes answering asks (PA_ASK_WORKERS)"
    )

    save = sub.add_parser("backup", help="save documents, feedback, audit log and vectors")
    save.add_argument("file", type=Path, help="the .tar.gz to write")
    _common(save)
    load = sub.add_parser("restore", help="restore a backup into empty folders and index it")
    load.add_argument("file", type=Path, help="a .tar.gz written by `backup`")
    _common(load)
    return parser


def settings_from(args: argparse.Namespace, base: Settings | None = None) -> Settings:
    """Command-line flags over environment over defaults."""
    base = base or get_settings()
    data_dir = getattr(args, "data_dir", None)
    if args.command == "eval" and data_dir is None:
        data_dir = eval_data_dir(Path(args.documents), base.index.data_dir)
    return base.with_overrides(
        documents={
            "documents_dir": getattr(args, "documents", None),
            "watch": getattr(args, "watch", None) or None,
        },
        index={"data_dir": data_dir},
        api={
            "host": getattr(args, "host", None),
            "port": getattr(args, "port", None),
            "ask_workers": getattr(args, "ask_workers", None),
        },
    )


HANDLERS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "index": commands.run_index,
    "search": commands.run_search,
    "ask": commands.run_ask,
    "eval": commands.run_eval,
    "serve": commands.run_serve,
    "backup": commands.run_backup,
    "restore": commands.run_restore,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from(args)
        return HANDLERS[args.command](args, settings)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the CLI's one place to turn errors into a line
        print(f"policy-assistant {args.command}: error: {one_line(error)}", file=sys.stderr)
        return 1


def one_line(error: Exception) -> str:
    """A readable one-line message for any error, validation errors included."""
    if isinstance(error, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'input'}: {e['msg']}".removeprefix(": ")
            for e in error.errors()
        )
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


if __name__ == "__main__":
    sys.exit(main())
