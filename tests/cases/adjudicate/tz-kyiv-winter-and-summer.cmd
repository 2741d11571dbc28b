adjudicate --timeline scenarios/renewed-attack-2027.toml --tz Europe/Kyiv us-ukraine-2024
