compare china-dprk-1961 sino-soviet-1950
