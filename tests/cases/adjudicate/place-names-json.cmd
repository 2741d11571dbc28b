adjudicate --json --timeline scenarios/cases/place-names.toml us-ukraine-2024
