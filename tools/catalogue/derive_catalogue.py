#!/usr/bin/env python3
"""Derive SEI Check's own catalogue files from the shared GB/T 4754-2017 industry tree.

Usage (from the repository root):

    python3 tools/catalogue/derive_catalogue.py [path-to-industry_tree_advanced.json] [output-dir]

Defaults: ../shared/data/gbt4754-sei/industry_tree_advanced.json and rules/sei-2020/catalogue,
both relative to the repository root. Writes industry-classes.csv, sei-classes.csv and README.md.
Standard library only; the output is deterministic (same input -> byte-identical files).
Exits non-zero on any unexpected data shape, and if the counts are not 1,382 classes / 469 tagged classes.
"""

import csv
import hashlib
import io
import json
import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_SOURCE = os.path.join("..", "shared", "data", "gbt4754-sei", "industry_tree_advanced.json")
DEFAULT_OUTPUT = os.path.join("rules", "sei-2020", "catalogue")

EXPECTED_CLASSES = 1382
EXPECTED_TAGGED = 469
PATH_SEPARATOR = ">"
OUT_PATH_SEPARATOR = " > "
PRODUCT_SEPARATOR = "|"

# Top-level SEI category: number, exact first path segment in the data, project area code.
CATEGORIES = [
    (1, "新一代信息技术产业", "NGIT", "New-generation information technology"),
    (2, "高端装备制造产业", "HIGH_END_EQUIPMENT", "High-end equipment manufacturing"),
    (3, "新材料产业", "NEW_MATERIALS", "New materials"),
    (4, "生物产业", "BIO", "Biology"),
    (5, "新能源汽车产业", "SMART_NEV", "New-energy vehicles"),
    (6, "新能源产业", "NEW_ENERGY", "New energy"),
    (7, "节能环保产业", "GREEN", "Energy saving and environmental protection"),
    (8, "数字创意产业", "DIGITAL_CREATIVE", "Digital creative"),
    (9, "相关服务业", "RELATED_SERVICES", "Related services"),
]
CATEGORY_BY_NAME = {name: (num, area) for num, name, area, _ in CATEGORIES}

# Characters stripped from both ends of every name, path segment and product: all Unicode whitespace
# (str.isspace covers U+00A0 no-break space and U+3000 full-width space) plus zero-width characters
# that are not whitespace for Python (U+FEFF zero-width no-break space / BOM, U+200B zero-width space).
EXTRA_STRIP = "\ufeff\u200b"


class DataError(Exception):
    pass


def clean(text):
    """Strip leading/trailing whitespace, no-break and full-width spaces, and zero-width characters."""
    if not isinstance(text, str):
        raise DataError("expected a string, got %r" % (text,))
    previous = None
    while previous != text:
        previous = text
        text = text.strip().strip(EXTRA_STRIP)
    return text


def split_path(raw_path, code):
    segments = [clean(s) for s in raw_path.split(PATH_SEPARATOR)]
    if not segments or any(s == "" for s in segments):
        raise DataError("class %s: empty segment in SEI path %r" % (code, raw_path))
    if segments[0] not in CATEGORY_BY_NAME:
        raise DataError("class %s: unknown first SEI path segment %r" % (code, segments[0]))
    return segments


def collect_classes(root):
    """Walk root -> section -> division -> group -> class; return class records in tree order."""
    if root.get("level") != 0:
        raise DataError("root node is not level 0")
    classes = []
    for section in root.get("children", []):
        _expect(section, 1, None)
        for division in section.get("children", []):
            _expect(division, 2, None)
            for group in division.get("children", []):
                _expect(group, 3, division["code"])
                for cls in group.get("children", []):
                    _expect(cls, 4, group["code"])
                    if cls.get("children"):
                        raise DataError("class %s has children" % cls["code"])
                    classes.append((section, division, group, cls))
    return classes


def _expect(node, level, parent_code):
    code = node.get("code")
    if node.get("level") != level:
        raise DataError("node %r: expected level %d, got %r" % (code, level, node.get("level")))
    if not isinstance(code, str) or code != code.strip():
        raise DataError("node %r: bad code" % (code,))
    widths = {1: 1, 2: 2, 3: 3, 4: 4}
    if len(code) != widths[level]:
        raise DataError("node %r: code width does not match level %d" % (code, level))
    if level == 1 and not ("A" <= code <= "Z"):
        raise DataError("section code %r is not a letter" % code)
    if level > 1 and not code.isdigit():
        raise DataError("node %r: code is not numeric" % code)
    if parent_code is not None and not code.startswith(parent_code):
        raise DataError("node %r does not start with its parent's code %r" % (code, parent_code))
    if clean(node.get("name", "")) == "":
        raise DataError("node %r has an empty name" % code)


def strategic_rows(cls, stats):
    """Return sei-classes rows for one class (empty list if not tagged)."""
    code = cls["code"]
    tags = cls.get("tags") or []
    detail = (cls.get("tagDetail") or {}).get("strategic")
    tagged = "strategic" in tags
    if tagged != (detail is not None):
        raise DataError("class %s: 'strategic' tag and tagDetail.strategic disagree" % code)
    if not tagged:
        return []
    stats["tagged"] += 1
    has_star = detail.get("has_star")
    if not isinstance(has_star, bool):
        raise DataError("class %s: has_star is not a boolean" % code)

    # entries: list of (raw_path, products or None)
    if has_star:
        stats["starred"] += 1
        entries = detail.get("categories")
        if not isinstance(entries, list) or not entries:
            raise DataError("class %s: starred but no categories[] list" % code)
        entries = [(e.get("path"), e.get("products")) for e in entries]
        for raw_path, products in entries:
            if not isinstance(products, list):
                raise DataError("class %s: categories[].products is not a list" % code)
    else:
        stats["whole"] += 1
        entries = detail.get("categories")
        if entries:
            # Whole-class entry with an explicit categories[] list: use its paths, ignore products.
            entries = [(e.get("path"), None) for e in entries]
            if len(entries) > 1:
                stats["whole_multi"].append(code)
        else:
            entries = [(detail.get("category"), None)]
        if detail.get("category") is None:
            raise DataError("class %s: whole-class entry without category" % code)

    rows = []
    seen_paths = set()
    for raw_path, products in entries:
        if not isinstance(raw_path, str):
            raise DataError("class %s: SEI path is not a string" % code)
        segments = split_path(raw_path, code)
        path = OUT_PATH_SEPARATOR.join(segments)
        if path in seen_paths:
            raise DataError("class %s: duplicate SEI path %r" % (code, path))
        seen_paths.add(path)
        number, area = CATEGORY_BY_NAME[segments[0]]
        stats["first_segments"].add(segments[0])
        key_products = []
        if has_star:
            seen = set()
            for raw in products:
                product = clean(raw)
                if product == "":
                    stats["blank_products"].append((code, raw))
                    continue
                if PRODUCT_SEPARATOR in product:
                    raise DataError("class %s: product contains %r: %r" % (code, PRODUCT_SEPARATOR, product))
                if product in seen:
                    stats["duplicate_products"].append((code, product))
                    continue
                seen.add(product)
                key_products.append(product)
                stats["products"].add(product)
            if not key_products:
                stats["empty_rows"] += 1
                stats["empty_classes"].add(code)
        rows.append({
            "code": code,
            "category": number,
            "area": area,
            "path": path,
            "scope": "KEY_PRODUCTS" if has_star else "WHOLE_CLASS",
            "keyProducts": PRODUCT_SEPARATOR.join(key_products),
        })
    return rows


def to_csv(header, rows):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[h] for h in header])
    return buf.getvalue()


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def readme_text(sha256, counts, out_arg=""):
    """out_arg: the output folder for the regenerate command (empty for the default, rules/sei-2020)."""
    mapping = "\n".join(
        "| %d | %s | `%s` | %s |" % (num, name, area, english) for num, name, area, english in CATEGORIES
    )
    return """# SEI catalogue (GB/T 4754-2017 classes and NBS strategic-emerging-industry mapping)

Generated files — do not edit by hand; regenerate with the script below.

## Files

- `industry-classes.csv` — every GB/T 4754-2017 class (level 4, four digits), one row each, sorted by code.
  Columns: `code,name,section,sectionName,division,divisionName,group,groupName`.
- `sei-classes.csv` — one row per (class, SEI category path) pair for the classes that the NBS Strategic
  Emerging Industries Classification (2018) maps to. Columns: `code,category,area,path,scope,keyProducts`.
  - `category`: top-level SEI category number 1–9, from the first path segment; `area`: the project's area code.
  - `path`: SEI path by name, segments joined by ` > `.
  - `scope`: `WHOLE_CLASS` (class counts as a whole) or `KEY_PRODUCTS` (class marked "*" by NBS: counts only for
    the listed key products).
  - `keyProducts`: key products joined by `|` (empty for whole classes). A `KEY_PRODUCTS` row with an empty
    list cannot be decided by product and is kept as is (to be treated as UNKNOWN, for review).
  - Sorted by code, then category, then path. Duplicate products within one row are removed (first kept).
- Encoding: UTF-8, LF line endings, no BOM, RFC 4180 CSV with a header row, quoted only when needed. Names,
  path segments and products are stripped of leading/trailing whitespace (including U+00A0 no-break space and
  U+3000 full-width space) and zero-width characters (U+FEFF, U+200B); products that become empty are dropped.

## Source and provenance

- Public repository `swifthu/industrial_classifi`, commit `0594ba8`, file `data/industry_tree_advanced.json`
  (MIT License, as stated in that repository's README).
- Data from the National Bureau of Statistics: GB/T 4754-2017 *Industrial classification for national economic
  activities*, and the NBS *Strategic Emerging Industries Classification (2018)* (NBS Order No. 23).
- SHA-256 of the source JSON file: `{sha256}`
- The source JSON is not part of this repository; the build does not read it.

Regenerate (from the repository root):

```
python3 tools/catalogue/derive_catalogue.py <path-to-json>{out_arg}
```

## Counts

| Item | Count |
|---|---:|
| Classes (level 4) in `industry-classes.csv` | {classes} |
| Classes tagged strategic | {tagged} |
| — whole classes (`WHOLE_CLASS`) | {whole} |
| — starred classes (`KEY_PRODUCTS`) | {starred} |
| Rows in `sei-classes.csv` | {rows} |
| Starred classes with an empty product list (at least one path) | {empty_classes} |
| `KEY_PRODUCTS` rows with an empty product list | {empty_rows} |
| Distinct key products | {products} |

## Category → area

| Category | First path segment | Area | English |
|---:|---|---|---|
{mapping}

## Known limits

- SEI paths carry names, not the NBS numeric codes (1.1, 2.1.3 ...).
- For new materials (category 3) the second and third SEI levels are folded into one leaf name.
- NBS counts 485 corresponding classes; the source file tags {tagged}. Classes missing from the source are not
  in `sei-classes.csv`.
- Some names in the source carry trailing no-break spaces (stripped here).

## Hand-written files beside these

`product-synonyms.tsv` and `product-glossary-en.tsv` (synonyms, aliases and English names of key products for
product matching) are not generated: see `PRODUCT-NAMES.md`. This script neither writes nor reads them.
""".format(sha256=sha256, mapping=mapping, out_arg=out_arg, **counts)


def output_argument(out_dir):
    """The output folder for the README's regenerate command: empty for the default, else relative to the root."""
    relative = os.path.relpath(os.path.abspath(out_dir), REPO_ROOT).replace(os.sep, "/")
    return "" if relative == DEFAULT_OUTPUT.replace(os.sep, "/") else " " + relative


def main(argv):
    source = argv[1] if len(argv) > 1 else os.path.join(REPO_ROOT, DEFAULT_SOURCE)
    out_dir = argv[2] if len(argv) > 2 else os.path.join(REPO_ROOT, DEFAULT_OUTPUT)

    with open(source, "rb") as f:
        raw = f.read()
    sha256 = hashlib.sha256(raw).hexdigest()
    root = json.loads(raw.decode("utf-8-sig"))

    classes = collect_classes(root)

    industry_rows = []
    sei_rows = []
    stats = {
        "tagged": 0, "starred": 0, "whole": 0, "empty_rows": 0,
        "empty_classes": set(), "products": set(), "first_segments": set(),
        "whole_multi": [], "duplicate_products": [], "blank_products": [],
    }
    seen_codes = set()
    for section, division, group, cls in classes:
        code = cls["code"]
        if code in seen_codes:
            raise DataError("duplicate class code %s" % code)
        seen_codes.add(code)
        industry_rows.append({
            "code": code,
            "name": clean(cls["name"]),
            "section": section["code"],
            "sectionName": clean(section["name"]),
            "division": division["code"],
            "divisionName": clean(division["name"]),
            "group": group["code"],
            "groupName": clean(group["name"]),
        })
        sei_rows.extend(strategic_rows(cls, stats))

    industry_rows.sort(key=lambda r: r["code"])
    sei_rows.sort(key=lambda r: (r["code"], r["category"], r["path"]))

    counts = {
        "classes": len(industry_rows),
        "tagged": stats["tagged"],
        "whole": stats["whole"],
        "starred": stats["starred"],
        "rows": len(sei_rows),
        "empty_classes": len(stats["empty_classes"]),
        "empty_rows": stats["empty_rows"],
        "products": len(stats["products"]),
    }

    os.makedirs(out_dir, exist_ok=True)
    write_text(os.path.join(out_dir, "industry-classes.csv"), to_csv(
        ["code", "name", "section", "sectionName", "division", "divisionName", "group", "groupName"],
        industry_rows))
    write_text(os.path.join(out_dir, "sei-classes.csv"), to_csv(
        ["code", "category", "area", "path", "scope", "keyProducts"], sei_rows))
    write_text(os.path.join(out_dir, "README.md"), readme_text(sha256, counts, output_argument(out_dir)))

    print("source sha256: %s" % sha256)
    print("classes: %(classes)d; tagged strategic: %(tagged)d (whole %(whole)d, starred %(starred)d)" % counts)
    print("sei-classes rows: %(rows)d; starred classes with an empty product list: %(empty_classes)d "
          "(%(empty_rows)d rows); distinct key products: %(products)d" % counts)
    missing = [name for _, name, _, _ in CATEGORIES if name not in stats["first_segments"]]
    if missing:
        print("note: categories with no class: %s" % ", ".join(missing))
    if stats["whole_multi"]:
        print("note: whole classes with several paths: %s" % ", ".join(stats["whole_multi"]))
    for code, product in stats["duplicate_products"]:
        print("note: class %s: duplicate product dropped: %s" % (code, product))
    for code, raw_product in stats["blank_products"]:
        print("note: class %s: blank product dropped: %r" % (code, raw_product))
    print("written to: %s" % out_dir)

    ok = counts["classes"] == EXPECTED_CLASSES and counts["tagged"] == EXPECTED_TAGGED
    if not ok:
        print("ERROR: expected %d classes and %d tagged classes" % (EXPECTED_CLASSES, EXPECTED_TAGGED),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except DataError as e:
        print("ERROR: %s" % e, file=sys.stderr)
        sys.exit(2)
