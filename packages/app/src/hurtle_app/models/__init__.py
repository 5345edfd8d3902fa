"""Small data types of the framework (ASGI transport stand-ins, handler types)."""
