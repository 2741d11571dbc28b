history backtest --train 1800-1900 --test 1901-1944
