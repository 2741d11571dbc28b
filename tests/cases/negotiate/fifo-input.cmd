negotiate <(cat scenarios/ukraine-settlement.csv)
