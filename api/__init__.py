"""HTTP edge: FastAPI app factory, JSON API, widget and WeChat endpoint."""
