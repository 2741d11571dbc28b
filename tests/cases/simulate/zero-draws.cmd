simulate scenarios/ukraine-guarantees.toml --draws 0
