game radg --p-hard 0.3 --a-sq 0.2 --json
