game credibility --value-mean 0 --value-sd 1 --war-cost 0.5 --reneging-cost 0.2 --forces-bonus 0.1 --json
