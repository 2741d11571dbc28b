game fearon --p 0.5 --cost-attacker 0.1 --cost-defender-max 0.3 --json
