adjudicate --timeline tests/cases/adjudicate/law/belgorod-self-defence.toml istanbul-2022 csto-1992 budapest-1994
