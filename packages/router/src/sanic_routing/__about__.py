# The sanic-routing API level this package implements: code that checks
# ``sanic_routing.__version__`` compares against this.
__version__ = "23.12.0"
# The version of the `hurtle-router` distribution itself.
__hurtle_version__ = "0.1.0"
