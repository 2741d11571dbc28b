adjudicate --timeline tests/cases/adjudicate/law/ceasefire-collapse.toml paris-declaration-2026
