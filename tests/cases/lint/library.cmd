lint --fail-on none library/*.toml
