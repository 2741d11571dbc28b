adjudicate --timeline tests/cases/adjudicate/history/sino-soviet-1950.toml sino-soviet-1950
