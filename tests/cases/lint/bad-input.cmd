lint tests/cases/check/bad/unknown-form.toml nato-1949
