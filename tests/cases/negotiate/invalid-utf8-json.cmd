negotiate tests/cases/negotiate/bad/invalid-utf8.csv --json
