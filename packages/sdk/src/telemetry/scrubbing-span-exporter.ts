import type { Attributes, AttributeValue, Link } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace';
import { scrubText } from '../redaction/secret-patterns.ts';
import { isSensitiveKey, REDACTED } from '../redaction/sensitive-keys.ts';

/**
 * Removes secrets from spans on their way out, with the logger's key list and shapes: the value
 * of an attribute named like a secret (`password`, `http.request.header.authorization`) and
 * every credential-shaped string in attributes, event attributes (exception messages and stack
 * traces), link attributes, the status message and the span name.
 *
 * Why the exporter and not the instrumentations or a span processor: attributes arrive from many
 * places (each instrumentation at start and end, `recordException` on error), so only a finished
 * span shows them all; the http instrumentation's own `redactedQueryParams` covers a fixed list
 * of query names in two attributes and nothing else; a processor's `onEnd` receives a read-only
 * span, and `onEnding` is experimental and cannot reach events. Here every span is seen once,
 * complete, in the batch export off the request path, through the stable exporter interface.
 */
export class ScrubbingSpanExporter implements SpanExporter {
  readonly #inner: SpanExporter;
  readonly #extraKeys: readonly string[];

  constructor(inner: SpanExporter, extraKeys: readonly string[] = []) {
    this.#inner = inner;
    this.#extraKeys = extraKeys;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.#inner.export(
      spans.map((span) => scrubSpan(span, this.#extraKeys)),
      resultCallback,
    );
  }

  shutdown(): Promise<void> {
    return this.#inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush?.() ?? Promise.resolve();
  }
}

/** `span` with secrets removed; the span itself when it holds none. */
export function scrubSpan(span: ReadableSpan, extraKeys: readonly string[] = []): ReadableSpan {
  const name = scrubText(span.name, { extraKeys });
  const attributes = scrubAttributes(span.attributes, extraKeys);
  const events = scrubList(span.events, extraKeys);
  const links = scrubList(span.links, extraKeys);
  const message = span.status.message && scrubText(span.status.message, { extraKeys });
  const unchanged =
    name === span.name &&
    attributes === span.attributes &&
    events === span.events &&
    links === span.links &&
    message === span.status.message;
  if (unchanged) return span;

  return {
    name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: { ...span.status, message },
    attributes,
    links,
    events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** Events and links carry attributes of their own; each is copied only when one changed. */
function scrubList<T extends TimedEvent | Link>(items: T[], extraKeys: readonly string[]): T[] {
  let copy: T[] | undefined;
  items.forEach((item, i) => {
    const attributes = item.attributes && scrubAttributes(item.attributes, extraKeys);
    if (attributes === item.attributes) return;
    copy ??= items.slice();
    copy[i] = { ...item, attributes };
  });
  return copy ?? items;
}

/** The attributes without secrets; the same object when there were none. */
export function scrubAttributes(attributes: Attributes, extraKeys: readonly string[]): Attributes {
  let copy: Attributes | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    const scrubbed = sensitiveName(key, extraKeys) ? REDACTED : scrubValue(value, extraKeys);
    if (scrubbed === value) continue;
    copy ??= { ...attributes };
    copy[key] = scrubbed;
  }
  return copy ?? attributes;
}

/**
 * A secret's name, alone or as the last segment of a namespaced attribute, the way captured
 * headers are named (`http.request.header.x-api-key`) and the sidecar matches them.
 */
function sensitiveName(key: string, extraKeys: readonly string[]): boolean {
  return (
    isSensitiveKey(key, extraKeys) || isSensitiveKey(key.slice(key.lastIndexOf('.') + 1), extraKeys)
  );
}

function scrubValue(
  value: AttributeValue | undefined,
  extraKeys: readonly string[],
): AttributeValue | undefined {
  if (typeof value === 'string') return scrubText(value, { extraKeys });
  if (!Array.isArray(value) || !value.some((item) => typeof item === 'string')) return value;
  const items = value.map((item) =>
    typeof item === 'string' ? scrubText(item, { extraKeys }) : item,
  );
  return items.every((item, i) => item === value[i]) ? value : (items as AttributeValue);
}
