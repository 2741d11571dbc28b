history reliability --coding xyz
