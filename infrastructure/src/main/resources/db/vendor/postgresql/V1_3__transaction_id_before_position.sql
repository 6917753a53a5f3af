-- PostgreSQL only (db/vendor/postgresql): makes the committed horizon exact (SnapshotHorizon).
-- An event's global_index comes from a sequence when the row is inserted, not when it commits. Taking
-- the transaction id first means every transaction that holds a position had its id assigned before
-- it took that position, so once the transactions running at that moment have finished, every
-- position up to the sequence's value then is committed or will never exist.
CREATE FUNCTION domain_event_entry_next_global_index() RETURNS BIGINT
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_current_xact_id();
    RETURN nextval('domain_event_entry_global_index_seq');
END
$$;

ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT domain_event_entry_next_global_index();
