show nato-1949 budapest-1994
