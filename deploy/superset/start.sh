#!/usr/bin/env bash
# Superset start: metadata schema, admin user, roles, then the project's dashboard bundle (the
# superset/bundle/ directory: metadata.yaml, databases/, datasets/, charts/, dashboards/) imported over
# what an earlier start imported, then the web server. The Druid database's sqlalchemy_uri is set
# to SUPERSET_DRUID_URI at every start, so the bundle works whatever broker address it carries.
set -euo pipefail
BUNDLE="${SUPERSET_BUNDLE_DIR:-/app/bundle}"

superset db upgrade
superset fab create-admin --username "${SUPERSET_ADMIN_USER:-admin}" --firstname Admin --lastname User \
  --email "${SUPERSET_ADMIN_EMAIL:-admin@localhost}" --password "$SUPERSET_ADMIN_PASSWORD" || true
superset init

# Every start imports the bundle again, updating the database (its URI from SUPERSET_DRUID_URI),
# datasets, charts and dashboards an earlier start imported (import_bundle.py says why not
# `superset import-dashboards`).
if [ -f "$BUNDLE/metadata.yaml" ]; then
  python "$(dirname "$0")/import_bundle.py" "$BUNDLE" "${SUPERSET_ADMIN_USER:-admin}"
else
  echo "no dashboard bundle in $BUNDLE (metadata.yaml missing): nothing imported" >&2
fi

# --import-only: stop here (the workflow's import check runs it twice against one metadata store).
[ "${1:-}" = "--import-only" ] && exit 0
exec /usr/bin/run-server.sh
