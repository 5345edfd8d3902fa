# A settings module loaded by envconfig_app.py with app.config.update_config("${...}/settings.py")
DATABASE_URL = "sqlite:///tmp/app.db"
PAGE_SIZE = 20
FEATURES = ["search", "export"]
lowercase_is_skipped = True
_PRIVATE = "skipped too?"
