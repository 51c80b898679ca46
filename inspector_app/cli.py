"""Command line: ``inspector-app`` opens the desktop app; ``inspector-app demo`` makes a demo
profile; ``inspector-app verify-audit`` checks a profile's audit chain; ``backup``/``restore`` copy the
database; ``salvage`` copies what can be read of a damaged one; ``smoke`` self-checks an installed or packaged build; ``demo-check`` signs in to the demo profile
headless and syncs once (``make run-check``); ``sync-server URL`` points a profile at a sync
server; ``sync`` syncs once headless (exit 1 on failure or an audit break). Every path may be relative or absolute, with spaces and Chinese characters."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from inspector_app.domain.errors import UserError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inspector-app", description=__doc__)
    parser.add_argument("--data-dir", help="profile folder (default: INSPECTOR_DATA_DIR or the platform data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="user-interface language")
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="create a demo profile with realistic Jinan data")
    demo.add_argument("--data-dir", dest="demo_dir", help="profile folder to fill")
    demo.add_argument("--units", type=int, default=20000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--today", type=date.fromisoformat, help="date the demo history ends on")
    demo.add_argument("--if-missing", action="store_true", help="do nothing if the profile has data")
    verify = sub.add_parser("verify-audit", help="check the audit log's hash chain")
    verify.add_argument("--data-dir", dest="verify_dir")
    backup = sub.add_parser("backup", help="copy the profile database into the backups folder")
    backup.add_argument("--data-dir", dest="backup_dir")
    backup.add_argument("--to", help="backup folder (default: the profile's backups/)")
    restore = sub.add_parser("restore", help="replace the profile database by a backup")
    restore.add_argument("--data-dir", dest="restore_dir")
    restore.add_argument("backup", nargs="?", help="backup file (omit to list the backups)")
    salvage = sub.add_parser("salvage", help="copy every readable row of a damaged database into a fresh one")
    salvage.add_argument("--data-dir", dest="salvage_dir")
    smoke = sub.add_parser("smoke", help="self-check on a fresh folder: demo, notice PDF, window, web page")
    smoke.add_argument("--data-dir", dest="smoke_dir", required=False)
    check = sub.add_parser("demo-check", help="open the app headless, sign in, sync once (make run-check)")
    check.add_argument("--data-dir", dest="check_dir")
    check.add_argument("--user", default="liqiang", help="demo account to sign in with")
    check.add_argument("--screenshot", help="save the main window after the sync as this PNG")
    sync = sub.add_parser("sync", help="sync once without the window; exits 1 on failure or an audit break")
    sync.add_argument("--data-dir", dest="sync_dir")
    server = sub.add_parser("sync-server", help="set the sync server address of a profile")
    server.add_argument("--data-dir", dest="server_dir")
    server.add_argument("url", help="e.g. https://sync.example:8765 ('' to stop syncing)")
    return parser


def _print_accounts() -> None:
    from inspector_app.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    print(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    for account in DEMO_ACCOUNTS:
        print(f"  {account.role:<11} {account.username:<10} {account.name}")


def _demo(args: argparse.Namespace) -> int:
    from inspector_app.services.demo import generate_demo_profile
    from inspector_app.services.locations import profile_paths, resolve_data_dir

    data_dir = resolve_data_dir(args.demo_dir or args.data_dir)
    if args.if_missing and profile_paths(data_dir).database.exists():
        print(f"Demo profile already present in {data_dir}")
        _print_accounts()
        return 0
    print(f"Creating a demo profile with {args.units} units in {data_dir} …")
    summary = generate_demo_profile(data_dir, units=args.units, seed=args.seed, today=args.today, enforcement=True)
    print(
        f"Done: {summary.squads} squads, {summary.officers} officers, {summary.roads} road "
        f"segments, {summary.units} units."
    )
    _print_accounts()
    return 0


def _verify(args: argparse.Namespace) -> int:
    from inspector_app.services.locations import resolve_data_dir
    from inspector_app.services.profile import open_profile, verify_audit

    session = open_profile(resolve_data_dir(args.verify_dir or args.data_dir))
    check = verify_audit(session)
    if check.ok:
        print(f"Audit chain intact: {check.checked} entries.")
        return 0
    print(f"Audit chain BROKEN: {len(check.breaks)} break(s) in {check.checked} entries.")
    for found in check.breaks:
        print(f"  entry {found.seq}: {found.reason}")
    return 1


def _sync(args: argparse.Namespace) -> int:
    from inspector_app.services.headless_sync import sync_profile
    from inspector_app.services.locations import resolve_data_dir

    done = sync_profile(resolve_data_dir(args.sync_dir or args.data_dir))
    r = done.report
    print(f"Synced: {r.pushed} changes sent, {r.pulled} received, {r.blobs_uploaded} files uploaded.")
    refused = {k: v for k, v in r.answers.items() if k in ("rejected", "forbidden")}
    if refused:
        print("Refused by the server: " + ", ".join(f"{v} {k}" for k, v in sorted(refused.items())))
    breaks = [*done.audit.local, *done.audit.reported]
    for found in breaks:
        print(f"Audit trail break at entry {found.seq}: {found.reason}")
    return 1 if breaks else 0


def _path(given: str) -> Path:
    """A path typed on the command line, absolute (relative to the current folder)."""
    return Path(given).expanduser().absolute()


def _configured_backups(data_dir: Path) -> Path | None:
    """The backup folder chosen in the app's Settings for this profile, if any."""
    if not (data_dir / "settings.ini").exists():
        return None
    from inspector_app.ui.settings import AppSettings

    folder = AppSettings(data_dir / "settings.ini").backup_folder
    return Path(folder) if folder else None


def _backup(args: argparse.Namespace) -> int:
    from inspector_app.services.backups import make_daily_backup
    from inspector_app.services.locations import resolve_data_dir
    from inspector_app.services.profile import close_profile, open_profile

    data_dir = resolve_data_dir(args.backup_dir or args.data_dir)
    session = open_profile(data_dir)
    try:
        made = make_daily_backup(session, _path(args.to) if args.to else _configured_backups(data_dir))
    finally:
        close_profile(session)
    print(f"Backup written: {made}" if made else "Today's backup already exists.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from inspector_app.services.backups import available_backups, restore_from_backup
    from inspector_app.services.locations import resolve_data_dir

    data_dir = resolve_data_dir(args.restore_dir or args.data_dir)
    if not args.backup:
        folders = [data_dir / "backups", *filter(None, [_configured_backups(data_dir)])]
        files = sorted((f for folder in folders for f in available_backups(data_dir, folder)),
                       key=lambda f: f.stat().st_mtime, reverse=True)
        print("Backups, newest first:" if files else f"No backups in {' or '.join(map(str, folders))}.")
        for f in files:
            print(f"  {f}")
        return 0
    kept = restore_from_backup(data_dir, _path(args.backup))
    print(f"Restored {args.backup}." + (f" The replaced database was kept as {kept}." if kept else ""))
    return 0


def _salvage(args: argparse.Namespace) -> int:
    from inspector_app.services.backups import salvage_damaged_profile
    from inspector_app.services.locations import resolve_data_dir

    report = salvage_damaged_profile(resolve_data_dir(args.salvage_dir or args.data_dir))
    how = "sqlite3 .recover" if report.method == "recover" else "row by row"
    print(f"Salvaged ({how}) into a fresh database; the damaged file was kept as {report.damaged_copy}.")
    for table in report.tables:
        if table.missing:
            print(f"  {table.name}: LOST (the table could not be read)")
        elif table.unreadable:
            lost = sum(last - first + 1 for first, last in table.unreadable)
            print(f"  {table.name}: {table.copied} rows copied; unreadable row numbers "
                  + ", ".join(f"{a}-{b}" for a, b in table.unreadable) + f" (up to {lost} rows lost)")
        elif table.copied:
            print(f"  {table.name}: {table.copied} rows copied")
    if report.unplaced_rows:
        print(f"  {report.unplaced_rows} rows were found whose table is unknown; they are kept "
              f"in the damaged file only.")
    print(f"Check of the new database: {report.integrity}. Audit chain: "
          + ("intact." if report.audit_intact else "BROKEN (entries were lost with the damage)."))
    print("Nothing is known to be lost." if report.complete else
          "Some records were lost: compare with the newest backup (inspector-app restore) "
          "and sync with the server to get back what it has.")
    return 0


def _sync_server(args: argparse.Namespace) -> int:
    from inspector_app.services.locations import resolve_data_dir
    from inspector_app.services.profile import close_profile, open_profile
    from inspector_app.services.sync import set_server_url

    session = open_profile(resolve_data_dir(args.server_dir or args.data_dir))
    try:
        set_server_url(session, args.url)
    finally:
        close_profile(session)
    print(f"Sync server set to {args.url}; sign in on the sync page (or at the next sign-in)."
          if args.url else "This profile no longer syncs.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``inspector-app`` command."""
    args = _parser().parse_args(argv)
    from inspector_app.services.locations import resolve_data_dir

    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "verify-audit":
            return _verify(args)
        if args.command == "backup":
            return _backup(args)
        if args.command == "restore":
            return _restore(args)
        if args.command == "salvage":
            return _salvage(args)
        if args.command == "sync":
            return _sync(args)
        if args.command == "sync-server":
            return _sync_server(args)
        if args.command == "demo-check":
            from inspector_app.services.demo import DEMO_PASSWORD
            from inspector_app.ui.demo_check import run_demo_check

            shot = _path(args.screenshot) if args.screenshot else None
            return run_demo_check(resolve_data_dir(args.check_dir or args.data_dir), args.user, DEMO_PASSWORD, shot)
        if args.command == "smoke":
            from inspector_app.ui.smoke import run_smoke

            return run_smoke(resolve_data_dir(args.smoke_dir or args.data_dir))
        from inspector_app.ui.app import run_gui

        return run_gui(resolve_data_dir(args.data_dir), args.lang)
    except UserError as exc:
        print(exc.render(), file=sys.stderr)
        return 2
    except OSError as exc:  # a file or folder named on the command line that can't be used
        print(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
