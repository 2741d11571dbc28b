adjudicate --timeline scenarios/renewed-attack-2027.toml us-draft-2025-11 budapest-1994 --csv -
