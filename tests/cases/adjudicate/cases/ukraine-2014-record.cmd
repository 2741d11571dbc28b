adjudicate --record --timeline scenarios/ukraine-2014.toml budapest-1994
