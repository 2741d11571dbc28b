check nato-1949 us-proposal-2025-08
