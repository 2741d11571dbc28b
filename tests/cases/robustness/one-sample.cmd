robustness scenarios/ukraine-guarantees.toml --samples 1
