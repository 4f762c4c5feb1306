/** Base of every error Session Warden throws on purpose; `code` is stable, the message says what to change. */
export class WardenError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A configuration or plugin problem found at start-up. */
export class WardenConfigError extends WardenError {
  constructor(message: string, code = 'WARDEN_CONFIG') {
    super(code, message);
  }
}

/** Bad input from a caller (API body, CLI argument, imported record). */
export class ValidationError extends WardenError {
  constructor(message: string, code = 'WARDEN_VALIDATION') {
    super(code, message);
  }
}

/** The database could not be reached or refused an operation. */
export class StorageUnavailableError extends WardenError {
  constructor(message: string, override readonly cause?: unknown) {
    super('WARDEN_STORAGE_UNAVAILABLE', message);
  }
}
