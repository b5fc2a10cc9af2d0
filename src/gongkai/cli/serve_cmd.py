"""``gongkai serve``: the HTTP service (extra ``gongkai[server]``) on a workflow store."""

from __future__ import annotations

import argparse
import socket
import sys
from typing import Any

from gongkai.errors import GongkaiError

DEFAULT_STORE = "sqlite:///gongkai-workflows.sqlite3"


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "serve",
        help="启动 HTTP 服务 / run the HTTP service",
        description="HTTP + OpenAPI（/docs）：检查、期限、规则、工作流。"
        " Needs pip install 'gongkai[server]'; PostgreSQL stores also 'gongkai[postgres]'.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="监听地址 / address (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="端口 / port (default 8000)")
    parser.add_argument("--pack", default="national", help="规则包名称或路径 / pack name or path")
    parser.add_argument(
        "--store",
        default=DEFAULT_STORE,
        metavar="URL",
        help=f"工作流存储 / workflow store: sqlite:///FILE or postgresql://… (default {DEFAULT_STORE})",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Open the store, bind the port, serve until interrupted."""
    try:
        import uvicorn

        from gongkai.server import create_app
    except ImportError:
        raise GongkaiError(
            "HTTP 服务需要安装 FastAPI 和 uvicorn：pip install 'gongkai[server]'",
            "the HTTP service needs FastAPI and uvicorn: pip install 'gongkai[server]'",
        ) from None
    from gongkai.store import WorkflowStore

    _check_port(args.host, args.port)
    store = WorkflowStore(args.store, pack=args.pack)
    print(
        f"gongkai serve: http://{args.host}:{args.port}  (OpenAPI /docs)  "
        f"pack {store.pack.name}  store {store.database.url}",
        file=sys.stderr,
    )
    try:
        uvicorn.run(create_app(store), host=args.host, port=args.port, log_level="warning")
    finally:
        store.close()
    return 0


def _check_port(host: str, port: int) -> None:
    """Refuse a port that cannot be bound, with one sentence rather than a server log."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except (OSError, OverflowError) as err:
        reason = getattr(err, "strerror", None) or err
        raise GongkaiError(
            f"无法在 {host}:{port} 监听：{reason}", f"cannot listen on {host}:{port}: {reason}"
        ) from None
