check tests/cases/check/no-such-file.toml
