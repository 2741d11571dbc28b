compare nato-1949 budapest-1994 --csv -
