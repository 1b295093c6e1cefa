"""Hostile upload files, generated from a short description in tests/hostile/uploads.yaml (small, so the corpus
stays readable as data): `csv` text in an encoding, raw `hex` bytes, or a hand-built `xlsx` whose parts are
written directly (a declared dimension that lies, a shared-string index out of range, an XML entity)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import Workbook

_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       '<Override PartName="/xl/sharedStrings.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WB = ('<?xml version="1.0" encoding="UTF-8"?>'
       '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
       '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>')


def _cell(ref: str, v: Any, strings: list[str]) -> str:
    if isinstance(v, int | float):
        return f'<c r="{ref}"><v>{v}</v></c>'
    if isinstance(v, dict) and "s" in v:  # a raw shared-string index (possibly out of range)
        return f'<c r="{ref}" t="s"><v>{v["s"]}</v></c>'
    strings.append(str(v))
    return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'


def _letters(i: int) -> str:
    s, n = "", i + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def raw_xlsx(rows: dict[int, list[Any]], dimension: str | None = None, prolog: str = "",
             wide: tuple[int, int] | None = None, empty_rows: int = 0) -> bytes:
    """A workbook written part by part: `rows` maps a row number to its cells (from column A); `wide` =
    (row, n) adds a row of n numeric cells without references; `empty_rows` adds that many empty <row/>s."""
    strings: list[str] = []
    body = []
    for r in sorted(rows):
        cells = "".join(_cell(f"{_letters(i)}{r}", v, strings) for i, v in enumerate(rows[r]) if v is not None)
        body.append(f'<row r="{r}">{cells}</row>')
    if wide is not None:
        body.append(f'<row r="{wide[0]}">' + "<c><v>1</v></c>" * wide[1] + "</row>")
    body.append("<row/>" * empty_rows)
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
             f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dim}'
             f'<sheetData>{"".join(body)}</sheetData></worksheet>')
    sst = ('<?xml version="1.0" encoding="UTF-8"?>'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
           f'uniqueCount="{len(strings)}">'
           + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", sst)
    return buf.getvalue()


def openpyxl_xlsx(rows: list[list[Any]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


XXE = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
       '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')


def build(spec: dict[str, Any]) -> bytes:
    """The bytes of one corpus entry's `file`."""
    if "csv" in spec:
        text = str(spec["csv"])
        if "repeat" in spec:  # {repeat: {line: "...", times: n}} appended
            text += str(spec["repeat"]["line"]) * int(spec["repeat"]["times"])
        if "tail" in spec:
            text += str(spec["tail"])
        enc = spec.get("encoding", "utf-8")
        data = text.encode(enc)
        if spec.get("bom") and enc == "utf-8":
            data = b"\xef\xbb\xbf" + data
        for old, new in spec.get("bytes", {}).items():  # byte surgery: {"<X>": "ff"}
            data = data.replace(old.encode(), bytes.fromhex(new))
        return data
    if "hex" in spec:
        return bytes.fromhex(spec["hex"])
    if "xlsx" in spec:
        x = spec["xlsx"]
        if "cells" in x:
            return openpyxl_xlsx(x["cells"])
        rows = {int(k): v for k, v in x["rows"].items()}
        wide = (int(x["wide"][0]), int(x["wide"][1])) if "wide" in x else None
        return raw_xlsx(rows, x.get("dimension"), XXE if x.get("xxe") else "", wide, int(x.get("empty_rows", 0)))
    if "roster" in spec:  # a roster of n creators in the shape of the template
        n = int(spec["roster"])
        lines = ["name,platform,followers,handle,kind,engagement_rate,avg_engagements,fee_idr,industries,city,"
                 "expertise"]
        lines += [f"Kreator Fiktif {i},instagram,{10_000 + i},@fiktif_{i},influencer,3.5,,{1_500_000 + i},"
                  f"beauty;lifestyle,Bandung," for i in range(n)]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"unknown file spec {spec}")
