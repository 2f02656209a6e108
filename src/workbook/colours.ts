/**
 * Fill colours by meaning, shared by every host so a workbook written by the add-in, the command
 * line or the standalone page looks the same. Chosen to stay readable with black text and to be
 * told apart by colour-blind users (green/amber/red differ in lightness too).
 */
import type { Highlight } from './workbook';

export const HIGHLIGHT_COLOURS: Record<Highlight, string> = {
  auto: '#C6EFCE', // Excel's own "Good" green
  suggested: '#FFEB9C', // Excel's "Neutral" amber
  unmatched: '#FFC7CE', // Excel's "Bad" red
  skipped: '#E7E6E6', // grey: title/total lines set aside
  header: '#D9E1F2',
  total: '#F2F2F2',
  note: '#FFF2CC',
};

/** Text colour of a figure that must catch the eye (an unexplained difference): Excel's "Bad" dark red. */
export const ALERT_COLOUR = '#C00000';

/** A colour as an .xlsx file writes it: '#C6EFCE' → 'FFC6EFCE' (opaque ARGB). */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}
