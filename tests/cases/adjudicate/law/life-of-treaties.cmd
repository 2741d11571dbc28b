adjudicate --timeline tests/cases/adjudicate/law/life-of-treaties.toml anzus-1951 teu-42-7 budapest-1994
