check library/warsaw-1955.toml
