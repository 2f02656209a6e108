/**
 * Who is deciding, for decisions, the sign-off and the Audit log. Office names its user only in
 * Outlook (Office.context.mailbox.userProfile); Excel gives no name, so the user types one once
 * and this pane keeps it on this computer (localStorage), never in the shared workbook, where it
 * would put one person's name on a teammate's decisions.
 */
const STORAGE_KEY = 'recon.userName';

/** localStorage, when the host allows it (some webviews throw on access). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The user's name as the Office host gives it, where it gives one. */
export function officeUserName(): string | null {
  const office = (globalThis as { Office?: { context?: { mailbox?: { userProfile?: { displayName?: unknown } } } } }).Office;
  const name = office?.context?.mailbox?.userProfile?.displayName;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

/** The host's name for the user, else the name typed before on this computer, else ''. */
export function initialUserName(): string {
  const fromOffice = officeUserName();
  if (fromOffice) return fromOffice;
  try {
    return storage()?.getItem(STORAGE_KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

export function rememberUserName(name: string): void {
  try {
    storage()?.setItem(STORAGE_KEY, name.trim());
  } catch {
    // A pane that cannot remember asks again next time.
  }
}
