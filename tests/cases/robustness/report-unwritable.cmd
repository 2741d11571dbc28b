robustness scenarios/ukraine-guarantees.toml --samples 8 --draws 20 --resamples 20 --threads 1 --report /nonexistent-dir/r.html
