show warsaw-1955
