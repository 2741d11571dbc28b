adjudicate --record --timeline scenarios/cases/armenia-2022.toml csto-1992
