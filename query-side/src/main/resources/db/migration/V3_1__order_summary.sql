-- Orders read model (Spring Data JDBC, derived names). Rebuilt from the event store on a reset.
CREATE TABLE order_summary (
    order_id            VARCHAR(64)    PRIMARY KEY,
    customer_id         VARCHAR(100)   NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    total               NUMERIC(16, 2) NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    version             BIGINT         NOT NULL,
    carrier             VARCHAR(64),
    tracking_number     VARCHAR(64),
    cancellation_reason VARCHAR(500),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX order_summary_customer ON order_summary (customer_id, created_at);
CREATE INDEX order_summary_status ON order_summary (status, created_at);

CREATE TABLE order_summary_line (
    order_summary     VARCHAR(64)    NOT NULL REFERENCES order_summary (order_id) ON DELETE CASCADE,
    order_summary_key INTEGER        NOT NULL,
    sku               VARCHAR(64)    NOT NULL,
    quantity          INTEGER        NOT NULL,
    unit_price        NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (order_summary, order_summary_key)
);
