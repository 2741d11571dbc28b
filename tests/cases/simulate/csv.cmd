simulate scenarios/ukraine-guarantees.toml --draws 2000 --threads 1 --csv -
