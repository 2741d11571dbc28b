assess scenarios/ukraine-guarantees.toml --settlement tests/cases/negotiate/bad/n-mismatch.csv
