import pytest

from inspector_app.domain.tiles import usable_tile_url


@pytest.mark.parametrize("url", [
    "https://example.org/tiles/{z}/{x}/{y}.png",
    "https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}",
    "http://192.168.1.10:8080/{z}/{x}/{y}.png",
])
def test_usable_tile_addresses(url: str) -> None:
    assert usable_tile_url(url)


@pytest.mark.parametrize("url", [
    "https://example.org/tiles.png",  # no {z}/{x}/{y}
    "https://example.org/{z}/{x}.png",  # no {y}
    "https://example.org/{z}/{x}/{y}/{zoom}.png",  # a placeholder nobody fills
    "https://example.org/{z}/{x}/{y}/{",  # broken template
    "ftp://example.org/{z}/{x}/{y}.png",
    "example.org/{z}/{x}/{y}.png",  # no scheme
    "http:///{z}/{x}/{y}.png",  # no host
    "",
])
def test_unusable_tile_addresses(url: str) -> None:
    assert not usable_tile_url(url)
