/**
 * The standalone page: a file bar (open, demo, download), the workbook as a grid, and the task
 * pane beside it, the same ReconPane Excel shows, talking to the file workbook through the same
 * Workbook interface and to the engine through the same Web Worker client. A file can also be
 * dropped anywhere on the page.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Locale } from '../../i18n/locale';
import { ErrorBoundary } from '../../taskpane/components/ErrorBoundary';
import { LanguagePicker } from '../../taskpane/components/LanguagePicker';
import { PaneCrashNotice } from '../../taskpane/components/PaneCrashNotice';
import { ReconPane } from '../../taskpane/components/ReconPane';
import type { EngineClient } from '../../taskpane/engine/engine-client';
import { downloadBytes } from '../file/download';
import { FileProblem } from '../file/file-problem';
import { formatFileSize, standaloneText, type StandaloneMessageId } from '../standalone-text';
import { useWorkbookFile, type ConnectWorkbook, type Opening } from '../state/use-workbook-file';
import { WorkbookView } from './WorkbookView';

/** What the file picker offers (others are refused with a message if dropped). */
const ACCEPT = '.xlsx,.xlsm,.xls,.csv,.tsv,.txt,.ofx,.qfx,.qbo';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, backgroundColor: tokens.colorNeutralBackground2 },
  // A file dragged over an open workbook: the whole page is the drop target.
  pageDragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-3px' },
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  barRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grow: { flexGrow: 1 },
  hint: { color: tokens.colorNeutralForeground3 },
  content: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    '@media (max-width: 900px)': { flexDirection: 'column', overflowY: 'auto' },
  },
  workbook: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (max-width: 900px)': { height: '70vh', flexShrink: 0 },
  },
  pane: {
    width: '420px',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 900px)': { width: 'auto', borderLeft: 'none', overflowY: 'visible' },
  },
  drop: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalM,
    margin: tokens.spacingHorizontalXXL,
    padding: tokens.spacingHorizontalXXL,
    textAlign: 'center',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  dropBody: { maxWidth: '560px' },
});

export interface StandalonePageProps {
  engine: EngineClient;
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
  /** Open the demo workbook at once (the address `npm start` prints: ?demo=1). */
  startWithDemo?: boolean;
  /** A new workbook worker for each file opened (tests hand in the service on their own thread). */
  connect: ConnectWorkbook;
  /** Hands the reconciled workbook to the user (a browser download). */
  download?: (bytes: Uint8Array, fileName: string) => void;
  /** Grid viewport size for the first render (tests without layout). */
  initialGridSize?: { width: number; height: number };
}

function problemText(problem: unknown, locale: Locale): string {
  if (problem instanceof FileProblem) return problem.text(locale);
  return problem instanceof Error ? problem.message : String(problem);
}

/** "Reading bank.csv: 12.0 MB of 48.0 MB, 61,204 rows", or the sheets being set out after it. */
function openingText(opening: Opening, locale: Locale): string {
  const { name, progress } = opening;
  if (!progress) return standaloneText('file.loading', locale, { name });
  const rows = progress.rows.toLocaleString(locale);
  if (progress.phase === 'parsing') return standaloneText('file.preparing', locale, { name, rows });
  return standaloneText('file.opening', locale, { name, read: formatFileSize(progress.bytes), total: formatFileSize(progress.totalBytes), rows });
}

export function StandalonePage({ engine, locale, onLocaleChange, startWithDemo = false, connect, download = downloadBytes, initialGridSize }: StandalonePageProps) {
  const styles = useStyles();
  const text = (id: StandaloneMessageId, params?: Record<string, string | number>) => standaloneText(id, locale, params);
  const files = useWorkbookFile(connect);
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [saving, setSaving] = useState(false);
  const { workbook } = files;

  // Once, at start: the demo when the address asks for it.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !startWithDemo) return;
    started.current = true;
    void files.openDemo(locale);
  }, [files, locale, startWithDemo]);

  const save = async () => {
    if (!workbook) return;
    setSaving(true);
    try {
      // The .xlsx is made in the workbook worker; the page only hands its bytes to the browser.
      download(await workbook.toBytes(), workbook.downloadName);
    } catch (error) {
      files.report(new FileProblem('problem.downloadFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    // Leaving a child for another child is no leaving the page.
    if (event.relatedTarget === null || !event.currentTarget.contains(event.relatedTarget as Node)) setDragging(false);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = Array.from(event.dataTransfer?.files ?? []);
    if (dropped.length > 0) void files.openFiles(dropped);
  };

  return (
    <div className={mergeClasses(styles.page, dragging && workbook !== null && styles.pageDragging)} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <header className={styles.bar}>
        <div className={styles.barRow}>
          <Text weight="semibold" size={400}>
            {text('page.title')}
          </Text>
          {/* Before a workbook is open, the drop zone below offers these two. */}
          {workbook && (
            <Button onClick={() => picker.current?.click()} disabled={files.opening !== null}>
              {text('file.open')}
            </Button>
          )}
          <input
            ref={picker}
            type="file"
            accept={ACCEPT}
            multiple
            hidden
            onChange={(event) => {
              const chosen = Array.from(event.currentTarget.files ?? []);
              // Cleared, so choosing the same file again (after fixing it) opens it again.
              event.currentTarget.value = '';
              if (chosen.length > 0) void files.openFiles(chosen);
            }}
          />
          {workbook && (
            <Button onClick={() => void files.openDemo(locale)} disabled={files.opening !== null}>
              {text('file.demo')}
            </Button>
          )}
          <Button appearance="primary" disabled={!workbook || saving} onClick={() => void save()}>
            {text('file.download')}
          </Button>
          {workbook && <Text size={200}>{text('file.current', { name: workbook.fileName })}</Text>}
          {files.opening !== null && (
            <>
              <Spinner size="extra-tiny" />
              <Text size={200} role="status">
                {openingText(files.opening, locale)}
              </Text>
              <Button size="small" onClick={files.cancelOpening}>
                {text('file.cancel')}
              </Button>
            </>
          )}
          {files.opening === null && files.cancelled !== null && (
            <Text size={200} role="status">
              {text('file.cancelled', { name: files.cancelled })}
            </Text>
          )}
          {saving && <Spinner size="extra-tiny" label={text('file.saving')} />}
          <span className={styles.grow} />
          {/* Before a workbook is open the pane (and its language picker) is not on screen. */}
          {!workbook && <LanguagePicker onChange={onLocaleChange} />}
        </div>
        {files.opening?.progress && files.opening.progress.phase === 'reading' && (
          <ProgressBar
            value={files.opening.progress.totalBytes > 0 ? files.opening.progress.bytes / files.opening.progress.totalBytes : 0}
            aria-label={openingText(files.opening, locale)}
          />
        )}
        <Text size={200} className={styles.hint}>
          {text('page.privacy')}
        </Text>
        {files.problem !== null && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{text('problem.title')}</MessageBarTitle>
              {problemText(files.problem, locale)}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={files.dismissProblem}>{text('problem.dismiss')}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </header>

      {workbook ? (
        <div className={styles.content}>
          <section className={styles.workbook} aria-label={text('page.workbook')}>
            <WorkbookView host={workbook} locale={locale} initialGridSize={initialGridSize} />
          </section>
          <div className={styles.pane}>
            <ErrorBoundary key={files.generation} renderFallback={(error, reset) => <PaneCrashNotice error={error} onRetry={reset} />}>
              <ReconPane workbook={workbook} engine={engine} onLocaleChange={onLocaleChange} />
            </ErrorBoundary>
          </div>
        </div>
      ) : (
        <main className={mergeClasses(styles.drop, dragging && styles.dragging)}>
          <Text as="h1" size={600} weight="semibold">
            {text(dragging ? 'drop.release' : 'drop.title')}
          </Text>
          <Text className={styles.dropBody}>{text('drop.body')}</Text>
          <div className={styles.barRow}>
            <Button size="large" onClick={() => picker.current?.click()}>
              {text('file.open')}
            </Button>
            <Button size="large" appearance="primary" onClick={() => void files.openDemo(locale)} disabled={files.opening !== null}>
              {text('file.demo')}
            </Button>
          </div>
        </main>
      )}
    </div>
  );
}
