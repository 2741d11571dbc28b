check --json tests/cases/check/successor-before-it-existed.toml
