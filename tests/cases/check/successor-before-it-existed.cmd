check tests/cases/check/successor-before-it-existed.toml
