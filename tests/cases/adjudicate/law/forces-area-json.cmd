adjudicate --json --timeline tests/cases/adjudicate/law/forces-area.toml paris-declaration-2026 us-draft-2025-11
