"""A plain picture standing in for a camera photo in the demo data (a street, a shop front):
the demo's rectified violations carry a real stamped JPEG like every real one."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw


def demo_scene_jpeg(path: Path, seed: int, size: tuple[int, int] = (1200, 900)) -> Path:
    """Write a JPEG of a simple street scene (shapes varied by ``seed``) to ``path``."""
    width, height = size
    image = Image.new("RGB", size, (178, 196, 214))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(120, 120, 125))  # the pavement
    for n in range(5):  # shop fronts
        left = n * width // 5 + 10
        shade = 150 + (seed * 37 + n * 23) % 90
        draw.rectangle((left, height // 4, left + width // 5 - 20, height * 2 // 3), fill=(shade, 120, 90))
        draw.rectangle((left + 20, height // 4 + 30, left + width // 5 - 40, height // 4 + 70), fill=(230, 40, 40))
    image.save(path, "JPEG", quality=85)
    return path
