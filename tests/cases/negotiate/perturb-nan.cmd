negotiate scenarios/ukraine-settlement.csv --perturb nan
