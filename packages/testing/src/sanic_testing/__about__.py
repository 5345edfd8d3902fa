# The sanic-testing API level this package implements (what ``sanic_testing.__version__``
# says to code that checks it).
__version__ = "24.6.0"
# The version of the `hurtle-testing` distribution itself.
__hurtle_version__ = "0.1.0"
