adjudicate --timeline tests/cases/adjudicate/law/us-draft-void.toml us-draft-2025-11
