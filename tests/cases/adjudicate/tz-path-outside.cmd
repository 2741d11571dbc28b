adjudicate --timeline scenarios/nato-2001.toml --tz ../../../etc/passwd nato-1949
