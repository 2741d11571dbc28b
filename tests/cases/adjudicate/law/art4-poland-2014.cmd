adjudicate --timeline tests/cases/adjudicate/law/art4-poland-2014.toml nato-1949
