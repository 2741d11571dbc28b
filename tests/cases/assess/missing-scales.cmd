assess scenarios/ukraine-guarantees.toml --settlement scenarios/ukraine-settlement.csv --scales scenarios/no-such.scales.toml
