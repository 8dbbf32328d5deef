"""Imports the project's dashboard bundle into Superset, updating what an earlier import made.

Superset's dashboard import (`superset import-dashboards`, the UI's dashboard import) leaves the
charts, datasets and database of an existing installation as they were; its assets import
(ImportAssetsCommand, the command behind POST /api/v1/assets/import/) overwrites every asset by
uuid, which is what a bundle kept under source control needs. The database's sqlalchemy_uri is
taken from SUPERSET_DRUID_URI at every import, so a changed broker address reaches Superset.

    python import_bundle.py BUNDLE_DIR [USER]

BUNDLE_DIR holds metadata.yaml, databases/, datasets/, charts/ and dashboards/; USER (default
admin) owns what is imported. Prints one line per asset kind; exit 1 when the import is refused.
"""
import os
import re
import sys
from collections import Counter


def contents(bundle: str, druid_uri: str | None) -> dict[str, str]:
    files: dict[str, str] = {}
    for root, _, names in os.walk(bundle):
        for name in names:
            if not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, bundle).replace(os.sep, "/")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if rel == "metadata.yaml":
                text = re.sub(r"(?m)^type:.*$", "type: assets", text)
            elif druid_uri and rel.startswith("databases/"):
                text = re.sub(r"(?m)^sqlalchemy_uri:.*$", "sqlalchemy_uri: " + druid_uri, text)
            files[rel] = text
    if "metadata.yaml" not in files:
        raise SystemExit(f"no dashboard bundle in {bundle}: metadata.yaml missing")
    return files


def main() -> int:
    bundle = sys.argv[1]
    user = sys.argv[2] if len(sys.argv) > 2 else "admin"
    files = contents(bundle, os.environ.get("SUPERSET_DRUID_URI"))

    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from flask import g
        from superset import security_manager
        from superset.commands.exceptions import CommandInvalidError
        from superset.commands.importers.v1.assets import ImportAssetsCommand

        g.user = security_manager.find_user(username=user)
        if g.user is None:
            print(f"import_bundle: no Superset user {user!r}", file=sys.stderr)
            return 1
        try:
            ImportAssetsCommand(files, overwrite=True).run()
        except CommandInvalidError as e:
            print(f"import_bundle: the bundle was refused: {e.normalized_messages()}", file=sys.stderr)
            return 1
    kinds = Counter(rel.split("/", 1)[0] for rel in files if "/" in rel)
    print("imported (existing ones updated): " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
