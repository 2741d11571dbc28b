adjudicate --record --json --timeline scenarios/cases/armenia-2022.toml csto-1992
