history calibrate
