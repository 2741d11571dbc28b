adjudicate --timeline tests/cases/adjudicate/law/attacker-a-party.toml nato-1949
