check <(cat library/nato-1949.toml)
