lint library/sino-soviet-1950.toml
