adjudicate --record --timeline scenarios/nato-2001.toml nato-1949
