negotiate scenarios/ukraine-settlement.csv --perturb 5 --draws 100 --seed 20250817
