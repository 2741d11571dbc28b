simulate scenarios/ukraine-guarantees.toml --draws 3000 --threads 1 --explain
