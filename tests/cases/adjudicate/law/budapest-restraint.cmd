adjudicate --timeline tests/cases/adjudicate/law/budapest-restraint.toml budapest-1994
