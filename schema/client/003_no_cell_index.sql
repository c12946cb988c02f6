-- Appends are the hot path (imports, field records); finding every op of one cell is rare
-- (recomputing a cell after the hub rejects an op, listing conflicts) and is done in one
-- pass over the log. So the log keeps no (type, key) index: each append writes one less.
DROP INDEX IF EXISTS ops_cell;
