check nato-1949 tests/cases/check/bad/duplicate-party.toml
