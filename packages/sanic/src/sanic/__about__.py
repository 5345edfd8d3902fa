# The Sanic API level this distribution implements: plugins compare against it.
__version__ = "25.12.0"
# The version of the `hurtle` distribution itself.
__hurtle_version__ = "0.1.0"
