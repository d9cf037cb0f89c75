"""Server-rendered pages (Jinja2 + htmx); each has a JSON twin under /api/v1."""
