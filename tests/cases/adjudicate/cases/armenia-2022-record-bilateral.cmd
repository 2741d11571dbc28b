adjudicate --record --timeline scenarios/cases/armenia-2022.toml armenia-russia-1997 csto-1992
