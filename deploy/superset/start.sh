#!/usr/bin/env bash
# Superset start: metadata schema, admin user, roles, then the project's dashboard bundle (the
# superset/ directory: metadata.yaml, databases/, datasets/, charts/, dashboards/) zipped and
# imported, then the web server. The Druid database's sqlalchemy_uri is set to
# SUPERSET_DRUID_URI, so the bundle works whatever broker address it was exported with.
set -euo pipefail
BUNDLE="${SUPERSET_BUNDLE_DIR:-/app/bundle}"

superset db upgrade
superset fab create-admin --username "${SUPERSET_ADMIN_USER:-admin}" --firstname Admin --lastname User \
  --email "${SUPERSET_ADMIN_EMAIL:-admin@localhost}" --password "$SUPERSET_ADMIN_PASSWORD" || true
superset init

if [ -f "$BUNDLE/metadata.yaml" ]; then
  python - "$BUNDLE" /tmp/bundle.zip <<'PY'
import os, re, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
uri = os.environ.get("SUPERSET_DRUID_URI")
with zipfile.ZipFile(out, "w") as z:
    for root, _, files in os.walk(src):
        for name in files:
            if not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src)
            text = open(path, encoding="utf-8").read()
            if uri and rel.startswith("databases" + os.sep):
                text = re.sub(r"(?m)^sqlalchemy_uri:.*$", "sqlalchemy_uri: " + uri, text)
            z.writestr(os.path.join("bundle", rel), text)
PY
  superset import-dashboards -p /tmp/bundle.zip -u "${SUPERSET_ADMIN_USER:-admin}"
else
  echo "no dashboard bundle in $BUNDLE (metadata.yaml missing): nothing imported" >&2
fi

exec /usr/bin/run-server.sh
