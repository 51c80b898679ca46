"""Issue 17 leftover: the administrator's edit of a district's rights, made on one laptop,
reaches the others through the server (a catalog_version record of kind "rights"), and the
officer's next document prints it."""

from __future__ import annotations

from pathlib import Path

from sync_helpers import LiveServer
from test_sync_workflows import laptop, server, sync

from inspector_app.services.rights_catalog import edit_district_rights, rights_table

__all__ = ["server"]  # the seeded live server fixture, imported


def test_an_edit_of_the_rights_reaches_every_laptop(demo_dir: Path, tmp_path: Path, server: LiveServer, clock) -> None:  # type: ignore[no-untyped-def]
    admin = laptop(demo_dir, tmp_path, "admin", server, clock)
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    edit_district_rights(admin, "370102", {"court": "济南铁路运输法院", "hearing_days": 5}, confirmed=True)
    sync(admin)
    assert rights_table(officer)["370102"].court == "济南市历下区人民法院"
    sync(officer)
    lixia = rights_table(officer)["370102"]
    assert (lixia.court, lixia.hearing_days, lixia.to_confirm) == ("济南铁路运输法院", 5, ())
