simulate scenarios/ukraine-guarantees.toml --draws 200 --threads 1 --report /nonexistent-folder/report.html
