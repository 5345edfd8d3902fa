# The settings file of kansherhan/fridge-mon-backend (config.py), loaded by path with
# `config.update_config("./config.py")`; the database settings left out, one redirect
# added (as written REDIRECTS = {}; with two, both refuse to start alike: the loop's
# lambdas share the name `fridge_mon.<lambda>`, "Duplicate route names detected").
from os.path import abspath

APP_NAME = "fridge_mon"
APP_HOST = "0.0.0.0"
APP_PORT = 8000
APP_UNIX = "fridge"

APPS_FOLDER_NAME = "apps"
APPS_FOLDER_PATH = abspath(APPS_FOLDER_NAME)

ROUTE_PREFIX = "/api"

HTTP_ALL_METHODS = False

DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"

OAS_URL_PREFIX = "/api/docs"
OAS_UI_SWAGGER = False

FALLBACK_ERROR_FORMAT = "json"

TOKEN_LIFETIME = 86400
TOKEN_LENGTH = 32

CORS = False

REDIRECTS = {"/docs": "/api/docs"}

NO_AUTH_URLS = [
    "/",
    "/api/auth/login",
    "/api/auth/registration",
]

lowercase_setting = "not loaded"
