simulate tests/cases/simulate/uncertain-inputs.toml --draws 4000 --threads 1 --report /dev/null
