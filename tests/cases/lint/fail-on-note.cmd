lint --fail-on note teu-42-7
