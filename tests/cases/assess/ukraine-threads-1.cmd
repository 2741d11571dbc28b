assess scenarios/ukraine-guarantees.toml --settlement scenarios/ukraine-settlement.csv --draws 2000 --perturb-draws 40 --threads 1
