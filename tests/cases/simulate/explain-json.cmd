simulate tests/cases/simulate/uncertain-inputs.toml --draws 2000 --threads 2 --explain --json
