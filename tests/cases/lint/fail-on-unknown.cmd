lint --fail-on fatal nato-1949
