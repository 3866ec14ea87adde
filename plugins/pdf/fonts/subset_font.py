#!/usr/bin/python3
"""Makes a small TrueType font for the flyers: the glyphs of the given Unicode
ranges of a glyf-outline TrueType font, renumbered, under a new name.

Used at build time on DejaVu Sans (fonts-dejavu-core). DejaVu's licence (the
Bitstream Vera licence) allows modified versions provided they are renamed to
names without "Bitstream" or "Vera"; the result is called "Offerkit Sans Latin"
and keeps the copyright and licence strings of the original.

Kept tables: head hhea maxp OS/2 hmtx cmap (format 4) loca glyf post (format 3)
name. Hinting (cvt fpgm prep, glyph instructions) and layout tables (GSUB GPOS GDEF kern) are dropped: the
flyer writer draws with plain advance widths. Standard library only.

    subset_font.py IN.ttf OUT.ttf "Family Name" Style 0020-007E,00A0-017F,...
"""
import struct
import sys


def u16(b, o):
    return struct.unpack_from(">H", b, o)[0]


def i16(b, o):
    return struct.unpack_from(">h", b, o)[0]


def u32(b, o):
    return struct.unpack_from(">I", b, o)[0]


def read_tables(data):
    n = u16(data, 4)
    tables = {}
    for i in range(n):
        tag, _, off, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag.decode("latin-1")] = data[off:off + length]
    return tables


def parse_cmap(cmap):
    """code point -> glyph id, from the (3,1) or (0,3) format-4 subtable."""
    n = u16(cmap, 2)
    best = None
    for i in range(n):
        pid, eid, off = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        if u16(cmap, off) == 4 and (pid, eid) in ((3, 1), (0, 3), (0, 4)):
            best = off
            if (pid, eid) == (3, 1):
                break
    if best is None:
        raise SystemExit("no format-4 Unicode cmap")
    o = best
    segx2 = u16(cmap, o + 6)
    ends = o + 14
    starts = ends + segx2 + 2
    deltas = starts + segx2
    ranges = deltas + segx2
    result = {}
    for s in range(segx2 // 2):
        end = u16(cmap, ends + 2 * s)
        start = u16(cmap, starts + 2 * s)
        delta = i16(cmap, deltas + 2 * s)
        roff = u16(cmap, ranges + 2 * s)
        for c in range(start, end + 1):
            if c == 0xFFFF:
                continue
            if roff == 0:
                g = (c + delta) & 0xFFFF
            else:
                a = ranges + 2 * s + roff + 2 * (c - start)
                g = u16(cmap, a)
                if g:
                    g = (g + delta) & 0xFFFF
            if g:
                result[c] = g
    return result


def glyph_data(tables, loc_long, gid):
    loca = tables["loca"]
    if loc_long:
        a, b = u32(loca, 4 * gid), u32(loca, 4 * gid + 4)
    else:
        a, b = 2 * u16(loca, 2 * gid), 2 * u16(loca, 2 * gid + 2)
    return tables["glyf"][a:b]


def components(g):
    """(offset of the glyph index field, glyph index) of a composite glyph."""
    out = []
    if len(g) < 10 or i16(g, 0) >= 0:
        return out
    o = 10
    while True:
        flags, gid = u16(g, o), u16(g, o + 2)
        out.append((o + 2, gid))
        o += 4
        o += 4 if flags & 0x0001 else 2
        if flags & 0x0008:
            o += 2
        elif flags & 0x0040:
            o += 4
        elif flags & 0x0080:
            o += 8
        if not flags & 0x0020:
            return out


def strip_hints(g):
    """The glyph without its TrueType instructions (the flyers are not hinted)."""
    if len(g) < 10:
        return g
    n = i16(g, 0)
    if n >= 0:
        at = 10 + 2 * n
        ilen = u16(g, at)
        return g[:at] + b"\0\0" + g[at + 2 + ilen:]
    out = bytearray(g)
    o = 10
    while True:
        flags = u16(out, o)
        struct.pack_into(">H", out, o, flags & ~0x0100)  # WE_HAVE_INSTRUCTIONS
        o += 4
        o += 4 if flags & 0x0001 else 2
        if flags & 0x0008:
            o += 2
        elif flags & 0x0040:
            o += 4
        elif flags & 0x0080:
            o += 8
        if not flags & 0x0020:
            return bytes(out[:o])


def build_cmap4(mapping):
    codes = sorted(mapping)
    segs = []  # (start, end, delta) with contiguous glyph ids
    for c in codes:
        g = mapping[c]
        if segs and c == segs[-1][1] + 1 and g - c == segs[-1][2]:
            segs[-1][1] = c
        else:
            segs.append([c, c, g - c])
    segs.append([0xFFFF, 0xFFFF, 1])
    n = len(segs)
    search = 1
    sel = 0
    while search * 2 <= n:
        search *= 2
        sel += 1
    body = struct.pack(">HHHH", 2 * n, 2 * search, sel, 2 * n - 2 * search)
    body += b"".join(struct.pack(">H", s[1]) for s in segs) + b"\0\0"
    body += b"".join(struct.pack(">H", s[0]) for s in segs)
    body += b"".join(struct.pack(">h", ((s[2] + 0x8000) & 0xFFFF) - 0x8000) for s in segs)
    body += b"\0\0" * n
    sub = struct.pack(">HHH", 4, 6 + len(body), 0) + body
    return struct.pack(">HHHHIHHI", 0, 2, 0, 3, 20, 3, 1, 20) + sub


def name_table(old, family, style):
    """Copyright/licence records of the original, new family names."""
    keep = {0: None, 13: None, 14: None}
    count, strings = u16(old, 2), u16(old, 4)
    for i in range(count):
        pid, eid, lid, nid, length, off = struct.unpack_from(">6H", old, 6 + 12 * i)
        if pid == 3 and eid == 1 and lid == 0x409 and nid in keep:
            keep[nid] = old[strings + off:strings + off + length].decode("utf-16-be")
    ps = family.replace(" ", "") + ("-" + style.replace(" ", "") if style not in ("Book", "Regular") else "")
    names = {1: family, 2: style, 3: "offerkit: " + ps, 4: family + " " + style, 5: "Version 1.0", 6: ps}
    for k, v in keep.items():
        if v:
            names[k] = v.replace("\r", "")
    records, blob = [], b""
    for pid, eid, lid, enc in ((1, 0, 0, "latin-1"), (3, 1, 0x409, "utf-16-be")):
        for nid in sorted(names):
            s = names[nid].encode(enc, "replace")
            records.append(struct.pack(">6H", pid, eid, lid, nid, len(s), len(blob)))
            blob += s
    head = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    return head + b"".join(records) + blob


def checksum(b):
    b += b"\0" * (-len(b) % 4)
    return sum(struct.unpack(">%dI" % (len(b) // 4), b)) & 0xFFFFFFFF


def main():
    src, dst, family, style, spec = sys.argv[1:6]
    wanted = set()
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        wanted.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    data = open(src, "rb").read()
    t = read_tables(data)
    loc_long = i16(t["head"], 50) == 1
    cmap = {c: g for c, g in parse_cmap(t["cmap"]).items() if c in wanted}

    # glyphs to keep: .notdef, mapped glyphs, components (transitively)
    keep = {0}
    todo = list(cmap.values())
    while todo:
        g = todo.pop()
        if g in keep:
            continue
        keep.add(g)
        todo.extend(c for _, c in components(glyph_data(t, loc_long, g)))
    # number the glyphs in code point order, so that the cmap is a few contiguous
    # segments (libharu scans the segments linearly for each of 65,536 codes)
    order = [0]
    for c in sorted(cmap):
        if cmap[c] not in order:
            order.append(cmap[c])
    order += sorted(keep - set(order))
    new_id = {g: i for i, g in enumerate(order)}

    # glyf + loca (long offsets)
    glyf, loca = b"", []
    for g in order:
        gd = bytearray(strip_hints(glyph_data(t, loc_long, g)))
        for off, comp in components(bytes(gd)):
            struct.pack_into(">H", gd, off, new_id[comp])
        loca.append(len(glyf))
        glyf += bytes(gd) + b"\0" * (-len(gd) % 4)
    loca.append(len(glyf))

    # hmtx: full metrics for every glyph
    n_hm = u16(t["hhea"], 34)
    hmtx_old = t["hmtx"]

    def metric(g):
        if g < n_hm:
            return struct.unpack_from(">Hh", hmtx_old, 4 * g)
        adv = u16(hmtx_old, 4 * (n_hm - 1))
        return adv, i16(hmtx_old, 4 * n_hm + 2 * (g - n_hm))

    hmtx = b"".join(struct.pack(">Hh", *metric(g)) for g in order)
    hhea = bytearray(t["hhea"])
    struct.pack_into(">H", hhea, 34, len(order))
    maxp = bytearray(t["maxp"])
    struct.pack_into(">H", maxp, 4, len(order))
    head = bytearray(t["head"])
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set below
    struct.pack_into(">h", head, 50, 1)  # long loca
    post = struct.pack(">I", 0x00030000) + t["post"][4:32]
    os2 = bytearray(t["OS/2"])
    codes = sorted(cmap)
    struct.pack_into(">HH", os2, 64, codes[0], min(codes[-1], 0xFFFF))

    out = {
        "OS/2": bytes(os2), "cmap": build_cmap4({c: new_id[g] for c, g in cmap.items()}),
        "glyf": glyf, "head": bytes(head), "hhea": bytes(hhea), "hmtx": hmtx,
        "loca": b"".join(struct.pack(">I", x) for x in loca), "maxp": bytes(maxp),
        "name": name_table(t["name"], family, style), "post": post,
    }
    # no hinting: no cvt/fpgm/prep; maxp keeps its (now generous) limits

    tags = sorted(out)
    n = len(tags)
    search = 1
    sel = 0
    while search * 2 <= n:
        search *= 2
        sel += 1
    header = struct.pack(">IHHHH", 0x00010000, n, 16 * search, sel, 16 * n - 16 * search)
    offset = 12 + 16 * n
    directory, body = b"", b""
    for tag in tags:
        b = out[tag]
        directory += struct.pack(">4sIII", tag.encode("latin-1"), checksum(b), offset + len(body), len(b))
        body += b + b"\0" * (-len(b) % 4)
    font = bytearray(header + directory + body)
    adj = (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF
    head_off = 12 + 16 * n + sum(len(out[x]) + (-len(out[x]) % 4) for x in tags[:tags.index("head")])
    struct.pack_into(">I", font, head_off + 8, adj)
    with open(dst, "wb") as f:
        f.write(font)


if __name__ == "__main__":
    main()
