list --protects UKRR
