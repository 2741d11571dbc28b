adjudicate --timeline tests/cases/adjudicate/law/overseas.toml nato-1949
