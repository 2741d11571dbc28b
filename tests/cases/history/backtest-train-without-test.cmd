history backtest --train 1816-1944
