list --party XYZ
