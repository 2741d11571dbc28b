compare nato-1949 brussels-1954 warsaw-1955
