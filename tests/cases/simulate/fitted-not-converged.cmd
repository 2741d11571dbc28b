simulate tests/cases/simulate/fitted/scenario-not-converged.toml --draws 100
