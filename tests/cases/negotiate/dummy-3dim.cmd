negotiate data/ktab/dummyData_3Dim.csv
