history loopholes
