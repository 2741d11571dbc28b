adjudicate --as-if-in-force --timeline scenarios/ukraine-2022.toml uk-ukraine-2024 france-ukraine-2024 germany-ukraine-2024 us-ukraine-2024
