-- What operators asked of each streaming processor, for every node to apply (ProcessorSupervisor).
-- A projection of the processor.* events, written in the transaction that appends them.
CREATE TABLE processor_control (
    processor_name     VARCHAR(255)             NOT NULL PRIMARY KEY,
    paused             BOOLEAN                  NOT NULL,
    -- the last reset asked: its event id, the position it resumes after (NULL: the tail), and
    -- REQUESTED (every node stops), RESETTING (reset_node moves the tokens) or DONE
    reset_id           VARCHAR(36),
    reset_after        BIGINT,
    reset_state        VARCHAR(16),
    reset_node         VARCHAR(255),
    reset_requested_at TIMESTAMP WITH TIME ZONE,
    reset_done_at      TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
