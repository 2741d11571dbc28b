negotiate data/ktab/dummyData_3Dim.csv --perturb 5 --draws 50 --seed 42 --threads 2
