"""The first run of a new profile: no accounts and no demo data yet.

Either this computer joins a squad from the central server (:func:`join_from_server`, which
the sync client implements), or it works offline and the first administrator account is
created here (:func:`create_first_admin`). The first-run wizard in ui/ drives both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from inspector_app.domain.errors import FieldError, UserError, ValidationFailed
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.domain.roles import Permission
from inspector_app.services.auth import hash_password
from inspector_app.services.profile import sign_in, unit_count
from inspector_app.services.session import Session
from inspector_app.services.sync import ClientFactory, default_client, join_server, server_url
from inspector_app.storage.officers import officers

USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{2,31}$")
MIN_PASSWORD = 8

# The wizard offers joining from the server (join_from_server below) when this is True.
SERVER_SETUP_AVAILABLE = True


@dataclass(frozen=True)
class ServerSignIn:
    """What the wizard collected for joining a squad from the server."""

    server_url: str
    username: str
    password: str
    device_name: str


def needs_first_run(session: Session) -> bool:
    """True for a profile with no accounts and no units (not even demo data)."""
    return not officers(session.store.db) and unit_count(session) == 0


def check_server_address(text: str) -> str:
    """The server address typed in the wizard, normalised (``https://host[:port][/path]``
    without a trailing slash); raises a UserError saying what is wrong otherwise."""
    address = text.strip()
    if address and "://" not in address:
        address = "https://" + address
    parts = urlsplit(address)
    if not address or parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "“{text}” is not a server address."),
            QT_TRANSLATE_NOOP(
                "errors",
                "Type the address your administrator gave you, for example https://xcjc.jnzf.gov.cn.",
            ),
            text=text.strip(),
        )
    return address.rstrip("/")


def join_from_server(session: Session, request: ServerSignIn, progress: Progress,
                     factory: ClientFactory = default_client) -> Session:
    """Sign in at the server, keep its tokens, download the officer's squad (squads, officers,
    roads, units, open issues, catalogs) with ``progress`` updates, keep the password's hash
    for offline sign-in, and return this profile signed in as that officer. A download cut
    half-way can be started again: it resumes where it stopped."""
    url = check_server_address(request.server_url)
    if not needs_first_run(session) and server_url(session) != url:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "This profile already has accounts."),
            QT_TRANSLATE_NOOP("errors", "Sign in with one of them instead."),
        )
    username = request.username.strip()
    join_server(session, url, username, request.password, request.device_name, progress, factory)
    return sign_in(session, username, request.password)


def _check_account(name: str, username: str, password: str, confirm: str) -> list[FieldError]:
    problems = []
    if not name.strip():
        problems.append(FieldError("name", QT_TRANSLATE_NOOP("forms", "Type the administrator's name.")))
    if not USERNAME.match(username):
        problems.append(FieldError("username", QT_TRANSLATE_NOOP(
            "forms", "A user name has 3 to 32 small letters, digits, '.', '_' or '-' and starts with a letter.")))
    if len(password) < MIN_PASSWORD or password.isdigit() or password.isalpha():
        problems.append(FieldError("password", QT_TRANSLATE_NOOP(
            "forms", "The password needs at least {n} characters, with letters and digits."), {"n": MIN_PASSWORD}))
    elif password != confirm:
        problems.append(FieldError("confirm", QT_TRANSLATE_NOOP(
            "forms", "The two passwords differ; type the same password twice.")))
    return problems


def create_first_admin(session: Session, name: str, username: str, password: str, confirm: str) -> Session:
    """Create the profile's first account, an administrator, and return the profile signed in
    as it. Refuses a profile that already has accounts; bad input raises ValidationFailed
    (nothing is stored). The account reaches the server with the first sync, like any record."""
    username = username.strip().lower()
    problems = _check_account(name, username, password, confirm)
    if problems:
        raise ValidationFailed(problems)
    if not needs_first_run(session):
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "This profile already has accounts."),
            QT_TRANSLATE_NOOP("errors", "Sign in with one of them instead."),
        )
    with session.operation("create_first_admin", Permission.MANAGE_USERS) as op:
        op.recorder.create("officer", {
            "username": username, "name": name.strip(), "badge_no": "", "role": "admin",
            "squad_id": None, "phone": "", "password_hash": hash_password(password), "active": 1,
        })
    return sign_in(session, username, password)
