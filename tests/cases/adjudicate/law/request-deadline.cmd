adjudicate --timeline tests/cases/adjudicate/law/request-deadline.toml uk-ukraine-2024 us-ukraine-2024
