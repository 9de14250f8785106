-- The W3C trace context (traceparent, tracestate) of the request or consumer that wrote an outbox row, null when
-- tracing is off: the relay sends it as the Kafka record's headers (the payload carries it too, as the CloudEvents
-- Distributed Tracing extension). The outbox table is platform-commons' (db/platform); each service adds these.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
