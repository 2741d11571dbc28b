game radg --p-hard 0.5 --a-sq 0.5 --response force:x:0
