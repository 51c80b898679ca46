"""HTTPS: with --cert and --key the server speaks TLS only; a client that trusts the
certificate syncs, one that does not (or speaks plain HTTP) gets a clear error."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

import pytest
from sync_helpers import PASSWORD, LiveServer, reset_database, seed

from inspector_app.sync.client import Offline, Refused, RetryPolicy, SyncClient

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


def test_the_server_speaks_https_with_a_certificate(tmp_path: Path) -> None:
    cert, key = tmp_path / "server.pem", tmp_path / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    url = f"sqlite:///{tmp_path / 'server.db'}"
    reset_database(url).dispose()
    engine = reset_database(url)
    seed(engine)
    engine.dispose()
    server = LiveServer(url, tmp_path / "blobs", tls=(cert, key)).start()
    try:
        trusting = ssl.create_default_context(cafile=str(cert))
        with SyncClient(server.url, "laptop-1", verify=trusting) as client:
            assert client.login("liqiang", PASSWORD, "笔记本")["role"] == "officer"
            assert client.pull(0).changes
        quick = RetryPolicy(2, 0.01, 0.02)
        with SyncClient(server.url, "laptop-2", retry=quick) as stranger, pytest.raises(Refused) as err:
            stranger.login("liqiang", PASSWORD, "笔记本")
        assert "does not trust the certificate" in err.value.render()
        plain = server.url.replace("https://", "http://")
        with SyncClient(plain, "laptop-3", retry=quick) as old, pytest.raises(Offline):
            old.login("liqiang", PASSWORD, "笔记本")
    finally:
        server.stop()
