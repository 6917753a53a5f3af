-- PostgreSQL only: the claim walks each subscription's due pending rows in order, from this index,
-- instead of every due row from webhook_delivery_pending (see DeliveryStore.CLAIM_POSTGRESQL).
CREATE INDEX webhook_delivery_pending_by_subscription ON webhook_delivery (subscription_id, next_attempt_at)
    WHERE status = 'PENDING';
DROP INDEX webhook_delivery_pending;
