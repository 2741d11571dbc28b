adjudicate --timeline tests/cases/adjudicate/law/nato-troops-point8.toml us-draft-2025-11
