adjudicate --timeline tests/cases/adjudicate/law/salisbury-2018.toml nato-1949
