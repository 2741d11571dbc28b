#!/usr/bin/env python3
"""Regenerates data/iso3166-1.csv, data/iso3166-2.csv and data/cow-states.csv.

Inputs: Debian's iso-codes package (/usr/share/iso-codes/json, version in DATA_SOURCES.md) and the
COW State System Membership list (../shared/data/cow/states2016_clean.csv). The COW → ISO mapping is
by name, with the exceptions listed below (checked by hand against both lists).
Run from the project root: python3 tools/make_party_tables.py [COW_STATES_CSV]
"""
import csv
import json
import sys

ISO_DIR = "/usr/share/iso-codes/json"
cow_path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/cow/states2016_clean.csv"

# COW abbreviation → ISO 3166-1 alpha-3 where the names differ; None = no ISO code (historical state).
EXCEPTIONS = {
    "SLU": "LCA", "SVG": "VCT", "AAB": "ATG", "SKN": "KNA", "GFR": "DEU", "MAC": "MKD",
    "YUG": "SRB", "KOS": "XKX", "RUS": "RUS", "CAP": "CPV", "CDI": "CIV", "DRC": "COD",
    "SWA": "SWZ", "TUR": "TUR", "BRU": "BRN", "ETM": "TLS",
    "HAN": None, "BAV": None, "GDR": None, "BAD": None, "SAX": None, "WRT": None, "HSE": None,
    "HSG": None, "MEC": None, "AUH": None, "CZE": None, "PAP": None, "SIC": None, "MOD": None,
    "PMA": None, "TUS": None, "ZAN": None, "YAR": None, "YPR": None, "KOR": None, "RVN": None,
}

iso1 = json.load(open(f"{ISO_DIR}/iso_3166-1.json"))["3166-1"]
by_name = {}
with open("data/iso3166-1.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["alpha3", "alpha2", "name"])
    rows = sorted(iso1, key=lambda c: c["alpha_3"])
    # Kosovo has no ISO 3166-1 code; XKX is the user-assigned code used by the EU and others.
    rows.append({"alpha_3": "XKX", "alpha_2": "XK", "name": "Kosovo"})
    for country in sorted(rows, key=lambda c: c["alpha_3"]):
        writer.writerow([country["alpha_3"], country["alpha_2"], country.get("common_name", country["name"])])
        for key in ("name", "common_name", "official_name"):
            if key in country:
                by_name[country[key].lower()] = country["alpha_3"]

iso2 = json.load(open(f"{ISO_DIR}/iso_3166-2.json"))["3166-2"]
with open("data/iso3166-2.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name", "type"])
    for sub in sorted(iso2, key=lambda s: s["code"]):
        writer.writerow([sub["code"], sub["name"], sub["type"]])

seen = {}
for row in csv.DictReader(open(cow_path)):
    code = int(row["ccode"])
    entry = seen.setdefault(code, {"abbr": row["stateabb"], "name": row["statenme"],
                                   "start": int(row["styear"]), "end": int(row["endyear"])})
    entry["start"] = min(entry["start"], int(row["styear"]))
    entry["end"] = max(entry["end"], int(row["endyear"]))
# States that ATOP uses but COW's list lacks (ATOP 5.1 codebook, note 18: Annam, a state in
# Gleditsch & Ward's list, coded 8152 by ATOP; years from Gleditsch & Ward's independent states list).
EXTRA = {8152: {"abbr": "ANM", "name": "Annam (ATOP code 8152; not in COW)", "start": 1816, "end": 1883}}
for code, entry in EXTRA.items():
    seen[code] = entry
    EXCEPTIONS[entry["abbr"]] = None

with open("data/cow-states.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["cow_code", "cow_abbr", "cow_name", "start_year", "end_year", "iso3"])
    for code in sorted(seen):
        entry = seen[code]
        if entry["abbr"] in EXCEPTIONS:
            iso3 = EXCEPTIONS[entry["abbr"]]
        else:
            iso3 = by_name[entry["name"].lower()]
        writer.writerow([code, entry["abbr"], entry["name"], entry["start"], entry["end"], iso3 or ""])
