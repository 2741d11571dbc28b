#!/usr/bin/env python3
"""Writes scenarios/ukraine-settlement.csv: the actors' positions and saliences (assumptions, each
explained in scenarios/ukraine-settlement.notes.md) with capabilities from COW NMC v7 (CINC, 2022,
times 1000). The EU's capability is the summed CINC of the EU members not listed as actors.
Run from the project root: python3 tools/make_ukraine_settlement.py
"""
import csv

YEAR = "2022"
# COW codes of the state actors.
COW = {"Russia": 365, "Ukraine": 369, "United States": 2, "United Kingdom": 200, "France": 220,
       "Germany": 255, "Italy": 325, "Poland": 290, "Finland": 375, "Turkiye": 640, "China": 710}
# COW codes of EU-27 members (COW 2016 list), the EU actor standing for those not listed separately.
EU27 = [305, 211, 355, 344, 352, 316, 390, 366, 375, 220, 255, 350, 310, 205, 325, 367, 368, 212, 338,
        210, 290, 235, 360, 317, 349, 230, 380]
# name, description, then (position, salience) for: guarantee strength, territory, sanctions relief,
# foreign forces. Positions on 0–100 as defined in the notes; saliences sum to 100 or less.
ACTORS = [
    ("Russia", "Russian Federation", [(10, 25), (95, 35), (100, 15), (0, 25)]),
    ("Ukraine", "Ukraine", [(95, 35), (10, 35), (0, 5), (85, 25)]),
    ("United States", "United States (Trump administration)", [(45, 20), (55, 25), (60, 25), (20, 15)]),
    ("EU", "European Union (institutions; members not listed)", [(70, 25), (20, 25), (10, 30), (55, 15)]),
    ("United Kingdom", "United Kingdom", [(75, 30), (20, 25), (5, 15), (75, 25)]),
    ("France", "France", [(75, 30), (20, 25), (10, 15), (75, 25)]),
    ("Germany", "Germany", [(65, 30), (25, 25), (15, 20), (40, 20)]),
    ("Italy", "Italy", [(55, 25), (30, 25), (25, 25), (20, 20)]),
    ("Poland", "Poland", [(85, 35), (10, 30), (0, 20), (40, 15)]),
    ("Finland", "Finland", [(80, 35), (10, 30), (0, 20), (50, 15)]),
    ("Turkiye", "Turkiye", [(40, 20), (45, 20), (60, 30), (30, 20)]),
    ("China", "China", [(15, 15), (70, 20), (90, 35), (5, 20)]),
]
DIMENSIONS = ["Guarantee strength", "Territorial status quo", "Sanctions relief", "Foreign forces in Ukraine"]

cinc = {}
with open("data/nmc/cow_nmc_v7.csv") as source:
    for row in csv.DictReader(source):
        if row["year"] == YEAR and row["cinc"] not in ("", "NA"):
            cinc[int(row["ccode"])] = float(row["cinc"])
listed = set(COW.values())
capability = {name: cinc[code] for name, code in COW.items()}
capability["EU"] = sum(cinc[code] for code in EU27 if code not in listed and code in cinc)

with open("scenarios/ukraine-settlement.csv", "w", newline="") as out:
    out.write(f"Ukraine settlement,Issues of a settlement after the August 2025 US proposal,{len(ACTORS)},{len(DIMENSIONS)}\n")
    header = ["Actor", "Description", "Capability (CINC 2022 x 1000)"]
    for dimension in DIMENSIONS:
        header += [f"{dimension}", f"{dimension} salience"]
    out.write(",".join(header) + "\n")
    for name, description, cells in ACTORS:
        assert sum(salience for _, salience in cells) <= 100, name
        values = [name, description, f"{1000 * capability[name]:.3f}"]
        for position, salience in cells:
            values += [str(position), str(salience)]
        out.write(",".join(values) + "\n")
