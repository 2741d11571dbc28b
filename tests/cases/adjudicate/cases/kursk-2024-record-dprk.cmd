adjudicate --record --timeline scenarios/cases/kursk-2024.toml russia-dprk-2024
