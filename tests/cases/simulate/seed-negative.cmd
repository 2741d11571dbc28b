simulate scenarios/ukraine-guarantees.toml --draws 100 --seed -1
