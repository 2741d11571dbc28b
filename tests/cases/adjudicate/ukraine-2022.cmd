adjudicate --timeline scenarios/ukraine-2022.toml budapest-1994 uk-ukraine-2024 france-ukraine-2024 germany-ukraine-2024 us-ukraine-2024
