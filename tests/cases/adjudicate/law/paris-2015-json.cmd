adjudicate --json --timeline tests/cases/adjudicate/law/paris-2015.toml nato-1949 teu-42-7
