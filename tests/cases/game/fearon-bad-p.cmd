game fearon --p 1.5 --cost-attacker 0.1 --cost-defender-max 0.3
