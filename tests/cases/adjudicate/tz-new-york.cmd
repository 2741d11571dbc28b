adjudicate --timeline scenarios/nato-2001.toml --tz America/New_York nato-1949
