adjudicate --timeline tests/cases/adjudicate/law/accumulation.toml nato-1949
