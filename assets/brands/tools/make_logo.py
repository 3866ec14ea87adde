#!/usr/bin/python3
"""Draws the logo of the example brand (a fictional employer): a white disc with
a lagoon (three waves) under a rising sun, on the brand's primary colour.

Writes an 8-bit RGB, non-interlaced PNG (what libharu 2.3.0 reads correctly)
with nothing but the standard library (zlib + struct). Deterministic: the same
bytes every run.

    /usr/bin/python3 assets/brands/tools/make_logo.py assets/brands/lagons-logo.png
"""
import math
import struct
import sys
import zlib

SIZE = 240          # pixels
SS = 4              # supersampling per axis (anti-aliasing)
PRIMARY = (0x0E, 0x5A, 0x7A)
ACCENT = (0xF2, 0xA0, 0x3D)
WAVE2 = (0x2E, 0x8F, 0xB0)
WHITE = (0xFF, 0xFF, 0xFF)


def colour_at(x, y):
    """Colour of the point (x, y), both in 0..1, y downwards."""
    cx, cy = x - 0.5, y - 0.5
    r = math.hypot(cx, cy)
    if r > 0.47:
        return PRIMARY                      # background = the header band colour
    if r > 0.44:
        return WHITE                        # white ring
    # inside the disc: sky (white), sun, three waves
    if math.hypot(x - 0.5, y - 0.50) < 0.17 and y < 0.55:
        return ACCENT                       # the sun, cut by the sea
    for i, col in enumerate((PRIMARY, WAVE2, PRIMARY)):
        base = 0.56 + 0.11 * i
        wave = base + 0.025 * math.sin((x * 2.0 + i * 0.35) * 2 * math.pi)
        if wave < y < wave + 0.065:
            return col
    return WHITE


def render():
    rows = []
    for py in range(SIZE):
        row = bytearray([0])                # filter type 0 (None)
        for px in range(SIZE):
            acc = [0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    c = colour_at((px + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE)
                    for k in range(3):
                        acc[k] += c[k]
            row.extend(round(v / (SS * SS)) for v in acc)
        rows.append(bytes(row))
    return b"".join(rows)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "lagons-logo.png"
    ihdr = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)  # 8-bit, RGB, no interlace
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(render(), 9)) + chunk(b"IEND", b"")
    with open(out, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
