/// Dismissable message cards in the top-right corner: import reports (articles and exchange
/// files), workspace notices (shown once, when the workspace opens), notes (a repaired document,
/// a restored backup) and failures. A message that only says all went well goes by itself after
/// a few seconds (it would otherwise sit over the first pane's header); warnings and failures stay.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MessageSection } from './MessageSection';
import type { ExchangeImportReport, ImportReport } from '../../preload/api';
import { exchangeSummary } from './ExchangeSummary';

/// One message on screen.
export type Message =
  | { id: number; kind: 'import'; report: ImportReport }
  | { id: number; kind: 'notices'; notices: string[] }
  | { id: number; kind: 'exchange'; report: ExchangeImportReport }
  | { id: number; kind: 'note'; tone: 'ok' | 'warn'; testId: string; title: string; text: string; action?: MessageAction }
  | { id: number; kind: 'error'; title: string; text: string };

/// A button on a note (Undo after a delete); a note with one stays until dismissed.
export interface MessageAction {
  label: string;
  testId: string;
  run(): void;
}

/// A message before it gets its id.
export type NewMessage = Message extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

/// Props of {@link Messages}.
export interface MessagesProps {
  messages: Message[];
  onDismiss(id: number): void;
}

/// The stack of message cards, newest on top.
export function Messages({ messages, onDismiss }: MessagesProps) {
  return (
    <div className="messages" role="status" aria-live="polite">
      {[...messages].reverse().map((m) => (
        <MessageCard key={m.id} message={m} onDismiss={() => onDismiss(m.id)} />
      ))}
    </div>
  );
}

/// How long a message that only says all went well stays, unless the pointer or focus is on it.
const OK_MESSAGE_MS = 8_000;

function MessageCard({ message, onDismiss }: { message: Message; onDismiss(): void }) {
  const { testId, tone, title, body } = describe(message);
  const action = message.kind === 'note' ? message.action : undefined;
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  // The latest callback, without restarting the timer at every render of the app.
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    if (tone !== 'ok' || held || action) return;
    const timer = setTimeout(() => dismiss.current(), OK_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [tone, held, action]);
  return (
    <div
      className={`message is-${tone}`}
      data-testid={testId}
      onKeyDown={(e) => e.key === 'Escape' && onDismiss()}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => setFocused(e.currentTarget.contains(e.relatedTarget))}
    >
      <div className="message-head">
        <strong className="message-title">{title}</strong>
        <button
          type="button"
          className="icon-button"
          data-testid="message-dismiss"
          aria-label="Dismiss"
          title="Dismiss"
          onClick={onDismiss}
        >
          ×
        </button>
      </div>
      <div className="message-body">{body}</div>
      {action && (
        <div className="message-actions">
          <button
            type="button"
            className="button button-small"
            data-testid={action.testId}
            onClick={() => {
              action.run();
              onDismiss();
            }}
          >
            {action.label}
          </button>
        </div>
      )}
    </div>
  );
}

type Tone = 'ok' | 'warn' | 'error';

function describe(message: Message): { testId: string; tone: Tone; title: string; body: ReactNode } {
  switch (message.kind) {
    case 'import':
      return importSummary(message.report);
    case 'notices':
      return {
        testId: 'workspace-notices',
        tone: 'warn',
        title: 'When opening the workspace',
        body: (
          <ul className="message-list">
            {message.notices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        ),
      };
    case 'error':
      return { testId: 'error-message', tone: 'error', title: message.title, body: <p>{message.text}</p> };
    case 'exchange':
      return exchangeSummary(message.report);
    case 'note':
      return { testId: message.testId, tone: message.tone, title: message.title, body: <p>{message.text}</p> };
  }
}

function importSummary(report: ImportReport) {
  const { imported, duplicates, rejected } = report;
  const warned = imported.some((i) => i.warnings.length > 0);
  const tone: Tone = rejected.length > 0 || warned ? 'warn' : 'ok';
  const parts = [
    `${imported.length} added`,
    duplicates.length > 0 && `${duplicates.length} already there`,
    rejected.length > 0 && `${rejected.length} rejected`,
  ].filter(Boolean);
  const body = (
    <>
      {imported.length > 0 && (
        <MessageSection title={`Added (${imported.length})`} testId="import-added">
          {imported.map((i, n) => (
            <li key={n}>
              <span className="message-name">{i.name}</span>
              <span className="message-detail">{i.document.title}</span>
              {i.warnings.map((w, k) => (
                <span key={k} className="message-warning">
                  {w}
                </span>
              ))}
            </li>
          ))}
        </MessageSection>
      )}
      {duplicates.length > 0 && (
        <MessageSection title={`Already in the library (${duplicates.length})`} testId="import-duplicates">
          {duplicates.map((d, n) => (
            <li key={n}>
              <span className="message-name">{d.name}</span>
              <span className="message-detail">same text as “{d.document.title}”</span>
            </li>
          ))}
        </MessageSection>
      )}
      {rejected.length > 0 && (
        <MessageSection title={`Rejected (${rejected.length})`} testId="import-rejected">
          {rejected.map((r, n) => (
            <li key={n}>
              <span className="message-name">{r.name}</span>
              <span className="message-detail">{r.reason}</span>
            </li>
          ))}
        </MessageSection>
      )}
      {imported.length + duplicates.length + rejected.length === 0 && <p>No files were imported.</p>}
    </>
  );
  return { testId: 'import-report', tone, title: `Import: ${parts.join(' · ')}`, body };
}
