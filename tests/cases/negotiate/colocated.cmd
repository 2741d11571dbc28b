negotiate tests/cases/negotiate/good/colocated.csv
