"""The HTTP edge: FastAPI routers over the shared services (the only place fastapi is imported)."""
