compare nato-1949 --csv /nonexistent-folder/out.csv
