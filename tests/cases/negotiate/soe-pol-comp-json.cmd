negotiate data/ktab/SOE-Pol-Comp.csv --json
