/**
 * The pane: choose the two ranges, check what was detected, set the options, run, read the result,
 * clear it. It only knows the Workbook and EngineClient interfaces, so the same component runs in
 * Excel (OfficeWorkbook + worker) and on a standalone page (a file workbook).
 */
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetEdit } from '../../engine/decisions/decision';
import type { SignOff, WorkbookSettings } from '../../workbook/layout/recon-state';
import type { SignOffStatus } from '../../workbook/layout/sign-off';
import { correctionsOf, draftFromSettings, settingsOf, statementTextsOf } from '../state/pane-settings';
import type { RunPlan } from '../state/run-reconciliation';
import { initialUserName, rememberUserName } from '../user-name';
import type { PaneMessageId } from '../../i18n/pane';
import type { ReadingSummary } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import type { RunRecord, Workbook } from '../../workbook/workbook';
import type { EngineClient, MatchSettings } from '../engine/engine-client';
import { usePaneText } from '../pane-text';
import { draftOf, validateOptions, type OptionsDraft } from '../state/options-draft';
import { statementsDraftOf, validateStatements, type StatementsDraft } from '../state/statements-draft';
import { useRun } from '../state/use-run';
import { useSideSetup, type SideSetup as SideSetupControl } from '../state/use-side-setup';
import { ErrorNotice } from './ErrorNotice';
import { LanguagePicker } from './LanguagePicker';
import { PaneSection } from './PaneSection';
import { RangePicker } from './RangePicker';
import { RunProgress } from './RunProgress';

// Heavier parts that the first screen does not need load on demand, keeping the initial bundle small.
const SideSetup = lazy(() => import(/* webpackChunkName: "side-setup" */ './SideSetup'));
const OptionsPanel = lazy(() => import(/* webpackChunkName: "options" */ './OptionsPanel'));
const ReadingChoice = lazy(() => import(/* webpackChunkName: "reading-choice" */ './ReadingChoice'));
const DateOrderChoice = lazy(() => import(/* webpackChunkName: "reading-choice" */ './DateOrderChoice'));
const StatementsPanel = lazy(() => import(/* webpackChunkName: "options" */ './StatementsPanel'));
const ReconciliationInputs = lazy(() => import(/* webpackChunkName: "options" */ './ReconciliationInputs'));
const ResultSummary = lazy(() => import(/* webpackChunkName: "result-summary" */ './ResultSummary'));
const DecisionsPanel = lazy(() => import(/* webpackChunkName: "result-summary" */ './DecisionsPanel'));

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '720px',
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'start', gap: tokens.spacingHorizontalS },
  titles: { display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  workbook: Workbook;
  engine: EngineClient;
  onLocaleChange: (locale: Locale) => void;
}

type Notice = { kind: 'error'; error: unknown } | { kind: 'cleared' } | { kind: 'restored' } | null;

/** What the pane says about the sign-off after a run, by its state. */
const SIGN_OFF_NOTICES: Record<SignOffStatus['state'], { id: PaneMessageId; intent: 'success' | 'warning' } | null> = {
  signed: { id: 'review.signed', intent: 'success' },
  cleared: { id: 'review.cleared', intent: 'warning' },
  refused: { id: 'review.refused', intent: 'warning' },
  none: null,
};

export function ReconPane({ workbook, engine, onLocaleChange }: Props) {
  const styles = useStyles();
  const { locale, t } = usePaneText();
  const ledger = useSideSetup('ledger', workbook, engine);
  const bank = useSideSetup('bank', workbook, engine);
  const run = useRun(workbook, engine);
  const [sheetNames, setSheetNames] = useState<string[]>([]);
  const [lastRun, setLastRun] = useState<RunRecord | null>(null);
  const [draft, setDraft] = useState<OptionsDraft | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  /** A doubtful reading was just picked: run again once the side is read with it. */
  const [rerun, setRerun] = useState(false);
  const [statementsDraft, setStatementsDraft] = useState<StatementsDraft | null>(null);
  const [user, setUser] = useState(initialUserName);
  const [signOff, setSignOff] = useState<SignOff | null>(null);
  /** The set-up kept in the workbook, read once when the pane opens (null: not read yet). */
  const [kept, setKept] = useState<WorkbookSettings | null>(null);
  const [defaults, setDefaults] = useState<MatchSettings | null>(null);
  /** The decision the running run was started for, to confirm once it is written. */
  const [deciding, setDeciding] = useState<SheetEdit | null>(null);
  const [decided, setDecided] = useState<SheetEdit | null>(null);

  const refreshWorkbook = useCallback(async () => {
    try {
      const [names, record, memory] = await Promise.all([workbook.sheetNames(), workbook.lastRun(), workbook.readMemory('settings')]);
      setSheetNames(names);
      setLastRun(record);
      setSignOff(memory.signOff);
      setKept((current) => current ?? memory.settings);
      // The company name and the statements switch come back from the workbook once.
      setStatementsDraft((current) => current ?? { ...statementsDraftOf(record), ...(memory.settings.company && { company: memory.settings.company }) });
    } catch (error) {
      setNotice({ kind: 'error', error });
    }
  }, [workbook]);

  useEffect(() => {
    void refreshWorkbook();
  }, [refreshWorkbook]);

  useEffect(() => {
    let current = true;
    engine.matchDefaults().then(
      (defaults) => current && setDefaults(defaults),
      (error) => current && setNotice({ kind: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [engine]);

  // The options start from the engine's defaults, with what the workbook kept over them.
  useEffect(() => {
    if (defaults && kept && !draft) setDraft(kept.match ? draftFromSettings(defaults, kept.match) : draftOf(defaults));
  }, [defaults, kept, draft]);

  // A teammate opening the workbook gets the same set-up: ranges read with the same corrections, balances.
  useEffect(() => {
    if (!kept) return;
    let restored = false;
    if (kept.ledger?.range && ledger.state.status === 'empty') {
      void ledger.choose(kept.ledger.range, correctionsOf(kept.ledger));
      restored = true;
    }
    if (kept.bank?.range && bank.state.status === 'empty') {
      void bank.choose(kept.bank.range, correctionsOf(kept.bank));
      restored = true;
    }
    const texts = statementTextsOf(kept);
    if (Object.keys(texts).length > 0) setStatementTexts((current) => ({ ...texts, ...current }));
    if (restored) setNotice((current) => current ?? { kind: 'restored' });
    // Once, when the kept set-up is first read (the sides' own changes must not restore it again).
  }, [kept]);

  useEffect(() => {
    if (run.state.phase === 'done') {
      void refreshWorkbook();
      setDecided(deciding);
    }
    if (run.state.phase !== 'running') setDeciding(null);
    // On a change of phase only: `deciding` is read as it was when the run ended.
  }, [run.state.phase, refreshWorkbook]);

  const running = run.state.phase === 'running';
  const validation = draft ? validateOptions(draft) : null;
  const sidesReady = ledger.state.status === 'ready' && bank.state.status === 'ready';
  const statements = statementsDraft ? validateStatements(statementsDraft) : null;
  const [statementTexts, setStatementTexts] = useState<Record<string, string>>({});
  const [statementValid, setStatementValid] = useState(true);
  const canRun = sidesReady && Boolean(validation?.settings) && (statements?.valid ?? true) && statementValid && !running;

  const start = (extra: Partial<RunPlan> = {}) => {
    if (!canRun || !validation?.settings) return;
    setNotice(null);
    setDecided(null);
    const named = user.trim();
    void run.start({
      ...(named && { user: named }),
      settings: settingsOf({ ledger: ledger.state, bank: bank.state, statementTexts, company: statementsDraft?.company }),
      ...extra,
      // The concrete range read (a bare sheet name resolved to its used range), so column roles stay aligned.
      ledgerAddress: ledger.state.block!.address,
      bankAddress: bank.state.block!.address,
      ledgerOptions: ledger.readOptions(),
      bankOptions: bank.readOptions(),
      match: validation.settings,
      locale,
      ...(statements?.settings && { statements: statements.settings }),
      statement: statementTexts,
    });
  };

  useEffect(() => {
    if (rerun && canRun) {
      setRerun(false);
      start();
    }
  });

  const doubtfulReadings = run.state.phase === 'done' ? run.state.summary.readings : undefined;
  const dateOrders = run.state.phase === 'done' ? run.state.summary.dateOrders : undefined;
  const dateOrderChoice =
    dateOrders?.ledger?.doubtful && dateOrders.bank?.doubtful ? (
      <DateOrderChoice
        ledger={dateOrders.ledger}
        bank={dateOrders.bank}
        disabled={running}
        onPick={(side) => {
          (side === 'ledger' ? ledger : bank).setDateOrder('DMY');
          setRerun(true);
        }}
      />
    ) : null;
  const readingChoice = (setup: SideSetupControl, reading: ReadingSummary | undefined) =>
    reading?.doubtful && !reading.given ? (
      <ReadingChoice
        reading={reading}
        disabled={running}
        onPick={(option) => {
          setup.setReading(option.kind, option.oppositeSigns);
          setRerun(true);
        }}
      />
    ) : null;

  const signOffNotice = (status: SignOffStatus) => {
    const notice = SIGN_OFF_NOTICES[status.state];
    if (!notice) return null;
    const params: Record<string, string | number> = status.state === 'refused' ? { changes: status.changes } : status.state === 'none' ? {} : { by: status.by, at: status.at };
    return (
      <MessageBar intent={notice.intent} layout="multiline">
        <MessageBarBody>{t(notice.id, params)}</MessageBarBody>
      </MessageBar>
    );
  };

  const clear = async () => {
    setNotice(null);
    try {
      await workbook.clearRun();
      run.reset();
      setNotice({ kind: 'cleared' });
    } catch (error) {
      setNotice({ kind: 'error', error });
    }
    await refreshWorkbook();
  };

  const goTo = async (sheet: string) => {
    try {
      await workbook.activateSheet(sheet);
    } catch (error) {
      setNotice({ kind: 'error', error });
    }
  };

  const sideSection = (setup: SideSetupControl, title: 'side.ledger.title' | 'side.bank.title', hint: 'side.ledger.hint' | 'side.bank.hint') => (
    <PaneSection title={t(title)} hint={t(hint)}>
      <RangePicker setup={setup} sheetNames={sheetNames} disabled={running} />
      {setup.state.status === 'failed' && <ErrorNotice error={setup.state.error} />}
      {setup.state.detection && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <SideSetup setup={setup} disabled={running} />
        </Suspense>
      )}
    </PaneSection>
  );

  return (
    <main className={styles.pane}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Text as="h1" size={600} weight="semibold" style={{ margin: 0 }}>
            {t('app.title')}
          </Text>
          <Text size={200} className={styles.hint}>
            {t('app.subtitle')}
          </Text>
        </div>
        <LanguagePicker onChange={onLocaleChange} />
      </header>

      {notice?.kind === 'error' && <ErrorNotice error={notice.error} onDismiss={() => setNotice(null)} />}
      {notice?.kind === 'restored' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('settings.restored')}</MessageBarBody>
        </MessageBar>
      )}
      {notice?.kind === 'cleared' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('clear.done')}</MessageBarBody>
        </MessageBar>
      )}

      {sideSection(ledger, 'side.ledger.title', 'side.ledger.hint')}
      {sideSection(bank, 'side.bank.title', 'side.bank.hint')}

      <PaneSection title={t('options.title')}>
        {draft && validation ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <OptionsPanel draft={draft} errors={validation.errors} disabled={running} onChange={setDraft} />
          </Suspense>
        ) : (
          <Spinner size="tiny" />
        )}
      </PaneSection>

      <PaneSection title={t('reconciliation.title')}>
        <Suspense fallback={<Spinner size="tiny" />}>
          <ReconciliationInputs
            texts={statementTexts}
            disabled={running}
            onChange={(texts, valid) => {
              setStatementTexts(texts);
              setStatementValid(valid);
            }}
          />
        </Suspense>
      </PaneSection>

      <PaneSection title={t('statements.title')}>
        {statementsDraft && statements ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <StatementsPanel draft={statementsDraft} errors={statements.errors} disabled={running} onChange={setStatementsDraft} />
          </Suspense>
        ) : (
          <Spinner size="tiny" />
        )}
      </PaneSection>

      <Field label={t('user.label')} hint={t('user.hint')}>
        <Input
          value={user}
          disabled={running}
          onChange={(_, data) => {
            setUser(data.value);
            rememberUserName(data.value);
          }}
        />
      </Field>

      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canRun} onClick={() => start()}>
          {t('run.start')}
        </Button>
        {running && (
          <Button disabled={run.state.phase === 'running' && run.state.cancelling} onClick={run.cancel}>
            {t('run.cancel')}
          </Button>
        )}
        <Button disabled={running || (!lastRun && run.state.phase !== 'done')} onClick={() => void clear()}>
          {t('clear.button')}
        </Button>
      </div>
      {!sidesReady && !running && (
        <Text size={200} className={styles.hint}>
          {t('run.needRanges')}
        </Text>
      )}
      {sidesReady && validation && !validation.settings && (
        <Text size={200} className={styles.hint}>
          {t('run.fixOptions')}
        </Text>
      )}
      {lastRun && run.state.phase !== 'running' && (
        <Text size={200} className={styles.hint}>
          {t('clear.lastRun', { time: new Date(lastRun.ranAt).toLocaleString(locale === 'en' ? 'en-US' : locale) })}
        </Text>
      )}

      {run.state.phase === 'running' && (
        <RunProgress progress={run.progress} cancelling={run.state.cancelling} />
      )}
      {run.state.phase === 'cancelled' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('run.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {run.state.phase === 'failed' && <ErrorNotice error={run.state.error} onDismiss={run.reset} />}
      {run.state.phase === 'done' && decided && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('decide.saved', { kind: t(`decisions.kind.${decided.kind}`), by: decided.by })}</MessageBarBody>
        </MessageBar>
      )}
      {run.state.phase === 'done' && run.state.summary.signOff && signOffNotice(run.state.summary.signOff)}
      {run.state.phase === 'done' && (
        <PaneSection title={t('summary.title')}>
          <Suspense fallback={<Spinner size="tiny" />}>
            <ResultSummary summary={run.state.summary} onGoToMatches={(sheet) => void goTo(sheet)} />
            {dateOrderChoice}
            {readingChoice(ledger, doubtfulReadings?.ledger)}
            {readingChoice(bank, doubtfulReadings?.bank)}
          </Suspense>
        </PaneSection>
      )}
      <PaneSection title={t('decide.title')} hint={t('decide.hint')}>
        {run.state.phase === 'done' && ledger.state.block && bank.state.block ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <DecisionsPanel
              workbook={workbook}
              summary={run.state.summary}
              sides={[
                { side: 'ledger', block: ledger.state.block, headerRow: ledger.state.detection?.headerRow ?? ledger.state.block.top },
                { side: 'bank', block: bank.state.block, headerRow: bank.state.detection?.headerRow ?? bank.state.block.top },
              ]}
              user={user}
              disabled={!canRun}
              standingSignOff={signOff}
              onDecide={(edit) => {
                setDeciding(edit);
                start({ paneEdits: [edit] });
              }}
              onSignOff={() => start({ signOff: { by: user.trim(), at: new Date().toISOString() } })}
            />
          </Suspense>
        ) : (
          <Text size={200} className={styles.hint}>
            {signOff ? t('review.standing', { by: signOff.by, at: signOff.at }) : t('decide.needRun')}
          </Text>
        )}
      </PaneSection>
    </main>
  );
}
