show --json budapest-1994
