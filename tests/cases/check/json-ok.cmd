check --json budapest-1994
