negotiate scenarios/ukraine-settlement.csv --csv -
