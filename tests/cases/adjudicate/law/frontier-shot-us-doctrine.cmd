adjudicate --doctrine us --timeline tests/cases/adjudicate/law/frontier-shot.toml nato-1949
