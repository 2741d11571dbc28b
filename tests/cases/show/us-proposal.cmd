show us-proposal-2025-08
