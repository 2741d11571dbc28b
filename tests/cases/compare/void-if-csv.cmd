compare us-draft-2025-11 us-ukraine-2024 --csv -
