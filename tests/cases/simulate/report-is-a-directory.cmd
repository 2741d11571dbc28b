simulate scenarios/ukraine-guarantees.toml --draws 100 --report tests/cases
