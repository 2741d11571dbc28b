lnit nato-1949
