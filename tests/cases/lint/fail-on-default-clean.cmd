lint nato-1949
