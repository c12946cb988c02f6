#!/usr/bin/env python3
"""Writes a minimal XLSX workbook by hand, for the CLI tests of XLSX import.

make_xlsx.py OUT [--bomb | --deep]  reads the first sheet's rows as JSON from stdin: a list
of rows, each a list of cells. A cell is a string (a shared string), null (no cell),
{"inline": TEXT}, {"n": V} (a number written as V, e.g. "0.84999999999999998"),
{"date": SERIAL} (a number under the built-in date format 14), {"e": "#N/A"} (an error) or
{"f": FORMULA} (a formula without its value).
--bomb adds a 70 MiB sheet2.xml that compresses to a few KiB (the sheet is read, the bomb is
in the sheet's place); --deep nests the sheet data 1000 elements deep.
"""
import json
import sys
import zipfile
from xml.sax.saxutils import escape

out, mode = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
rows = json.load(sys.stdin)
shared = []


def col(k):
    s = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref, c):
    if isinstance(c, str):
        shared.append(c)
        return f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>'
    if "inline" in c:
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(c["inline"])}</t></is></c>'
    if "n" in c:
        return f'<c r="{ref}"><v>{c["n"]}</v></c>'
    if "date" in c:
        return f'<c r="{ref}" s="1"><v>{c["date"]}</v></c>'
    if "f" in c:
        return f'<c r="{ref}"><f>{escape(c["f"])}</f></c>'
    return f'<c r="{ref}" t="e"><v>{escape(c["e"])}</v></c>'


body = "".join(
    f'<row r="{i + 1}">' + "".join(cell(f"{col(k)}{i + 1}", c) for k, c in enumerate(r) if c is not None) + "</row>"
    for i, r in enumerate(rows))
if mode == "--deep":
    body = "<row r=\"1\">" + "<x>" * 1000 + "</x>" * 1000 + "</row>"
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{body}</sheetData></worksheet>'
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets>'
               '<sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>')
    target = "worksheets/sheet2.xml" if mode == "--bomb" else "worksheets/sheet1.xml"
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships '
               'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="{target}"/>'
               f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
               f'<Relationship Id="rId3" Type="{rel}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>')
    z.writestr("xl/styles.xml", f'<?xml version="1.0"?><styleSheet {ns}><cellXfs count="2">'
               '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    z.writestr("xl/worksheets/sheet1.xml", sheet)
    if mode == "--bomb":
        z.writestr("xl/worksheets/sheet2.xml", sheet[:-len("</sheetData></worksheet>")] + " " * (70 << 20))
    z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {ns}>' +
               "".join(f"<si><t>{escape(s)}</t></si>" for s in shared) + "</sst>")
