history backtest --train 1944-1816 --test 1945-2014
