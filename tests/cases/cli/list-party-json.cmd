list --party USA --json
