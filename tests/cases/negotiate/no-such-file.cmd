negotiate data/ktab/no-such.csv
