show sino-soviet-1950
