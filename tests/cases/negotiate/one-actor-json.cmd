negotiate tests/cases/negotiate/good/one-actor.csv --json
