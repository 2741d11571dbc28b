check tests/cases/check
