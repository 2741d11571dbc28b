history reliability --coding sabrosky
