adjudicate --timeline scenarios/nato-2001.toml --tz Europe/Kiyv nato-1949
