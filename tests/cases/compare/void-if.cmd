compare us-draft-2025-11 istanbul-2022 rio-1947
