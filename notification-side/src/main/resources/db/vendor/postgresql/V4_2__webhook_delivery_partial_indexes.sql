-- PostgreSQL only: the claim reads due pending rows in order, and checks each subject for an
-- unfinished earlier delivery; both only ever look at unfinished rows, which these partial indexes
-- hold alone however many delivered rows pile up. (H2 uses the plain indexes of V4_1.)
CREATE INDEX webhook_delivery_pending ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_unfinished ON webhook_delivery (subscription_id, subject, position)
    WHERE status IN ('PENDING', 'SENDING');

-- Every delivery updates its row two or three times: vacuum and analyse this table early.
ALTER TABLE webhook_delivery SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01);
