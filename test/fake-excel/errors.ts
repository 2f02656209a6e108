/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error", a `code`, a
 * `message`, `debugInfo`). Messages are Excel's own English strings (office_strings.js).
 */
export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RangeExceedsLimit'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidObjectPath'
  | 'ApiNotFound'
  | 'GeneralException'
  | 'AccessDenied'
  | 'InvalidOperationInCellEditMode'
  | 'ConnectionFailure';

const LIMITS_PAGE =
  'https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins';

export const MESSAGES: Record<FakeErrorCode, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. Please refer to the documentation: "${LIMITS_PAGE}".`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. Please refer to the documentation: "${LIMITS_PAGE}".`,
  RangeExceedsLimit: `The cell count in the range has exceeded the maximum supported number. Please refer to the documentation: "${LIMITS_PAGE}".`,
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation is invalid for the object in its current state.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do. The object is no longer valid: its Excel.run has ended.",
  ApiNotFound: 'The method or property {0} is part of the {1} requirement set, which is not available in your version of Excel.',
  GeneralException: 'There was an internal error while processing the request.',
  AccessDenied: 'You cannot perform the requested operation.',
  InvalidOperationInCellEditMode: 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  ConnectionFailure: 'The network connection to Excel was lost (injected failure).',
};

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message?: string, errorLocation?: string) {
    const text = message ?? MESSAGES[code];
    super(text);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message: text, errorLocation };
  }
}

export function propertyNotLoaded(property: string, entity: string): FakeOfficeError {
  return new FakeOfficeError('PropertyNotLoaded', MESSAGES.PropertyNotLoaded.replace('{0}', property), `${entity}.${property}`);
}

export function apiNotFound(member: string, set: string): FakeOfficeError {
  return new FakeOfficeError('ApiNotFound', MESSAGES.ApiNotFound.replace('{0}', member).replace('{1}', set), member);
}
