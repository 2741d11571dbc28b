lint --json --fail-on none library/*.toml
