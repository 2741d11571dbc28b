robustness scenarios/ukraine-guarantees.toml --method sobel
