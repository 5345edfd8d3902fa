__version__ = "0.1.0"
# The Sanic API level the framework implements (``sanic.__version__``).
__sanic_version__ = "25.12.0"
