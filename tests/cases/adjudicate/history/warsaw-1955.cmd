adjudicate --timeline tests/cases/adjudicate/history/warsaw-1955.toml warsaw-1955
