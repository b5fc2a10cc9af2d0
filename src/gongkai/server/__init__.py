"""The HTTP service (``gongkai[server]``: FastAPI and uvicorn): ``gongkai serve`` or
``create_app(store)`` in an ASGI server of your own. Errors are RFC 9457 problem JSON."""

from gongkai.server.app import create_app

__all__ = ["create_app"]
