game radg --p-hard 0.6 --a-sq 0.5
