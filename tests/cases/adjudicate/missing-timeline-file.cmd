adjudicate --timeline scenarios/no-such.toml nato-1949
