assess scenarios/ukraine-guarantees.toml --settlement data/ktab/dummyData_3Dim.csv
