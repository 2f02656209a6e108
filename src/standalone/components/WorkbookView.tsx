/**
 * The open workbook as a spreadsheet: sheet tabs, the selection's address, and the active sheet's
 * grid. Each sheet keeps its own selection (as in Excel), and the host always knows the active
 * sheet's, which is what the pane's "Use current selection" reads.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../i18n/locale';
import { SheetGrid } from '../grid/SheetGrid';
import { SheetTabs } from '../grid/SheetTabs';
import { selectionAddress, selectionRange, selectionRect, type GridSelection } from '../grid/selection';
import type { SheetView } from '../host/sheet-view';
import type { StandaloneWorkbook } from '../host/standalone-workbook';
import { FileProblem } from '../file/file-problem';
import { standaloneText } from '../standalone-text';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', gap: tokens.spacingVerticalXS },
  status: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'baseline', padding: `0 ${tokens.spacingHorizontalS}` },
  hint: { color: tokens.colorNeutralForeground3 },
  grid: { flexGrow: 1, minHeight: '200px', border: `1px solid ${tokens.colorNeutralStroke2}` },
});

interface Props {
  host: StandaloneWorkbook;
  locale: Locale;
  /** Grid viewport size for the first render (tests without layout). */
  initialGridSize?: { width: number; height: number };
}

export function WorkbookView({ host, locale, initialGridSize }: Props) {
  const styles = useStyles();
  const text = (id: Parameters<typeof standaloneText>[0], params?: Record<string, string | number>) => standaloneText(id, locale, params);
  const version = useSyncExternalStore(host.subscribe, host.getVersion);
  const sheet = host.activeSheet;
  const sheets = host.sheets;
  const [view, setView] = useState<SheetView | null>(null);
  const [selections, setSelections] = useState<ReadonlyMap<string, GridSelection>>(new Map());
  const selection = selections.get(sheet) ?? null;

  // A sheet the worker could not set out (or a worker that stopped) is said, never a spinner for ever.
  const [failure, setFailure] = useState<{ sheet: string; detail: string } | null>(null);
  useEffect(() => {
    let current = true;
    setFailure(null);
    host.sheetView(sheet).then(
      (next) => current && setView(next),
      (error: unknown) => current && setFailure({ sheet, detail: error instanceof FileProblem ? error.text(locale) : error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [host, sheet, version, locale]);

  // The host's selection is the active sheet's: switching tabs brings that sheet's back.
  useEffect(() => {
    host.select(selection ? selectionAddress(sheet, selection) : null);
  }, [host, sheet, selection, version]);

  const select = useCallback(
    (next: GridSelection) => setSelections((all) => new Map(all).set(sheet, next)),
    [sheet],
  );

  // Ctrl+PageDown from inside the grid: the next sheet's grid takes the focus, so the keys go on working.
  const keepFocus = useRef(false);
  const activate = (name: string) => void host.activateSheet(name);
  const step = (delta: 1 | -1) => {
    const at = sheets.indexOf(sheet);
    const next = sheets[(at + delta + sheets.length) % sheets.length];
    if (next === undefined || next === sheet) return;
    keepFocus.current = true;
    activate(next);
  };

  // Rows arrive from the workbook worker as the grid scrolls to them: draw again when they do.
  const [, setArrivals] = useState(0);
  useEffect(() => (view as { subscribe?: (listener: () => void) => () => void } | null)?.subscribe?.(() => setArrivals((n) => n + 1)), [view]);

  const rect = selection ? selectionRect(selection) : null;
  const shown = view && view.sheet === sheet ? view : null;

  return (
    <div className={styles.area}>
      <SheetTabs
        sheets={sheets}
        active={sheet}
        label={text('grid.tabs')}
        onSelect={(name) => {
          keepFocus.current = false;
          activate(name);
        }}
      />
      <div className={styles.status}>
        <Text size={200} role="status" weight={rect ? 'semibold' : undefined}>
          {selection && rect
            ? text('grid.selection', { address: selectionRange(selection), rows: rect.bottom - rect.top + 1, columns: rect.right - rect.left + 1 })
            : ''}
        </Text>
        <Text size={200} className={styles.hint}>
          {shown && shown.rows === 0 ? text('grid.empty') : text('grid.help')}
        </Text>
      </div>
      <div className={styles.grid}>
        {shown ? (
          <SheetGrid
            key={sheet}
            view={shown}
            selection={selection}
            onSelectionChange={select}
            onSheetStep={step}
            label={text('grid.label', { sheet })}
            cornerLabel={text('grid.corner')}
            initialSize={initialGridSize}
            autoFocus={keepFocus.current}
          />
        ) : failure && failure.sheet === sheet ? (
          <Text role="alert">{text('grid.failed', { sheet, detail: failure.detail })}</Text>
        ) : (
          <Spinner size="small" />
        )}
      </div>
    </div>
  );
}
