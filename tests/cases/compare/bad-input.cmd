compare nato-1949 tests/cases/check/bad/empty-text.toml
