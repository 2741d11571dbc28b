lint --explain aggressor-veto
