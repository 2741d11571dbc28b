lint --fail-on warning nato-1949
