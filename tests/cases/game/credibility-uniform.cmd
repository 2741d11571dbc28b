game credibility --distribution uniform --value-lower 0 --value-upper 2 --war-cost 1.5 --reneging-cost 0.5
