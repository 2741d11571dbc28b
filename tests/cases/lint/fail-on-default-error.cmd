lint budapest-1994
