adjudicate --record --timeline scenarios/cases/kursk-2024.toml csto-1992
