history reliability --coding bf --json
