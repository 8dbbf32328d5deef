# Superset settings from the environment; no secret lives in this file.
import os

SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
SQLALCHEMY_DATABASE_URI = os.environ["SUPERSET_DATABASE_URI"]
# Dashboards are imported from the project's bundle at start (see start.sh).
FEATURE_FLAGS = {"DASHBOARD_RBAC": False}
