robustness scenarios/ukraine-guarantees.toml --resume
