/// An error the user caused or can act on, with a stable code for the transports. Anything else
/// reaching a transport is a defect and is logged as one.
export class WorkbenchError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbenchError';
  }
}

/// A change that does not fit the document (bad range, unknown label or annotation…).
export class InvalidChangeError extends WorkbenchError {
  constructor(message: string) {
    super('invalid-change', message);
    this.name = 'InvalidChangeError';
  }
}
