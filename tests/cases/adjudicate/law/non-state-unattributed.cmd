adjudicate --timeline tests/cases/adjudicate/law/non-state-unattributed.toml rio-1947
