check nato-1950
