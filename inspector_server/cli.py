"""``inspector-server``: run the sync server, or administer it.

    inspector-server serve --db sqlite:///server.db --port 8443 [--cert CERT --key KEY]
    inspector-server admin --db URL squad create 历下中队 --district 370102
    inspector-server admin --db URL officer create liqiang --name 李强 --role officer --squad ID
    inspector-server admin --db URL device list
    inspector-server admin --db URL device enrol 槐荫1号机 --officer liqiang --officer zhangwei

TLS: give ``--cert`` and ``--key`` (PEM files) and the server speaks HTTPS only; clients then
use an https:// address. Without them it speaks plain HTTP, for a trusted network or behind a
TLS-terminating proxy.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

DEFAULT_DB = "sqlite:///server.db"


def database_url(given: str) -> str:
    """``--db`` as a database URL: a plain file path (relative or absolute, spaces and Chinese
    allowed) means an SQLite file; relative SQLite paths are made absolute here, so worker
    processes started elsewhere and the blob folder beside it mean the same files."""
    if "://" not in given:
        return f"sqlite:///{Path(given).expanduser().absolute()}"
    if given.startswith("sqlite:///") and given != "sqlite:///:memory:":
        return f"sqlite:///{Path(given.removeprefix('sqlite:///')).expanduser().absolute()}"
    return given


def default_blob_dir(db_url: str) -> Path:
    """Blobs next to an SQLite file, else ./server-blobs."""
    if db_url.startswith("sqlite:///") and db_url != "sqlite:///:memory:":
        db_file = Path(db_url.removeprefix("sqlite:///"))
        return db_file.with_name(db_file.stem + "-blobs")
    return Path("server-blobs").absolute()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inspector-server", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=os.environ.get("INSPECTOR_SERVER_DB", DEFAULT_DB),
                        help="database URL (sqlite:///file.db or postgresql+psycopg://...)")
    parser.add_argument("--blobs", help="folder for attachments (default: next to the SQLite file)")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP(S) server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--cert", help="TLS certificate (PEM)")
    serve.add_argument("--key", help="TLS private key (PEM)")
    serve.add_argument("--workers", type=int, default=1, help="server processes (use the number of cores)")
    serve.add_argument("--secret-file", help="file of the token-signing secret, mode 0600 (default: beside "
                                             "the SQLite file; or set INSPECTOR_SERVER_TOKEN_SECRET)")
    admin = sub.add_parser("admin", help="administer squads, officers, devices, units")
    what = admin.add_subparsers(dest="what", required=True)
    squad = what.add_parser("squad").add_subparsers(dest="action", required=True)
    sc = squad.add_parser("create")
    sc.add_argument("name")
    sc.add_argument("--district", required=True, help="district code, e.g. 370102")
    sc.add_argument("--subdistrict")
    squad.add_parser("list")
    officer = what.add_parser("officer").add_subparsers(dest="action", required=True)
    oc = officer.add_parser("create")
    oc.add_argument("username")
    oc.add_argument("--name", required=True)
    oc.add_argument("--role", default="officer", choices=["officer", "supervisor", "clerk", "admin"])
    oc.add_argument("--squad", help="squad id")
    oc.add_argument("--badge", default="")
    oc.add_argument("--password", help="initial password (asked for when omitted)")
    role = what.add_parser("role").add_subparsers(dest="action", required=True)
    rs = role.add_parser("set")
    rs.add_argument("username")
    rs.add_argument("role", choices=["officer", "supervisor", "clerk", "admin"])
    password = what.add_parser("password").add_subparsers(dest="action", required=True)
    pr = password.add_parser("reset")
    pr.add_argument("username")
    pr.add_argument("--password", help="new password (asked for when omitted)")
    dev = what.add_parser("device").add_subparsers(dest="action", required=True)
    dev.add_parser("create").add_argument("name")
    de = dev.add_parser("enrol", help="a shared laptop: only the officers named sign in on it")
    de.add_argument("name")
    de.add_argument("--officer", action="append", required=True, help="user name allowed on it (repeat)")
    de.add_argument("--id", help="the laptop's device id, if it is already in use (see 'device list')")
    for verb, text in (("allow", "let more officers sign in on a shared laptop"),
                       ("disallow", "take officers off a shared laptop")):
        da = dev.add_parser(verb, help=text)
        da.add_argument("device_id")
        da.add_argument("--officer", action="append", required=True, help="user name (repeat)")
    dev.add_parser("revoke").add_argument("device_id")
    dev.add_parser("list", help="each device's last sync, cursor and pending conflicts")
    units = what.add_parser("units").add_subparsers(dest="action", required=True)
    ui = units.add_parser("import", help="import a registry .csv for a squad")
    ui.add_argument("file", type=Path)
    ui.add_argument("--squad", required=True)
    integ = what.add_parser("integration", help="tokens of city platforms sending work orders").add_subparsers(
        dest="action", required=True)
    ic = integ.add_parser("create", help="a new platform integration; prints its token once")
    ic.add_argument("name")
    ic.add_argument("--source", action="append", required=True,
                    choices=["hotline", "dcm", "snapshot", "road_chief", "leader"])
    integ.add_parser("list")
    integ.add_parser("revoke").add_argument("integration_id")
    audit = what.add_parser("audit", help="the laptops' audit trails").add_subparsers(dest="action", required=True)
    audit.add_parser("verify", help="each device's chain: ok, or its first and last break")
    index = what.add_parser("index", help="the city-wide offence index").add_subparsers(dest="action", required=True)
    index.add_parser("rekey", help="after a laptop is lost: a new lookup key, and the index made again under it")
    seed = what.add_parser("seed", help="fill an empty server from an app profile (demo data)")
    seed.add_argument("profile", type=Path, help="profile folder (holding inspector.sqlite)")
    return parser


def _password(given: str | None) -> str:
    return given or getpass.getpass("Password: ")


def _admin(args: argparse.Namespace) -> int:
    from inspector_server import admin
    from inspector_server.db import make_engine
    from inspector_server.schema import upgrade

    engine = make_engine(args.db)
    upgrade(engine)
    if args.what == "index":
        return _rekey_index(engine, args)
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        out: Any = None
        key = (args.what, args.action if args.what != "seed" else "")
        if key == ("squad", "create"):
            out = admin.create_squad(conn, args.name, args.district, args.subdistrict)
        elif key == ("squad", "list"):
            from sqlalchemy import select

            from inspector_server.db import record

            for rid, fields in conn.execute(select(record.c.id, record.c.fields).where(record.c.entity == "squad")):
                print(rid, fields)
        elif key == ("officer", "create"):
            out = admin.create_officer(conn, args.username, args.name, args.role, args.squad,
                                       _password(args.password), args.badge)
        elif key == ("role", "set"):
            admin.set_role(conn, args.username, args.role)
        elif key == ("password", "reset"):
            admin.reset_password(conn, args.username, _password(args.password))
        elif key == ("device", "create"):
            out = admin.create_device(conn, args.name)
        elif key == ("device", "enrol"):
            out = admin.enrol_shared_laptop(conn, args.name, args.officer, args.id)
        elif key in (("device", "allow"), ("device", "disallow")):
            admin.allow_officers(conn, args.device_id, args.officer, allowed=args.action == "allow")
        elif key == ("device", "revoke"):
            if not admin.revoke_device(conn, args.device_id):
                raise admin.AdminError(f"there is no device {args.device_id}; see 'admin device list'")
        elif key == ("device", "list"):
            _print_table(admin.device_status(conn))
        elif key == ("units", "import"):
            created, problems = admin.import_units(conn, args.file, args.squad)
            for p in problems:
                print(p, file=sys.stderr)
            out = f"{created} units imported, {len(problems)} rows skipped"
        elif args.what == "integration":
            out = _integration(conn, args)
        elif key == ("audit", "verify"):
            return _verify_audit(conn)
        elif args.what == "seed":
            profile = args.profile.expanduser().absolute()
            db_file = profile / "inspector.sqlite" if profile.is_dir() else profile
            blobs = Path(args.blobs) if args.blobs else default_blob_dir(args.db)
            out = admin.seed_from_profile(conn, db_file, blobs)
        if out is not None:
            print(out)
    return 0


def _rekey_index(engine: Any, args: argparse.Namespace) -> int:
    """A new lookup key for the offence index (the city key stays; docs/security.md)."""
    from inspector_server import offence_index, offence_index_key, token_secret

    blobs = Path(args.blobs) if args.blobs else default_blob_dir(args.db)
    offence_index_key.load(engine, offence_index_key.default_file(token_secret.default_file(args.db, blobs)))
    made = offence_index.retire_lookup_key(engine)
    print(f"New lookup key; {made} index rows made again. Laptops pull the index again at their next sync.")
    return 0


def _verify_audit(conn: Any) -> int:
    """Exit 1 when any device's chain has a break (for monitoring)."""
    from inspector_server.audit import verify_all

    broken = 0
    chains = list(verify_all(conn))
    for chain in chains:
        if not chain.breaks:
            print(f"{chain.device_id}: ok, {chain.entries} entries")
            continue
        broken += 1
        first, last = chain.breaks[0], chain.breaks[-1]
        print(f"{chain.device_id}: BROKEN, {len(chain.breaks)} break(s) in {chain.entries} entries; "
              f"first at entry {first[1]} (epoch {first[0]}): {first[2]}; last at entry {last[1]} "
              f"(epoch {last[0]}): {last[2]}")
    if not chains:
        print("No device has sent its audit trail yet.")
    return 1 if broken else 0


def _integration(conn: Any, args: argparse.Namespace) -> str | None:
    from inspector_server import work_orders

    if args.action == "create":
        rid, token = work_orders.create_integration(conn, args.name, args.source)
        return f"integration {rid}\ntoken (shown once; give it to the platform): {token}"
    if args.action == "list":
        _print_table(work_orders.list_integrations(conn), "No integrations yet.")
        return None
    if not work_orders.revoke_integration(conn, args.integration_id):
        from inspector_server.admin import AdminError

        raise AdminError(f"there is no integration {args.integration_id}; see 'admin integration list'")
    return "revoked"


def _print_table(rows: list[dict[str, Any]], empty: str = "No devices have signed in yet.") -> None:
    if not rows:
        print(empty)
        return
    cols = list(rows[0])
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in cols}
    print("  ".join(c.ljust(widths[c]) for c in cols))
    for r in rows:
        print("  ".join(str(r[c]).ljust(widths[c]) for c in cols))


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from inspector_server.app import create_app

    if bool(args.cert) != bool(args.key):
        print("Give both --cert and --key for HTTPS (or neither for plain HTTP).", file=sys.stderr)
        return 2
    blobs = Path(args.blobs) if args.blobs else default_blob_dir(args.db)
    if args.secret_file:  # through the environment, so every worker process finds it
        os.environ["INSPECTOR_SERVER_SECRET_FILE"] = str(Path(args.secret_file).expanduser().absolute())
    tls = {"ssl_certfile": args.cert, "ssl_keyfile": args.key}
    if args.workers > 1:
        # Each worker process builds its app from the environment; the schema and the token
        # secret are made here first, so the workers do not race to create them.
        from inspector_server import offence_index, offence_index_key, token_secret
        from inspector_server.db import make_engine
        from inspector_server.schema import upgrade

        engine = make_engine(args.db)
        upgrade(engine)
        secret_path = token_secret.default_file(args.db, blobs)
        token_secret.load(engine, secret_path)
        offence_index_key.load(engine, offence_index_key.default_file(secret_path))
        offence_index.backfill(engine)
        engine.dispose()
        os.environ.update(INSPECTOR_SERVER_DB=args.db, INSPECTOR_SERVER_BLOBS=str(blobs))
        uvicorn.run("inspector_server.cli:app_from_env", factory=True, workers=args.workers, host=args.host,
                    port=args.port, log_level="warning", **tls)
        return 0
    uvicorn.run(create_app(args.db, blobs), host=args.host, port=args.port, log_level="warning", **tls)
    return 0


def app_from_env() -> Any:
    """The app of one worker process (``serve --workers N``)."""
    from inspector_server.app import create_app

    return create_app(os.environ["INSPECTOR_SERVER_DB"], Path(os.environ["INSPECTOR_SERVER_BLOBS"]))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``inspector-server`` command."""
    args = _parser().parse_args(argv)
    args.db = database_url(args.db)
    from inspector_server.admin import AdminError
    from inspector_server.token_secret import SecretError

    try:
        _check_sqlite_folder(args.db)
        return _serve(args) if args.command == "serve" else _admin(args)
    except (AdminError, SecretError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file named on the command line that can't be read or written
        print(f"Error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2


def _check_sqlite_folder(db_url: str) -> None:
    from inspector_server.admin import AdminError

    if db_url.startswith("sqlite:///") and db_url != "sqlite:///:memory:":
        folder = Path(db_url.removeprefix("sqlite:///")).parent
        if not folder.is_dir():
            raise AdminError(f"the folder {folder} does not exist; create it or give another --db path")


if __name__ == "__main__":
    sys.exit(main())
