list --protects UKR
