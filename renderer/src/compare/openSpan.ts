/// How Compare opens a row: its document in a pane, the annotation selected.
import type { SpanAt } from '../../../preload/api';

/// Opens `at.documentId` at `at` (UTF-16 offsets) with annotation `annotationId` selected.
export type OpenSpan = (at: SpanAt, annotationId: string) => void;
