history backtest --train 1816-1944 --test 1945-2014 --write-params params.toml
