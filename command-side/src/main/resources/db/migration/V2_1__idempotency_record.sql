-- Outcomes of commands sent with an Idempotency-Key, written in the same transaction as the
-- command's events so that a retry can never append twice.
CREATE TABLE idempotency_record (
    principal        VARCHAR(255) NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    request_hash     VARCHAR(64)  NOT NULL,
    response_status  INTEGER      NOT NULL,
    resource_id      VARCHAR(255) NOT NULL,
    resource_version BIGINT       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);

CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
