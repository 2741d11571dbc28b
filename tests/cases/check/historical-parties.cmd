check tests/cases/check/historical-parties.toml
