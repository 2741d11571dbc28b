adjudicate nato-1949
