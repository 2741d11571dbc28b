lint --explain agressor-veto
