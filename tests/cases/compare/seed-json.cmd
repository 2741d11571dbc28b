compare --json nato-1949 us-proposal-2025-08 us-draft-2025-11 us-ukraine-2024 paris-declaration-2026 budapest-1994 istanbul-2022
