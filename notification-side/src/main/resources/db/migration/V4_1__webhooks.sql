-- Webhook subscriptions (read model of the event-sourced aggregate, written in the command's
-- transaction), their signing secrets (never in an event), deliveries and delivery attempts.
CREATE TABLE webhook_subscription (
    subscription_id      VARCHAR(36)   PRIMARY KEY,
    owner                VARCHAR(100)  NOT NULL,
    url                  VARCHAR(2048) NOT NULL,
    -- the filters as given (wildcards kept), one per line
    event_types          VARCHAR(4000) NOT NULL,
    version              INTEGER       NOT NULL,
    format               VARCHAR(16)   NOT NULL,
    description          VARCHAR(500),
    enabled              BOOLEAN       NOT NULL,
    disabled_reason      VARCHAR(16),
    disabled_at          TIMESTAMP WITH TIME ZONE,
    -- dead-lettered deliveries since the last success; the disable rule counts these
    consecutive_failures INTEGER       NOT NULL DEFAULT 0,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner, created_at);

CREATE TABLE webhook_secret (
    subscription_id VARCHAR(36)  NOT NULL REFERENCES webhook_subscription (subscription_id) ON DELETE CASCADE,
    secret          VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- null while it is the current secret; a rotation sets the end of the overlap
    expires_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (subscription_id, secret)
);

-- One row per event and subscription; its id is the webhook-id, derived from both, so a
-- redelivered fan-out batch inserts nothing twice.
CREATE TABLE webhook_delivery (
    delivery_id      VARCHAR(40)   PRIMARY KEY,
    subscription_id  VARCHAR(36)   NOT NULL REFERENCES webhook_subscription (subscription_id) ON DELETE CASCADE,
    event_id         VARCHAR(36)   NOT NULL,
    event_type       VARCHAR(100)  NOT NULL,
    subject          VARCHAR(255)  NOT NULL,
    position         BIGINT        NOT NULL,
    event_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    body             TEXT          NOT NULL,
    content_type     VARCHAR(64)   NOT NULL,
    -- PENDING (due at next_attempt_at), SENDING (leased until lease_until), DELIVERED, DEAD
    status           VARCHAR(16)   NOT NULL,
    -- rounds of the persisted retry schedule used so far
    rounds           INTEGER       NOT NULL DEFAULT 0,
    -- HTTP attempts so far, over every round
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_error       VARCHAR(1000)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_sequence ON webhook_delivery (subscription_id, subject, position);
CREATE INDEX webhook_delivery_listing ON webhook_delivery (subscription_id, created_at);

CREATE TABLE webhook_attempt (
    delivery_id      VARCHAR(40)   NOT NULL REFERENCES webhook_delivery (delivery_id) ON DELETE CASCADE,
    attempt          INTEGER       NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms      BIGINT        NOT NULL,
    status_code      INTEGER,
    error            VARCHAR(1000),
    response_excerpt VARCHAR(1000),
    PRIMARY KEY (delivery_id, attempt)
);
