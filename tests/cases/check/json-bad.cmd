check --json tests/cases/check/bad/unknown-clause-kind.toml
