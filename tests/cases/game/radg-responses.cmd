game radg --p-hard 0.5 --a-sq 0.6 --response force:0.3:0 --response sanctions:0.5:0.6 --response none:0.2:1
