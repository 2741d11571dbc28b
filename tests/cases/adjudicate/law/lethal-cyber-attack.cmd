adjudicate --timeline tests/cases/adjudicate/law/lethal-cyber-attack.toml nato-1949 teu-42-7
