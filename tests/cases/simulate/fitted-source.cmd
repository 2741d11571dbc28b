simulate tests/cases/simulate/fitted/scenario.toml --draws 2000 --threads 1 --json
