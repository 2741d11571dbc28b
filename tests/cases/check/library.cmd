check library/*.toml
