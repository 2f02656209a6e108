/**
 * Cancel support shared by every host and the pane. `AbortSignal.throwIfAborted` is not in every
 * webview Office uses (nor in older jsdom), so the check is written out once here.
 */
export function abortError(): Error {
  const error = new Error('The run was cancelled; the workbook was left as it was.');
  error.name = 'AbortError';
  return error;
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError();
}
